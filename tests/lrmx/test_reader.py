"""Reading files: hostile and broken input is refused with a clear message, before any parsing harm."""

import datetime
import io
import zipfile

import pytest

from cadres.importing.problems import ImportRefused
from cadres.lrmx.jianli import parse_jianli
from cadres.lrmx.reader import (
    DTD_REFUSED,
    DUPLICATE,
    NAME_MISSING,
    ZIP_EMPTY,
    parse_lrmx,
    unpack,
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Person [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Person><XingMing>&lol3;</XingMing></Person>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Person [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Person><XingMing>&xxe;</XingMing></Person>"""


def problem_of(content, name="a.lrmx"):
    with pytest.raises(ImportRefused) as caught:
        parse_lrmx(name, content)
    return caught.value.problems


def test_not_xml_is_refused_with_position():
    [problem] = problem_of(b"\xd5\xc5\xc8\xfd not xml at all")
    assert problem.column == "文件"
    assert problem.reason.startswith("不是有效的XML文件（第1行")


def test_wrong_root_is_refused():
    [problem] = problem_of(b"<Cadre><XingMing>x</XingMing></Cadre>")
    assert problem.reason == "根元素应为<Person>，实际为<Cadre>，不是任免审批表文件"


def test_billion_laughs_is_refused():
    [problem] = problem_of(BILLION_LAUGHS)
    assert problem.reason == DTD_REFUSED


def test_external_entity_is_refused():
    [problem] = problem_of(EXTERNAL_ENTITY)
    assert problem.reason == DTD_REFUSED


def test_bom_is_accepted():
    parsed = parse_lrmx(
        "a.lrmx", b"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?><Person><XingMing>x</XingMing></Person>"
    )
    assert parsed.get("XingMing") == "x"


def test_file_without_bom_is_accepted():
    assert parse_lrmx("a.lrmx", "<Person><XingMing>张三</XingMing></Person>".encode()).get("XingMing") == "张三"


def test_unknown_elements_are_listed_as_ignored():
    parsed = parse_lrmx("a.lrmx", "<Person><XingMing>张三</XingMing><WaiHao>x</WaiHao></Person>".encode())
    assert parsed.ignored == ["WaiHao"]


def test_newer_elements_are_read_when_present():
    content = "<Person><XingMing>张三</XingMing><DaoLingNianYue>205003</DaoLingNianYue></Person>".encode()
    assert parse_lrmx("a.lrmx", content).get("DaoLingNianYue") == "205003"


def test_name_is_required():
    [problem] = problem_of(b"<Person><XingMing></XingMing></Person>")
    assert (problem.column, problem.reason) == ("XingMing", NAME_MISSING)


def test_duplicate_element_is_an_error():
    [problem] = problem_of(b"<Person><XingMing>a</XingMing><XingMing>b</XingMing></Person>")
    assert problem.reason == DUPLICATE


def test_problem_reads_as_file_then_the_element_in_words_then_the_message():
    [problem] = problem_of(b"<Person><XingMing></XingMing></Person>", name="1.张三.lrmx")
    assert str(problem) == "1.张三.lrmx · 姓名 · 缺少姓名"
    assert problem.column == "XingMing"


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_gives_its_lrmx_files_only():
    content = zip_of([("1.张三.lrmx", b"<Person/>"), ("readme.txt", b"x")])
    assert unpack("a.zip", content) == [("1.张三.lrmx", b"<Person/>")]


def test_zip_without_lrmx_is_refused():
    with pytest.raises(ImportRefused) as caught:
        unpack("a.zip", zip_of([("readme.txt", b"x")]))
    assert caught.value.problems[0].reason == ZIP_EMPTY


def test_jianli_reader_takes_rank_degree_level_and_inline_studies_apart():
    text = (
        "2008.09--2012.07  武汉大学法学专业学习，获学士学位\n"
        "2012.07--         某局科员（四级主任科员）"
        "（其间：2014.09--2017.06在华中师范大学公共管理专业硕士研究生在职学习，获硕士学位；2021.09起在中央党校法律专业在职学习）"
    )
    periods, problems = parse_jianli(text)
    assert problems == []
    periods = [line for period in periods for line in (period, *period.nested)]
    assert [(p.kind, p.text, p.rank, p.education, p.degree, p.end) for p in periods] == [
        ("study", "武汉大学法学专业", "", "", "学士", datetime.date(2012, 7, 1)),
        ("work", "某局科员", "四级主任科员", "", "", None),
        ("in_service", "华中师范大学公共管理专业", "", "硕士研究生", "硕士", datetime.date(2017, 6, 1)),
        ("in_service", "中央党校法律专业", "", "", "", None),
    ]

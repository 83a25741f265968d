"""Files as other offices' tools write them: zip member names, 简历, 奖惩 and 考核 forms, unit aliases."""

import datetime
import io
import zipfile

import pytest

from cadres.importing.problems import ImportRefused
from cadres.lrmx.importer import lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.jianli import parse_jianli
from cadres.lrmx.reader import FILE_TOO_LARGE, ZIP_BOMB, ZIP_TOO_LARGE, Upload
from cadres.lrmx.texts import parse_appraisals, parse_rewards
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, ResumeNote, UnitAlias, WorkRecord
from tests.factories import make_full_cadre, make_unit

D = datetime.date
AS_OF, FILLED_ON = D(2021, 7, 31), D(2021, 8, 2)


def zip_with_raw_names(files):
    """Return a zip whose member names are stored as the given bytes, without the UTF-8 flag.

    zipfile flags any name that is not ASCII, so each is written as an ASCII stand-in of its length,
    then the stand-in's bytes (in the local header and the central directory) are replaced.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (raw, content) in enumerate(files):
            archive.writestr(stand_in(index, len(raw)), content)
    data = buffer.getvalue()
    for index, (raw, _content) in enumerate(files):
        data = data.replace(stand_in(index, len(raw)).encode(), raw)
    assert not any(info.flag_bits & 0x800 for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    return data


def stand_in(index, length):
    return f"{index}".rjust(length, "~")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_member_names_written_without_the_utf8_flag_are_decoded(encoding):
    """Windows tools write GBK (CP936) names, Info-ZIP UTF-8 ones, neither setting the flag."""
    data = zip_with_raw_names([("干部/1.张三.lrmx".encode(encoding), b"<Person/>")])
    assert [name for name, _content in Upload("a.zip", data)] == ["1.张三.lrmx"]


def test_a_zip_of_more_files_than_the_setting_is_refused(settings):
    settings.LRMX_IMPORT_MAX_FILES = 2
    data = zip_with_raw_names([(f"{n}.lrmx".encode(), b"<Person/>") for n in range(3)])
    with pytest.raises(ImportRefused) as refused:
        Upload("a.zip", data)
    assert refused.value.problems[0].reason == ZIP_TOO_LARGE.format(limit="8192 MB", count=2)


def test_a_member_larger_than_one_form_can_be_is_refused_unread(settings):
    settings.LRMX_IMPORT_MAX_BYTES = 1024
    data = zip_with_raw_names([(b"big.lrmx", b"<Person>" + b" " * 4096 + b"</Person>")])
    with pytest.raises(ImportRefused) as refused:
        Upload("a.zip", data)
    assert refused.value.problems[0].reason == FILE_TOO_LARGE.format(limit="1 KB")


def test_a_bomb_is_refused_by_its_ratio_before_it_is_inflated():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.lrmx", b"<Person>" + b"\x20" * (4 * 1024 * 1024) + b"</Person>")
    with pytest.raises(ImportRefused) as refused:
        Upload("a.zip", buffer.getvalue())
    [problem] = refused.value.problems
    assert problem.file == "bomb.lrmx" and problem.reason.startswith(ZIP_BOMB.split("{")[0])


@pytest.mark.parametrize(
    "line",
    [
        "201207--201606  某局科员",
        "2012.07-2016.06  某局科员",
        "2012-07--2016-06  某局科员",
        "2012年7月--2016年6月  某局科员",
        "2012.07—2016.06 某局科员",
        "2012.07～2016.06某局科员",
        "2012.07至2016.06  某局科员",
    ],
)
def test_each_way_of_writing_a_period(line):
    [period] = parse_jianli(line)[0]
    assert (period.kind, period.start, period.end, period.text) == ("work", D(2012, 7, 1), D(2016, 6, 1), "某局科员")


@pytest.mark.parametrize("line", ["2012.07--至今  某局科员", "2012.07至今  某局科员", "2012.07--           某局科员"])
def test_an_ongoing_period(line):
    [period] = parse_jianli(line)[0]
    assert (period.start, period.end, period.text) == (D(2012, 7, 1), None, "某局科员")


@pytest.mark.parametrize(
    "text",
    [
        "2012.07--  某局科员(其间:2014.09--2017.06在某大学法学专业在职学习)",
        "2012.07--  某局科员（期间：2014.09--2017.06在某大学法学专业在职学习）",
        "2012.07--  某局科员\n（其间：2014.09--2017.06在某大学法学专业在职学习）",
        "2012.07--  某局科员\n(期间:2014.09--2017.06在某大学法学专业在职学习)",
    ],
)
def test_in_service_study_in_half_width_brackets_or_on_its_own_line(text):
    periods = [line for period in parse_jianli(text)[0] for line in (period, *period.nested)]
    assert [(p.kind, p.text) for p in periods] == [("work", "某局科员"), ("in_service", "某大学法学专业")]


def test_a_line_without_a_period_continues_the_one_above():
    [period] = parse_jianli("2012.07--2016.06  下陆区团山街道\n党政办公室副主任")[0]
    assert period.text == "下陆区团山街道党政办公室副主任"


def test_a_line_that_cannot_be_read_is_kept_whole_after_the_line_before():
    line = "2016.06--  某局（其间：看不懂的一段话）"
    periods = parse_jianli(f"2012.07--2016.06  某局科员\n{line}")[0]
    assert [(p.kind, p.start, p.text) for p in periods][1] == ("note", D(2012, 7, 1), line)


def test_a_first_line_without_a_period_is_kept_whole_at_the_start():
    [period] = parse_jianli("※ 简历由本人填写")[0]
    assert (period.kind, period.start, period.text) == ("note", None, "※ 简历由本人填写")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019.12  被评为优秀公务员（区委）", ("奖励", D(2019, 12, 1), "被评为优秀公务员", "区委")),
        ("2019年05月，经区委批准，授予“优秀共产党员”称号", ("奖励", D(2019, 5, 1), "授予“优秀共产党员”称号", "区委")),
        ("2019年5月 荣立三等功", ("奖励", D(2019, 5, 1), "荣立三等功", "")),
        ("201905 受到嘉奖", ("奖励", D(2019, 5, 1), "受到嘉奖", "")),
        ("2020.03.15 受到警告处分（区纪委）", ("惩处", D(2020, 3, 1), "受到警告处分", "区纪委")),
    ],
)
def test_rewards_in_the_common_written_forms(text, expected):
    [found], problems = parse_rewards(text)
    assert problems == []
    assert (found.kind, found.date, found.description, found.authority) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年、2020年年度考核称职；2021年年度考核优秀", [(2019, "称职"), (2020, "称职"), (2021, "优秀")]),
        ("2019年度考核称职，2020年度考核优秀", [(2019, "称职"), (2020, "优秀")]),
        ("2019年度：优秀；2020年度：基本称职", [(2019, "优秀"), (2020, "基本称职")]),
        ("2018—2020年度考核均为称职", [(2018, "称职"), (2019, "称职"), (2020, "称职")]),
        ("2019年度考核结果为合格", [(2019, "合格")]),
    ],
)
def test_appraisals_in_the_common_written_forms(text, expected):
    assert parse_appraisals(text) == (expected, [])


@pytest.mark.django_db
class TestUnitAliases:
    def file_of(self, cadre):
        return cadre_lrmx(
            lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None
        )

    def test_a_post_written_after_an_alias_of_the_unit_keeps_the_post_alone(self):
        cadre = make_full_cadre(unit=make_unit("中共下陆区委组织部"))
        UnitAlias.objects.create(unit=cadre.unit, name="下陆区委组织部")
        content = self.file_of(cadre).replace(
            "中共下陆区委组织部干部科科长".encode(), "下陆区委组织部干部科科长".encode()
        )
        [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
        assert person.cadre.post == "干部科科长"

    def test_a_new_cadre_goes_to_the_unit_its_report_names_by_an_alias(self):
        unit = make_unit("中共下陆区委组织部")
        UnitAlias.objects.create(unit=unit, name="区委组织部")
        content = (
            "<Person><XingMing>赵六</XingMing><XingBie>女</XingBie><ChuShengNianYue>199004</ChuShengNianYue>"
            "<ChengBaoDanWei>区委组织部</ChengBaoDanWei><QuanRiZhiJiaoYu_XueLi>大学本科毕业</QuanRiZhiJiaoYu_XueLi>"
            "<JianLi>2012.07--  区委组织部科员</JianLi></Person>"
        ).encode()
        plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
        lrmx_import_apply(plan=plan, user=None)
        cadre = Cadre.objects.get(name="赵六")
        assert (cadre.unit, cadre.education_written) == (unit, "大学本科毕业")
        assert list(WorkRecord.objects.values_list("unit", "unit_name", "post")) == [(unit.pk, "", "科员")]
        assert not ResumeNote.objects.exists()

"""export_lrmx and import_lrmx: files named 序号.姓名.lrmx, the diff printed, exit codes."""

import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from cadres.models import Cadre
from tests.factories import make_full_cadre

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_writes_numbered_files(tmp_path):
    first = make_full_cadre()
    make_full_cadre(name="李雷", unit=first.unit, birth_date=datetime.date(1991, 2, 2))
    _out, err = run("export_lrmx", str(tmp_path), "--as-of", "2021-07-31")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["1.张三.lrmx", "2.李雷.lrmx"]
    assert err == ""


def test_export_without_as_of_says_it_used_today(tmp_path):
    make_full_cadre()
    _out, err = run("export_lrmx", str(tmp_path))
    assert err.startswith("未指定 --as-of，计算年龄时间按今天")


def test_export_zip(tmp_path):
    make_full_cadre()
    run("export_lrmx", str(tmp_path), "--as-of", "2021-07-31", "--zip")
    with zipfile.ZipFile(tmp_path / "任免审批表.zip") as archive:
        assert archive.namelist() == ["1.张三.lrmx"]


def test_export_unknown_unit_fails(tmp_path):
    with pytest.raises(CommandError, match="未找到单位“无此单位”"):
        run("export_lrmx", str(tmp_path), "--unit", "无此单位")


def test_import_dry_run_prints_the_diff_and_writes_nothing(tmp_path):
    cadre = make_full_cadre()
    run("export_lrmx", str(tmp_path), "--as-of", "2021-07-31")
    path = tmp_path / "1.张三.lrmx"
    path.write_bytes(path.read_bytes().replace("湖北黄石".encode(), "湖北武汉".encode()))
    out, _err = run("import_lrmx", str(path), "--dry-run")
    assert "1.张三.lrmx · 张三（更新）\n  籍贯：湖北黄石 → 湖北武汉\n" in out
    cadre.refresh_from_db()
    assert cadre.native_place == "湖北黄石"
    run("import_lrmx", str(path))
    cadre.refresh_from_db()
    assert cadre.native_place == "湖北武汉"


def test_import_errors_print_file_element_message_and_fail(tmp_path):
    path = tmp_path / "x.lrmx"
    path.write_bytes(b"<Cadre/>")
    err = io.StringIO()
    with pytest.raises(CommandError, match="导入失败：1处错误，未导入任何内容"):
        call_command("import_lrmx", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == "x.lrmx · 文件 · 根元素应为<Person>，实际为<Cadre>，不是任免审批表文件\n"
    assert Cadre.objects.count() == 0


def test_the_zip_export_lrmx_wrote_for_all_people_imports_back_unchanged(tmp_path, settings):
    settings.LRMX_IMPORT_MAX_FILES = 2  # a limit the zip of three is over: the setting decides
    first = make_full_cadre()
    make_full_cadre(name="李雷", unit=first.unit, birth_date=datetime.date(1991, 2, 2))
    make_full_cadre(name="韩梅", unit=first.unit, birth_date=datetime.date(1992, 3, 3))
    run("export_lrmx", str(tmp_path), "--as-of", "2021-07-31", "--zip")
    with pytest.raises(CommandError):
        run("import_lrmx", str(tmp_path / "任免审批表.zip"), "--dry-run")
    settings.LRMX_IMPORT_MAX_FILES = 50000
    out, _err = run("import_lrmx", str(tmp_path / "任免审批表.zip"), "--dry-run")
    assert [line.rsplit("（", 1)[1] for line in out.splitlines() if line.endswith("）")] == ["未变）"] * 3

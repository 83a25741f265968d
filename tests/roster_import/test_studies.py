"""毕业院校及专业 under 全日制教育 / 在职教育 become the cadre's education records (undated)."""

import datetime
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook, load_workbook

from cadres.importing.outcome import Change
from cadres.models import Cadre, EducationRecord, StudyMode
from cadres.roster_import.load import roster_import_plan
from cadres.roster_import.services import roster_import_apply
from tests.factories import make_cadre, make_id_number, make_unit

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1990, 5, 12)
NUMBER = make_id_number(BIRTH, "男")
ENTRY = datetime.date(2015, 8, 1)
STARTED = datetime.date(2008, 9, 1)
TOP = [
    "姓名",
    "公民身份号码",
    "政治面貌",
    "工作单位",
    "进入方式",
    "进入时间",
    "全日制教育",
    None,
    None,
    "在职教育",
    None,
    None,
]
SUB = [None, None, None, None, None, None, "学历", "学位", "毕业院校及专业", "学历", "学位", "毕业院校系及专业"]


@pytest.fixture
def unit():
    return make_unit("下陆区委组织部")


def roster(*rows):
    """A roster with the two-row education header, one row per (全日制 cells, 在职 cells)."""
    workbook = Workbook()
    ws = workbook.active
    ws.append(TOP)
    ws.append(SUB)
    for column in "ABCDEF":
        ws.merge_cells(f"{column}1:{column}2")
    ws.merge_cells("G1:I1")
    ws.merge_cells("J1:L1")
    for fulltime, inservice in rows:
        ws.append(
            ["张三", NUMBER, "中共党员", "下陆区委组织部", "选调生", datetime.date(2015, 8, 1), *fulltime, *inservice]
        )
        ws.cell(ws.max_row, 2).number_format = "@"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def imported(data):
    plan = roster_import_plan(data, filename="x.xlsx")
    assert plan.ok, [str(problem) for problem in plan.problems]
    roster_import_apply(plan=plan)
    return plan


def studies(cadre):
    return sorted(
        (record.mode, record.school, record.education, record.degree, record.start_date)
        for record in EducationRecord.objects.filter(cadre=cadre)
    )


def test_a_new_cadre_gets_one_undated_record_per_education_with_a_school(unit):
    imported(roster((("大学本科", "学士", "武汉大学法学院法学"), ("硕士研究生", "硕士", "中共湖北省委党校法学"))))
    cadre = Cadre.objects.get()
    assert studies(cadre) == [
        (StudyMode.FULL_TIME, "武汉大学法学院法学", "大学本科", "学士", None),
        (StudyMode.IN_SERVICE, "中共湖北省委党校法学", "硕士研究生", "硕士", None),
    ]
    assert (cadre.education, cadre.degree) == ("硕士研究生", "硕士")
    assert {record.history_type for record in EducationRecord.history.all()} == {"+"}


def test_no_school_no_record(unit):
    imported(roster((("大学本科", "学士", None), (None, None, None))))
    assert studies(Cadre.objects.get()) == []


def test_the_same_school_again_changes_nothing(unit):
    data = roster((("大学本科", "学士", "武汉大学法学院法学"), (None, None, None)))
    imported(data)
    plan = roster_import_plan(data, filename="x.xlsx")
    assert [row.action for row in plan.people] == ["unchanged"]
    assert EducationRecord.objects.count() == 1


def test_a_school_matching_a_dated_record_as_school_and_major_changes_nothing(unit):
    cadre = make_cadre(name="张三", birth_date=BIRTH, id_number=NUMBER, unit=unit, entry_date=ENTRY)
    EducationRecord.objects.create(
        cadre=cadre,
        mode=StudyMode.FULL_TIME,
        school="武汉大学法学院",
        major="法学",
        start_date=datetime.date(2008, 9, 1),
    )
    plan = roster_import_plan(roster((("大学本科", "学士", "武汉大学法学院法学"), (None, None, None))), filename="x")
    assert [row.changes for row in plan.people if "fulltime.school" in row.changes] == []


def test_a_corrected_school_corrects_the_undated_record_a_roster_made(unit):
    imported(roster((("大学本科", "学士", "武汉大学法学"), (None, None, None))))
    plan = imported(roster((("大学本科", "学士", "武汉大学法学院法学"), (None, None, None))))
    (row,) = plan.people
    assert (row.action, row.changes) == (
        "updated",
        [Change("全日制教育·毕业院校及专业", "武汉大学法学", "武汉大学法学院法学", "fulltime.school")],
    )
    assert row.change_lines == ["全日制教育·毕业院校及专业：武汉大学法学 → 武汉大学法学院法学"]
    cadre = Cadre.objects.get()
    assert studies(cadre) == [(StudyMode.FULL_TIME, "武汉大学法学院法学", "大学本科", "学士", None)]
    record = EducationRecord.objects.get()
    assert [entry.history_type for entry in record.history.order_by("history_id")] == ["+", "~"]
    # Only the education record changed: the cadre's version moves on (an edit made meanwhile would
    # be refused) but its history gets no row, as none of its fields changed.
    assert (cadre.version, cadre.history.count()) == (1, 1)


def test_the_same_school_with_another_education_corrects_that_record(unit):
    imported(roster((("大学本科", "学士", "武汉大学法学院法学"), (None, None, None))))
    plan = imported(roster((("硕士研究生毕业", "法学硕士", "武汉大学法学院法学"), (None, None, None))))
    (row,) = plan.people
    assert row.action == "updated"
    assert row.change_lines == [
        "学历：大学本科 → 硕士研究生毕业",
        "学位：学士 → 法学硕士",
        "全日制教育·毕业院校及专业：武汉大学法学院法学，大学本科，学士 → 武汉大学法学院法学，硕士研究生毕业，法学硕士",
    ]
    cadre = Cadre.objects.get()
    assert studies(cadre) == [(StudyMode.FULL_TIME, "武汉大学法学院法学", "硕士研究生", "硕士", None)]
    assert (cadre.education, cadre.degree) == ("硕士研究生", "硕士")
    assert EducationRecord.objects.get().education_written == "硕士研究生毕业"


def test_a_dated_record_is_never_overwritten_a_new_school_is_added(unit):
    cadre = make_cadre(name="张三", birth_date=BIRTH, id_number=NUMBER, unit=unit, entry_date=ENTRY)
    EducationRecord.objects.create(
        cadre=cadre,
        mode=StudyMode.FULL_TIME,
        school="华中师范大学",
        major="汉语言文学",
        start_date=datetime.date(2008, 9, 1),
    )
    imported(roster((("大学本科", "学士", "武汉大学法学"), (None, None, None))))
    assert studies(cadre) == [
        (StudyMode.FULL_TIME, "华中师范大学", "", "", STARTED),
        (StudyMode.FULL_TIME, "武汉大学法学", "大学本科", "学士", None),
    ]


def test_the_command_reports_each_update_with_its_changes(unit, tmp_path, capsys):
    imported(roster((("大学本科", "学士", "武汉大学法学"), (None, None, None))))
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(roster((("大学本科", "学士", "武汉大学法学院法学"), (None, None, None))))
    call_command("import_roster", str(path))
    out = capsys.readouterr().out
    assert "第3行 · 更新 · 张三 · 全日制教育·毕业院校及专业：武汉大学法学 → 武汉大学法学院法学" in out


def test_a_school_too_long_is_an_error_on_its_cell(unit):
    plan = roster_import_plan(roster((("大学本科", "学士", "长" * 101), (None, None, None))), filename="x.xlsx")
    assert [(problem.row, problem.column) for problem in plan.problems] == [(3, "全日制教育·毕业院校及专业")]


def test_a_two_row_header_repeated_inside_the_data_is_skipped(unit):
    data = roster((("大学本科", "学士", "武汉大学法学"), (None, None, None)))
    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.active
    ws.append(TOP)
    ws.append(SUB)
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = roster_import_plan(buffer.getvalue(), filename="x.xlsx")
    assert plan.ok, [str(problem) for problem in plan.problems]
    assert plan.skipped == [(4, "重复的表头"), (5, "重复的表头")]


CORRECTED = Change("全日制教育·毕业院校及专业", "武汉大学法学", "武汉大学法学院法学", "fulltime.school")

"""A roster as district offices write it imports whole, and gives the statistics worked out by hand."""

import datetime
import io

import pytest
import xlwt
from django.core.management import call_command

from cadres.importing.dates import MONTH_AMBIGUOUS
from cadres.importing.outcome import CREATED, UNCHANGED
from cadres.models import Cadre
from cadres.roster_import import cells, reader
from cadres.roster_import.load import roster_import_read
from cadres.roster_import.plan import LEFT_WITHOUT_DATE
from cadres.roster_import.row_reader import FORMULA_UNCALCULATED
from cadres.roster_import.services import roster_import_apply
from reports.roster_template import roster_template
from reports.stats import StatsParams, young_cadre_stats
from tests.factories import (
    HEADERS,
    REALISTIC_PEOPLE,
    make_realistic_units,
    make_unit,
    person,
    realistic_roster,
    roster_bytes,
)

pytestmark = pytest.mark.django_db
D = datetime.date
AS_OF = D(2021, 7, 31)
ARTICLE = StatsParams(as_of=AS_OF, max_age=35, recent_years=3, excluded=((2021, "gongwuyuan"), (2021, "shiye")))


@pytest.fixture
def unit():
    return make_unit("下陆区委组织部")


@pytest.fixture
def imported():
    make_realistic_units()
    sheet, plan = roster_import_read(realistic_roster(), filename="下陆区花名册.xlsx")
    assert plan.ok, [str(problem) for problem in plan.problems]
    roster_import_apply(plan=plan)
    return sheet, plan


def test_the_instructions_sheet_title_frame_and_footer_are_passed_over(imported):
    sheet, plan = imported
    assert (sheet.sheet, sheet.header_row) == ("花名册", 4)
    assert plan.skipped == [(5 + len(REALISTIC_PEOPLE), reader.SKIP_NOTE)]
    assert plan.counts[CREATED] == len(REALISTIC_PEOPLE) == Cadre.objects.count()


def test_the_statistics_are_those_worked_out_by_hand(imported):
    """On 2021-07-31, 35 or under, 2021 公务员 and 事业单位 intakes left out (the article's rules).

    Counted: 张伟, 李娜, 吴磊 (选调生; 吴磊 leaves after the date), 赵敏 (公务员), 王强 (事业单位招聘,
    35 to the day), 陈刚 (社区定向招聘), 蒋涛 (转隶, 借调 is not leaving) and 杨帆 (退伍) — 8. Not:
    刘洋 (enters after the date), 孙丽 (2021 公务员), 周杰 (left on the date), 郑芳 (37), 冯雪 (拟录用).
    近三年 (entered after 2018-07-31): 张伟, 李娜, 陈刚, 蒋涛 — 4.
    """
    stats = young_cadre_stats(ARTICLE)
    assert (stats.total, stats.recent) == (8, 4)
    assert {group.name: group.count for group in stats.groups} == {
        "选调生": 3,
        "公务员": 1,
        "招硕引博": 0,
        "事业单位招聘": 1,
        "社区定向招聘": 1,
        "其他方式": 2,
    }


def test_education_is_counted_by_level_with_party_school_apart(imported):
    """Of the 8: all have 大专 or higher; 陈刚 has only 大专; 李娜 (硕士) and 赵敏 (省委党校研究生) are of the
    研究生 level, 赵敏's by 党校 education; 王强's 本科 is in-service (函授本科)."""
    counted = Cadre.objects.young_cadres(ARTICLE)
    assert counted.education_at_least("大学专科").count() == 8
    assert counted.education_at_least("大学本科").count() == 7
    assert set(counted.education_at_least("硕士研究生").values_list("name", flat=True)) == {"李娜", "赵敏"}
    assert list(counted.education_at_least("硕士研究生", party_school=False).values_list("name", flat=True)) == ["李娜"]


def test_what_was_written_is_kept_beside_the_stored_choice(imported):
    fields = ["political_status", "political_status_written", "education", "education_written", "education_mode"]
    assert Cadre.objects.filter(name="王强").values_list(*fields).get() == (
        "民主党派",
        "九三学社社员",
        "大学本科",
        "函授本科",
        "在职",
    )
    assert Cadre.objects.filter(name="赵敏").values_list(*fields).get() == (
        "中共党员",
        "",
        "硕士研究生",
        "省委党校研究生",
        "党校",
    )
    assert Cadre.objects.get(name="李娜").degree_written == "公共管理硕士（MPA）"
    assert Cadre.objects.get(name="李娜").ethnicity == "土家族"


def test_the_status_column_written_as_the_reason(imported):
    found = Cadre.objects.filter(name__in=["周杰", "吴磊", "蒋涛", "冯雪"])
    assert {name: rest for name, *rest in found.values_list("name", "status", "leave_reason", "leave_date")} == {
        "吴磊": ["已离开", "辞职", D(2021, 8, 15)],
        "冯雪": ["拟录用", "", None],
        "周杰": ["已离开", "调出", D(2021, 7, 31)],
        "蒋涛": ["在职", "", None],
    }


def test_units_are_found_by_their_other_names(imported):
    assert Cadre.objects.get(name="张伟").unit.name == "中共下陆区委组织部"
    assert Cadre.objects.get(name="李娜").unit.name == "团山街道办事处"


def test_dates_keep_their_precision(imported):
    zhang = Cadre.objects.get(name="张伟")
    li = Cadre.objects.get(name="李娜")
    chen = Cadre.objects.get(name="陈刚")
    assert (zhang.entry_date, zhang.entry_month_only) == (D(2019, 8, 1), True)
    assert (li.entry_date, li.entry_month_only) == (D(2020, 7, 15), False)
    assert (chen.birth_date, chen.birth_month_only, chen.entry_date) == (D(1990, 6, 1), True, D(2021, 3, 1))


def test_the_same_roster_again_changes_nothing(imported):
    _sheet, again = roster_import_read(realistic_roster(), filename="下陆区花名册.xlsx")
    assert again.ok and again.counts[UNCHANGED] == len(REALISTIC_PEOPLE)


def test_a_month_never_overwrites_a_finer_date_of_the_same_month(imported):
    zhang = Cadre.objects.get(name="张伟")
    zhang.entry_date, zhang.entry_month_only = D(2019, 8, 17), False
    zhang.save()
    _sheet, again = roster_import_read(realistic_roster(), filename="下陆区花名册.xlsx")
    assert again.counts[UNCHANGED] == len(REALISTIC_PEOPLE)


def planned(people, headers):
    return roster_import_read(roster_bytes(people, headers=headers), filename="名册.xlsx")[1]


FLAT = ["姓名", "性别", "出生日期", "政治面貌", "全日制学历", "全日制学位", "在职学历", "在职学位", "单位", "进入方式"]


def test_flat_education_headers_are_read_as_the_groups(unit):
    found = planned([flat_person(全日制学历="大学本科", 在职学历="在职研究生", 在职学位="管理学硕士")], FLAT)
    assert found.ok, [str(problem) for problem in found.problems]
    cadre = found.people[0].cadre
    assert (cadre.education, cadre.education_written, cadre.education_mode, cadre.degree) == (
        "硕士研究生",
        "在职研究生",
        "在职",
        "硕士",
    )


def flat_person(**cells):
    return {
        "姓名": "张三",
        "性别": "男",
        "出生日期": "1990.05",
        "政治面貌": "中共党员",
        "单位": "下陆区委组织部",
        "进入方式": "选调生",
        **cells,
    }


def test_an_unknown_ethnic_group_is_an_error_naming_the_cell(unit):
    found = planned([person(民族="火星族")], [*HEADERS, "民族"])
    assert [str(problem) for problem in found.problems] == [
        "第2行 · 民族 · " + cells.ETHNICITY_INVALID.format(value="火星族")
    ]


def test_a_status_that_means_left_without_a_leave_date_is_an_error_that_says_so(unit):
    found = planned([person(状态="退休")], [*HEADERS, "状态", "离开时间"])
    assert [str(problem) for problem in found.problems] == [
        "第2行 · 离开时间 · " + LEFT_WITHOUT_DATE.format(status="退休")
    ]


def test_a_status_reason_and_a_reason_column_the_column_wins(unit):
    found = planned(
        [person(状态="调出", 离开时间="2021.08", 离开原因="辞职")], [*HEADERS, "状态", "离开时间", "离开原因"]
    )
    cadre = found.people[0].cadre
    assert (cadre.status, cadre.leave_reason, cadre.leave_date, cadre.leave_month_only) == (
        "已离开",
        "辞职",
        D(2021, 8, 1),
        True,
    )


def test_a_number_like_1985_1_in_a_date_column_is_an_error_naming_the_cell(unit):
    found = planned([person(进入时间=2015.1)], HEADERS)
    assert [str(problem) for problem in found.problems] == [
        "第2行 · 进入时间 · " + MONTH_AMBIGUOUS.format(value="2015.1", year=2015, first=1, second=10)
    ]


def test_a_number_like_1985_1_shown_with_two_decimals_is_october(unit):
    data = roster_bytes([person(进入时间=2015.1)], formats={"进入时间": "0.00"})
    found = roster_import_read(data, filename="名册.xlsx")[1]
    assert found.ok, [str(problem) for problem in found.problems]
    assert found.people[0].cadre.entry_date == D(2015, 10, 1)


def test_a_legacy_xls_formula_without_a_saved_result_is_refused_not_read_as_blank(unit):
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("花名册", cell_overwrite_ok=True)
    values = person()
    for column, header in enumerate(HEADERS):
        sheet.write(0, column, header)
        value = values[header]
        sheet.write(1, column, value if not isinstance(value, D) else f"{value:%Y-%m-%d}")
    sheet.write(1, HEADERS.index("职务"), xlwt.Formula('"科"&"员"'))
    buffer = io.BytesIO()
    workbook.save(buffer)
    found = roster_import_read(buffer.getvalue(), filename="名册.xls")[1]
    assert [str(problem) for problem in found.problems] == ["第2行 · 职务 · " + FORMULA_UNCALCULATED]


def test_the_templates_example_row_imports_as_it_is_on_the_demo():
    call_command("loaddata", "fixtures/demo.json", verbosity=0)
    found = roster_import_read(roster_template(), filename="花名册导入模板.xlsx")[1]
    assert found.ok, [str(problem) for problem in found.problems]
    assert found.counts[CREATED] == 1
    assert found.people[0].cadre.unit.name == "中共下陆区委组织部"

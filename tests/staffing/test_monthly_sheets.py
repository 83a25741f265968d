"""The monthly workbook's sheets 科室配备 (on the month's last day) and 抽调情况 (secondments in the month)."""

import datetime

import pytest

from cadres.models import Secondment
from reports.excel import WorkbookWriter
from reports.monthly import monthly_report_create
from reports.params import StatsParams
from staffing.monthly_sheets import month_state, write_monthly_sheets
from tests.factories import (
    add_member,
    make_cadre,
    make_leave,
    make_pairing,
    make_secondment,
    make_section,
    make_unit,
    second_into,
    staffed_section,
)
from tests.reports.helpers import load_workbook, sheet_rows

pytestmark = pytest.mark.django_db
D = datetime.date
JUNE = StatsParams(as_of=D(2025, 6, 30))


@pytest.fixture
def department():
    """干部科 whose B changed on 16 June; 人才科 of one person, its A away on the month's last day; and
    secondments: one begun in June, one ended in June, one running on, one over before June."""
    unit = make_unit("中共下陆区委组织部")
    cadres, a, b = staffed_section("干部科", unit=unit, offices=["市委组织部干部一科", "省委组织部干部一处"])
    new_b = add_member(cadres)
    pairing = cadres.pairings.get()
    pairing.end_date = D(2025, 6, 15)
    pairing.save()
    make_pairing(cadres, a, new_b, start=D(2025, 6, 16))
    talent, talent_a, _ = staffed_section("人才科", staff=1, unit=unit)
    make_leave(talent_a, D(2025, 6, 27), D(2025, 7, 4))
    street = make_unit("团山街道办事处", kind="街道")
    second_into(talent, make_cadre(name="柯瑶", unit=street), D(2025, 6, 1), D(2025, 8, 31))
    ended = make_secondment(make_cadre(name="蒋嘉铭", unit=street), D(2025, 1, 1), D(2025, 6, 10), to_unit=unit)
    ended.outcome = "表现良好"
    ended.save()
    make_secondment(make_cadre(name="邱妍", unit=street), D(2024, 9, 1), to_unit=make_unit("团城社区", kind="社区"))
    make_secondment(make_cadre(name="谢诗蕾", unit=street), D(2024, 1, 1), D(2025, 5, 31), to_unit=unit)
    return unit, a, b, new_b, talent_a


def test_the_monthly_workbook_holds_the_two_sheets_after_its_own():
    report = monthly_report_create(params=JUNE)
    assert load_workbook(bytes(report.content)).sheetnames == ["汇总", "分项统计", "花名册", "科室配备", "抽调情况"]


def test_the_staffing_sheet_gives_each_section_on_the_months_last_day(department):
    _, a, _, new_b, talent_a = department
    rows = sheet_rows(load_workbook(bytes(monthly_report_create(params=JUNE).content))["科室配备"])
    assert rows[0][0] == "科室配备情况（2025年6月30日）"
    assert rows[1][:5] == ["序号", "单位", "科室", "人数", "科室人员"]
    talent_row, cadres_row = rows[2], rows[3]
    assert cadres_row[:4] == [2, "中共下陆区委组织部", "干部科", 3]
    assert cadres_row[5:9] == [2, "市委组织部干部一科（市级）、省委组织部干部一处（市级）", a.name, new_b.name]
    assert cadres_row[11] == "无"
    assert cadres_row[12] == f"06-16起：A角{a.name}，B角{new_b.name}"
    assert talent_row[2:4] == ["人才科", 1]
    assert talent_row[10] == "柯瑶"
    assert talent_row[11] == (
        f"一人一岗、未设B角：科室只有1人，未设B角：A角{talent_a.name}不在岗时无人接手（抽调人员柯瑶在本科室协助）"
    )
    assert rows[4] == ["中共下陆区委组织部尚未复核发布A、B角配备（应每6个月复核发布一次）"] + [None] * 12


def test_the_secondment_sheet_lists_those_in_progress_in_the_month(department):
    unit, *_ = department
    rows = sheet_rows(load_workbook(bytes(monthly_report_create(params=JUNE).content))["抽调情况"])
    assert rows[0][0] == "挂职、跟班学习和抽调情况（2025年6月在岗）"
    assert [row[1] for row in rows[2:]] == ["邱妍", "蒋嘉铭", "柯瑶"]
    assert [row[9] for row in rows[2:]] == ["在岗", "本月结束", "本月开始"]
    assert rows[3][4:] == [
        unit.name,
        None,
        datetime.datetime(2025, 1, 1),
        None,
        datetime.datetime(2025, 6, 10),
        "本月结束",
        "表现良好",
    ]
    assert rows[4][5] == "人才科"


def written(book):
    """Write the sheets to `book` and close it (a write-only workbook must be saved once begun)."""
    write_monthly_sheets(book, JUNE)
    return book.to_bytes()


def test_the_sheets_read_a_fixed_number_of_queries(department, django_assert_num_queries):
    with django_assert_num_queries(11):
        written(WorkbookWriter())
    street = make_unit("东方山街道办事处", kind="街道")
    talent = make_section("组织科", unit=department[0])
    for name in ("甲", "乙", "丙"):
        second_into(talent, make_cadre(name=name, unit=street), D(2025, 6, 1), D(2025, 9, 30))
    with django_assert_num_queries(11):
        written(WorkbookWriter())


@pytest.mark.parametrize(
    ("start", "last_day", "state"),
    [
        (D(2025, 6, 1), D(2025, 6, 30), "本月开始并结束"),
        (D(2025, 6, 1), D(2025, 7, 1), "本月开始"),
        (D(2025, 5, 31), D(2025, 6, 30), "本月结束"),
        (D(2025, 5, 31), None, "在岗"),
    ],
)
def test_how_a_secondment_stands_in_the_month(start, last_day, state):
    secondment = Secondment(start_date=start)
    secondment.last_day = last_day
    assert month_state(secondment, D(2025, 6, 1), D(2025, 6, 30)) == state

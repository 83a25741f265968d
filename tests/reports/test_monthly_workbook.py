"""The monthly workbook's own parts: the cover block, 本月/上月/增减, native charts on 汇总, print setup, the job."""

import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from reports.models import MonthlyReport
from reports.monthly import monthly_report_create
from reports.monthly_sheets import previous_month_end
from reports.params import StatsParams
from tests.factories import make_cadre, make_user

from .helpers import load_workbook, sheet_rows, summary_counts

pytestmark = pytest.mark.django_db
D = datetime.date
JULY = D(2021, 7, 31)
FILLED = D(2021, 8, 3)


@pytest.fixture
def roster():
    make_cadre(birth_date=D(1990, 1, 1), entry_date=D(2019, 9, 1), channel="xuandiao")
    make_cadre(birth_date=D(1991, 1, 1), entry_date=D(2015, 9, 1), channel="shiye")
    make_cadre(birth_date=D(1992, 1, 1), entry_date=D(2021, 7, 12), channel="xuandiao")  # entered this month
    make_cadre(birth_date=D(1993, 1, 1), entry_date=D(2018, 9, 1), leave_date=D(2021, 7, 5), channel="shiye")


def july_report(**kwargs):
    kwargs.setdefault("today", FILLED)
    return monthly_report_create(params=StatsParams(as_of=JULY), **kwargs)


def summary_rows(report):
    return sheet_rows(load_workbook(bytes(report.content))["汇总"])


def test_previous_month_end_of_march_in_a_leap_year_is_29_february():
    assert previous_month_end(D(2024, 3, 31)) == D(2024, 2, 29)
    assert previous_month_end(D(2021, 1, 31)) == D(2020, 12, 31)


def test_cover_block_names_unit_dates_and_preparer_and_leaves_the_reviewer_blank(roster):
    user = make_user("干部科", username="zhangsan")
    user.first_name = "张三"
    user.save()

    texts = [row[0] for row in summary_rows(july_report(user=user)) if row[0]]

    assert "填报单位：中共下陆区委组织部" in texts
    assert texts[1].startswith("统计截止日期：2021年7月31日")
    cover = next(text for text in texts if text.startswith("填报人："))
    assert cover.startswith("填报人：张三　　填报日期：2021年8月3日　　审核人：")
    assert cover.split("审核人：")[1].strip() == ""


def test_reporting_unit_is_a_setting(roster, settings):
    settings.MONTHLY_REPORT_UNIT = "中共某区委组织部"

    assert "填报单位：中共某区委组织部" in [row[0] for row in summary_rows(july_report())]


def test_this_month_last_month_and_change_per_group(roster):
    rows = summary_rows(july_report())

    at = rows.index(["进入方式", "本月", "上月", "增减"])
    table = {row[0]: row[1:4] for row in rows[at + 1 : at + 8]}
    assert table["选调生"] == [2, 1, 1]
    assert table["事业单位招聘"] == [1, 2, -1]  # one left on 5 July
    assert table["公务员"] == [0, 0, 0]
    assert table["合计"] == [3, 3, 0]


def test_the_summary_table_is_still_read_first(roster):
    workbook = load_workbook(bytes(july_report().content))

    assert summary_counts(workbook["汇总"])["合计"] == 3


def chart_parts(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/charts/")}


def test_summary_carries_two_native_bar_charts_of_its_own_cells(roster):
    charts = chart_parts(bytes(july_report().content))

    assert sorted(charts) == ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]
    first, second = charts["xl/charts/chart1.xml"], charts["xl/charts/chart2.xml"]
    assert "<barChart>" in first and "<barChart>" in second
    assert "'汇总'!$B$" in first and "'汇总'!$A$" in first
    assert '<grouping val="clustered"' in first
    assert '<grouping val="stacked"' in second
    assert "404040" in first and "A6A6A6" in first  # greys that print in black and white


def test_every_sheet_prints_on_a4_with_repeated_header_rows_and_page_numbers(roster):
    workbook = load_workbook(bytes(july_report().content))

    for worksheet in workbook.worksheets:
        assert int(worksheet.page_setup.paperSize) == 9, worksheet.title
        assert worksheet.print_title_rows, worksheet.title
        assert "&P" in worksheet.oddFooter.center.text, worksheet.title


def test_scheduled_command_is_quiet_on_success(roster, tmp_path, capsys):
    output = tmp_path / "2021-07.xlsx"

    call_command("export_monthly_report", "2021-07", "--output", str(output), "--preparer", "李四", verbosity=0)

    assert capsys.readouterr() == ("", "")
    assert bytes(MonthlyReport.objects.get().content) == output.read_bytes()
    assert any(str(row[0]).startswith("填报人：李四") for row in sheet_rows(load_workbook(output.read_bytes())["汇总"]))


def test_command_failure_is_one_line(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("export_monthly_report", "2021-13", "--output", str(tmp_path / "x.xlsx"), verbosity=0)

    assert "\n" not in str(raised.value)

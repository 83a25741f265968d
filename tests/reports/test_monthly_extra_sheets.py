"""The monthly workbook's extension point: further sheets named in settings.MONTHLY_REPORT_SHEETS, written after
汇总 and 花名册 through the same workbook writer, so that reports imports none of the apps that add them."""

import datetime

import pytest

from reports.monthly import monthly_report_create
from reports.params import StatsParams
from tests.factories import make_cadre
from tests.reports.helpers import load_workbook, sheet_rows

pytestmark = pytest.mark.django_db
D = datetime.date
THIS_MODULE = "tests.reports.test_monthly_extra_sheets"


def write_note(book, params):
    """A further sheet as an app would add it: given the workbook being written and the month's parameters."""
    sheet = book.sheet("说明", [30])
    sheet.row([f"截至{params.as_of.isoformat()}"])
    sheet.row(["=1+1"])


def sheets_of_july(settings, names):
    settings.MONTHLY_REPORT_SHEETS = names
    make_cadre(birth_date=D(1990, 1, 1), entry_date=D(2019, 9, 1))
    report = monthly_report_create(params=StatsParams(as_of=D(2021, 7, 31)))
    return load_workbook(bytes(report.content))


def test_a_sheet_named_in_the_setting_follows_the_two_of_the_report(settings):
    workbook = sheets_of_july(settings, [f"{THIS_MODULE}.write_note"])
    assert workbook.sheetnames == ["汇总", "分项统计", "花名册", "说明"]
    assert sheet_rows(workbook["说明"]) == [["截至2021-07-31"], ["=1+1"]]
    # Written through the shared writer: text that looks like a formula stays text.
    assert workbook["说明"]["A2"].data_type == "s"


def test_with_no_sheet_named_the_report_has_its_own_two(settings):
    assert sheets_of_july(settings, []).sheetnames == ["汇总", "分项统计", "花名册"]

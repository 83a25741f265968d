"""The monthly report archive: generated once, kept byte for byte, compared with today's data."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from cadres.models import Cadre
from reports.models import MonthlyReport
from reports.monthly import MONTH_FORMAT, parse_month
from tests.factories import make_cadre, make_unit, make_user
from tests.reports.helpers import body_of, load_workbook

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def roster():
    make_cadre(birth_date=D(1990, 1, 1), entry_date=D(2019, 9, 1), channel="xuandiao")
    make_cadre(birth_date=D(1991, 1, 1), entry_date=D(2015, 9, 1), channel="shiye")
    make_cadre(birth_date=D(1992, 1, 1), entry_date=D(2021, 3, 1), channel="gongwuyuan")


@pytest.mark.parametrize(
    ("month", "as_of"), [("2021-07", D(2021, 7, 31)), ("2024-02", D(2024, 2, 29)), ("2021-2", D(2021, 2, 28))]
)
def test_month_is_reported_as_of_its_last_day(month, as_of):
    assert parse_month(month) == as_of


@pytest.mark.parametrize("month", ["2021-13", "202107", "2021-00", "", "七月"])
def test_bad_month_is_refused_with_the_chinese_message(month):
    with pytest.raises(ValueError, match="格式不正确") as error:
        parse_month(month)
    assert str(error.value) == MONTH_FORMAT.format(value=month)


def test_command_archives_exactly_the_file_it_writes(roster, tmp_path):
    output = tmp_path / "m.xlsx"
    call_command("export_monthly_report", "2021-07", "--output", str(output), "--exclude", "2021:gongwuyuan")

    report = MonthlyReport.objects.get()
    assert bytes(report.content) == output.read_bytes()
    assert report.sha256 == MonthlyReport.digest(output.read_bytes())
    assert (report.month, report.as_of, report.total, report.recent) == (D(2021, 7, 1), D(2021, 7, 31), 2, 1)
    assert report.excluded == [[2021, "gongwuyuan"]]


def test_archived_month_is_written_out_unchanged_after_records_are_corrected(roster, tmp_path):
    first = tmp_path / "first.xlsx"
    call_command("export_monthly_report", "2021-07", "--output", str(first))
    Cadre.objects.filter(channel__code="shiye").delete()

    again = tmp_path / "again.xlsx"
    call_command("export_monthly_report", "2021-07", "--output", str(again), "--archived")

    assert again.read_bytes() == first.read_bytes()


def test_archived_option_without_an_archive_is_a_chinese_error(tmp_path):
    with pytest.raises(CommandError, match="还没有归档的月度报表"):
        call_command("export_monthly_report", "2021-07", "--output", str(tmp_path / "x.xlsx"), "--archived")


def test_page_generates_and_archives_a_month(client, roster):
    client.force_login(make_user(CADRE_SECTION))

    response = client.post("/reports/monthly/", {"month": "2021-07", "max_age": "35", "recent_years": "3"})

    report = MonthlyReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/reports/monthly/{report.pk}/?download=1"
    assert report.created_by.groups.get().name == CADRE_SECTION
    assert load_workbook(bytes(report.content)).sheetnames == ["汇总", "分项统计", "花名册", "科室配备", "抽调情况"]
    assert AuditEvent.objects.filter(action="reports.monthly.exported", user=report.created_by).count() == 1


def test_page_refuses_a_bad_month_with_a_chinese_message_and_archives_nothing(client):
    client.force_login(make_user(CADRE_SECTION))

    response = client.post("/reports/monthly/", {"month": "2021-13", "max_age": "35", "recent_years": "3"})

    assert response.status_code == 400
    assert MONTH_FORMAT.format(value="2021-13") in response.content.decode()
    assert not MonthlyReport.objects.exists()


def test_download_gives_the_archived_bytes_and_is_audited(client, roster):
    report = call_and_get_report()
    leader = make_user(LEADER)
    client.force_login(leader)

    response = client.get(f"/reports/monthly/{report.pk}.xlsx")

    assert response.status_code == 200
    assert body_of(response) == bytes(report.content)
    assert AuditEvent.objects.filter(action="reports.monthly.downloaded", user=leader).count() == 1


def test_detail_shows_where_todays_data_differs_from_the_archive(client, roster):
    report = call_and_get_report()
    Cadre.objects.filter(channel__code="shiye").delete()
    client.force_login(make_user(LEADER))

    html = client.get(f"/reports/monthly/{report.pk}/").content.decode()

    assert "有变化" in html
    assert report.narrative in html


def test_leader_may_read_but_not_generate(client):
    client.force_login(make_user(LEADER))

    assert client.get("/reports/monthly/").status_code == 200
    assert (
        client.post("/reports/monthly/", {"month": "2021-07", "max_age": "35", "recent_years": "3"}).status_code == 403
    )
    assert not MonthlyReport.objects.exists()


@pytest.mark.parametrize("role", [UNIT_CLERK, READ_ONLY])
def test_unit_roles_cannot_reach_the_district_wide_archive(client, role, roster):
    report = call_and_get_report()
    client.force_login(make_user(role, [make_unit()]))

    assert client.get("/reports/monthly/").status_code == 403
    assert client.get(f"/reports/monthly/{report.pk}/").status_code == 403
    assert client.get(f"/reports/monthly/{report.pk}.xlsx").status_code == 403


def call_and_get_report():
    call_command("export_monthly_report", "2021-07", "--output", "/dev/null")
    return MonthlyReport.objects.get()

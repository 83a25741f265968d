"""The monthly archive page: the version sent up the chain (报送) marked with who and when, listed first;
the checksum behind 校验信息; a generated report offered for download at once."""

import datetime

import pytest
from django.core.management import call_command

from accounts.roles import CADRE_SECTION, LEADER
from audit.models import AuditEvent
from reports.models import MonthlyReport
from tests.factories import make_cadre, make_user

pytestmark = pytest.mark.django_db
D = datetime.date


def generate(month="2021-07"):
    call_command("export_monthly_report", month, "--output", "/dev/null")
    return MonthlyReport.objects.order_by("-pk").first()


@pytest.fixture
def section(client):
    user = make_user(CADRE_SECTION, username="ganbuke")
    client.force_login(user)
    return user


def test_marking_a_version_sent_records_who_and_when_and_audits_it(client, section):
    make_cadre(birth_date=D(1990, 1, 1), entry_date=D(2019, 9, 1))
    report = generate()

    response = client.post(f"/reports/monthly/{report.pk}/sent/")

    report.refresh_from_db()
    assert response.status_code == 302
    assert report.sent_by == section and report.sent_by_name == "ganbuke" and report.sent_at is not None
    event = AuditEvent.objects.get(action="reports.monthly.sent")
    assert event.user == section and event.data["report"] == report.pk


def test_a_month_has_one_sent_version(client, section):
    first, second = generate(), generate()
    client.post(f"/reports/monthly/{first.pk}/sent/")

    client.post(f"/reports/monthly/{second.pk}/sent/")

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sent_at is None and second.sent_at is not None
    assert AuditEvent.objects.filter(action="reports.monthly.sent").order_by("pk").last().data["replaces"] == [first.pk]


def test_the_sent_version_is_listed_first_and_the_others_as_drafts(client, section):
    draft, sent, later = generate(), generate(), generate()
    client.post(f"/reports/monthly/{sent.pk}/sent/")

    listed = client.get("/reports/monthly/").context["reports"]

    assert [report.pk for report in listed] == [sent.pk, later.pk, draft.pk]
    assert [report.version_label for report in listed] == ["已报送", "报送后重新生成", "报送前的草稿"]


def test_reading_roles_may_not_mark(client):
    report = generate()
    client.force_login(make_user(LEADER))

    assert client.post(f"/reports/monthly/{report.pk}/sent/").status_code == 403
    assert "标记为已报送" not in client.get("/reports/monthly/").content.decode()


def test_checksum_is_behind_a_toggle_and_whole(client, section):
    report = generate()

    html = client.get(f"/reports/monthly/{report.pk}/").content.decode()

    assert '<details class="checksum"><summary>校验信息</summary>' in html
    assert f'<code class="sha256">{report.sha256}</code>' in html


def test_a_generated_report_is_offered_for_download_at_once(client, section):
    response = client.post("/reports/monthly/", {"month": "2021-07", "max_age": "35", "recent_years": "3"})
    report = MonthlyReport.objects.get()

    page = client.get(response["Location"]).content.decode()

    assert f'href="/reports/monthly/{report.pk}.xlsx" data-auto-download' in page

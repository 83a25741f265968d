"""The audit trail: exports, the monthly report, logins and logouts leave an AuditEvent; field
edits leave a django-simple-history record; the audit page filters them and only 部领导 and
superusers reach it (audit/services.py, audit/views.py audit_log)."""

import datetime
import zoneinfo

import pytest
from django.core.management import call_command

from accounts.audit_actions import AccountAction
from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from audit.forms import DATE_ORDER
from audit.models import AuditEvent
from audit.services import audit
from cadres.audit_actions import CadreAction
from reports.audit_actions import ReportAction
from tests.factories import PASSWORD, make_cadre, make_unit, make_user

from .helpers import AS_OF, admin_url, change_form_data, role_id

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
EXPORT_PARAMS = {
    "as_of": AS_OF,
    "max_age": 35,
    "recent_years": 3,
    "excluded": [{"year": 2021, "channel": "gongwuyuan"}],
    "unit": None,
}


def young_cadres(count, unit=None):
    """Create `count` cadres who are young on AS_OF."""
    return [make_cadre(unit=unit) for _ in range(count)]


def event_at(action, user, day, *, hour=12):
    """Record `action` by `user`, dated noon of `day` in the district's time zone."""
    event = audit(action=action, user=user)
    AuditEvent.objects.filter(pk=event.pk).update(at=datetime.datetime.combine(day, datetime.time(hour), SHANGHAI))
    return event


def listed(response):
    return {row.record.pk for row in response.context["table"].rows}


# --- exports ------------------------------------------------------------------------------------


def test_json_export_records_user_action_parameters_and_rows(client):
    user = make_user(CADRE_SECTION)
    young_cadres(3)
    client.force_login(user)
    response = client.get("/reports/young-cadres.json", {"as_of": AS_OF, "exclude": "2021:gongwuyuan"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="reports.young_cadres.json")
    assert (event.user, event.username) == (user, user.username)
    assert event.data == {"params": EXPORT_PARAMS, "rows": 3}
    assert event.ip_address == "127.0.0.1"


def test_xlsx_export_records_user_action_parameters_and_rows(client):
    user = make_user(LEADER)
    young_cadres(2)
    client.force_login(user)
    response = client.get("/reports/young-cadres.xlsx", {"as_of": AS_OF, "exclude": "2021:gongwuyuan"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=ReportAction.STATS_XLSX)
    assert event.action == "reports.young_cadres.xlsx"
    assert event.user == user
    assert event.data == {"params": EXPORT_PARAMS, "rows": 2}


def test_scoped_export_records_the_rows_the_user_received(client):
    unit = make_unit()
    young_cadres(2, unit)
    young_cadres(3)
    client.force_login(make_user(UNIT_CLERK, units=[unit]))
    client.get("/reports/young-cadres.json", {"as_of": AS_OF})
    assert AuditEvent.objects.get(action=ReportAction.STATS_JSON).data["rows"] == 2


def test_refused_export_records_nothing(client):
    client.force_login(make_user(READ_ONLY, units=[make_unit()]))
    assert client.get("/reports/young-cadres.json", {"as_of": AS_OF}).status_code == 403
    assert not AuditEvent.objects.filter(action=ReportAction.STATS_JSON).exists()


def test_invalid_export_records_nothing(client):
    client.force_login(make_user(CADRE_SECTION))
    assert client.get("/reports/young-cadres.json", {"as_of": "2021-02-30"}).status_code == 400
    assert not AuditEvent.objects.filter(action=ReportAction.STATS_JSON).exists()


def test_monthly_report_command_records_parameters_rows_and_file(tmp_path):
    young_cadres(4)
    output = tmp_path / "月报.xlsx"
    call_command("export_monthly_report", "2021-07", "--output", str(output), "--exclude", "2021:gongwuyuan")
    event = AuditEvent.objects.get(action=ReportAction.MONTHLY_REPORT)
    assert event.action == "reports.monthly.exported"
    assert (event.data["params"], event.data["rows"]) == (EXPORT_PARAMS, 4)
    assert output.exists()


# --- logins and logouts -------------------------------------------------------------------------


def test_event_without_an_account_records_the_name_given():
    """A command run without --user records the operating-system account, with no user link."""
    event = audit(action=CadreAction.ROSTER_IMPORT, username="命令行:root")
    assert (event.user, event.username) == (None, "命令行:root")


def test_an_account_is_recorded_by_its_own_username_whatever_name_is_given():
    user = make_user(CADRE_SECTION, username="ganbuke")
    event = audit(action=CadreAction.ROSTER_IMPORT, user=user, username="命令行:root")
    assert (event.user, event.username) == (user, "ganbuke")


def test_login_is_recorded(client):
    user = make_user(CADRE_SECTION, username="zhangsan")
    response = client.post("/login/", {"username": "zhangsan", "password": PASSWORD})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AccountAction.LOGIN)
    assert (event.user, event.username, event.ip_address) == (user, "zhangsan", "127.0.0.1")


def test_failed_login_is_recorded_with_the_username_tried(client):
    make_user(CADRE_SECTION, username="zhangsan")
    response = client.post("/login/", {"username": "zhangsan", "password": "wrong-password"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AccountAction.LOGIN_FAILED)
    assert (event.user, event.username, event.ip_address) == (None, "zhangsan", "127.0.0.1")
    assert not AuditEvent.objects.filter(action=AccountAction.LOGIN).exists()


def test_failed_login_record_holds_no_password(client):
    client.post("/login/", {"username": "zhangsan", "password": "wrong-password-typed"})
    event = AuditEvent.objects.get(action=AccountAction.LOGIN_FAILED)
    assert "wrong-password-typed" not in f"{event.summary} {event.data}"


def test_logout_is_recorded(client):
    user = make_user(CADRE_SECTION)
    client.force_login(user)
    response = client.post("/logout/")
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AccountAction.LOGOUT)
    assert (event.user, event.username) == (user, user.username)


def test_logout_by_get_is_refused_and_not_recorded(client):
    client.force_login(make_user(CADRE_SECTION))
    assert client.get("/logout/").status_code == 405
    assert not AuditEvent.objects.filter(action=AccountAction.LOGOUT).exists()


# --- field history of an edit -------------------------------------------------------------------


def test_admin_edit_records_history_with_the_editor_and_both_values(client):
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    user = make_user(UNIT_CLERK, units=[unit])
    client.force_login(user)
    opened = client.get(admin_url("change", cadre.pk))
    response = client.post(admin_url("change", cadre.pk), change_form_data(opened, post="副主任"))
    assert response.status_code == 302
    latest, previous = cadre.history.order_by("-history_date", "-history_id")[:2]
    assert (latest.history_type, latest.history_user) == ("~", user)
    changes = {change.field: (change.old, change.new) for change in latest.diff_against(previous).changes}
    assert changes["post"] == ("科员", "副主任")


def test_profile_change_record_shows_editor_and_old_and_new_value(client):
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    editor = make_user(CADRE_SECTION, username="ganbuke1")
    client.force_login(editor)
    opened = client.get(admin_url("change", cadre.pk))
    client.post(admin_url("change", cadre.pk), change_form_data(opened, post="副主任"))
    client.force_login(make_user(READ_ONLY, units=[unit]))
    html = client.get(f"/cadres/{cadre.pk}/").content.decode()
    assert "修改记录" in html
    assert "职务：科员 → 副主任" in html
    assert "ganbuke1" in html


# --- the audit page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [(LEADER, 200), (CADRE_SECTION, 403), (UNIT_CLERK, 403), (READ_ONLY, 403), (None, 403)],
    ids=role_id,
)
def test_audit_page_is_for_leaders_only(client, role, expected):
    client.force_login(make_user(role, units=[make_unit()]))
    assert client.get("/audit/").status_code == expected


def test_audit_page_is_open_to_superusers(client):
    client.force_login(make_user(superuser=True))
    assert client.get("/audit/").status_code == 200


def test_audit_page_filters_by_user(client):
    alice, bob = make_user(CADRE_SECTION), make_user(CADRE_SECTION)
    day = datetime.date(2021, 7, 1)
    mine = event_at(ReportAction.STATS_JSON, alice, day)
    event_at(ReportAction.STATS_JSON, bob, day)
    client.force_login(make_user(LEADER))
    response = client.get("/audit/", {"user": alice.pk})
    assert response.status_code == 200
    assert listed(response) == {mine.pk}


def test_audit_page_filters_by_action(client):
    user = make_user(CADRE_SECTION)
    day = datetime.date(2021, 7, 1)
    export = event_at(ReportAction.STATS_XLSX, user, day)
    event_at(ReportAction.STATS_JSON, user, day)
    event_at(AccountAction.LOGIN, user, day)
    client.force_login(make_user(LEADER))
    response = client.get("/audit/", {"action": "reports.young_cadres.xlsx"})
    assert listed(response) == {export.pk}


def test_audit_page_filters_by_date_range_inclusive_in_local_days(client):
    user = make_user(CADRE_SECTION)
    event_at(ReportAction.STATS_JSON, user, datetime.date(2021, 6, 30), hour=23)
    first = event_at(ReportAction.STATS_JSON, user, datetime.date(2021, 7, 1), hour=0)
    last = event_at(ReportAction.STATS_JSON, user, datetime.date(2021, 7, 31), hour=23)
    event_at(ReportAction.STATS_JSON, user, datetime.date(2021, 8, 1), hour=0)
    client.force_login(make_user(LEADER))
    response = client.get("/audit/", {"date_from": "2021-07-01", "date_to": "2021-07-31"})
    assert listed(response) == {first.pk, last.pk}


def test_audit_page_combines_filters(client):
    alice, bob = make_user(CADRE_SECTION), make_user(CADRE_SECTION)
    wanted = event_at(ReportAction.STATS_JSON, alice, datetime.date(2021, 7, 15))
    event_at(ReportAction.STATS_XLSX, alice, datetime.date(2021, 7, 15))
    event_at(ReportAction.STATS_JSON, bob, datetime.date(2021, 7, 15))
    event_at(ReportAction.STATS_JSON, alice, datetime.date(2021, 8, 15))
    client.force_login(make_user(LEADER))
    response = client.get(
        "/audit/",
        {"user": alice.pk, "action": ReportAction.STATS_JSON, "date_from": "2021-07-01", "date_to": "2021-07-31"},
    )
    assert listed(response) == {wanted.pk}


def test_audit_page_rejects_a_start_after_the_end(client):
    client.force_login(make_user(LEADER))
    response = client.get("/audit/", {"date_from": "2021-08-01", "date_to": "2021-07-01"})
    assert response.status_code == 400
    assert DATE_ORDER == "开始日期不能晚于结束日期"
    assert DATE_ORDER in response.content.decode()

"""Bad input is a Chinese 400, never a server error: dates outside 1900–2100 on every page that takes one
(cadres.forms.DATE_OUT_OF_RANGE), control characters in any parameter (config/edge.py), and JSON endpoints
answer in JSON. Each request below was a 500 found by the adversarial probe, or is its sibling; the NUL
cases matter on PostgreSQL, which rejects NUL in a query."""

import pytest
from django.test import Client

from accounts.audit_actions import AccountAction
from audit.models import AuditEvent
from cadres.forms import DATE_OUT_OF_RANGE
from cadres.models import SavedFilter
from config.edge import CONTROL_REFUSED
from tests.factories import make_cadre, make_unit, make_user, staffed_section

pytestmark = pytest.mark.django_db

LOW, HIGH = "0001-01-01", "9999-12-31"
DATE = DATE_OUT_OF_RANGE
NUL = CONTROL_REFUSED

# (request, the message it answers with); "{id}" is a cadre's id.
ATTACKS = [
    (f"/reports/young-cadres/?as_of={LOW}", DATE),
    (f"/reports/young-cadres/?as_of={HIGH}", DATE),
    (f"/reports/young-cadres.json?as_of={LOW}", DATE),
    (f"/reports/young-cadres.json?as_of={HIGH}", DATE),
    (f"/reports/young-cadres.xlsx?as_of={LOW}", DATE),
    (f"/reports/young-cadres.xlsx?as_of={HIGH}", DATE),
    (f"/cadres/?as_of={LOW}", DATE),
    (f"/cadres/?as_of={HIGH}&max_age=35", DATE),
    (f"/cadres/?entry_from={LOW}", DATE),
    (f"/cadres/export.xlsx?as_of={LOW}", DATE),
    (f"/cadres/export.xlsx?as_of={HIGH}", DATE),
    (f"/cadres.json?as_of={LOW}&max_age=35", DATE),
    (f"/cadres.json?as_of={HIGH}", DATE),
    (f"/cadres/export.lrmx.zip?as_of={LOW}", DATE),
    (f"/cadres/export.lrmx.zip?as_of={HIGH}", DATE),
    (f"/cadres/{{id}}/?as_of={LOW}", DATE),
    (f"/cadres/{{id}}/?as_of={HIGH}", DATE),
    (f"/cadres/{{id}}.lrmx?as_of={HIGH}", DATE),
    (f"/cadres/{{id}}/form.xlsx?as_of={LOW}", DATE),
    (f"/pool/?as_of={HIGH}", DATE),
    (f"/staffing/?as_of={HIGH}", DATE),
    (f"/staffing.json?as_of={LOW}", DATE),
    ("/staffing/cover/?start=9999-12-20&end=9999-12-31", DATE),
    ("/staffing/cover.json?start=9999-12-20&end=9999-12-31", DATE),
    (f"/staffing/rotation/?start={LOW}&months=6&places=2", DATE),
    (f"/audit/?date_from={LOW}&date_to={HIGH}", DATE),
    ("/admin/cadres/cadre/?status__exact=%00", NUL),
    ("/admin/cadres/cadre/?q=%00", NUL),
    ("/admin/cadres/unit/?q=a%00b", NUL),
    ("/admin/audit/auditevent/?action=%00", NUL),
    ("/admin/staffing/leave/?q=%00", NUL),
    ("/audit/?action=%00", NUL),
    ("/cadres/?q=%00", NUL),
    ("/cadres/?ethnicity=%01", NUL),
    ("/cadres.json?q=%00", NUL),
    ("/reports/young-cadres.json?exclude=%00", NUL),
    ("/cadres/?%00=1", NUL),
]


@pytest.fixture
def superuser_client(client):
    staffed_section(unit=make_unit())
    client.force_login(make_user(superuser=True))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(("url", "message"), ATTACKS, ids=[url for url, _ in ATTACKS])
def test_the_attack_is_a_chinese_400(superuser_client, url, message):
    cadre = make_cadre(unit=make_unit())
    response = superuser_client.get(url.format(id=cadre.pk))
    assert response.status_code == 400
    if ".json" in url:
        assert response["Content-Type"] == "application/json"
        assert message in " ".join(response.json()["messages"])
    else:
        assert message in response.content.decode()


def test_a_date_hierarchy_year_past_9999_in_the_admin_is_a_400(superuser_client):
    response = superuser_client.get("/admin/cadres/cadre/?entry_date__year=9999&entry_date__month=12")
    assert response.status_code == 400


def test_a_nul_in_a_saved_filter_name_is_a_400_and_nothing_is_saved(superuser_client):
    response = superuser_client.post("/cadres/saved/", {"name": "名单\x00", "query": "gender=男"})
    assert response.status_code == 400
    assert NUL in response.content.decode()
    assert not SavedFilter.objects.exists()


def test_a_nul_in_a_posted_form_is_refused_before_the_view(superuser_client):
    response = superuser_client.post("/staffing/leaves/new/", {"reason": "\x00"})
    assert response.status_code == 400


def test_tabs_and_line_breaks_typed_in_a_form_are_not_control_characters(superuser_client):
    response = superuser_client.post("/cadres/saved/", {"name": "名单\t一", "query": "gender=男\r\n"})
    assert response.status_code == 302


def test_a_100000_character_username_at_login_is_refused_and_audited():
    client = Client(raise_request_exception=False)
    response = client.post("/login/", {"username": "a" * 100_000, "password": "x"}, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    failed = AuditEvent.objects.get(action=AccountAction.LOGIN_FAILED)
    assert failed.username == "a" * 150
    assert failed.ip_address == "10.1.2.3"


def test_an_error_of_a_json_endpoint_is_json():
    client = Client(raise_request_exception=False)
    client.force_login(make_user())
    response = client.get("/cadres.json")
    assert response.status_code == 403
    assert response.json()["error"] == "无权访问"
    assert client.get("/nothing-here.json").json()["error"] == "页面不存在"

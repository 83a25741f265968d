"""/cadres.json is an export like the workbook: for the roles that may export, and audited
(reports/views/cadre_list.py)."""

import pytest

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from reports.audit_actions import ReportAction
from tests.access.helpers import role_id
from tests.factories import make_cadre, make_unit, make_user

pytestmark = pytest.mark.django_db

URL = "/cadres.json?as_of=2021-07-31&gender=男"


def test_a_read_only_user_without_export_permission_is_refused_in_json(client):
    unit = make_unit()
    make_cadre(unit=unit)
    client.force_login(make_user(READ_ONLY, units=[unit]))
    response = client.get(URL)
    assert response.status_code == 403
    assert response.json()["error"] == "无权访问"
    assert not AuditEvent.objects.filter(action=ReportAction.ROSTER_JSON).exists()


@pytest.mark.parametrize("role", [LEADER, CADRE_SECTION, UNIT_CLERK], ids=role_id)
def test_a_role_that_may_export_gets_the_list_and_it_is_audited(client, role):
    unit = make_unit()
    make_cadre(unit=unit)
    user = make_user(role, units=[unit] if role == UNIT_CLERK else ())
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    event = AuditEvent.objects.get(action=ReportAction.ROSTER_JSON)
    assert (event.user, event.data["count"], event.data["query"]) == (user, 1, "as_of=2021-07-31&gender=%E7%94%B7")

"""The pool pages: counts per status and unit on a date, the lists behind them, and the confirmed
moves — only for 干部科 and superusers, scoped to the user's units (another unit's cadre is a 404)."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.models import PoolMembership
from cadres.pool.forms import UNIT_UNKNOWN
from cadres.pool.selectors import membership_status
from cadres.pool.views import ENTERED, EXITED, STATUS_CHANGED
from tests.factories import enter_pool, leave_pool, make_cadre, make_unit, make_user, move_in_pool

D = datetime.date


pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    return make_unit("甲单位"), make_unit("乙单位")


@pytest.fixture
def pool(units):
    """On 2021-07-31: 甲 has two 年轻干部 and one 已列为考察对象, 乙 one 年轻干部; one left 甲 earlier."""
    a, b = units
    enter_pool(make_cadre(unit=a), on=D(2020, 3, 1))
    enter_pool(make_cadre(unit=a), on=D(2020, 3, 1))
    move_in_pool(enter_pool(make_cadre(unit=a), on=D(2020, 3, 1)), "已列为考察对象", D(2021, 1, 1))
    enter_pool(make_cadre(unit=b), on=D(2021, 7, 31))
    leave_pool(enter_pool(make_cadre(unit=a), on=D(2020, 3, 1)), D(2021, 7, 1))


def counts_of(response):
    counts = response.context["counts"]
    return {row.unit.name: {status.value: n for status, n in row.counts} for row in counts.rows}, counts.total


def test_overview_counts_per_unit_and_status_on_the_chosen_date(client, pool):
    client.force_login(make_user(LEADER))
    rows, total = counts_of(client.get("/pool/?as_of=2021-07-31"))
    assert rows["甲单位"] == {"年轻干部": 2, "已列为考察对象": 1, "已使用": 0, "已撤销资格": 0}
    assert rows["乙单位"]["年轻干部"] == 1
    assert total == 4


def test_overview_on_an_earlier_date_counts_the_pool_as_it_was(client, pool):
    client.force_login(make_user(LEADER))
    rows, total = counts_of(client.get("/pool/?as_of=2020-12-31"))
    assert rows == {"甲单位": {"年轻干部": 4, "已列为考察对象": 0, "已使用": 0, "已撤销资格": 0}}
    assert total == 4


def test_each_count_links_to_a_list_of_as_many_people(client, pool, units):
    client.force_login(make_user(LEADER))
    page = client.get("/pool/?as_of=2021-07-31").content.decode()
    link = f"/pool/list/?as_of=2021-07-31&amp;status=%E5%B9%B4%E8%BD%BB%E5%B9%B2%E9%83%A8&amp;unit={units[0].pk}"
    assert link in page
    response = client.get(link.replace("&amp;", "&"))
    assert len(response.context["members"]) == 2


def test_list_with_an_unknown_unit_is_refused_in_chinese(client, pool):
    client.force_login(make_user(LEADER))
    response = client.get("/pool/list/?unit=999999")
    assert response.status_code == 400
    assert UNIT_UNKNOWN in response.content.decode()


def test_scoped_user_counts_only_their_units(client, pool, units):
    client.force_login(make_user(READ_ONLY, units=[units[1]]))
    rows, total = counts_of(client.get("/pool/?as_of=2021-07-31"))
    assert list(rows) == ["乙单位"]
    assert total == 1
    response = client.get(f"/pool/list/?as_of=2021-07-31&unit={units[0].pk}")
    assert response.status_code == 400


def test_read_only_sees_the_pool_without_actions(client, pool, units):
    client.force_login(make_user(READ_ONLY, units=[units[0]]))
    page = client.get("/pool/list/?as_of=2021-07-31").content.decode()
    assert "变更状态" not in page


# --- moves ----------------------------------------------------------------------------------------


def test_entry_get_shows_a_confirmation_form_and_changes_nothing(client):
    client.force_login(make_user(CADRE_SECTION))
    cadre = make_cadre()
    response = client.get(f"/pool/enter/{cadre.pk}/")
    assert response.status_code == 200
    assert "确认列入年轻干部库" in response.content.decode()
    assert not PoolMembership.objects.exists()


def test_entry_post_enters_audits_and_says_so(client):
    user = make_user(CADRE_SECTION)
    client.force_login(user)
    cadre = make_cadre(name="张伟")
    data = {"entered_on": "2021-07-01", "recommended_by": "所在单位", "reason": "群众公认"}
    response = client.post(f"/pool/enter/{cadre.pk}/", data, follow=True)
    assert ENTERED.format(name="张伟") in response.content.decode()
    membership = PoolMembership.objects.get(cadre=cadre)
    assert (membership.entered_on, membership.recommended_by) == (D(2021, 7, 1), "所在单位")
    event = AuditEvent.objects.get(action=CadreAction.POOL_ENTERED)
    assert event.user == user


def test_status_post_moves_along(client):
    client.force_login(make_user(CADRE_SECTION))
    membership = enter_pool(make_cadre(name="张伟"), on=D(2020, 3, 1))
    data = {"status": "已列为考察对象", "changed_on": "2021-01-01", "reason": "换届考察"}
    response = client.post(f"/pool/{membership.pk}/status/", data, follow=True)
    assert STATUS_CHANGED.format(name="张伟", status="已列为考察对象") in response.content.decode()
    assert membership_status(membership)[0] == "已列为考察对象"


def test_refused_move_shows_the_reason_and_changes_nothing(client):
    client.force_login(make_user(CADRE_SECTION))
    membership = enter_pool(on=D(2020, 3, 1))
    data = {"status": "已使用", "changed_on": "2021-01-01", "reason": "提拔"}
    response = client.post(f"/pool/{membership.pk}/status/", data)
    assert response.status_code == 400
    assert "状态不能从“年轻干部”变更为“已使用”（可变更为：已列为考察对象、已撤销资格）" in response.content.decode()
    assert membership.status_changes.count() == 1


def test_exit_post_takes_the_cadre_out(client):
    client.force_login(make_user(CADRE_SECTION))
    membership = enter_pool(make_cadre(name="张伟"), on=D(2020, 3, 1))
    data = {"left_on": "2021-01-01", "reason": "调出"}
    response = client.post(f"/pool/{membership.pk}/exit/", data, follow=True)
    assert EXITED.format(name="张伟") in response.content.decode()
    membership.refresh_from_db()
    assert membership.left_on == D(2021, 1, 1)


def test_missing_reason_is_asked_for_in_chinese(client):
    client.force_login(make_user(CADRE_SECTION))
    membership = enter_pool(on=D(2020, 3, 1))
    response = client.post(f"/pool/{membership.pk}/exit/", {"left_on": "2021-01-01", "reason": ""})
    assert response.status_code == 400
    assert "请填写出库原因" in response.content.decode()


@pytest.mark.parametrize("role", [READ_ONLY, UNIT_CLERK, LEADER])
def test_roles_without_the_pool_change_permission_cannot_act(client, role, units):
    client.force_login(make_user(role, units=[units[0]]))
    cadre = make_cadre(unit=units[0])
    membership = enter_pool(make_cadre(unit=units[0]), on=D(2020, 3, 1))
    assert client.get(f"/pool/enter/{cadre.pk}/").status_code == 403
    assert client.post(f"/pool/enter/{cadre.pk}/", {"entered_on": "2021-07-01"}).status_code == 403
    assert client.post(f"/pool/{membership.pk}/status/", {"status": "已撤销资格"}).status_code == 403
    assert client.post(f"/pool/{membership.pk}/exit/", {"left_on": "2021-07-01"}).status_code == 403
    assert PoolMembership.objects.count() == 1
    assert membership.status_changes.count() == 1


def test_another_units_cadre_is_a_404_for_every_action(client, units):
    user = make_user(UNIT_CLERK, units=[units[0]])
    user.user_permissions.add(Permission.objects.get(codename="change_poolmembership"))
    client.force_login(user)
    cadre = make_cadre(unit=units[1])
    membership = enter_pool(make_cadre(unit=units[1]), on=D(2020, 3, 1))
    assert client.get(f"/pool/enter/{cadre.pk}/").status_code == 404
    assert client.get(f"/pool/{membership.pk}/status/").status_code == 404
    assert client.post(f"/pool/{membership.pk}/exit/", {"left_on": "2021-07-01", "reason": "x"}).status_code == 404
    own = make_cadre(unit=units[0])
    assert client.get(f"/pool/enter/{own.pk}/").status_code == 200


def test_read_only_of_another_unit_gets_404_not_403(client, units):
    client.force_login(make_user(READ_ONLY, units=[units[0]]))
    assert client.get(f"/pool/enter/{make_cadre(unit=units[1]).pk}/").status_code == 404


def test_superuser_may_act(admin_client):
    assert admin_client.get(f"/pool/enter/{make_cadre().pk}/").status_code == 200


def test_list_keeps_the_chosen_date_when_another_filter_is_wrong(client, pool):
    client.force_login(make_user(LEADER))
    response = client.get("/pool/list/?as_of=2020-12-31&status=不存在")
    assert response.status_code == 400
    assert response.context["day"] == D(2020, 12, 31)
    assert "未知的状态：“不存在”" in response.content.decode()

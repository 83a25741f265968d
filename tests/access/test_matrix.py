"""Who reaches which page: every role, an anonymous visitor, a superuser and a staff user with no
role, against every page and admin view (accounts/roles.py, ROLE_PERMISSIONS).

The scoped roles are given the cadre's unit, so a refusal here is about the permission, never
about the scope (tests/access/test_scoping.py tests the scope).
"""

import pytest
from django.utils import timezone

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from cadres.dates import years_before
from cadres.models import Cadre
from tests.factories import make_cadre, make_unit, make_user

from .helpers import AS_OF, ROLE_IDS, admin_url, role_id

pytestmark = pytest.mark.django_db

ANONYMOUS = "匿名"
NO_ROLE = "无角色"
SUPERUSER = "超级用户"
WHO = [ANONYMOUS, NO_ROLE, LEADER, CADRE_SECTION, UNIT_CLERK, READ_ONLY, SUPERUSER]
WHO_IDS = {ANONYMOUS: "anonymous", NO_ROLE: "no-role", SUPERUSER: "superuser", **ROLE_IDS}

# The pages, by name; "{id}" is the cadre's id.
PAGES = {
    "home": "/",
    "stats_page": f"/reports/young-cadres/?as_of={AS_OF}",
    "stats_json": f"/reports/young-cadres.json?as_of={AS_OF}",
    "stats_xlsx": f"/reports/young-cadres.xlsx?as_of={AS_OF}",
    "profile": "/cadres/{id}/",
    "audit": "/audit/",
    "admin_index": "/admin/",
    "admin_changelist": "/admin/cadres/cadre/",
    "admin_change": "/admin/cadres/cadre/{id}/change/",
    "admin_history": "/admin/cadres/cadre/{id}/history/",
    "admin_add": "/admin/cadres/cadre/add/",
}

# Refused, as 403 or as 404: ScopedAdminMixin looks the object up in the user's scope before
# Django checks the permission, and either answer tells nothing.
HIDDEN = "403/404"

# fmt: off
# The expected status of every page for everyone; anonymous visitors are sent to a login page.
EXPECTED = {
    #                home stats json xlsx prof audit  adm list chg     hist    add
    ANONYMOUS:     (302, 302, 302, 302, 302, 302,   302, 302, 302,    302,    302),
    # Home has no permission of its own: it shows the figures of visible_to(user).
    NO_ROLE:       (200, 403, 403, 403, 403, 403,   200, 403, HIDDEN, HIDDEN, 403),
    LEADER:        (200, 200, 200, 200, 200, 200,   200, 200, 200,    200,    403),
    CADRE_SECTION: (200, 200, 200, 200, 200, 403,   200, 200, 200,    200,    200),
    UNIT_CLERK:    (200, 200, 200, 200, 200, 403,   200, 200, 200,    200,    200),
    READ_ONLY:     (200, 200, 403, 403, 200, 403,   200, 200, 200,    200,    403),
    SUPERUSER:     (200, 200, 200, 200, 200, 200,   200, 200, 200,    200,    200),
}
# fmt: on
CASES = [(who, page, status) for who in WHO for page, status in zip(PAGES, EXPECTED[who], strict=True)]


def user_for(who, unit):
    """Return the user `who` stands for (None for the anonymous visitor); scoped users hold `unit`."""
    if who == ANONYMOUS:
        return None
    if who == SUPERUSER:
        return make_user(superuser=True)
    if who == NO_ROLE:
        return make_user(None, units=[unit])
    return make_user(who, units=[unit] if who in (UNIT_CLERK, READ_ONLY) else ())


@pytest.mark.parametrize(("who", "page", "expected"), CASES, ids=[f"{WHO_IDS[w]}-{p}" for w, p, _ in CASES])
def test_access_matrix(client, who, page, expected):
    unit = make_unit()
    cadre = make_cadre(unit=unit)
    user = user_for(who, unit)
    if user is not None:
        client.force_login(user)
    url = PAGES[page].format(id=cadre.pk)
    response = client.get(url)
    if expected == HIDDEN:
        assert response.status_code in (403, 404)
    else:
        assert response.status_code == expected
    if who == ANONYMOUS:
        # The admin index sends to the admin's own login form; LoginRequiredMiddleware sends the rest.
        login = "/admin/login/" if page == "admin_index" else "/login/"
        assert response["Location"].startswith(f"{login}?next=")


@pytest.mark.parametrize("role", [LEADER, READ_ONLY], ids=role_id)
def test_view_only_roles_cannot_post_a_change_in_admin(client, role):
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    client.force_login(make_user(role, units=[unit] if role == READ_ONLY else ()))
    response = client.post(admin_url("change", cadre.pk), {"name": "改名", "post": "主任"})
    assert response.status_code == 403
    assert Cadre.objects.get(pk=cadre.pk).post == "科员"


@pytest.mark.parametrize("role", [LEADER, READ_ONLY], ids=role_id)
def test_view_only_roles_cannot_delete_in_admin(client, role):
    unit = make_unit()
    cadre = make_cadre(unit=unit)
    client.force_login(make_user(role, units=[unit] if role == READ_ONLY else ()))
    response = client.post(admin_url("delete", cadre.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Cadre.objects.filter(pk=cadre.pk).exists()


@pytest.mark.parametrize("role", [LEADER, READ_ONLY], ids=role_id)
def test_view_only_roles_cannot_change_a_cadre_through_the_history_revert_form(client, role):
    # simple-history's version page is a form that saves on POST; seeing history is not editing.
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    client.force_login(make_user(role, units=[unit] if role == READ_ONLY else ()))
    version = cadre.history.earliest("history_date")
    url = admin_url("simple_history", cadre.pk, version.history_id)
    data = {
        "name": "被改名",
        "gender": "男",
        "birth_date": "1990-01-01",
        "ethnicity": "汉族",
        "political_status": "中共党员",
        "education": "大学本科",
        "degree": "学士",
        "unit": unit.pk,
        "post": "主任",
        "channel": cadre.channel.pk,
        "entry_date": "2015-08-01",
        "status": "在职",
    }
    response = client.post(url, data)
    assert response.status_code == 403
    assert Cadre.objects.filter(pk=cadre.pk).values_list("name", "post").get() == (cadre.name, "科员")


def young_today(unit):
    """Create a cadre who is young today: home counts as of today, whatever the date."""
    today = timezone.localdate()
    return make_cadre(unit=unit, birth_date=years_before(today, 25), entry_date=years_before(today, 5))


def test_home_shows_a_read_only_user_the_figures_of_their_units(client):
    unit = make_unit()
    young_today(unit)
    young_today(make_unit())
    client.force_login(make_user(READ_ONLY, units=[unit]))
    assert client.get("/").context["stats"].total == 1


def test_user_stripped_of_role_sees_no_figures_of_their_units_on_home(client):
    # A clerk whose role was taken away but who is still listed as the unit's staff: without
    # view_cadre they may not see the unit's cadres, so not their figures either.
    unit = make_unit()
    young_today(unit)
    client.force_login(make_user(None, units=[unit]))
    response = client.get("/")
    assert response.status_code == 403 or response.context["stats"].total == 0


def test_inactive_user_is_logged_out_and_sent_to_login(client):
    unit = make_unit()
    cadre = make_cadre(unit=unit)
    user = make_user(CADRE_SECTION)
    client.force_login(user)
    user.is_active = False
    user.save()
    response = client.get(f"/cadres/{cadre.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_login_page_is_reachable_without_login(client):
    assert client.get("/login/").status_code == 200

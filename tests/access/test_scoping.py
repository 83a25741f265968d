"""Unit scoping: a 单位信息员 or 只读 of unit A reaches A's cadres and those of the units below A,
and another unit's cadre is a 404 by every URL, never a hint that it exists
(Cadre.objects.visible_to, cadres/admin.py ScopedAdminMixin, TRAPS.md on simple-history)."""

import io
from dataclasses import dataclass

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from cadres.admin import NOT_VISIBLE
from cadres.forms import UNIT_UNKNOWN
from cadres.models import Cadre, Unit
from tests.factories import cadre_add_data, make_cadre, make_unit, make_user

from .helpers import AS_OF, admin_url, change_form_data, history_version_url, role_id

pytestmark = pytest.mark.django_db

SCOPED_ROLES = [UNIT_CLERK, READ_ONLY]
DISTRICT_ROLES = [LEADER, CADRE_SECTION]
STATS_PAGE = "/reports/young-cadres/"
STATS_JSON = "/reports/young-cadres.json"
STATS_XLSX = "/reports/young-cadres.xlsx"


@dataclass
class District:
    """Unit A with a unit A1 below it, and an unrelated unit B; one cadre in each."""

    a: Unit
    a1: Unit
    b: Unit
    in_a: Cadre
    in_a1: Cadre
    in_b: Cadre


@pytest.fixture
def district():
    a = make_unit("甲单位")
    a1 = make_unit("甲单位下属科室", parent=a)
    b = make_unit("乙单位")
    return District(
        a=a,
        a1=a1,
        b=b,
        in_a=make_cadre(unit=a, name="甲干部"),
        in_a1=make_cadre(unit=a1, name="甲下属干部"),
        in_b=make_cadre(unit=b, name="乙干部"),
    )


def logged_in(client, role, district):
    """Log `client` in as a holder of `role`; scoped roles are staff of unit A."""
    client.force_login(make_user(role, units=[district.a] if role in SCOPED_ROLES else ()))
    return client


def listed(response):
    return {cadre.pk for cadre in response.context["cl"].result_list}


def xlsx_total(response):
    """Return the 合计 figure of the workbook's 汇总 sheet."""
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    for row in book["汇总"].iter_rows(values_only=True):
        if row and row[0] == "合计":
            return row[1]
    raise AssertionError("no 合计 row in 汇总")


# --- another unit's cadre is a 404 by every URL -------------------------------------------------


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_profile_of_another_units_cadre_is_not_found(client, district, role):
    response = logged_in(client, role, district).get(f"/cadres/{district.in_b.pk}/")
    assert response.status_code == 404
    assert district.in_b.name not in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_change_form_of_another_units_cadre_is_not_found(client, district, role):
    response = logged_in(client, role, district).get(admin_url("change", district.in_b.pk))
    assert response.status_code == 404
    assert district.in_b.name not in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_change_post_to_another_units_cadre_is_not_found(client, district, role):
    response = logged_in(client, role, district).post(admin_url("change", district.in_b.pk), {"name": "改名"})
    assert response.status_code == 404
    district.in_b.refresh_from_db()
    assert district.in_b.name == "乙干部"


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_history_of_another_units_cadre_is_not_found(client, district, role):
    response = logged_in(client, role, district).get(admin_url("history", district.in_b.pk))
    assert response.status_code == 404
    assert district.in_b.name not in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_history_version_of_another_units_cadre_is_not_found(client, district, role):
    district.in_b.post = "副主任"
    district.in_b.save()
    version = district.in_b.history.latest("history_date")
    response = logged_in(client, role, district).get(history_version_url(district.in_b, version.history_id))
    assert response.status_code == 404
    assert district.in_b.name not in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_history_of_a_deleted_cadre_of_another_unit_is_not_found(client, district, role):
    # simple-history falls back to the latest historical record when the object itself is gone.
    pk = district.in_b.pk
    district.in_b.delete()
    response = logged_in(client, role, district).get(admin_url("history", pk))
    assert response.status_code == 404
    assert "乙干部" not in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_delete_of_another_units_cadre_is_not_found(client, district, role):
    client = logged_in(client, role, district)
    assert client.get(admin_url("delete", district.in_b.pk)).status_code == 404
    assert client.post(admin_url("delete", district.in_b.pk), {"post": "yes"}).status_code == 404
    assert Cadre.objects.filter(pk=district.in_b.pk).exists()


def test_not_found_page_says_why_in_chinese(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(admin_url("change", district.in_b.pk))
    assert response.status_code == 404
    assert NOT_VISIBLE in str(response.context["exception"])


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_admin_unit_change_form_of_another_unit_is_not_found(client, district, role):
    response = logged_in(client, role, district).get(reverse("admin:cadres_unit_change", args=(district.b.pk,)))
    assert response.status_code == 404


# --- lists and figures hold only A and the units below it ---------------------------------------


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_changelist_lists_only_own_unit_and_units_below(client, district, role):
    response = logged_in(client, role, district).get(admin_url("changelist"))
    assert response.status_code == 200
    assert listed(response) == {district.in_a.pk, district.in_a1.pk}


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_changelist_filter_by_another_unit_lists_nobody(client, district, role):
    response = logged_in(client, role, district).get(admin_url("changelist"), {"unit__id__exact": district.b.pk})
    assert listed(response) == set()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_changelist_unit_filter_offers_only_own_unit_and_units_below(client, district, role):
    # The unit admin and the autocomplete hide unit B; the sidebar filter must not name it either.
    response = logged_in(client, role, district).get(admin_url("changelist"))
    html = response.content.decode()
    assert district.a1.name in html
    assert district.b.name not in html


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_cadre_of_a_unit_below_own_unit_is_visible(client, district, role):
    client = logged_in(client, role, district)
    assert client.get(f"/cadres/{district.in_a1.pk}/").status_code == 200
    assert client.get(admin_url("change", district.in_a1.pk)).status_code == 200
    assert client.get(admin_url("history", district.in_a1.pk)).status_code == 200


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_statistics_page_counts_only_own_units_without_a_unit_parameter(client, district, role):
    response = logged_in(client, role, district).get(STATS_PAGE, {"as_of": AS_OF})
    assert response.status_code == 200
    assert response.context["stats"].total == 2


def test_statistics_json_counts_only_own_units_without_a_unit_parameter(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(STATS_JSON, {"as_of": AS_OF})
    assert response.status_code == 200
    assert response.json()["total"] == 2


def test_statistics_xlsx_counts_only_own_units_without_a_unit_parameter(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(STATS_XLSX, {"as_of": AS_OF})
    assert response.status_code == 200
    assert xlsx_total(response) == 2


def test_statistics_json_of_a_unit_below_counts_that_unit(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(STATS_JSON, {"as_of": AS_OF, "unit": district.a1.pk})
    assert response.status_code == 200
    assert response.json()["total"] == 1


def test_statistics_json_of_another_unit_is_refused(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(STATS_JSON, {"as_of": AS_OF, "unit": district.b.pk})
    assert response.status_code == 400
    assert any(UNIT_UNKNOWN in message for message in response.json()["messages"])


def test_statistics_xlsx_of_another_unit_is_refused(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(STATS_XLSX, {"as_of": AS_OF, "unit": district.b.pk})
    assert response.status_code == 400
    assert UNIT_UNKNOWN in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_statistics_page_of_another_unit_is_refused(client, district, role):
    response = logged_in(client, role, district).get(STATS_PAGE, {"as_of": AS_OF, "unit": district.b.pk})
    assert response.status_code == 400
    assert UNIT_UNKNOWN in response.content.decode()


@pytest.mark.parametrize("role", SCOPED_ROLES, ids=role_id)
def test_statistics_unit_choices_are_own_units(client, district, role):
    response = logged_in(client, role, district).get(STATS_PAGE, {"as_of": AS_OF})
    assert set(response.context["form"].fields["unit"].queryset) == {district.a, district.a1}


def queries_of(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "params"),
    [("/admin/cadres/cadre/", None), (STATS_JSON, {"as_of": AS_OF}), (STATS_XLSX, {"as_of": AS_OF})],
    ids=["changelist", "json", "xlsx"],
)
def test_scoped_lists_and_exports_cost_the_same_queries_for_more_cadres(client, district, url, params):
    client = logged_in(client, UNIT_CLERK, district)
    few = queries_of(client, url, params)
    for unit in (district.a, district.a1, district.b):
        make_cadre(unit=unit)
        make_cadre(unit=unit)
    assert queries_of(client, url, params) == few


# --- entering data: only into A and the units below it ------------------------------------------


def test_admin_add_form_offers_only_own_unit_and_units_below(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(admin_url("add"))
    assert response.status_code == 200
    assert set(response.context["adminform"].form.fields["unit"].queryset) == {district.a, district.a1}


def test_admin_unit_autocomplete_offers_only_own_unit_and_units_below(client, district):
    response = logged_in(client, UNIT_CLERK, district).get(
        reverse("admin:autocomplete"), {"app_label": "cadres", "model_name": "cadre", "field_name": "unit"}
    )
    assert response.status_code == 200
    assert {int(item["id"]) for item in response.json()["results"]} == {district.a.pk, district.a1.pk}


def test_admin_add_into_another_unit_is_refused(client, district):
    response = logged_in(client, UNIT_CLERK, district).post(admin_url("add"), cadre_add_data(district.b))
    assert response.status_code == 200
    assert "unit" in response.context["adminform"].form.errors
    assert not Cadre.objects.filter(name="新干部").exists()


def test_admin_add_into_a_unit_below_is_accepted(client, district):
    response = logged_in(client, UNIT_CLERK, district).post(admin_url("add"), cadre_add_data(district.a1))
    assert response.status_code == 302
    assert Cadre.objects.get(name="新干部").unit == district.a1


def test_admin_move_of_own_cadre_into_another_unit_is_refused(client, district):
    client = logged_in(client, UNIT_CLERK, district)
    opened = client.get(admin_url("change", district.in_a.pk))
    response = client.post(admin_url("change", district.in_a.pk), change_form_data(opened, unit=district.b.pk))
    assert response.status_code == 200
    assert "unit" in response.context["adminform"].form.errors
    district.in_a.refresh_from_db()
    assert district.in_a.unit == district.a


# --- district-wide roles see every unit ---------------------------------------------------------


@pytest.mark.parametrize("role", DISTRICT_ROLES, ids=role_id)
def test_district_roles_see_every_units_cadre(client, district, role):
    client = logged_in(client, role, district)
    assert client.get(f"/cadres/{district.in_b.pk}/").status_code == 200
    assert client.get(admin_url("change", district.in_b.pk)).status_code == 200
    assert client.get(admin_url("history", district.in_b.pk)).status_code == 200
    response = client.get(admin_url("changelist"))
    assert listed(response) == {district.in_a.pk, district.in_a1.pk, district.in_b.pk}


@pytest.mark.parametrize("role", DISTRICT_ROLES, ids=role_id)
def test_district_roles_count_every_unit(client, district, role):
    client = logged_in(client, role, district)
    assert client.get(STATS_JSON, {"as_of": AS_OF}).json()["total"] == 3
    assert client.get(STATS_JSON, {"as_of": AS_OF, "unit": district.b.pk}).json()["total"] == 1

"""公民身份号码 masking: a 只读 user sees 420203********123X wherever the number would show, and
never the full number; roles with `view_id_number` see it in full (accounts/access.py)."""

import datetime

import pytest

from accounts.access import can_view_id_number, id_number_for, mask_id_number
from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from tests.factories import make_cadre, make_id_number, make_unit, make_user

from .helpers import admin_url, history_version_url, role_id

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1990, 1, 1)
FULL_ROLES = [LEADER, CADRE_SECTION, UNIT_CLERK]


def cadre_with_id_number(unit):
    number = make_id_number(BIRTH)
    return make_cadre(unit=unit, birth_date=BIRTH, id_number=number), number


def logged_in(client, role, unit):
    client.force_login(make_user(role, units=[unit] if role in (UNIT_CLERK, READ_ONLY) else ()))
    return client


# --- the mask -----------------------------------------------------------------------------------


@pytest.mark.django_db(False)
def test_mask_keeps_first_six_and_last_four_characters():
    assert mask_id_number("42020319900101123X") == "420203********123X"


@pytest.mark.django_db(False)
def test_mask_of_a_blank_number_is_blank():
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""


@pytest.mark.django_db(False)
def test_mask_of_a_short_number_hides_every_character():
    assert mask_id_number("4202031990") == "**********"


def test_only_roles_with_the_permission_see_full_numbers():
    assert not can_view_id_number(make_user(READ_ONLY))
    assert not can_view_id_number(make_user(None))
    for role in FULL_ROLES:
        assert id_number_for(make_user(role), "42020319900101123X") == "42020319900101123X"
    assert id_number_for(make_user(superuser=True), "42020319900101123X") == "42020319900101123X"


def test_inactive_user_does_not_see_full_numbers():
    user = make_user(CADRE_SECTION)
    user.is_active = False
    assert id_number_for(user, "42020319900101123X") == "420203********123X"


# --- what the 只读 role sees --------------------------------------------------------------------


def test_read_only_profile_shows_the_masked_number_only(client):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    html = logged_in(client, READ_ONLY, unit).get(f"/cadres/{cadre.pk}/").content.decode()
    assert mask_id_number(number) in html
    assert number not in html


def test_read_only_profile_history_masks_a_changed_number(client):
    unit = make_unit()
    cadre, old_number = cadre_with_id_number(unit)
    new_number = make_id_number(BIRTH)
    cadre.id_number = new_number
    cadre.save()
    html = logged_in(client, READ_ONLY, unit).get(f"/cadres/{cadre.pk}/").content.decode()
    assert f"公民身份号码：{mask_id_number(old_number)} → {mask_id_number(new_number)}" in html
    assert old_number not in html
    assert new_number not in html


def test_read_only_admin_change_form_shows_the_masked_number_only(client):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    response = logged_in(client, READ_ONLY, unit).get(admin_url("change", cadre.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert mask_id_number(number) in html
    assert number not in html
    assert "id_number" not in response.context["adminform"].form.fields


def test_read_only_admin_history_hides_a_changed_number(client):
    unit = make_unit()
    cadre, old_number = cadre_with_id_number(unit)
    new_number = make_id_number(BIRTH)
    cadre.id_number = new_number
    cadre.save()
    response = logged_in(client, READ_ONLY, unit).get(admin_url("history", cadre.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert old_number not in html
    assert new_number not in html


def test_read_only_admin_history_version_shows_the_masked_number_only(client):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    version = cadre.history.latest("history_date")
    response = logged_in(client, READ_ONLY, unit).get(history_version_url(cadre, version.history_id))
    assert response.status_code == 200
    assert number not in response.content.decode()


def test_read_only_changelist_cannot_search_by_id_number(client):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    response = logged_in(client, READ_ONLY, unit).get(admin_url("changelist"), {"q": number})
    assert response.status_code == 200
    assert cadre not in response.context["cl"].result_list


def test_read_only_changelist_still_searches_by_name(client):
    unit = make_unit()
    cadre, _ = cadre_with_id_number(unit)
    response = logged_in(client, READ_ONLY, unit).get(admin_url("changelist"), {"q": cadre.name})
    assert list(response.context["cl"].result_list) == [cadre]


# --- what roles with the permission see ---------------------------------------------------------


@pytest.mark.parametrize("role", FULL_ROLES, ids=role_id)
def test_profile_shows_the_full_number_to_roles_with_the_permission(client, role):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    html = logged_in(client, role, unit).get(f"/cadres/{cadre.pk}/").content.decode()
    assert number in html


@pytest.mark.parametrize("role", FULL_ROLES, ids=role_id)
def test_admin_change_form_shows_the_full_number_to_roles_with_the_permission(client, role):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    response = logged_in(client, role, unit).get(admin_url("change", cadre.pk))
    assert response.status_code == 200
    assert number in response.content.decode()


@pytest.mark.parametrize("role", [CADRE_SECTION, UNIT_CLERK], ids=role_id)
def test_changelist_searches_by_exact_id_number_for_roles_with_the_permission(client, role):
    unit = make_unit()
    cadre, number = cadre_with_id_number(unit)
    make_cadre(unit=unit)
    response = logged_in(client, role, unit).get(admin_url("changelist"), {"q": number})
    assert list(response.context["cl"].result_list) == [cadre]

"""Roles in one declaration: ROLE_PERMISSIONS says what each role may do and sync_roles, run after every
migrate and flush, makes the groups hold exactly that (accounts/roles.py)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from accounts.roles import LEADER, READ_ONLY, ROLE_PERMISSIONS, ROLES, UNIT_CLERK, sync_roles
from tests.factories import make_cadre, make_user

pytestmark = pytest.mark.django_db

AS_OF = "2021-07-31"


def held(role):
    """Return the permissions of a role's group as "app_label.codename"."""
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.parametrize("role", ROLES, ids=["leader", "cadre-section", "unit-clerk", "read-only"])
def test_after_migrate_each_role_holds_exactly_its_declared_permissions(role):
    assert held(role) == ROLE_PERMISSIONS[role]


def test_sync_roles_twice_changes_nothing():
    before = {role: held(role) for role in ROLES}
    groups = Group.objects.count()
    sync_roles()
    sync_roles()
    assert {role: held(role) for role in ROLES} == before
    assert Group.objects.count() == groups


def test_a_permission_granted_to_a_role_by_hand_is_taken_away_by_sync():
    group = Group.objects.get(name=READ_ONLY)
    group.permissions.add(Permission.objects.get(content_type__app_label="cadres", codename="export_cadres"))
    sync_roles()
    assert "cadres.export_cadres" not in held(READ_ONLY)


def test_a_deleted_role_group_is_made_again_by_sync():
    Group.objects.filter(name=UNIT_CLERK).delete()
    sync_roles()
    assert held(UNIT_CLERK) == ROLE_PERMISSIONS[UNIT_CLERK]


def test_a_role_change_is_one_line_in_the_declaration(client, monkeypatch):
    # 只读 may not export; granting it is an edit of ROLE_PERMISSIONS alone.
    user = make_user(READ_ONLY, [make_cadre().unit])
    client.force_login(user)
    assert client.get("/reports/young-cadres.json", {"as_of": AS_OF}).status_code == 403
    monkeypatch.setitem(ROLE_PERMISSIONS, READ_ONLY, ROLE_PERMISSIONS[READ_ONLY] | {"cadres.export_cadres"})
    sync_roles()
    user = type(user).objects.get(pk=user.pk)  # a fresh permission cache
    client.force_login(user)
    assert client.get("/reports/young-cadres.json", {"as_of": AS_OF}).status_code == 200


def test_a_declared_permission_that_does_not_exist_is_refused_naming_it(monkeypatch):
    monkeypatch.setitem(ROLE_PERMISSIONS, LEADER, ROLE_PERMISSIONS[LEADER] | {"cadres.view_nothing"})
    with pytest.raises(ImproperlyConfigured, match=r"cadres\.view_nothing"):
        sync_roles()
    assert held(LEADER) == ROLE_PERMISSIONS[LEADER] - {"cadres.view_nothing"}


@pytest.mark.django_db(transaction=True)
def test_the_roles_come_back_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    assert {role: held(role) for role in ROLES} == {role: ROLE_PERMISSIONS[role] for role in ROLES}

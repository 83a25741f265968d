"""The audit trail moved from the cadres app to the audit app without losing an event: migration
cadres 0016 copies the rows with their ids and re-labels the content type, and a backup taken before
the move is restored into the new place (cadres/backup_format.py)."""

import datetime
import gzip
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.roles import LEADER, READ_ONLY
from audit.models import AuditEvent
from tests.factories import make_user

BEFORE_THE_MOVE = [("cadres", "0015_history_without_copied_indexes"), ("audit", None)]


def latest():
    """The latest migration of every app: the schema as it stands now, whatever came after the move."""
    loader = MigrationExecutor(connection).loader
    return loader.graph.leaf_nodes()


AT = datetime.datetime(2021, 7, 31, 9, 30, tzinfo=datetime.UTC)


def migrate(targets):
    """Migrate the test database to `targets` and return the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.fixture
def before_the_move(transactional_db):
    """The schema as main had it before the audit app: AuditEvent in cadres. Migrated back afterwards."""
    ContentType.objects.clear_cache()
    apps = migrate(BEFORE_THE_MOVE)
    yield apps
    migrate(latest())
    ContentType.objects.clear_cache()


def test_migrating_keeps_every_event_with_its_id_user_and_data(before_the_move):
    user = make_user(READ_ONLY, username="liming")
    Old = before_the_move.get_model("cadres", "AuditEvent")
    Old.objects.create(id=7, user_id=user.pk, username="liming", action="auth.login", ip_address="10.0.0.8")
    Old.objects.create(id=9, username="命令行:root", action="system.backup", summary="备份到 x.json", data={"n": 1})
    Old.objects.filter(id=7).update(at=AT)

    migrate(latest())

    assert list(AuditEvent.objects.order_by("pk").values_list("pk", "user", "username", "action", "data")) == [
        (7, user.pk, "liming", "auth.login", {}),
        (9, None, "命令行:root", "system.backup", {"n": 1}),
    ]
    assert AuditEvent.objects.get(pk=7).at == AT
    assert AuditEvent.objects.get(pk=7).ip_address == "10.0.0.8"
    # The id sequence has moved past the copied rows.
    assert make_event().pk > 9


def make_event():
    return AuditEvent.objects.create(username="x", action="auth.logout")


def test_migrating_keeps_who_may_read_the_trail(before_the_move):
    # On a deployed database the old content type and its permission, granted to 部领导, exist.
    old_type, _ = ContentType.objects.get_or_create(app_label="cadres", model="auditevent")
    permission, _ = Permission.objects.get_or_create(
        content_type=old_type, codename="view_auditevent", defaults={"name": "Can view 审计日志"}
    )
    Group.objects.get(name=LEADER).permissions.add(permission)
    ContentType.objects.filter(app_label="audit").delete()

    migrate(latest())

    permission.refresh_from_db()
    assert (permission.content_type.app_label, permission.codename) == ("audit", "view_auditevent")
    assert Group.objects.get(name=LEADER).permissions.filter(pk=permission.pk).exists()


def test_migrating_back_returns_the_events_to_the_old_table(before_the_move):
    migrate(latest())
    make_event()
    apps = migrate(BEFORE_THE_MOVE)
    assert list(apps.get_model("cadres", "AuditEvent").objects.values_list("username", "action")) == [
        ("x", "auth.logout")
    ]


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_before_the_move_is_restored_into_the_audit_app(tmp_path):
    ContentType.objects.clear_cache()
    # A grant made to one account by hand (the roles' own grants are re-applied by sync_roles anyway).
    user = make_user(None, username="shenji")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="audit", codename="view_auditevent"))
    call_command("backup", str(tmp_path / "now.json"), stdout=io.StringIO())
    rows = json.loads((tmp_path / "now.json").read_text())
    # Write the file as the version before the move did: the events and the permission under cadres.
    for row in rows:
        if row["model"] == "audit.auditevent":
            row["model"] = "cadres.auditevent"
        if row["model"] == "auth.user":
            row["fields"]["user_permissions"] = [
                ["view_auditevent", "cadres", "auditevent"] if key[1:] == ["audit", "auditevent"] else key
                for key in row["fields"]["user_permissions"]
            ]
    old = tmp_path / "old.json.gz"
    old.write_bytes(gzip.compress(json.dumps(rows).encode()))
    assert b'"view_auditevent", "cadres"' in gzip.decompress(old.read_bytes())

    call_command("restore", str(old), yes=True, stdout=io.StringIO())
    ContentType.objects.clear_cache()

    assert AuditEvent.objects.get(action="system.backup").summary == f"备份到 {tmp_path / 'now.json'}"
    assert type(user).objects.get(username="shenji").has_perm("audit.view_auditevent")

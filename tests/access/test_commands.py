"""The operator's commands: create_user sets a role and units with a checked password and leaves
an audit event; backup and restore round-trip the whole database, all or nothing."""

import datetime
import gzip
import io
import json
import os
import stat
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.audit_actions import AccountAction
from accounts.management.commands.create_user import PASSWORD_ENV_EMPTY, UNIT_REQUIRED, UNIT_UNKNOWN
from accounts.roles import CADRE_SECTION, READ_ONLY, UNIT_CLERK, roles_of
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.management.commands.restore import CANCELLED, NOT_FOUND
from cadres.models import Cadre, CadrePhoto, Unit
from tests.factories import make_cadre, make_photo, make_unit, make_user

from .helpers import role_id

pytestmark = pytest.mark.django_db

STRONG = "Huangshi-xialu-2021!"
ENV = "NEW_ACCOUNT_PASSWORD"
# What a backup must bring back; the audit trail records the restore itself, so it differs.
COMPARED_EXCLUDING = ["contenttypes", "auth.permission", "sessions", "audit.auditevent"]


@pytest.fixture
def password_env(monkeypatch):
    monkeypatch.setenv(ENV, STRONG)
    return ENV


@pytest.fixture(autouse=True)
def fresh_content_type_cache():
    # restore flushes and recreates the content types inside the test's transaction.
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def restore(path, **options):
    """Run `restore` as the operator would: on committed data.

    The test's own inserts are one open transaction; on PostgreSQL their deferred foreign-key
    checks would block restore's TRUNCATE, so they are run first, as a commit would.
    """
    connection.check_constraints()
    call_command("restore", str(path), stdout=io.StringIO(), **options)


def create_user(*args):
    out = io.StringIO()
    call_command("create_user", *args, stdout=out)
    return out.getvalue()


# --- create_user --------------------------------------------------------------------------------


def test_create_user_creates_a_staff_account_with_role_units_and_password(password_env):
    unit = make_unit("甲单位")
    out = create_user("zhangsan", "--role", UNIT_CLERK, "--unit", "甲单位", "--name", "张三", "--password-env", ENV)
    user = get_user_model().objects.get(username="zhangsan")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert user.check_password(STRONG)
    assert roles_of(user) == [UNIT_CLERK]
    assert list(user.units.all()) == [unit]
    assert user.first_name == "张三"
    assert out.strip() == "已创建账号 zhangsan：角色 单位信息员，单位 甲单位"


def test_create_user_accepts_a_unit_by_id_and_several_units(password_env):
    a, b = make_unit("甲单位"), make_unit("乙单位")
    create_user("zhangsan", "--role", READ_ONLY, "--unit", str(a.pk), "--unit", "乙单位", "--password-env", ENV)
    assert set(get_user_model().objects.get(username="zhangsan").units.all()) == {a, b}


def test_create_user_replaces_the_role_of_an_existing_user(password_env):
    unit = make_unit("甲单位")
    user = make_user(READ_ONLY, units=[unit], username="zhangsan")
    out = create_user("zhangsan", "--role", CADRE_SECTION, "--password-env", ENV)
    user.refresh_from_db()
    assert roles_of(user) == [CADRE_SECTION]
    assert list(user.units.all()) == []
    assert user.check_password(STRONG)
    assert out.startswith("已更新账号 zhangsan")
    assert get_user_model().objects.filter(username="zhangsan").count() == 1


def test_create_user_keeps_groups_that_are_not_roles(password_env):
    user = make_user(READ_ONLY, units=[make_unit("甲单位")], username="zhangsan")
    other = Group.objects.create(name="值班")
    user.groups.add(other)
    create_user("zhangsan", "--role", CADRE_SECTION, "--password-env", ENV)
    assert set(user.groups.values_list("name", flat=True)) == {CADRE_SECTION, "值班"}


def test_create_user_refuses_an_unknown_unit(password_env):
    with pytest.raises(CommandError) as error:
        create_user("zhangsan", "--role", UNIT_CLERK, "--unit", "不存在的单位", "--password-env", ENV)
    assert str(error.value) == UNIT_UNKNOWN.format(unit="不存在的单位")
    assert str(error.value) == "单位“不存在的单位”不存在"
    assert not get_user_model().objects.filter(username="zhangsan").exists()


@pytest.mark.parametrize("role", [UNIT_CLERK, READ_ONLY], ids=role_id)
def test_create_user_refuses_a_scoped_role_without_a_unit(password_env, role):
    with pytest.raises(CommandError) as error:
        create_user("zhangsan", "--role", role, "--password-env", ENV)
    assert str(error.value) == UNIT_REQUIRED.format(role=role)
    assert not get_user_model().objects.filter(username="zhangsan").exists()


@pytest.mark.parametrize("weak", ["short1!", "password123", "12345678901", "zhangsan2021"])
def test_create_user_refuses_a_weak_password(monkeypatch, weak):
    monkeypatch.setenv(ENV, weak)
    with pytest.raises(CommandError) as error:
        create_user("zhangsan", "--role", CADRE_SECTION, "--password-env", ENV)
    assert str(error.value).startswith("密码不符合要求：")
    assert not get_user_model().objects.filter(username="zhangsan").exists()


def test_create_user_refuses_a_weak_password_without_touching_an_existing_account(monkeypatch):
    user = make_user(READ_ONLY, units=[make_unit()], username="zhangsan")
    monkeypatch.setenv(ENV, "12345")
    with pytest.raises(CommandError):
        create_user("zhangsan", "--role", CADRE_SECTION, "--password-env", ENV)
    user.refresh_from_db()
    assert roles_of(user) == [READ_ONLY]


@pytest.mark.parametrize("value", ["", None])
def test_create_user_refuses_an_empty_or_missing_environment_variable(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    with pytest.raises(CommandError) as error:
        create_user("zhangsan", "--role", CADRE_SECTION, "--password-env", ENV)
    assert str(error.value) == PASSWORD_ENV_EMPTY.format(name=ENV)
    assert not get_user_model().objects.filter(username="zhangsan").exists()


def test_create_user_refuses_an_unknown_role(password_env):
    with pytest.raises(CommandError):
        create_user("zhangsan", "--role", "管理员", "--password-env", ENV)


def test_create_user_records_an_audit_event(password_env):
    make_unit("甲单位")
    create_user("zhangsan", "--role", UNIT_CLERK, "--unit", "甲单位", "--password-env", ENV)
    event = AuditEvent.objects.get(action=AccountAction.ACCOUNT_SAVED)
    assert event.data == {"username": "zhangsan", "role": UNIT_CLERK, "units": ["甲单位"]}
    assert "zhangsan" in event.summary
    assert STRONG not in f"{event.summary} {event.data}"


# --- backup and restore -------------------------------------------------------------------------


def dump():
    """Return the database as `dumpdata` writes it, less what is recreated or expected to differ."""
    out = io.StringIO()
    call_command("dumpdata", exclude=COMPARED_EXCLUDING, natural_foreign=True, stdout=out)
    return sorted(json.loads(out.getvalue()), key=lambda row: (row["model"], str(row["pk"])))


def build_data():
    """Units with a unit below, cadres, a clerk of one unit, and a cadre edited once by the clerk."""
    a = make_unit("甲单位")
    a1 = make_unit("甲单位下属科室", parent=a)
    clerk = make_user(UNIT_CLERK, units=[a], username="xinxiyuan")
    edited = make_cadre(unit=a1, name="王晓红", post="科员")
    edited.post = "副主任"
    edited._history_user = clerk
    edited.save()
    make_cadre(unit=a, name="李明远")
    return edited


def test_backup_then_restore_brings_back_exactly_the_backed_up_data(tmp_path):
    edited = build_data()
    before = dump()
    path = tmp_path / "x.json.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    assert path.stat().st_size > 0

    edited.post = "主任"
    edited.save()
    Cadre.objects.filter(name="李明远").delete()
    get_user_model().objects.filter(username="xinxiyuan").delete()
    make_unit("新单位")
    assert dump() != before

    restore(path, yes=True)
    assert dump() == before
    assert Cadre.objects.get(pk=edited.pk).post == "副主任"
    assert roles_of(get_user_model().objects.get(username="xinxiyuan")) == [UNIT_CLERK]


def test_backup_file_is_gzipped_json(tmp_path):
    build_data()
    path = tmp_path / "x.json.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    rows = json.loads(gzip.decompress(path.read_bytes()))
    assert {"cadres.cadre", "cadres.historicalcadre", "cadres.unit", "auth.user", "auth.group"} <= {
        row["model"] for row in rows
    }


@pytest.fixture
def usual_umask():
    """Run with the umask most servers have (022: new files readable by every local account)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("name", ["x.json.gz", "x.json"])
def test_backup_file_is_readable_by_its_owner_only(tmp_path, usual_umask, name):
    # The file holds every 公民身份号码 and every password hash.
    build_data()
    path = tmp_path / name
    call_command("backup", str(path), stdout=io.StringIO())
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_backup_and_restore_are_recorded(tmp_path):
    build_data()
    path = tmp_path / "x.json.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    restore(path, yes=True)
    assert AuditEvent.objects.filter(action=CadreAction.RESTORE).count() == 1
    # The backup's own event is in the file, so the restored trail still shows it.
    assert AuditEvent.objects.filter(action=CadreAction.BACKUP).count() == 1


def test_restore_of_a_missing_file_is_refused_and_changes_nothing(tmp_path):
    build_data()
    before = dump()
    missing = tmp_path / "missing.json.gz"
    with pytest.raises(CommandError) as error:
        restore(missing, yes=True)
    assert str(error.value) == NOT_FOUND.format(path=missing)
    assert dump() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("corrupt.json.gz", b"this is not gzip at all"),
        ("corrupt.json", b'[{"model": "cadres.cadre", "pk": 1, "fields": {"name": '),
        ("corrupt.json", b'[{"model": "cadres.cadre", "pk": 999, "fields": {"name": "x", "unit": 424242}}]'),
    ],
    ids=["not-gzip", "truncated-json", "invalid-row"],
)
def test_restore_of_a_corrupt_file_is_refused_and_changes_nothing(tmp_path, name, content):
    build_data()
    before = dump()
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        restore(path, yes=True)
    assert str(error.value).startswith("恢复失败，数据库保持原样：")
    assert dump() == before
    assert Unit.objects.filter(name="甲单位").exists()


@pytest.mark.parametrize("stdin", ["", "no\n"], ids=["no-stdin", "answered-no"])
def test_restore_without_confirmation_is_cancelled(tmp_path, monkeypatch, stdin):
    build_data()
    path = tmp_path / "x.json.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    make_unit("备份之后的单位")
    before = dump()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(CommandError) as error:
        restore(path)
    assert str(error.value) == CANCELLED
    assert dump() == before


def test_backup_keeps_date_times_to_the_microsecond(tmp_path):
    # Django's own JSON keeps milliseconds only: a time of …00.000500 would come back as …00.000.
    cadre = make_cadre()
    exact = datetime.datetime(2021, 7, 31, 9, 30, 0, 500, tzinfo=datetime.UTC)
    Cadre.objects.filter(pk=cadre.pk).update(created_at=exact)
    path = tmp_path / "x.json"
    call_command("backup", str(path), stdout=io.StringIO())

    restore(path, yes=True)

    assert Cadre.objects.get(pk=cadre.pk).created_at == exact


def test_backup_and_restore_keep_photos_and_their_history(tmp_path):
    cadre = make_cadre()
    photo = bytes(make_photo(cadre, size=(450, 600)).jpeg)
    before = dump()
    path = tmp_path / "x.json.gz"
    call_command("backup", str(path), stdout=io.StringIO())
    CadrePhoto.objects.all().delete()

    restore(path, yes=True)

    assert bytes(CadrePhoto.objects.get(cadre=cadre).jpeg) == photo
    assert CadrePhoto.history.filter(cadre=cadre).count() == 1
    assert dump() == before

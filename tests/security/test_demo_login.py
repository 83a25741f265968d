"""The demo login never reaches a deployment: `load_demo` runs only under the development settings (an explicit
--replace-data in another non-production mode), and `check --deploy` fails while an active account still has
the demo password (cadres/demo.py, cadres/checks.py)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.management import call_command
from django.core.management.base import CommandError

from cadres.checks import DEMO_PASSWORD_IN_USE, demo_password_check
from cadres.demo import DEMO_PASSWORD, DEMO_USERNAME
from cadres.management.commands import load_demo
from cadres.management.commands.load_demo import NOT_DEVELOPMENT, PRODUCTION_REFUSED
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_under_the_production_settings(settings):
    settings.DEPLOYMENT_MODE = "production"
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--replace-data")
    assert str(refused.value) == PRODUCTION_REFUSED
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()


def test_load_demo_refuses_under_other_settings_without_the_explicit_flag(settings):
    settings.DEPLOYMENT_MODE = "staging"
    with pytest.raises(CommandError) as refused:
        call_command("load_demo")
    assert str(refused.value) == NOT_DEVELOPMENT.format(mode="staging")
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()


def test_load_demo_with_the_explicit_flag_loads_outside_production(settings, monkeypatch, tmp_path):
    fixture = tmp_path / "demo.json"
    fixture.write_text('[{"model": "cadres.unit", "pk": 990001, "fields": {"name": "演示单位", "kind": "党政机关"}}]')
    monkeypatch.setattr(load_demo, "DEMO_FIXTURE", fixture)
    settings.DEPLOYMENT_MODE = "staging"
    call_command("load_demo", "--replace-data", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert get_user_model().objects.get(username=DEMO_USERNAME).check_password(DEMO_PASSWORD)


def test_load_demo_runs_under_the_development_settings_and_its_accounts_fail_the_deployment_check():
    assert settings.DEPLOYMENT_MODE == "development"
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert get_user_model().objects.get(username=DEMO_USERNAME).is_superuser
    assert [error.id for error in demo_password_check()] == ["cadres.E002"]


@pytest.mark.django_db(False)
def test_load_demo_run_with_the_production_settings_module_exits_without_touching_the_database(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.production",
        "ALLOWED_HOSTS": "cadres.example.org",
        "SECRET_KEY": "k" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert PRODUCTION_REFUSED in result.stderr


def test_the_demo_password_check_is_a_deployment_check():
    assert demo_password_check in checks.registry.registry.get_checks(include_deployment_checks=True)
    assert demo_password_check not in checks.registry.registry.get_checks(include_deployment_checks=False)


def test_an_active_account_with_the_demo_password_fails_the_deployment_check():
    make_user(username="admin", password=DEMO_PASSWORD, superuser=True)
    make_user(username="lingdao", password=DEMO_PASSWORD)
    make_user(username="zhangsan")
    errors = demo_password_check()
    assert [(error.id, error.msg) for error in errors] == [
        ("cadres.E002", DEMO_PASSWORD_IN_USE.format(usernames="admin、lingdao"))
    ]
    assert errors[0].is_serious()


def test_the_check_passes_once_the_demo_accounts_are_changed_or_disabled():
    admin = make_user(username="admin", password=DEMO_PASSWORD, superuser=True)
    leader = make_user(username="lingdao", password=DEMO_PASSWORD)
    admin.set_password("A-new-and-long-passphrase-2025")
    admin.save()
    leader.is_active = False
    leader.save()
    assert demo_password_check() == []

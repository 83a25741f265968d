"""Deployment safety: production settings pass `check --deploy --fail-level WARNING` and refuse to
start without a real SECRET_KEY; sessions end with the browser and after two idle hours; weak
passwords are refused; the login form needs its CSRF token (config/settings.py, config/production.py)."""

import os
import secrets
import string
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from accounts.roles import CADRE_SECTION
from tests.factories import PASSWORD, make_user

BASE_DIR = settings.BASE_DIR
NO_SECRET_KEY = "正式环境必须通过环境变量 SECRET_KEY 设置至少50个字符的随机密钥"


def random_secret_key(length=60):
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "k" + "".join(secrets.choice(alphabet) for _ in range(length - 1))


def manage(*args, **env):
    """Run manage.py under the production settings with `env` (None removes a variable)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.production", "ALLOWED_HOSTS": "cadres.example.org"}
    # Set in this process for the browser tests (TRAPS.md); a deployment never has it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- production settings ------------------------------------------------------------------------


def test_production_settings_pass_the_deployment_checks_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=random_secret_key())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    result = manage("check", SECRET_KEY=None)
    assert result.returncode != 0
    assert NO_SECRET_KEY in result.stderr


@pytest.mark.parametrize(
    "key", ["short-key", "insecure-local-development-key-do-not-use-in-production"], ids=["short", "development"]
)
def test_production_settings_refuse_a_short_or_development_secret_key(key):
    result = manage("check", SECRET_KEY=key)
    assert result.returncode != 0
    assert NO_SECRET_KEY in result.stderr


# --- sessions -----------------------------------------------------------------------------------


def test_sessions_last_two_idle_hours_and_end_with_the_browser():
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


@pytest.mark.django_db
def test_session_cookie_is_a_browser_session_cookie(client):
    client.force_login(make_user(CADRE_SECTION))
    response = client.get("/")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"] is True
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 2 * 60 * 60


# --- passwords ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Xl-2021!", "password_too_short"),
        ("password123", "password_too_common"),
        ("1234567890123", "password_entirely_numeric"),
    ],
)
def test_password_validators_reject_short_common_and_numeric_passwords(password, code):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert code in {e.code for e in error.value.error_list}


def test_password_validators_accept_a_long_uncommon_password():
    validate_password(PASSWORD)


# --- CSRF on the login form ---------------------------------------------------------------------


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused():
    make_user(CADRE_SECTION, username="zhangsan")
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/login/", {"username": "zhangsan", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in browser.session


@pytest.mark.django_db
def test_login_with_the_forms_csrf_token_succeeds():
    make_user(CADRE_SECTION, username="zhangsan")
    browser = Client(enforce_csrf_checks=True)
    browser.get("/login/")
    token = browser.cookies[settings.CSRF_COOKIE_NAME].value
    response = browser.post("/login/", {"username": "zhangsan", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "_auth_user_id" in browser.session


@pytest.mark.django_db
def test_logout_without_csrf_token_is_refused():
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_user(CADRE_SECTION))
    assert browser.post("/logout/").status_code == 403
    assert "_auth_user_id" in browser.session

"""Login throttling (django-axes, config/settings.py): five failures lock one username from one
address for 15 minutes, with the Chinese lockout page; other usernames and other addresses are not
locked, and a success resets the count (TRAPS.md: one typo-prone user behind the office NAT)."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOCKED = "登录已暂停"
OFFICE_IP = "10.1.2.3"


def post_login(client, username, password, ip=OFFICE_IP):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip=OFFICE_IP):
    for _ in range(times):
        post_login(client, username, "wrong-password", ip)


def logged_in(client):
    return "_auth_user_id" in client.session


def test_limit_is_five_failures_per_username_and_address_for_fifteen_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    cooloff = settings.AXES_COOLOFF_TIME
    assert cooloff == datetime.timedelta(minutes=15)
    assert settings.AXES_RESET_ON_SUCCESS is True


def test_four_failures_do_not_lock(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 4)
    response = post_login(client, "zhangsan", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_five_failures_lock_the_username_even_with_the_right_password(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 5)
    response = post_login(client, "zhangsan", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "15分钟" in html
    assert not logged_in(client)


def test_locked_username_stays_locked_for_a_fresh_browser(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 5)
    other_browser = Client()
    response = post_login(other_browser, "zhangsan", PASSWORD)
    assert LOCKED in response.content.decode()
    assert not logged_in(other_browser)


def test_other_username_from_the_same_address_can_still_log_in(client):
    make_user(username="zhangsan")
    make_user(username="lisi")
    fail(client, "zhangsan", 5)
    colleague = Client()
    response = post_login(colleague, "lisi", PASSWORD)
    assert response.status_code == 302
    assert logged_in(colleague)


def test_same_username_from_another_address_can_still_log_in(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 5)
    elsewhere = Client()
    response = post_login(elsewhere, "zhangsan", PASSWORD, ip="10.9.9.9")
    assert response.status_code == 302
    assert logged_in(elsewhere)


def test_success_before_the_limit_resets_the_count(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 4)
    assert post_login(client, "zhangsan", PASSWORD).status_code == 302
    client.post("/logout/")
    fail(client, "zhangsan", 4)
    response = post_login(client, "zhangsan", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_failures_of_an_unknown_username_lock_only_that_name(client):
    make_user(username="zhangsan")
    fail(client, "nosuchuser", 5)
    assert LOCKED in post_login(client, "nosuchuser", "anything").content.decode()
    assert post_login(Client(), "zhangsan", PASSWORD).status_code == 302


def test_admin_login_form_is_locked_too(client):
    make_user(username="zhangsan")
    fail(client, "zhangsan", 5)
    response = client.post("/admin/login/", {"username": "zhangsan", "password": PASSWORD}, REMOTE_ADDR=OFFICE_IP)
    assert LOCKED in response.content.decode()
    assert not logged_in(client)

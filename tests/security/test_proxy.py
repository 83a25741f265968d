"""Behind the README's reverse proxy the client's address comes from X-Forwarded-For, counted from the right
by TRUSTED_PROXY_COUNT (audit.services.client_ip): the lockout and the audit trail see each client, a client
cannot pick another's address by sending the header itself, and nobody can lock a named account for everyone."""

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from accounts.audit_actions import AccountAction
from audit.models import AuditEvent
from audit.services import client_ip
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ATTACKER, COLLEAGUE, VICTIM = "203.0.113.66", "192.0.2.10", "192.0.2.20"


def through_proxy(client_address, sent_header=None):
    """Return the META of a request as the proxy passes it on: it appends the address it received from."""
    forwarded = f"{sent_header}, {client_address}" if sent_header else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def login(client, username, password, meta):
    return client.post("/login/", {"username": username, "password": password}, **meta)


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_the_lockout_and_the_audit_take_the_address_from_the_setting():
    assert settings.AXES_CLIENT_IP_CALLABLE == "audit.services.client_ip"
    assert settings.TRUSTED_PROXY_COUNT == 0
    # Username-only lockout stays off: a name is locked only together with the address it was tried from.
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_without_proxies_the_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR=COLLEAGUE, HTTP_X_FORWARDED_FOR=VICTIM)
    assert client_ip(request) == COLLEAGUE


def test_behind_one_proxy_the_client_is_the_rightmost_entry(one_proxy):
    request = RequestFactory().get("/", **through_proxy(ATTACKER, sent_header=VICTIM))
    assert client_ip(request) == ATTACKER


def test_behind_two_proxies_the_client_is_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}, 10.0.0.2")
    assert client_ip(request) == ATTACKER


@pytest.mark.parametrize("header", ["", "not-an-address"])
def test_a_missing_or_garbled_header_keeps_the_address_the_server_saw(one_proxy, header):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=header)
    assert client_ip(request) == PROXY


def test_an_attacker_behind_the_proxy_cannot_lock_a_named_account_for_others(one_proxy):
    make_user(username="admin")
    attacker = Client()
    for _ in range(5):
        login(attacker, "admin", "wrong-password", through_proxy(ATTACKER, sent_header=VICTIM))
    assert "登录已暂停" in login(attacker, "admin", PASSWORD, through_proxy(ATTACKER)).content.decode()
    colleague = Client()
    response = login(colleague, "admin", PASSWORD, through_proxy(COLLEAGUE))
    assert response.status_code == 302
    # Not even the address the attacker claimed to be: the header's left part is not trusted.
    assert login(Client(), "admin", PASSWORD, through_proxy(VICTIM)).status_code == 302


def test_the_audit_trail_records_the_client_not_the_proxy(one_proxy):
    make_user(username="zhangsan")
    login(Client(), "zhangsan", "wrong-password", through_proxy(ATTACKER, sent_header=VICTIM))
    login(Client(), "zhangsan", PASSWORD, through_proxy(COLLEAGUE))
    addresses = dict(AuditEvent.objects.values_list("action", "ip_address"))
    assert addresses == {AccountAction.LOGIN_FAILED: ATTACKER, AccountAction.LOGIN: COLLEAGUE}


def test_without_the_setting_every_client_behind_the_proxy_is_the_proxy():
    """What the setting is for: left at 0 behind a proxy, one client's failures lock everyone out of the name."""
    make_user(username="admin")
    for _ in range(5):
        login(Client(), "admin", "wrong-password", through_proxy(ATTACKER))
    assert login(Client(), "admin", PASSWORD, through_proxy(COLLEAGUE)).status_code == 429

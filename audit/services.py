"""Recording audit events: the one function every export, import and login goes through."""

import ipaddress

from django.conf import settings

from .models import AuditEvent


def client_ip(request):
    """Return the client's address, as the audit trail and the login lockout (AXES_CLIENT_IP_CALLABLE) see it.

    Directly reached (TRUSTED_PROXY_COUNT = 0), the address the server saw. Behind N trusted proxies, the
    address the outermost one received the request from: each proxy appends the address it received from to
    X-Forwarded-For and the last one is REMOTE_ADDR, so the client is the N-th entry from the right; entries
    further left are whatever the client chose to send. A header shorter than that, or not an address, means
    the request did not come through the proxies: the server's own view is kept.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def audit(*, action, user=None, request=None, summary="", data=None, username=""):
    """Record that `user` did `action` (a registered action code) with `data` (JSON-serialisable).

    `username` names who acted when no account did, e.g. the operating-system account behind a
    command (“命令行:root”), or the name a failed login was tried with; an authenticated `user` is
    recorded by its own username instead.
    """
    if user is None and request is not None:
        user = request.user
    authenticated = user is not None and user.is_authenticated
    return AuditEvent.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else username[:150],
        action=action,
        summary=summary[:300],
        data=data or {},
        ip_address=client_ip(request),
    )

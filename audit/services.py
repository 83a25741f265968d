"""Recording audit events: the one function every export, import and login goes through."""

from .models import AuditEvent


def client_ip(request):
    """Return the client's address as the server saw it (a proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


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

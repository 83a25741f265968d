"""Recording audit events: the one function every export, import and login goes through."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditAction, AuditEvent


def client_ip(request):
    """Return the client's address as the server saw it (a proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit(*, action, user=None, request=None, summary="", data=None, username=""):
    """Record that `user` did `action` (an AuditAction) with `data` (JSON-serialisable).

    `username` names who acted when no account did, e.g. the operating-system account behind a
    command (“命令行:root”); an authenticated `user` is recorded by its own username instead.
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


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    audit(action=AuditAction.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        audit(action=AuditAction.LOGOUT, user=user, request=request)


@receiver(user_login_failed)
def record_login_failure(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    AuditEvent.objects.create(
        username=username,
        action=AuditAction.LOGIN_FAILED,
        summary=f"账号“{username}”登录失败",
        ip_address=client_ip(request),
    )

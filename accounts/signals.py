"""Logins, failed logins and logouts leave an audit event."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import AuditEvent
from audit.services import audit, client_ip

from .audit_actions import AccountAction


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    audit(action=AccountAction.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        audit(action=AccountAction.LOGOUT, user=user, request=request)


# The longest account name (Django's User.username); a longer name tried at login is kept cut to it.
USERNAME_MAX = 150


def tried_username(request, credentials=None):
    """Return the username a login was tried with, at most USERNAME_MAX characters (AXES_USERNAME_CALLABLE)."""
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get("username")
    return None if username is None else str(username)[:USERNAME_MAX]


@receiver(user_login_failed)
def record_login_failure(sender, credentials, request=None, **kwargs):
    # Recorded under the name that was tried, even when someone is signed in on this browser.
    username = str(credentials.get("username", ""))[:USERNAME_MAX]
    AuditEvent.objects.create(
        username=username,
        action=AccountAction.LOGIN_FAILED,
        summary=f"账号“{username}”登录失败",
        ip_address=client_ip(request),
    )

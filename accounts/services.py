"""Writes to accounts, each leaving an audit event."""

from django.contrib.auth import get_user_model
from django.db import transaction

from audit.services import audit

from .audit_actions import AccountAction
from .roles import ROLES, role_group
from .units import account_units


def account_save(*, username, role, units, password, name=None):
    """Create or update the staff account `username` with one role, its units and a password.

    The role replaces any role the account held; `units` (found through accounts.units) replace its units.
    `name` (shown as the person's name) is left as it was when None. Return (user, created).
    """
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username)
        user.is_staff = True
        user.is_active = True
        if name is not None:
            user.first_name = name
        user.set_password(password)
        user.save()
        user.groups.remove(*user.groups.filter(name__in=ROLES))
        user.groups.add(role_group(role))
        account_units().assign(user, units)
        audit(
            action=AccountAction.ACCOUNT_SAVED,
            summary=f"{'创建' if created else '更新'}账号 {username}（命令行）",
            data={"username": username, "role": role, "units": [str(unit) for unit in units]},
        )
    return user, created

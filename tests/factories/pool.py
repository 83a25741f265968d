"""Builders of the young-cadre pool, through the services themselves (cadres/pool/services.py): a test's
pool holds only what the pages could have made, with its status changes and audit events."""

import datetime

from accounts.roles import CADRE_SECTION
from cadres.pool.services import pool_entry_create, pool_exit, pool_status_change

from .records import make_cadre, make_user

D = datetime.date
DEFAULT_ENTRY = D(2020, 3, 1)


def enter_pool(cadre=None, *, on=DEFAULT_ENTRY, user=None, recommended_by="组织部门", reason="表现突出", **fields):
    """Put `cadre` (a new one made with `fields` if None) into the pool on `on` and return the membership."""
    return pool_entry_create(
        cadre=cadre or make_cadre(entry_date=D(2015, 8, 1), **fields),
        entered_on=on,
        recommended_by=recommended_by,
        reason=reason,
        user=user or make_user(CADRE_SECTION),
    )


def move_in_pool(membership, status, on, *, user=None):
    """Move `membership` to `status` on `on` and return the PoolStatusChange."""
    return pool_status_change(
        membership=membership, status=status, changed_on=on, reason="组织考察", user=user or make_user(CADRE_SECTION)
    )


def leave_pool(membership, on, *, user=None):
    """Take `membership` out of the pool on `on` and return it."""
    return pool_exit(membership=membership, left_on=on, reason="调离本区", user=user or make_user(CADRE_SECTION))


def make_membership(cadre, entered, *changes, left=None, user=None, **entry):
    """Put `cadre` in the pool on `entered`, move it through `changes` ((date, status) pairs), out on `left`."""
    user = user or make_user(CADRE_SECTION)
    membership = enter_pool(cadre, on=entered, user=user, **entry)
    for day, status in changes:
        move_in_pool(membership, status, day, user=user)
    if left is not None:
        leave_pool(membership, left, user=user)
        membership.refresh_from_db()
    return membership

"""Builders for the pool tests: a cadre in the pool, moved along by the services themselves."""

import datetime

from accounts.roles import CADRE_SECTION
from cadres.pool.services import pool_entry_create, pool_exit, pool_status_change
from tests.factories import make_cadre, make_user

D = datetime.date
DEFAULT_ENTRY = D(2020, 3, 1)


def enter(cadre=None, *, on=DEFAULT_ENTRY, user=None, **fields):
    """Put `cadre` (a new one if None) into the pool on `on` and return the membership."""
    return pool_entry_create(
        cadre=cadre or make_cadre(entry_date=D(2015, 8, 1), **fields),
        entered_on=on,
        recommended_by="组织部门",
        reason="表现突出",
        user=user or make_user(CADRE_SECTION),
    )


def move(membership, status, on, *, user=None):
    return pool_status_change(
        membership=membership, status=status, changed_on=on, reason="组织考察", user=user or make_user(CADRE_SECTION)
    )


def leave(membership, on, *, user=None):
    return pool_exit(membership=membership, left_on=on, reason="调离本区", user=user or make_user(CADRE_SECTION))

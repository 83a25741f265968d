"""A cadre's status in the young-cadre pool (年轻干部库) on a date, as a database expression.

The rule itself is PoolMembershipQuerySet.on() and .with_status_on() (cadres/querysets.py): the
entry day is in, the exit day is out, the status is the latest change on or before the date, and
a membership with no change recorded counts as 年轻干部 from entry. This module only offers it
as an expression over cadres, for annotations.
"""

from .models import PoolMembership
from .querysets import NOT_IN_POOL, pool_status_q

__all__ = ["NOT_IN_POOL", "pool_status_on"]


def pool_status_on(as_of):
    """Return an expression for a cadre's pool status on `as_of`, NOT_IN_POOL when not a member then."""
    return pool_status_q(PoolMembership.objects.all(), as_of)

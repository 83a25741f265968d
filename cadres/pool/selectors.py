"""Reading the young-cadre pool: who is in it on a date, in list order, and a membership's latest status.

Every status here is PoolMembershipQuerySet.with_status_on (cadres/pool/models.py): the one rule.
"""

import datetime

from django.db.models import Max, OuterRef, Subquery

from ..models import Unit
from .models import PoolMembership, PoolStatus


def pool_members(cadres, day, *, units=None, status=None, unit=None):
    """Return the memberships of `cadres` open on `day`, annotated with `status_on` and `unit_on`.

    `units` limits the members to those whose unit on `day` is among them (a scoped user's
    units: a cadre they see now who was elsewhere then is not theirs that day); `status` and
    `unit` narrow to one cell of pool_counts(): `unit` is the unit on `day` itself, not the
    units below it.
    """
    memberships = PoolMembership.objects.filter(cadre__in=cadres).on(day).with_status_on(day).with_unit_on(day)
    if units is not None:
        memberships = memberships.filter(unit_on__in=units.values("pk"))
    if status:
        memberships = memberships.filter(status_on=status)
    if unit is not None:
        memberships = memberships.filter(unit_on=unit.pk)
    return memberships


def in_list_order(members):
    """Return `members` ordered as the counts' rows (by unit on the day), then by name, with `unit_on_name`."""
    unit = Unit.objects.filter(pk=OuterRef("unit_on"))
    return (
        members.select_related("cadre")
        .annotate(unit_on_name=Subquery(unit.values("name")[:1]), unit_on_order=Subquery(unit.values("sort_order")[:1]))
        .order_by("unit_on_order", "unit_on_name", "cadre__name", "pk")
    )


def membership_status(membership):
    """Return (status, since): the membership's status after its latest change, and the day of that change.

    The status is the QuerySet's status on the last day there is; a membership with no change recorded
    is 年轻干部 since the day it entered. The moves check against these (cadres/pool/services.py).
    """
    status = (
        PoolMembership.objects.filter(pk=membership.pk)
        .with_status_on(datetime.date.max)
        .values_list("status_on", flat=True)
        .get()
    )
    since = membership.status_changes.aggregate(day=Max("changed_on"))["day"] or membership.entered_on
    return PoolStatus(status), since

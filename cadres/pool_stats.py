"""Reading the young-cadre pool on a date: who is in it, and how many per status and per unit.

The pool page's counts and the lists they link to come from one queryset (pool_members), so a
count always equals the length of its list. A member is counted in the unit they were in on the
day (PoolMembershipQuerySet.with_unit_on: the district post covering the day, else the current
unit), so the figures of a past date are those of that date.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery

from .models import PoolMembership, PoolStatus, Unit


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


@dataclass
class UnitRow:
    unit: Unit
    counts: list  # (status, figure) pairs, in PoolStatus order
    total: int


@dataclass
class PoolCounts:
    """The pool on `day`: a figure per (unit, status), per status ((status, figure) pairs) and in all."""

    day: object
    statuses: list = field(default_factory=lambda: list(PoolStatus))
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    total: int = 0


def pool_counts(cadres, day, *, units=None):
    """Return the PoolCounts of `cadres` on `day` (in `units`, as pool_members), in one grouped query."""
    grouped = pool_members(cadres, day, units=units).values("unit_on", "status_on").annotate(n=Count("pk"))
    figures = {(row["unit_on"], row["status_on"]): row["n"] for row in grouped}
    result = PoolCounts(day=day)
    units = Unit.objects.filter(pk__in={unit for unit, _ in figures})
    for unit in units:
        counts = [(status, figures.get((unit.pk, status.value), 0)) for status in result.statuses]
        result.rows.append(UnitRow(unit=unit, counts=counts, total=sum(n for _, n in counts)))
    result.totals = [
        (status, sum(n for row in result.rows for row_status, n in row.counts if row_status == status))
        for status in result.statuses
    ]
    result.total = sum(n for _, n in result.totals)
    return result

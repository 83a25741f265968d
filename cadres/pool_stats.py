"""Reading the young-cadre pool on a date: who is in it, and how many per status and per unit.

The pool page's counts and the lists they link to come from one queryset (pool_members), so a
count always equals the length of its list.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from .models import PoolMembership, PoolStatus, Unit


def pool_members(cadres, day, *, status=None, unit=None):
    """Return the memberships of `cadres` open on `day`, annotated with `status_on`, narrowed as asked.

    `unit` is the cadre's own unit (not the units below it), the same grouping as pool_counts().
    """
    memberships = PoolMembership.objects.filter(cadre__in=cadres).on(day).with_status_on(day)
    if status:
        memberships = memberships.filter(status_on=status)
    if unit is not None:
        memberships = memberships.filter(cadre__unit=unit)
    return memberships


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


def pool_counts(cadres, day):
    """Return the PoolCounts of `cadres` on `day`, counted by the database in one grouped query."""
    grouped = pool_members(cadres, day).values("cadre__unit", "status_on").annotate(n=Count("pk"))
    figures = {(row["cadre__unit"], row["status_on"]): row["n"] for row in grouped}
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

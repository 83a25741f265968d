"""The pool's figures on a date: how many per status and per unit (the pool page's table).

The counts and the lists they link to come from one queryset (selectors.pool_members), so a count always
equals the length of its list. A member is counted in the unit they were in on the day
(PoolMembershipQuerySet.with_unit_on: the district post covering the day, else the current unit), so the
figures of a past date are those of that date.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from ..models import Unit
from .models import PoolStatus
from .selectors import pool_members


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

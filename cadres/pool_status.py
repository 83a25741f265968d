"""A cadre's status in the young-cadre pool (年轻干部库) on a date, as a database expression."""

from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from .models import PoolStatusChange

NOT_IN_POOL = "未入库"


def pool_status_on(as_of):
    """Return an expression for a cadre's pool status on `as_of`, NOT_IN_POOL when not a member then.

    A member is one whose stay began on or before `as_of` and had not ended by it; the status is
    the latest change dated on or before `as_of` (the later record of one day wins).
    """
    latest = (
        PoolStatusChange.objects.filter(
            Q(membership__left_on__isnull=True) | Q(membership__left_on__gt=as_of),
            membership__cadre=OuterRef("pk"),
            membership__entered_on__lte=as_of,
            changed_on__lte=as_of,
        )
        .order_by("-changed_on", "-pk")
        .values("status")[:1]
    )
    return Coalesce(Subquery(latest), Value(NOT_IN_POOL), output_field=CharField())

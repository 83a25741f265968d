"""What the staffing records share: the check that nothing ends before it starts, and who recorded it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

END_BEFORE_START = "结束日期不能早于开始日期"


def end_after_start(name):
    """Return the check that a record does not end before it starts (an open end breaks nothing)."""
    return models.CheckConstraint(
        condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
        name=name,
        violation_error_message=END_BEFORE_START,
    )


def recorded_by_field():
    """Return the field of the account that recorded a decision (set by the services, not typed in)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

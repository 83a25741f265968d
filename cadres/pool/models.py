"""The young-cadre pool (年轻干部库) as dated records, so membership on any past date is answerable.

Re-exported by cadres.models. PoolMembershipQuerySet holds the one rule of "in the pool, and with which
status, on a date"; every reader (the pool pages, the cadre list's filter and column, the exports, the
profile and the services' checks) goes through it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce

from ..querysets import unit_on_q
from ..validators import validate_no_control_characters

LEFT_BEFORE_ENTERED = "出库时间不能早于入库时间"
ALREADY_IN_POOL = "该干部已在年轻干部库中，不能重复入库"
# The status shown for a cadre outside the pool on a date (the cadre list's filter and column).
NOT_IN_POOL = "未入库"


class Recommender(models.TextChoices):
    PARTY_COMMITTEE = "党委", "党委"
    ORGANIZATION_DEPARTMENT = "组织部门", "组织部门"
    OWN_UNIT = "所在单位", "所在单位"
    GRASSROOTS_PARTY = "基层党组织", "基层党组织"


class PoolStatus(models.TextChoices):
    RESERVE = "年轻干部", "年轻干部"
    UNDER_REVIEW = "已列为考察对象", "已列为考察对象"
    USED = "已使用", "已使用"
    REVOKED = "已撤销资格", "已撤销资格"

    def next_statuses(self):
        """Return the statuses a membership may move to from this one.

        年轻干部 → 已列为考察对象 → 已使用, one step at a time; any status but 已撤销资格 may be revoked.
        """
        cls = type(self)
        forward = {cls.RESERVE: [cls.UNDER_REVIEW], cls.UNDER_REVIEW: [cls.USED]}.get(self, [])
        return [*forward, cls.REVOKED] if self != cls.REVOKED else []


class PoolMembershipQuerySet(models.QuerySet):
    """Membership of the young-cadre pool (年轻干部库) on any date, past or present."""

    def on(self, day):
        """Return the memberships open on `day`: entered on or before it and not yet left.

        A cadre who leaves on `day` is out of the pool that day, as with the roster's leave date.
        """
        return self.filter(entered_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))

    def open(self):
        """Return the memberships not yet left."""
        return self.filter(left_on__isnull=True)

    def with_status_on(self, day):
        """Annotate `status_on`: the latest status changed on or before `day` (on one day, the last recorded).

        A membership with no change recorded by `day` has been 年轻干部 (the model's `first_status`)
        since it entered. With .on(day) this is the one rule of "pool status on a date".
        """
        changes = PoolStatusChange.objects.filter(membership=models.OuterRef("pk"), changed_on__lte=day)
        latest = changes.order_by("-changed_on", "-pk").values("status")[:1]
        return self.annotate(
            status_on=Coalesce(
                models.Subquery(latest), models.Value(self.model.first_status), output_field=models.CharField()
            )
        )

    def with_unit_on(self, day):
        """Annotate `unit_on`: the id of the unit the member's cadre was in on `day` (cadres.querysets.unit_on_q)."""
        work_records = self.model._meta.get_field("cadre").related_model._meta.get_field("work_records").related_model
        return self.annotate(
            unit_on=unit_on_q(work_records.objects.all(), day, cadre="cadre", current_unit="cadre__unit")
        )

    def status_of_cadre_on(self, day):
        """Return an expression for cadre querysets: the cadre's pool status on `day`, NOT_IN_POOL outside it.

        The status is that of the cadre's membership open on `day` (.on and .with_status_on).
        """
        open_then = self.filter(cadre=models.OuterRef("pk")).on(day).with_status_on(day)
        status = models.Subquery(open_then.order_by("-entered_on", "-pk").values("status_on")[:1])
        return Coalesce(status, models.Value(NOT_IN_POOL), output_field=models.CharField())


class PoolMembership(models.Model):
    """One stay of a cadre in the pool, from entering to leaving."""

    cadre = models.ForeignKey(
        "cadres.Cadre", verbose_name="干部", on_delete=models.CASCADE, related_name="pool_memberships"
    )
    entered_on = models.DateField("入库时间")
    recommended_by = models.CharField("推荐方", max_length=6, choices=Recommender.choices)
    reason = models.CharField("入库理由", max_length=300, blank=True, validators=[validate_no_control_characters])
    left_on = models.DateField("出库时间", null=True, blank=True)
    left_reason = models.CharField("出库原因", max_length=300, blank=True, validators=[validate_no_control_characters])

    objects = PoolMembershipQuerySet.as_manager()
    # The status of a membership before any change is recorded (PoolMembershipQuerySet.with_status_on).
    first_status = PoolStatus.RESERVE

    class Meta:
        verbose_name = "年轻干部库入库记录"
        verbose_name_plural = "年轻干部库入库记录"
        ordering = ["-entered_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cadre"],
                condition=Q(left_on__isnull=True),
                name="pool_one_open_membership",
                violation_error_message=ALREADY_IN_POOL,
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("entered_on")),
                name="pool_left_after_entered",
                violation_error_message=LEFT_BEFORE_ENTERED,
            ),
        ]

    def __str__(self):
        return f"{self.cadre} {self.entered_on:%Y-%m-%d}入库"


class PoolStatusChange(models.Model):
    """A dated status of a membership: the first one on entering, then each move."""

    membership = models.ForeignKey(
        PoolMembership, verbose_name="入库记录", on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField("状态", max_length=8, choices=PoolStatus.choices)
    changed_on = models.DateField("变更日期")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    reason = models.CharField("理由", max_length=300, blank=True, validators=[validate_no_control_characters])
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    class Meta:
        verbose_name = "年轻干部库状态变更"
        verbose_name_plural = "年轻干部库状态变更"
        ordering = ["membership", "changed_on", "pk"]

    def __str__(self):
        return f"{self.changed_on:%Y-%m-%d} {self.status}"

"""Leave (请假/外出): who is away from when to when, who approved it, and the hand-over (交接) both ways."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cadres.models import Cadre
from cadres.validators import validate_no_control_characters

from ..choices import LeaveKind, LeaveStatus
from ..periods import period_text
from ..querysets import DatedQuerySet
from .common import end_after_start, recorded_by_field
from .sections import Section

TEXT = [validate_no_control_characters]
LEAVE_OVERLAPS = "{name}{period}已有请假（{kind}，{status}），时间不能重叠"
RETURN_NOT_AFTER_START = "返岗日期须晚于请假开始日期"


class LeaveQuerySet(DatedQuerySet):
    """Leave on dates; kept beside the model, as it reaches the sections to scope by."""

    def approved(self):
        """Return the approved leaves: only these take a person away (a request changes nothing yet)."""
        return self.filter(status=LeaveStatus.APPROVED)

    def pending(self):
        return self.filter(status=LeaveStatus.PENDING)

    def away_between(self, start, end):
        """Return the approved leaves that take someone away on some day from `start` to `end`."""
        return self.approved().overlapping(start, end)

    def away_on(self, day):
        """Return the approved leaves that take someone away on `day`: who is away that day."""
        return self.away_between(day, day)

    def visible_to(self, user):
        """Return the leaves `user` may see: those of the people of the sections they may see (SectionQuerySet)."""
        return self.filter(cadre__in=Section.objects.visible_to(user).people())


class Leave(models.Model):
    cadre = models.ForeignKey(Cadre, verbose_name="请假人", on_delete=models.PROTECT, related_name="leaves")
    kind = models.CharField("类别", max_length=4, choices=LeaveKind.choices)
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期", help_text="不在岗的最后一天")
    reason = models.CharField("事由", max_length=200, blank=True, validators=TEXT)
    status = models.CharField(
        "状态", max_length=4, choices=LeaveStatus.choices, default=LeaveStatus.PENDING, editable=False
    )
    recorded_by = recorded_by_field()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="批准人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    approved_at = models.DateTimeField("批准时间", null=True, blank=True, editable=False)
    handover = models.TextField("交接事项", blank=True, validators=TEXT, help_text="离岗前向B角交代的工作")
    handover_on = models.DateField("交接日期", null=True, blank=True)
    returned_on = models.DateField("返岗日期", null=True, blank=True)
    handback = models.TextField("交回事项", blank=True, validators=TEXT, help_text="返岗后B角交回的工作及办理情况")

    objects = LeaveQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "请假"
        verbose_name_plural = "请假"
        ordering = ["-start_date", "-pk"]
        permissions = [("approve_leave", "可批准请假")]
        constraints = [end_after_start("leave_end_after_start")]

    def __str__(self):
        return f"{self.cadre} {self.get_kind_display()}（{period_text(self.start_date, self.end_date)}）"

    @property
    def approved(self):
        return self.status == LeaveStatus.APPROVED

    def clean(self):
        if self.returned_on and self.start_date and self.returned_on <= self.start_date:
            raise ValidationError({"returned_on": RETURN_NOT_AFTER_START})
        if self.cadre_id is None or self.start_date is None or self.end_date is None:
            return
        clash = Leave.objects.filter(cadre=self.cadre_id).first_clash(self)
        if clash is not None:
            raise ValidationError(
                LEAVE_OVERLAPS.format(
                    name=self.cadre,
                    period=period_text(clash.start_date, clash.end_date),
                    kind=clash.get_kind_display(),
                    status=clash.get_status_display(),
                )
            )


class HeadCover(models.Model):
    """The section's head recorded as cover for a leave that takes away its A and B together.

    The rules forbid A and B to be away at once; approving such a leave needs this record.
    """

    leave = models.ForeignKey(Leave, verbose_name="请假", on_delete=models.CASCADE, related_name="head_covers")
    section = models.ForeignKey(Section, verbose_name="科室", on_delete=models.CASCADE, related_name="head_covers")
    head = models.ForeignKey(Cadre, verbose_name="代岗负责人", on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "负责人代岗"
        verbose_name_plural = "负责人代岗"
        constraints = [
            models.UniqueConstraint(
                fields=["leave", "section"], name="head_cover_once_per_section", violation_error_message="已记录代岗"
            )
        ]

    def __str__(self):
        return f"{self.section}：{self.head}代岗"

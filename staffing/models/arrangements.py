"""The A/B posts of each section (AB角) as dated records, and their six-monthly review.

As published AB岗 rules have it: A (主办) is responsible for the section's work; B (备岗/协办) takes over
A's duties and answers for them while A is away. A change of pairing is approved and recorded as a new
record (the old one ends the day before), so the arrangement on any past day can be shown.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cadres.models import Cadre, Unit
from cadres.validators import validate_no_control_characters

from ..periods import period_text
from ..querysets import PairingQuerySet, ReviewQuerySet
from .common import end_after_start, recorded_by_field
from .sections import Section

TEXT = [validate_no_control_characters]
A_IS_B = "A角和B角不能是同一人"
PAIRING_OVERLAPS = "“{section}”{period}已有A、B角配备，同一天只能有一个配备"


class Pairing(models.Model):
    section = models.ForeignKey(Section, verbose_name="科室", on_delete=models.CASCADE, related_name="pairings")
    a = models.ForeignKey(Cadre, verbose_name="A角（主办）", on_delete=models.PROTECT, related_name="a_posts")
    b = models.ForeignKey(
        Cadre,
        verbose_name="B角（备岗）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="b_posts",
        help_text="A角不在岗时接手其工作并承担相应责任；未设B角不填",
    )
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期", null=True, blank=True, help_text="现行配备不填；调整时自动填写")
    approved_by = models.CharField("批准人", max_length=50, validators=TEXT, help_text="如：部务会、常务副部长")
    approved_on = models.DateField("批准日期")
    reason = models.CharField("配备或调整原因", max_length=200, blank=True, validators=TEXT)
    cross_section_approval = models.CharField(
        "跨科室担任B角的批准情况",
        max_length=200,
        blank=True,
        validators=TEXT,
        help_text="B角一般为本科室人员；由其他科室人员担任时须经批准，在此记明",
    )
    recorded_by = recorded_by_field()

    objects = PairingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "A、B角配备"
        verbose_name_plural = "A、B角配备"
        ordering = ["section", "start_date", "pk"]
        constraints = [
            end_after_start("pairing_end_after_start"),
            models.CheckConstraint(
                condition=Q(b__isnull=True) | ~Q(a=F("b")), name="pairing_a_is_not_b", violation_error_message=A_IS_B
            ),
        ]

    def __str__(self):
        return f"{self.section}：A角{self.a}，B角{self.b or '未设'}（{period_text(self.start_date, self.end_date)}）"

    def clean(self):
        if self.section_id is None or self.start_date is None:
            return
        clash = Pairing.objects.filter(section=self.section_id).first_clash(self)
        if clash is not None:
            raise ValidationError(
                PAIRING_OVERLAPS.format(section=self.section, period=period_text(clash.start_date, clash.end_date))
            )


class PairingReview(models.Model):
    """A review of a unit's pairings, republished (复核发布): due again every six months (a setting)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="pairing_reviews")
    published_on = models.DateField("复核发布日期")
    approved_by = models.CharField("批准人", max_length=50, validators=TEXT, help_text="如：部务会")
    notes = models.TextField("说明", blank=True, validators=TEXT)
    recorded_by = recorded_by_field()

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "A、B角复核发布"
        verbose_name_plural = "A、B角复核发布"
        ordering = ["unit", "-published_on", "-pk"]

    def __str__(self):
        return f"{self.unit} {self.published_on.isoformat()}复核发布"

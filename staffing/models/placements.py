"""Where a young cadre seconded into the department works: the receiving section of a cadres Secondment.

An extension record (one-to-one) kept here rather than a field on Secondment: a foreign key from cadres to
staffing would make the domain depend on this app, and a generic relation would lose the database's
integrity (no foreign key, no cascade). The secondment keeps its dates (planned and actual end) and its
outcome; this record adds only the section.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cadres.models import Secondment

from ..querysets import PlacementQuerySet
from .common import recorded_by_field
from .sections import Section

SECTION_OF_ANOTHER_UNIT = "接收科室须属于该抽调的接收单位（{unit}）"


class SecondmentPlacement(models.Model):
    secondment = models.OneToOneField(
        Secondment, verbose_name="抽调记录", on_delete=models.CASCADE, related_name="placement"
    )
    section = models.ForeignKey(Section, verbose_name="接收科室", on_delete=models.PROTECT, related_name="placements")
    recorded_by = recorded_by_field()

    objects = PlacementQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "抽调人员接收科室"
        verbose_name_plural = "抽调人员接收科室"
        ordering = ["-secondment__start_date", "pk"]

    def __str__(self):
        return f"{self.secondment.cadre}：{self.section}"

    def clean(self):
        if self.section_id is None or self.secondment_id is None:
            return
        if self.secondment.to_unit_id != self.section.unit_id:
            raise ValidationError({"section": SECTION_OF_ANOTHER_UNIT.format(unit=self.secondment.to_unit or "区外")})

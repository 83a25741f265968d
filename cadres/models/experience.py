"""The day from which each cadre has 基层经验 and 机关阅历, stored so that lists and statistics test a date."""

from django.db import models

from .records import Cadre


class CadreExperience(models.Model):
    """When a cadre's experience flags start to hold (cadres/experience.py), derived from their records.

    Never edited: cadres/experience_summary.py recomputes a cadre's row in the same transaction as
    every write to their work records or secondments, or to the kind of a unit they served in, and
    `rebuild_experience` recomputes them all. No row: neither flag holds on any date.
    """

    cadre = models.OneToOneField(
        Cadre, verbose_name="干部", on_delete=models.CASCADE, primary_key=True, related_name="experience"
    )
    organ_since = models.DateField("有机关阅历之日", null=True)
    grassroots_since = models.DateField("有基层经验之日", null=True)
    # The months of service that made `grassroots_since` (GRASSROOTS_MONTHS when it was computed).
    grassroots_months = models.PositiveSmallIntegerField("基层经验所需月数")

    class Meta:
        verbose_name = "经历认定"
        verbose_name_plural = "经历认定"

    def __str__(self):
        return f"{self.cadre_id}的经历认定"

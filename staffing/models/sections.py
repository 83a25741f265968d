"""Sections (科室) of a unit, the upper-level offices each answers to, and who works in each."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cadres.models import Cadre, Unit
from cadres.validators import validate_no_control_characters

from ..choices import OfficeLevel
from ..periods import period_text
from ..querysets import SectionMemberQuerySet, SectionQuerySet
from .common import end_after_start

TEXT = [validate_no_control_characters]
ALREADY_A_MEMBER = "该干部{period}已是“{section}”的人员，同一时间只能在一个科室"


class Section(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="sections")
    name = models.CharField("科室名称", max_length=50, validators=TEXT)
    duties = models.TextField("主要职责", blank=True, validators=TEXT)
    head = models.ForeignKey(
        Cadre,
        verbose_name="负责人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="headed_sections",
        help_text="科室负责人或分管领导：A、B角确需同时不在岗时，由其代岗",
    )
    fit_keywords = models.CharField(
        "适合抽调人员的专业或专长",
        max_length=200,
        blank=True,
        validators=TEXT,
        help_text="以“、”分隔，如：法学、汉语言文学；轮流抽调时，所学专业或专长含其中之一者优先安排到本科室",
    )
    sort_order = models.PositiveIntegerField("排序", default=0)

    objects = SectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "科室"
        verbose_name_plural = "科室"
        ordering = ["unit__sort_order", "unit__name", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="section_name_unique_in_unit",
                violation_error_message="本单位已有同名科室",
            )
        ]

    def __str__(self):
        return self.name

    def keywords(self):
        """Return the fit keywords as a list (written with “、”, “，” or spaces between them)."""
        text = self.fit_keywords
        for separator in "，,；; ":
            text = text.replace(separator, "、")
        return [word for word in text.split("、") if word]


class UpperOffice(models.Model):
    """An office above the department that a section answers to (上级对口科室): one section, many of these."""

    section = models.ForeignKey(Section, verbose_name="科室", on_delete=models.CASCADE, related_name="upper_offices")
    name = models.CharField("上级对口科室", max_length=100, validators=TEXT, help_text="如：市委组织部干部监督科")
    level = models.CharField("层级", max_length=4, choices=OfficeLevel.choices)
    sort_order = models.PositiveIntegerField("排序", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "上级对口科室"
        verbose_name_plural = "上级对口科室"
        ordering = ["section", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "name"],
                name="upper_office_once_per_section",
                violation_error_message="该科室已对接此上级科室",
            )
        ]

    def __str__(self):
        return f"{self.name}（{self.get_level_display()}）"


class SectionMember(models.Model):
    """Who works in a section, from when to when (the department's own staff: cadres of its unit)."""

    section = models.ForeignKey(Section, verbose_name="科室", on_delete=models.CASCADE, related_name="members")
    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.PROTECT, related_name="section_memberships")
    post = models.CharField("科室职务", max_length=30, blank=True, validators=TEXT, help_text="如：科长、副科长、科员")
    start_date = models.DateField("开始日期")
    end_date = models.DateField("结束日期", null=True, blank=True, help_text="仍在本科室不填")

    objects = SectionMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "科室人员"
        verbose_name_plural = "科室人员"
        ordering = ["section", "start_date", "pk"]
        constraints = [end_after_start("section_member_end_after_start")]

    def __str__(self):
        return f"{self.section}：{self.cadre}"

    def clean(self):
        if self.cadre_id is None or self.start_date is None:
            return
        clash = SectionMember.objects.filter(cadre=self.cadre_id).select_related("section").first_clash(self)
        if clash is not None:
            raise ValidationError(
                ALREADY_A_MEMBER.format(period=period_text(clash.start_date, clash.end_date), section=clash.section)
            )

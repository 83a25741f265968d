"""A cadre's dated records: education, work and posts, secondments, training, appraisals,
rewards and punishments, family. Each belongs to one cadre and is shown on the profile."""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from ..choices import Degree, Education, StudyMode, UnitKind
from ..importing import synonyms
from ..querysets import SecondmentQuerySet
from ..validators import validate_no_control_characters
from .base import SavedWithReceivers
from .records import Cadre, Unit, clean_fields_and_written_forms

END_BEFORE_START = "结束时间不能早于开始时间"
PLANNED_END_BEFORE_START = "计划结束时间不能早于开始时间"
TEXT = [validate_no_control_characters]


def end_after_start(name, *, start_optional=False):
    """Return the check that a record does not end before it starts; an unknown date breaks nothing."""
    condition = Q(end_date__isnull=True) | Q(end_date__gte=F("start_date"))
    if start_optional:
        # Said outright rather than left to SQL's NULL logic, so a reader (and full_clean) need not know it.
        condition = Q(start_date__isnull=True) | condition
    return models.CheckConstraint(
        condition=condition,
        name=name,
        violation_error_message=END_BEFORE_START,
    )


class EducationRecord(models.Model):
    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="education_records")
    mode = models.CharField("教育类别", max_length=4, choices=StudyMode.choices)
    school = models.CharField("毕业院校系", max_length=100, validators=TEXT)
    major = models.CharField("专业", max_length=100, blank=True, validators=TEXT)
    education = models.CharField("学历", max_length=10, choices=Education.choices, blank=True)
    education_written = models.CharField(
        "学历（原文）", max_length=30, blank=True, help_text="如 省委党校研究生；可不填"
    )
    degree = models.CharField("学位", max_length=4, choices=Degree.choices, blank=True)
    degree_written = models.CharField("学位（原文）", max_length=30, blank=True, help_text="如 法学硕士；可不填")
    # Rosters (花名册) give the school and major of 全日制 and 在职 education without dates.
    start_date = models.DateField("入学时间", null=True, blank=True, help_text="不详可不填")
    end_date = models.DateField("毕业时间", null=True, blank=True, help_text="在读或不详不填")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "学习经历"
        verbose_name_plural = "学习经历"
        # Undated records first, explicitly: SQLite sorts NULL first and PostgreSQL last by default.
        ordering = ["cadre", F("start_date").asc(nulls_first=True), "pk"]
        constraints = [end_after_start("education_end_after_start", start_optional=True)]

    WRITTEN = {
        "education": ("education_written", synonyms.education_level_of),
        "degree": ("degree_written", lambda written, degree: synonyms.degree_value(written)),
    }
    MODE_FIELD = "mode"

    def __str__(self):
        return f"{self.school}{self.major}"

    def clean_fields(self, exclude=None):
        """Check each field (Django's checks), and that each written form reads as its stored choice."""
        clean_fields_and_written_forms(self, exclude)

    @property
    def education_text(self):
        """Return the 学历 as it was written (省委党校研究生), else the level."""
        return self.education_written or self.education

    @property
    def degree_text(self):
        """Return the 学位 as it was written (法学硕士), else the degree."""
        return self.degree_written or self.degree


class WorkRecord(SavedWithReceivers):
    """A post held: in a unit of the district (unit) or elsewhere (unit_name)."""

    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="work_records")
    unit = models.ForeignKey(
        Unit, verbose_name="单位", null=True, blank=True, on_delete=models.PROTECT, related_name="work_records"
    )
    unit_name = models.CharField("单位名称（区外）", max_length=100, blank=True, validators=TEXT)
    unit_kind = models.CharField(
        "单位类型（区外）",
        max_length=10,
        choices=UnitKind.choices,
        blank=True,
        help_text="区外单位的类型，用于计算基层经验和机关阅历",
    )
    post = models.CharField("职务", max_length=100, validators=TEXT)
    rank = models.CharField("职级", max_length=50, blank=True, validators=TEXT)
    start_date = models.DateField("开始时间")
    end_date = models.DateField("结束时间", null=True, blank=True, help_text="现任不填")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "工作经历"
        verbose_name_plural = "工作经历"
        ordering = ["cadre", "start_date", "pk"]
        constraints = [
            end_after_start("work_end_after_start"),
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | ~Q(unit_name=""),
                name="work_has_a_unit",
                violation_error_message="请选择单位或填写区外单位名称",
            ),
        ]

    def __str__(self):
        return f"{self.unit or self.unit_name}{self.post}"


class ResumeNote(models.Model):
    """A line of a 简历 from another writer that reads as neither a study nor a post, kept whole.

    It is shown and exported again as it was written, in its place: after the lines that start
    before `start_date` (its own period's start, or that of the line it followed).
    """

    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="resume_notes")
    start_date = models.DateField("排在此时间之后", null=True, blank=True, help_text="不填则排在简历最前")
    text = models.CharField("内容（原文）", max_length=300, validators=TEXT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "简历（未拆分的行）"
        verbose_name_plural = "简历（未拆分的行）"
        ordering = ["cadre", F("start_date").asc(nulls_first=True), "pk"]

    def __str__(self):
        return self.text


class SecondmentKind(models.TextChoices):
    GUAZHI = "挂职", "挂职"
    GENBAN = "跟班学习", "跟班学习"
    JIEDIAO = "借调", "借调"
    CHOUDIAO = "抽调", "抽调"


class Secondment(SavedWithReceivers):
    """Time spent in another unit: 挂职, 跟班学习 (e.g. rotation into the organization department).

    One record from plan to return: the planned end is written when the secondment is decided, the
    actual end and the outcome (评价) when the cadre comes back.
    """

    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="secondments")
    kind = models.CharField("类别", max_length=4, choices=SecondmentKind.choices)
    from_unit = models.ForeignKey(
        Unit, verbose_name="派出单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, verbose_name="接收单位", null=True, blank=True, on_delete=models.PROTECT, related_name="secondments_in"
    )
    to_unit_name = models.CharField("接收单位（区外）", max_length=100, blank=True, validators=TEXT)
    to_unit_kind = models.CharField("接收单位类型（区外）", max_length=10, choices=UnitKind.choices, blank=True)
    post = models.CharField("挂任职务", max_length=100, blank=True, validators=TEXT)
    purpose = models.CharField("目的", max_length=200, blank=True, validators=TEXT)
    start_date = models.DateField("开始时间")
    planned_end_date = models.DateField("计划结束时间", null=True, blank=True)
    end_date = models.DateField("实际结束时间", null=True, blank=True, help_text="尚未结束不填")
    outcome = models.TextField("期满评价", blank=True, validators=TEXT, help_text="结束后对其表现的评价")

    objects = SecondmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "挂职和跟班学习"
        verbose_name_plural = "挂职和跟班学习"
        ordering = ["cadre", "start_date", "pk"]
        constraints = [
            end_after_start("secondment_end_after_start"),
            models.CheckConstraint(
                condition=Q(planned_end_date__isnull=True) | Q(planned_end_date__gte=F("start_date")),
                name="secondment_planned_end_after_start",
                violation_error_message=PLANNED_END_BEFORE_START,
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.to_unit or self.to_unit_name}"


class Training(models.Model):
    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="trainings")
    name = models.CharField("培训名称", max_length=200, validators=TEXT)
    organizer = models.CharField("主办单位", max_length=100, blank=True, validators=TEXT)
    start_date = models.DateField("开始时间")
    end_date = models.DateField("结束时间", null=True, blank=True)
    hours = models.PositiveIntegerField("学时", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "培训"
        verbose_name_plural = "培训"
        ordering = ["cadre", "start_date", "pk"]
        constraints = [end_after_start("training_end_after_start")]

    def __str__(self):
        return self.name


class AppraisalResult(models.TextChoices):
    """The official results: 公务员 优秀/称职/基本称职/不称职, 事业单位 优秀/合格/基本合格/不合格."""

    EXCELLENT = "优秀", "优秀"
    COMPETENT = "称职", "称职"
    BASICALLY_COMPETENT = "基本称职", "基本称职"
    INCOMPETENT = "不称职", "不称职"
    QUALIFIED = "合格", "合格"
    BASICALLY_QUALIFIED = "基本合格", "基本合格"
    UNQUALIFIED = "不合格", "不合格"
    NOT_RATED = "不定等次", "不定等次"

    @classmethod
    def competent_or_better(cls):
        """Return the results that count as 称职（合格）or better: 优秀, 称职, 合格."""
        return (cls.EXCELLENT, cls.COMPETENT, cls.QUALIFIED)


class Appraisal(models.Model):
    """年度考核."""

    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="appraisals")
    year = models.PositiveSmallIntegerField("年度")
    result = models.CharField("考核结果", max_length=4, choices=AppraisalResult.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "年度考核"
        verbose_name_plural = "年度考核"
        ordering = ["cadre", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["cadre", "year"], name="appraisal_once_a_year", violation_error_message="该年度已有考核结果"
            )
        ]

    def __str__(self):
        return self.label(self.year, self.result)

    @staticmethod
    def label(year, result):
        """Return an appraisal as it is written: 2020年度优秀."""
        return f"{year}年度{result}"


class RewardKind(models.TextChoices):
    REWARD = "奖励", "奖励"
    PUNISHMENT = "惩处", "惩处"


class RewardPunishment(models.Model):
    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="rewards")
    kind = models.CharField("类别", max_length=2, choices=RewardKind.choices)
    date = models.DateField("时间")
    description = models.CharField("内容", max_length=300, validators=TEXT)
    authority = models.CharField("批准机关", max_length=100, blank=True, validators=TEXT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "奖惩"
        verbose_name_plural = "奖惩"
        ordering = ["cadre", "date", "pk"]

    def __str__(self):
        return self.description


class FamilyMember(models.Model):
    """家庭主要成员及重要社会关系."""

    cadre = models.ForeignKey(Cadre, verbose_name="干部", on_delete=models.CASCADE, related_name="family_members")
    relation = models.CharField("称谓", max_length=10, validators=TEXT)
    name = models.CharField("姓名", max_length=30, validators=TEXT)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    political_status = models.CharField("政治面貌", max_length=20, blank=True, validators=TEXT)
    work_and_post = models.CharField("工作单位及职务", max_length=200, blank=True, validators=TEXT)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "家庭成员及社会关系"
        verbose_name_plural = "家庭成员及社会关系"
        ordering = ["cadre", "sort_order", "pk"]

    def __str__(self):
        return f"{self.relation} {self.name}"

"""Units, entry channels and cadres: the records every figure is counted from."""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from ..choices import CadreStatus, Degree, Education, Gender, LeaveReason, PoliticalStatus, StudyMode, UnitKind
from ..dates import day_in_words, month_in_words
from ..fields import IdNumberField
from ..importing import synonyms
from ..querysets import CadreQuerySet, UnitQuerySet
from ..validators import normalize_id_number, parse_id_number, validate_no_control_characters
from .base import SavedWithReceivers

ID_BIRTH_MISMATCH = "出生日期与公民身份号码不一致（身份证号码中为{date}）"
ID_GENDER_MISMATCH = "性别与公民身份号码不一致（身份证号码中为{gender}）"
BIRTH_DATE_REQUIRED = "请填写出生日期，或填写公民身份号码由系统读取"
GENDER_REQUIRED = "请选择性别，或填写公民身份号码由系统读取"
ENTRY_REQUIRED = "在职或已离开的干部必须填写进入时间"
PENDING_HAS_ENTRY = "拟录用人员尚未进入，不应填写进入时间"
LEAVE_DATE_REQUIRED = "状态为已离开时必须填写离开时间"
LEAVE_REASON_REQUIRED = "状态为已离开时必须填写离开原因"
LEAVE_ONLY_WHEN_LEFT = "只有状态为已离开时才能填写离开时间和离开原因"
LEAVE_BEFORE_ENTRY = "离开时间必须晚于进入时间"
BIRTH_AFTER_ENTRY = "出生日期必须早于进入时间"
BIRTH_AFTER_WORK = "出生日期必须早于参加工作时间"
UNIT_PARENT_CYCLE = "上级单位不能是本单位或其下级单位"
UNIT_NAME_IS_ALIAS = "“{name}”已是单位“{unit}”的别名"
ALIAS_IS_UNIT_NAME = "已有单位名为“{name}”，别名不能与单位名称相同"
WRITTEN_MISMATCH = "写法“{written}”与{label}“{value}”不一致；请改正写法，或清空写法只保留{label}"
WRITTEN_UNKNOWN = "写法“{written}”不是可识别的{label}"
STALE_EDIT = (
    "该干部信息已被他人修改（可能在您打开此页面之后），为避免覆盖他人的修改，本次保存未执行。请重新打开后再修改。"
)


class StaleEditError(Exception):
    """A save based on a version of the record that someone else has since changed."""

    def __init__(self):
        super().__init__(STALE_EDIT)


class Unit(SavedWithReceivers):
    name = models.CharField("单位名称", max_length=100, unique=True)
    kind = models.CharField("单位类型", max_length=10, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="信息员",
        blank=True,
        related_name="units",
        help_text="可查看和维护本单位（含下级单位）干部信息的账号",
    )

    objects = UnitQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["sort_order"])

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.pk and self.parent_id and self.parent_id in Unit.objects.subtree_ids(self.pk):
            raise ValidationError({"parent": UNIT_PARENT_CYCLE})
        alias = UnitAlias.objects.filter(name=self.name).exclude(unit_id=self.pk).select_related("unit").first()
        if alias is not None:
            raise ValidationError({"name": UNIT_NAME_IS_ALIAS.format(name=self.name, unit=alias.unit.name)})


class UnitAlias(models.Model):
    """Another name a unit is known by (区委组织部 for 中共下陆区委组织部), in rosters and .lrmx files.

    Every reader resolves a unit's name through these (Unit.objects.by_name).
    """

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("别名", max_length=100, unique=True, validators=[validate_no_control_characters])

    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位别名"
        verbose_name_plural = "单位别名"
        ordering = ["unit", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.name and Unit.objects.filter(name=self.name).exists():
            raise ValidationError({"name": ALIAS_IS_UNIT_NAME.format(name=self.name)})


class ChannelGroupManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class ChannelGroup(models.Model):
    """A statistics group of channels (统计分组), in the order the article lists them."""

    name = models.CharField("分组名称", max_length=30, unique=True)
    sort_order = models.PositiveIntegerField("排序", default=0)

    objects = ChannelGroupManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "统计分组"
        verbose_name_plural = "统计分组"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class ChannelManager(models.Manager):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Channel(models.Model):
    """An entry channel (进入方式). Data, not code: admins may add one to any group."""

    code = models.SlugField("代码", max_length=30, unique=True)
    name = models.CharField("进入方式", max_length=30, unique=True)
    group = models.ForeignKey(ChannelGroup, verbose_name="统计分组", on_delete=models.PROTECT, related_name="channels")
    sort_order = models.PositiveIntegerField("排序", default=0)

    objects = ChannelManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "进入方式"
        verbose_name_plural = "进入方式"
        ordering = ["group__sort_order", "sort_order", "pk"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class Cadre(models.Model):
    name = models.CharField("姓名", max_length=30, validators=[validate_no_control_characters])
    # Both may be left blank when the 公民身份号码 is given: clean() takes them from it.
    gender = models.CharField("性别", max_length=1, choices=Gender.choices, blank=True)
    ethnicity = models.CharField("民族", max_length=20, default="汉族", validators=[validate_no_control_characters])
    birth_date = models.DateField("出生日期", db_index=True, blank=True)
    # A roster that gives only 出生年月 and no ID number: the 1st of the month, marked as such.
    birth_month_only = models.BooleanField("出生日期只精确到月", default=False)
    native_place = models.CharField("籍贯", max_length=50, blank=True, validators=[validate_no_control_characters])
    birthplace = models.CharField("出生地", max_length=50, blank=True, validators=[validate_no_control_characters])
    party_joined_date = models.DateField("入党时间", null=True, blank=True)
    party_joined_month_only = models.BooleanField("入党时间只精确到月", default=False)
    party_confirmed_date = models.DateField("转正时间", null=True, blank=True, help_text="党龄自转正时间起算")
    health = models.CharField("健康状况", max_length=10, blank=True, validators=[validate_no_control_characters])
    professional_title = models.CharField(
        "专业技术职务", max_length=50, blank=True, validators=[validate_no_control_characters]
    )
    specialty = models.CharField(
        "熟悉专业有何专长", max_length=100, blank=True, validators=[validate_no_control_characters]
    )
    id_number = IdNumberField(
        "公民身份号码",
        blank=True,
        help_text="18位，最后一位可为X；填写后出生日期和性别须与之一致",
    )
    political_status = models.CharField("政治面貌", max_length=10, choices=PoliticalStatus.choices)
    # What a roster or .lrmx wrote where the stored choice is coarser (九三学社社员 is 民主党派):
    # kept so that an export prints what came in; it must read as the stored choice (clean()).
    political_status_written = models.CharField(
        "政治面貌（原文）", max_length=30, blank=True, help_text="如 九三学社社员；须与政治面貌一致，可不填"
    )
    education = models.CharField("最高学历", max_length=10, choices=Education.choices)
    education_written = models.CharField(
        "最高学历（原文）",
        max_length=30,
        blank=True,
        help_text="如 大学本科毕业、省委党校研究生；须与最高学历一致，可不填",
    )
    # 全日制, 在职 or 党校: official tables count 党校 education apart (cadres/importing/synonyms.py).
    education_mode = models.CharField(
        "最高学历类别", max_length=4, choices=StudyMode.choices, default=StudyMode.FULL_TIME
    )
    degree = models.CharField("最高学位", max_length=4, choices=Degree.choices, default=Degree.NONE)
    degree_written = models.CharField(
        "最高学位（原文）",
        max_length=30,
        blank=True,
        help_text="如 法学硕士、工商管理硕士（MBA）；须与最高学位一致，可不填",
    )
    unit = models.ForeignKey(Unit, verbose_name="工作单位", on_delete=models.PROTECT, related_name="cadres")
    post = models.CharField("职务", max_length=100, blank=True, validators=[validate_no_control_characters])
    rank = models.CharField("职级", max_length=50, blank=True, validators=[validate_no_control_characters])
    channel = models.ForeignKey(Channel, verbose_name="进入方式", on_delete=models.PROTECT, related_name="cadres")
    entry_date = models.DateField("进入时间", null=True, blank=True, db_index=True, help_text="拟录用人员不填")
    entry_month_only = models.BooleanField("进入时间只精确到月", default=False)
    first_work_date = models.DateField("参加工作时间", null=True, blank=True)
    first_work_month_only = models.BooleanField("参加工作时间只精确到月", default=False)
    status = models.CharField("状态", max_length=4, choices=CadreStatus.choices, default=CadreStatus.ACTIVE)
    leave_date = models.DateField("离开时间", null=True, blank=True)
    leave_month_only = models.BooleanField("离开时间只精确到月", default=False)
    leave_reason = models.CharField("离开原因", max_length=4, choices=LeaveReason.choices, blank=True)
    # The 任免审批表's own fields (LRMX.md): what the form proposes, kept so a reprint says the same.
    proposed_post = models.CharField(
        "拟任职务", max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    proposed_removal = models.CharField(
        "拟免职务", max_length=200, blank=True, validators=[validate_no_control_characters]
    )
    appointment_reason = models.TextField("任免理由", blank=True, validators=[validate_no_control_characters])
    retirement_month = models.DateField(
        "到龄年月", null=True, blank=True, help_text="任免审批表的“到龄年月”，按月记录（存为该月1日）"
    )
    notes = models.TextField("备注", blank=True, validators=[validate_no_control_characters])
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # Optimistic locking: a save must start from the version it read (see save()).
    version = models.PositiveIntegerField("版本", default=0, editable=False)

    objects = CadreQuerySet.as_manager()
    # History is read by cadre (id), date and user; indexes copied from the cadre's own fields would
    # only make every history write (a roster import writes thousands) slower.
    history = HistoricalRecords(
        excluded_fields=["updated_at"], no_db_index=["birth_date", "entry_date", "unit", "channel"]
    )

    class Meta:
        verbose_name = "干部"
        verbose_name_plural = "干部"
        ordering = ["unit__sort_order", "unit__name", "entry_date", "pk"]
        permissions = [
            ("view_all_units", "可查看全区所有单位的干部"),
            ("view_id_number", "可查看完整的公民身份号码"),
            ("export_cadres", "可导出干部数据和统计报表"),
            ("import_cadres", "可导入花名册"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["id_number"],
                condition=~Q(id_number=""),
                name="cadre_id_number_unique",
                violation_error_message="已有干部使用该公民身份号码",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values),
                name="cadre_gender_valid",
                violation_error_message=GENDER_REQUIRED,
            ),
            models.CheckConstraint(
                condition=Q(leave_date__isnull=True) | Q(entry_date__isnull=False, leave_date__gt=F("entry_date")),
                name="cadre_leave_after_entry",
                violation_error_message=LEAVE_BEFORE_ENTRY,
            ),
            models.CheckConstraint(
                condition=Q(status=CadreStatus.PENDING, entry_date__isnull=True)
                | (~Q(status=CadreStatus.PENDING) & Q(entry_date__isnull=False)),
                name="cadre_entry_matches_status",
                violation_error_message=ENTRY_REQUIRED,
            ),
            models.CheckConstraint(
                condition=Q(status=CadreStatus.LEFT, leave_date__isnull=False)
                | (~Q(status=CadreStatus.LEFT) & Q(leave_date__isnull=True)),
                name="cadre_leave_date_matches_status",
                violation_error_message=LEAVE_DATE_REQUIRED,
            ),
        ]
        indexes = [models.Index(fields=["entry_date", "channel"], name="cadre_entry_channel_idx")]

    # A date field known only to the month (stored as the 1st) → the flag that says so.
    MONTH_ONLY = {
        "birth_date": "birth_month_only",
        "party_joined_date": "party_joined_month_only",
        "entry_date": "entry_month_only",
        "first_work_date": "first_work_month_only",
        "leave_date": "leave_month_only",
    }
    # A coded field → (its written form's field, the vocabulary that reads the written form).
    # A coded field → (its written form's field, what the form reads as, given the record's degree).
    WRITTEN = {
        "political_status": ("political_status_written", lambda written, degree: synonyms.political_status_of(written)),
        "education": ("education_written", synonyms.education_level_of),
        "degree": ("degree_written", lambda written, degree: synonyms.degree_value(written)),
    }
    MODE_FIELD = "education_mode"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Save, refusing with StaleEditError if the record changed since this copy was read.

        The version check and the write happen in one transaction, and the conditional UPDATE
        locks the row, so of two concurrent editors exactly one wins (TRAPS.md: no
        select_for_update on SQLite).
        """
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            claimed = Cadre.objects.filter(pk=self.pk, version=self.version).update(version=F("version") + 1)
            if not claimed:
                raise StaleEditError
            self.version += 1
            super().save(*args, **kwargs)

    def clean(self):
        """Check the record as a whole: ID number vs birth date and gender, status vs dates.

        A blank birth date or gender is taken from the ID number (GB 11643); a contradiction is
        an error, never silently overwritten.
        """
        errors = {}
        if self.id_number:
            self.id_number = normalize_id_number(self.id_number)
            try:
                info = parse_id_number(self.id_number)
            except ValidationError:
                info = None  # the field validator reports it
            if info:
                if self.birth_date is None:
                    self.birth_date = info.birth_date
                elif self.birth_date != info.birth_date:
                    errors["birth_date"] = ID_BIRTH_MISMATCH.format(date=info.birth_date.isoformat())
                if not self.gender:
                    self.gender = info.gender
                elif self.gender != info.gender:
                    errors["gender"] = ID_GENDER_MISMATCH.format(gender=info.gender)
        if self.birth_date is None:
            errors["birth_date"] = BIRTH_DATE_REQUIRED
        if not self.gender:
            errors["gender"] = GENDER_REQUIRED
        if self.status == CadreStatus.PENDING:
            if self.entry_date:
                errors["entry_date"] = PENDING_HAS_ENTRY
        elif not self.entry_date:
            errors["entry_date"] = ENTRY_REQUIRED
        if self.status == CadreStatus.LEFT:
            if not self.leave_date:
                errors["leave_date"] = LEAVE_DATE_REQUIRED
            if not self.leave_reason:
                errors["leave_reason"] = LEAVE_REASON_REQUIRED
        elif self.leave_date or self.leave_reason:
            errors["status"] = LEAVE_ONLY_WHEN_LEFT
        if self.leave_date and self.entry_date and self.leave_date <= self.entry_date:
            errors["leave_date"] = LEAVE_BEFORE_ENTRY
        if self.birth_date and self.entry_date and self.birth_date >= self.entry_date:
            errors.setdefault("entry_date", BIRTH_AFTER_ENTRY)
        if self.birth_date and self.first_work_date and self.birth_date >= self.first_work_date:
            errors["first_work_date"] = BIRTH_AFTER_WORK
        if errors:
            raise ValidationError(errors)

    def clean_fields(self, exclude=None):
        """Check each field (Django's checks), and that each written form reads as its stored choice."""
        clean_fields_and_written_forms(self, exclude)

    def date_text(self, name):
        """Return the date field `name` as people read it: 1990年5月 when known to the month only, "" for none."""
        day = getattr(self, name)
        if day is None:
            return ""
        flag = self.MONTH_ONLY.get(name)
        if name == "retirement_month" or (flag and getattr(self, flag)):
            return month_in_words(day)
        return day_in_words(day)

    @property
    def political_status_text(self):
        """Return 政治面貌 as it was written (九三学社社员), else the choice."""
        return self.political_status_written or self.get_political_status_display()

    @property
    def education_text(self):
        """Return the highest 学历 as it was written (省委党校研究生), else its level."""
        return self.education_written or self.get_education_display()

    @property
    def degree_text(self):
        """Return the highest 学位 as it was written (法学硕士), else the degree."""
        return self.degree_written or self.get_degree_display()


def clean_fields_and_written_forms(record, exclude):
    """Run Model.clean_fields, then add the errors of written forms (written_form_errors), as one ValidationError."""
    errors = {}
    try:
        models.Model.clean_fields(record, exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for name, message in written_form_errors(record).items():
        if not exclude or name not in exclude:
            errors.setdefault(name, []).append(message)
    if errors:
        raise ValidationError(errors)


def written_form_errors(record):
    """Return {written field: message} for each written form that does not read as its stored choice.

    `record` declares WRITTEN ({field: (written field, reader)}) and MODE_FIELD, the StudyMode
    that a written 学历 naming one (省委党校研究生 is 党校) must agree with.
    """
    names = [name for field, (written, _read) in record.WRITTEN.items() for name in (field, written)]
    values = tuple(getattr(record, name) for name in (*names, "degree", record.MODE_FIELD))
    return dict(_written_form_errors(type(record), values))


@functools.lru_cache(maxsize=4096)
def _written_form_errors(model, values):
    """The errors of written_form_errors, worked out once per combination (a roster repeats a few)."""
    *pairs, degree, stored_mode = values
    errors = {}
    for index, (name, (written_name, read)) in enumerate(model.WRITTEN.items()):
        stored, written = pairs[2 * index], pairs[2 * index + 1]
        if not written:
            continue
        label = model._meta.get_field(name).verbose_name
        value = read(written, degree)
        if value is None:
            errors[written_name] = WRITTEN_UNKNOWN.format(written=written, label=label)
        elif value != stored:
            errors[written_name] = WRITTEN_MISMATCH.format(written=written, label=label, value=stored)
    education_written = pairs[2 * list(model.WRITTEN).index("education") + 1]
    mode = synonyms.education_mode_of(education_written) if education_written else None
    if mode is not None and mode != stored_mode and "education_written" not in errors:
        mode_label = model._meta.get_field(model.MODE_FIELD).verbose_name
        errors["education_written"] = WRITTEN_MISMATCH.format(
            written=education_written, label=mode_label, value=StudyMode(stored_mode).label
        )
    return tuple(errors.items())

"""Validating every row of a roster against the database and deciding what each would do.

Nothing is written here. Units, channels and existing cadres are loaded once (lookups.py), so the
number of queries does not grow with the rows; each row becomes a planned cadre (outcome.py) that
has passed the model's validation, or problems carrying the Excel row and column the clerk sees.
"""

import operator

from django.core.exceptions import ValidationError

from ..choices import CadreStatus, Degree, Education, Gender, LeaveReason, PoliticalStatus, UnitKind
from ..models import Cadre, Unit
from ..models.records import ID_BIRTH_MISMATCH
from . import cells, synonyms
from .columns import BY_KEY
from .lookups import Lookups
from .outcome import (
    ACTION_CREATED,
    ACTION_UNCHANGED,
    ACTION_UPDATED,
    ATTNAMES,
    CHANNEL,
    DEFAULTS,
    IMPORTED_FIELDS,
    INDEX,
    PK,
    STUDY_MODES,
    UNIT,
    WHOLE_ROW,
    ImportPlan,
    PlannedRow,
    PlannedStudy,
    Problem,
    cadre_from_values,
    shown,
)
from .row_reader import FORMULA_UNCALCULATED, REQUIRED, UNREMEMBERED, RowReader

__all__ = [
    "ACTION_CREATED",
    "ACTION_UNCHANGED",
    "ACTION_UPDATED",
    "FORMULA_UNCALCULATED",
    "REQUIRED",
    "ImportPlan",
    "Problem",
    "roster_plan",
]

UNIT_UNKNOWN = "系统中没有单位“{unit}”；请先在“数据维护”中添加，或选择“自动创建新单位”"
UNIT_FORBIDDEN = "您无权导入单位“{unit}”的干部"
UNIT_CREATE_FORBIDDEN = "您无权创建新单位“{unit}”"
CHANNEL_UNKNOWN = "无法识别进入方式“{value}”，可填写：{choices}"
DUPLICATE_ID = "同一公民身份号码在文件中出现了两次（第{first}行和第{second}行）"
DUPLICATE_PERSON = "与第{other}行是同一人（姓名、出生日期、单位均相同）"
CADRE_FORBIDDEN = "该公民身份号码属于您无权维护的单位的干部"
TOO_MANY_PROBLEMS = "错误已超过{limit}处，其余行未再检查；这可能不是花名册，请修改以上错误后重新导入"
# A file of junk rows stops here rather than listing (and holding) hundreds of thousands of errors.
MAX_PROBLEMS = 1000
EDUCATION_RANK = {value: rank for rank, value in enumerate(Education.values)}
DEGREE_RANK = {value: rank for rank, value in enumerate(Degree.values)}
# Enum .values is rebuilt on every access: looked up once here, not on every row.
CHOICE_FIELDS = (
    ("gender", tuple(Gender.values), synonyms.GENDER),
    ("political_status", tuple(PoliticalStatus.values), synonyms.POLITICAL_STATUS),
    ("status", tuple(CadreStatus.values), synonyms.STATUS),
    ("leave_reason", tuple(LeaveReason.values), synonyms.LEAVE_REASON),
)
TEXT_LIMITS = {"ethnicity": 20, "post": 100, "rank": 50, "notes": 2000}
UNIT_KIND_SUFFIXES = (
    ("街道", UnitKind.SUBDISTRICT),
    ("社区", UnitKind.COMMUNITY),
    ("镇", UnitKind.TOWNSHIP),
    ("乡", UnitKind.TOWNSHIP),
    ("村", UnitKind.VILLAGE),
)


# The fields full_clean() would check (unit and channel come from the preloaded dicts).
CHECKED_FIELDS = tuple(field for field in Cadre._meta.fields if field.name not in ("unit", "channel"))
# What validate() needs of each field, looked up once rather than on every row.
FIELD_CHECKS = tuple(
    (field.name, field.attname, field.blank, field.empty_values, field.name not in UNREMEMBERED, field)
    for field in CHECKED_FIELDS
)
# Read back from a validated cadre in one call: clean() may have completed some of its fields.
CADRE_VALUES = operator.attrgetter(*ATTNAMES)


def _unit_kind(name):
    for suffix, kind in UNIT_KIND_SUFFIXES:
        if name.endswith(suffix):
            return kind
    return UnitKind.OTHER


def _highest(values, rank):
    present = [value for value in values if value]
    return min(present, key=rank.get) if present else None


class Planner:
    """Builds an ImportPlan from a RosterSheet."""

    def __init__(self, sheet, *, user=None, create_units=False, filename="", sha256=""):
        self.sheet, self.user, self.create_units = sheet, user, create_units
        self.present = {key for key, _text in sheet.columns.values()}
        self.lookups = Lookups(user, studies=any(f"{prefix}school" in self.present for prefix in STUDY_MODES))
        self.plan = ImportPlan(
            filename=filename,
            sha256=sha256,
            sheet=sheet.sheet,
            header_row=sheet.header_row,
            ignored_columns=sheet.ignored_columns,
            skipped=[],
        )
        # The education columns the roster has, as (prefix, 学位 key, 学历 key) and (prefix, mode, school key).
        self.education_keys = [
            (prefix, f"{prefix}degree", f"{prefix}education")
            for prefix in ("", "fulltime.", "inservice.")
            if f"{prefix}education" in self.present or f"{prefix}degree" in self.present
        ]
        self.school_keys = [
            (prefix, mode, key) for prefix, mode in STUDY_MODES.items() if (key := f"{prefix}school") in self.present
        ]
        self.new_units = {}
        self.seen_ids, self.seen_people = {}, {}
        self.memo, self.field_memo, self.checks_of = {}, {}, {}

    def build(self):
        for number, values in self.sheet.iter_rows(self.plan.skipped):
            self.plan_row(number, values)
            if len(self.plan.problems) >= MAX_PROBLEMS:
                self.plan.problems.append(Problem(number, WHOLE_ROW, TOO_MANY_PROBLEMS.format(limit=MAX_PROBLEMS)))
                break
        self.plan.new_units = list(self.new_units.values())
        self.plan.problems.sort(key=lambda problem: problem.row)
        return self.plan

    def unit(self, reader):
        name = reader.read("unit", cells.text, required=True)
        if not name:
            return None
        unit = self.lookups.units.get(name) or self.new_units.get(name)
        if unit is None:
            if not self.create_units:
                reader.problem("unit", UNIT_UNKNOWN.format(unit=name))
            elif not self.lookups.may_create_units or self.lookups.visible_unit_ids is not None:
                reader.problem("unit", UNIT_CREATE_FORBIDDEN.format(unit=name))
            else:
                unit = self.new_units[name] = Unit(name=name, kind=_unit_kind(name))
                try:
                    unit.full_clean(validate_unique=False)
                except ValidationError as error:
                    reader.problem("unit", "；".join(error.messages))
            return unit
        if unit.pk and not self.lookups.visible(unit.pk):
            reader.problem("unit", UNIT_FORBIDDEN.format(unit=name))
        return unit

    def channel(self, reader):
        typed = reader.read("channel", cells.text, required=True)
        if not typed:
            return None
        channel = self.lookups.channels.get(typed.replace(" ", ""))
        if channel is None:
            reader.problem("channel", CHANNEL_UNKNOWN.format(value=typed, choices=self.lookups.channel_names))
        return channel

    def education(self, reader):
        """Return (highest 学历, highest 学位, {prefix: PlannedStudy}) of the row's education columns."""
        degrees, educations = {}, {}
        for prefix, degree_key, education_key in self.education_keys:
            degrees[prefix] = degree = reader.read(degree_key, cells.degree)
            educations[prefix] = reader.read(education_key, cells.education, degree or "")
        if len(degrees) == 1:
            (degree,), (education,) = degrees.values(), educations.values()
        else:
            degree = _highest(degrees.values(), DEGREE_RANK)
            education = _highest(educations.values(), EDUCATION_RANK)
        if education is None and not any(reader.has(key) for _prefix, _degree, key in self.education_keys):
            key = next(key for key in ("education", "fulltime.education", "inservice.education") if key in self.present)
            reader.problem(key, REQUIRED)
        studies = {}
        for prefix, mode, school_key in self.school_keys:
            school = reader.read(school_key, cells.text, 100)
            if school:
                found = educations.get(prefix) or "", degrees.get(prefix) or ""
                studies[prefix] = PlannedStudy(None, mode, school, *found)
        return education, degree, studies

    def read_fields(self, reader):
        """Return {field: value} for the columns this roster has, reporting each bad cell."""
        values = {"name": reader.read("name", cells.person_name, required=True)}
        id_number = reader.read("id_number", cells.id_number) or ""
        if "id_number" in self.present:
            values["id_number"] = id_number
        birth = reader.read("birth_date", cells.parse_date)
        if birth and birth.month_only and id_number:
            from_id = cells.parse_id_number(id_number).birth_date
            if (from_id.year, from_id.month) != (birth.date.year, birth.date.month):
                reader.problem("birth_date", ID_BIRTH_MISMATCH.format(date=from_id.isoformat()))
            birth = cells.ParsedDate(from_id)
        if birth:
            values["birth_date"], values["birth_month_only"] = birth.date, birth.month_only
        elif id_number:
            values["birth_date"] = cells.parse_id_number(id_number).birth_date
            values["birth_month_only"] = False
        for key, allowed, table in CHOICE_FIELDS:
            if key in self.present:
                values[key] = reader.read(key, cells.choice, allowed, table) or ""
        if "political_status" in self.present and not reader.has("political_status"):
            reader.problem("political_status", REQUIRED)
        if "ethnicity" in self.present:
            typed = reader.read("ethnicity", cells.text, 20)
            if typed:  # left blank: a new cadre gets the model's default (汉族), a known one keeps theirs
                values["ethnicity"] = synonyms.ETHNICITY.get(typed, typed)
        for key in ("post", "rank", "notes"):
            if key in self.present:
                values[key] = reader.read(key, cells.text, TEXT_LIMITS[key]) or ""
        for key in ("entry_date", "first_work_date", "leave_date"):
            if key in self.present:
                parsed = reader.read(key, cells.parse_date)
                values[key] = parsed.date if parsed else None
        values["education"], degree, values["studies"] = self.education(reader)
        if self.present & {"degree", "fulltime.degree", "inservice.degree"}:
            values["degree"] = degree or Degree.NONE
        values["unit"] = self.unit(reader)
        values["channel"] = self.channel(reader)
        return values

    def match(self, reader, values):
        """Return the existing cadre this row is about, or None for a new one."""
        id_number = values.get("id_number")
        if id_number:
            first = self.seen_ids.setdefault(id_number, reader.number)
            if first != reader.number:
                reason = DUPLICATE_ID.format(first=first, second=reader.number)
                reader.problem("id_number", reason)
                self.plan.problems.append(Problem(first, self.sheet.label("id_number"), reason))
                return None
            existing = self.lookups.by_id_number.get(id_number)
            if existing is not None and not self.lookups.visible(existing[UNIT]):
                reader.problem("id_number", CADRE_FORBIDDEN)
            return existing
        unit = values.get("unit")
        # A unit this import creates has no id yet: it is told apart by its name.
        unit_key = None if unit is None else unit.pk if unit.pk is not None else ("new", unit.name)
        person = (values["name"], values.get("birth_date"), unit_key)
        first = self.seen_people.setdefault(person, reader.number)
        if first != reader.number:
            reader.problem(None, DUPLICATE_PERSON.format(other=first))
        return self.lookups.by_person.get(person) if unit is not None and unit.pk is not None else None

    def validate(self, cadre, names):
        """Return {field: messages} as `cadre.full_clean()` would for the fields `names`, then clean().

        The same checks as full_clean(exclude=["unit", "channel"], validate_unique=False,
        validate_constraints=False), in the same order with the same messages; but a field's check
        runs once per distinct value (most columns hold a few values over thousands of rows).
        Uniqueness is checked against the preloaded dicts and the FKs come from them; the database
        constraints still guard the save. The fields a row does not set keep the values of the
        saved cadre, which passed these checks when they were saved, or a new cadre's defaults.
        """
        errors = {}
        checks = self.checks_of.get(names)
        if checks is None:  # most rows of a roster set the same fields: worked out once per set
            checks = self.checks_of[names] = [check for check in FIELD_CHECKS if check[0] in names]
        for name, attname, blank, empty_values, remembered, model_field in checks:
            value = getattr(cadre, attname)
            if blank and value in empty_values:
                continue
            memo_key = (name, type(value), value)
            messages = self.field_memo.get(memo_key) if remembered else None
            if messages is None:
                try:
                    model_field.clean(value, cadre)
                    messages = ()
                except ValidationError as error:
                    messages = tuple(error.messages)
                if remembered:
                    self.field_memo[memo_key] = messages
            if messages:
                errors[name] = list(messages)
        try:
            cadre.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors.setdefault(name, []).extend(messages)
        return errors

    def shown_values(self, values):
        """Return {field: text} of IMPORTED_FIELDS for a values row, as the preview shows them."""
        lookups = self.lookups
        result = {}
        for name in IMPORTED_FIELDS:
            value = values[INDEX[name]]
            if name == "unit":
                value = lookups.units_by_id.get(value)
            elif name == "channel":
                value = lookups.channels_by_id.get(value)
            result[name] = shown(name, value)
        return result

    def plan_row(self, number, cells_by_key):
        problems = []
        reader = RowReader(self.sheet, number, cells_by_key, problems, self.memo)
        fields = self.read_fields(reader)
        existing = self.match(reader, fields)
        if problems:
            self.plan.problems.extend(problems)
            return
        studies = fields.pop("studies")
        if fields.get("status") in (None, ""):
            leave = fields.get("leave_date", existing[INDEX["leave_date"]] if existing else None)
            entry = fields.get("entry_date", existing[INDEX["entry_date"]] if existing else None)
            fields["status"] = CadreStatus.LEFT if leave else CadreStatus.ACTIVE if entry else CadreStatus.PENDING
        values = list(DEFAULTS if existing is None else existing)
        unit, channel = fields.pop("unit", None), fields.pop("channel", None)
        values[UNIT] = unit.pk if unit is not None else (existing[UNIT] if existing else None)
        values[CHANNEL] = channel.pk if channel is not None else (existing[CHANNEL] if existing else None)
        for name, value in fields.items():
            values[INDEX[name]] = value
        cadre = cadre_from_values(values, unit, channel, checked_only=True)
        errors = self.validate(cadre, frozenset(fields))
        if errors:
            for name, messages in errors.items():
                key = name if name in BY_KEY else None
                for message in messages:
                    reader.problem(key, message)
            self.plan.problems.extend(problems)
            return
        # clean() may have completed the ID number, birth date and gender: take the row from the cadre.
        values = CADRE_VALUES(cadre)
        if existing is None:
            self.plan.rows.append(PlannedRow(number, ACTION_CREATED, values, unit, studies=tuple(studies.values())))
            return
        old, new = self.shown_values(existing), self.shown_values(values)
        if unit is not None and unit.pk is None:
            new["unit"] = unit.name
        changes = {name: (old[name], new[name]) for name in IMPORTED_FIELDS if old[name] != new[name]}
        planned_studies = self.plan_studies(existing[PK], studies, changes)
        if changes:
            self.plan.rows.append(PlannedRow(number, ACTION_UPDATED, values, unit, changes, planned_studies))
        else:
            self.plan.rows.append(PlannedRow(number, ACTION_UNCHANGED, existing, unit))

    def plan_studies(self, cadre_pk, studies, changes):
        """Return the education records to create or correct for an existing cadre, adding them to `changes`.

        A school the cadre already has a record of (of that mode, as 院校 or 院校+专业) changes
        nothing; otherwise the undated record of that mode, which an earlier roster made, is
        corrected, or else a new undated record is made. Dated records are never touched.
        """
        planned = []
        records = self.lookups.studies.get(cadre_pk, ())
        for prefix, study in studies.items():
            same_mode = [record for record in records if record.mode == study.mode]
            if any(study.school in (record.school, record.school + record.major) for record in same_mode):
                continue
            undated = next((record for record in same_mode if record.start_date is None), None)
            if undated is None:
                planned.append(study)
                changes[f"{prefix}school"] = ("", study.school)
            else:
                planned.append(PlannedStudy(undated.pk, study.mode, study.school, study.education, study.degree))
                changes[f"{prefix}school"] = (undated.school + undated.major, study.school)
        return tuple(planned)


def roster_plan(sheet, *, user=None, create_units=False, filename="", sha256=""):
    """Return the ImportPlan of a RosterSheet for `user` (None: the command line, every unit)."""
    return Planner(sheet, user=user, create_units=create_units, filename=filename, sha256=sha256).build()

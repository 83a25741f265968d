"""Validating every row of a roster against the database and deciding what each would do.

Nothing is written here. Units, channels and existing cadres are loaded once (lookups.py), so the
number of queries does not grow with the rows; each row becomes a planned cadre (outcome.py) that
has passed the model's validation, or problems carrying the Excel row and column the clerk sees.
Who a row is about follows the one rule of the import core (cadres/importing/identity.py).
"""

import operator

from django.core.exceptions import ValidationError

from ..choices import CadreStatus, Degree, Education, StudyMode, UnitKind
from ..importing import synonyms
from ..importing.collection import without_cyclic_gc
from ..importing.dates import ParsedDate, merged_date, parse_date
from ..importing.identity import Identities
from ..importing.outcome import CREATED, UNCHANGED, UPDATED, Change
from ..importing.problems import WHOLE_ROW, Problem
from ..models import Cadre, Unit
from ..models.records import ID_BIRTH_MISMATCH
from . import cells
from .columns import BY_KEY, EDUCATION_KEYS
from .lookups import Lookups
from .outcome import (
    ATTNAMES,
    CHANGE_LABELS,
    CHANNEL,
    COMPANIONS,
    DEFAULTS,
    IMPORTED_FIELDS,
    INDEX,
    PK,
    STUDY_MODES,
    STUDY_ROWS,
    UNIT,
    PlannedRow,
    PlannedStudy,
    RosterPlan,
    cadre_from_values,
    shown_value,
)
from .row_reader import REQUIRED, RowReader
from .studies import planned_studies
from .validation import FieldChecks, RowValidator

UNIT_UNKNOWN = "系统中没有单位“{unit}”；请先在“数据维护”中添加（或作为已有单位的别名），或选择“自动创建新单位”"
UNIT_FORBIDDEN = "您无权导入单位“{unit}”的干部"
UNIT_CREATE_FORBIDDEN = "您无权创建新单位“{unit}”"
CHANNEL_UNKNOWN = "无法识别进入方式“{value}”，可填写：{choices}"
DUPLICATE_ID = "同一公民身份号码在文件中出现了两次（第{first}行和第{second}行）"
DUPLICATE_PERSON = "与第{other}行是同一人（姓名、出生日期、单位均相同）"
AMBIGUOUS = "系统中有{count}名干部与本行的姓名、出生日期和单位相同，无法确定是哪一位；请填写公民身份号码"
CADRE_FORBIDDEN = "该公民身份号码属于您无权维护的单位的干部"
LEFT_WITHOUT_DATE = "状态“{status}”表示已离开，须填写离开时间"
TOO_MANY_PROBLEMS = "错误已超过{limit}处，其余行未再检查；这可能不是花名册，请修改以上错误后重新导入"
# A file of junk rows stops here rather than listing (and holding) hundreds of thousands of errors.
MAX_PROBLEMS = 1000
CHOICE_FIELDS = (
    ("gender", synonyms.GENDER),
    ("leave_reason", synonyms.LEAVE_REASON),
)
WRITTEN_FIELDS = (("political_status", synonyms.POLITICAL_STATUS),)
DATE_KEYS = ("entry_date", "first_work_date", "leave_date")
LEAVE_FIELDS = {"leave_date": None, "leave_reason": ""}
# The columns that differ from person to person; the others are read once per combination (read_shared).
PER_PERSON = frozenset({"name", "id_number", "birth_date", "post", "notes", *DATE_KEYS})
# A bound on the combinations remembered: a roster whose shared columns all differ gains nothing from them.
SHARED_MEMO_SIZE = 20_000
# The column a model error on a field is shown in (a written form in its field's column).
ERROR_COLUMNS = {
    **{name: name for name in BY_KEY},
    **{written: name for name, (written, _read) in Cadre.WRITTEN.items()},
    **{flag: name for name, flag in Cadre.MONTH_ONLY.items()},
    "education_mode": "education",
}


LEAVE_DATE, ENTRY_DATE = INDEX["leave_date"], INDEX["entry_date"]
FULL_TIME, LEFT = StudyMode.FULL_TIME.value, CadreStatus.LEFT.value
# Where a date and its flag of month precision sit in a values row.
DATE_SLOTS = {name: (INDEX[name], INDEX[flag]) for name, flag in Cadre.MONTH_ONLY.items()}
# Read back from a validated cadre in one call: clean() may have completed some of its fields.
CADRE_VALUES = operator.attrgetter(*ATTNAMES)
# Each field a preview shows, its index, and the indexes that must all be equal for it to be unchanged.
_SHOWN = tuple(
    (name, INDEX[name], tuple(INDEX[companion] for companion in COMPANIONS.get(name, (name,))))
    for name in IMPORTED_FIELDS
)


def _highest(found, rank):
    """Return the found item (value first) of the highest rank; the first of equals (全日制 before 在职)."""
    best = None
    for item in found:
        if item is not None and (best is None or rank(item[0]) > rank(best[0])):
            best = item
    return best


class Planner:
    """Builds a RosterPlan from a RosterSheet."""

    def __init__(self, sheet, *, user=None, create_units=False, filename="", sha256=""):
        self.sheet, self.user, self.create_units = sheet, user, create_units
        self.present = {key for key, _text in sheet.columns.values()}
        self.lookups = Lookups(user, studies=any(f"{prefix}school" in self.present for prefix in STUDY_MODES))
        self.plan = RosterPlan(
            filename=filename,
            sha256=sha256,
            sheet=sheet.sheet,
            header_row=sheet.header_row,
            ignored_columns=sheet.ignored_columns,
        )
        # The education columns the roster has: (prefix, 学位 key, 学历 key, the column's mode or None).
        self.education_keys = [
            (prefix, f"{prefix}degree", f"{prefix}education", STUDY_MODES.get(prefix))
            for prefix in ("", "fulltime.", "inservice.")
            if f"{prefix}education" in self.present or f"{prefix}degree" in self.present
        ]
        self.school_keys = [
            (prefix, mode, key) for prefix, mode in STUDY_MODES.items() if (key := f"{prefix}school") in self.present
        ]
        self.date_keys = [key for key in DATE_KEYS if key in self.present]
        self.shared_keys = tuple(sorted(self.present - PER_PERSON))
        self.shared_memo = {}
        self.new_units = {}
        self.seen = Identities()
        self.memo, self.layouts = {}, {}
        self.validator = RowValidator()

    def build(self):
        with without_cyclic_gc():
            self.plan_rows()
        self.plan.new_units = list(self.new_units.values())
        # By row, and within a row from left to right as the clerk reads the sheet.
        order = {text: index for index, (_key, text) in self.sheet.columns.items()}
        self.plan.problems.sort(key=lambda problem: (problem.row, order.get(problem.column, len(order))))
        return self.plan

    def plan_rows(self):
        for number, values in self.sheet.iter_rows(self.plan.skipped):
            self.plan_row(number, values)
            if len(self.plan.problems) >= MAX_PROBLEMS:
                self.plan.problems.append(Problem(number, WHOLE_ROW, TOO_MANY_PROBLEMS.format(limit=MAX_PROBLEMS)))
                break

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
                unit = self.new_units[name] = Unit(name=name, kind=UnitKind.from_name(name))
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
        channel = self.lookups.channels.get(synonyms.normalized(typed)) or self.lookups.channels.get(typed)
        if channel is None:
            reader.problem("channel", CHANNEL_UNKNOWN.format(value=typed, choices=self.lookups.channel_names))
        return channel

    def education(self, reader):
        """Return ((level, written, mode) of the highest 学历, (degree, written) of the highest 学位, studies).

        `mode` is what the words say (省委党校研究生: 党校), else the column's (在职教育: 在职), else None.
        """
        educations, degrees = [], []
        forms = {}
        for prefix, degree_key, education_key, column_mode in self.education_keys:
            degree = reader.read(degree_key, cells.degree)
            education = reader.read(education_key, cells.education, degree[0] if degree else "")
            if education is not None:
                level, written, mode = education
                education = (level, written, mode or column_mode)
            educations.append(education)
            degrees.append(degree)
            forms[prefix] = (education, degree)
        education = _highest(educations, Education.rank)
        if education is None and not any(reader.has(key) for *_rest, key, _mode in self.education_keys):
            key = next(key for key in EDUCATION_KEYS if key in self.present)
            reader.problem(key, REQUIRED)
        studies = {}
        for prefix, mode, school_key in self.school_keys:
            school = reader.read(school_key, cells.text, 100)
            if school:
                found_education, found_degree = forms.get(prefix, (None, None))
                level, written, words_mode = found_education or ("", "", None)
                degree, degree_written = found_degree or ("", "")
                study_mode = words_mode if words_mode in STUDY_ROWS[mode] else mode
                studies[prefix] = PlannedStudy(None, study_mode, school, level, written, degree, degree_written)
        return education, _highest(degrees, Degree.rank), studies

    def read_fields(self, reader):
        """Return ({field: value}, {date field: ParsedDate or None}) of the row, reporting each bad cell."""
        values = {"name": reader.read("name", cells.person_name, required=True)}
        info = reader.read("id_number", cells.id_info)
        if info is not None:
            values["id_number"] = info.number
        birth = reader.read("birth_date", parse_date)
        if birth and info:
            if birth.month_only and (info.birth_date.year, info.birth_date.month) != (
                birth.date.year,
                birth.date.month,
            ):
                reader.problem("birth_date", ID_BIRTH_MISMATCH.format(date=info.birth_date.isoformat()))
            birth = ParsedDate(info.birth_date) if birth.month_only else birth
        elif info:
            birth = ParsedDate(info.birth_date)
        dates = {"birth_date": birth} if birth else {}
        for key in self.date_keys:
            dates[key] = reader.read(key, parse_date)
        for key in ("post", "notes"):
            if key in self.present:
                values[key] = reader.read(key, cells.field_text, key) or ""
        values.update(self.read_shared(reader))
        return values, dates

    def read_shared(self, reader):
        """Return {field: value} of the cells whose values repeat from row to row (choices, units, channels).

        Read once per combination of those cells, with the problems they make; a row with the same
        combination gets the same fields and problems, at its own row number.
        """
        raw = tuple(map(reader.values.get, self.shared_keys))
        key = (raw, tuple(map(type, raw)))
        found = self.shared_memo.get(key)
        if found is None:
            scratch = RowReader(self.sheet, reader.number, reader.values, [], self.memo)
            fields = self.shared_fields(scratch)
            found = (fields, [(problem.column, problem.reason) for problem in scratch.problems])
            if len(self.shared_memo) >= SHARED_MEMO_SIZE:
                self.shared_memo.clear()
            self.shared_memo[key] = found
        fields, problems = found
        for column, reason in problems:
            reader.problems.append(Problem(reader.number, column, reason))
        return fields

    def shared_fields(self, reader):
        values = {}
        for key, table in CHOICE_FIELDS:
            if key in self.present:
                values[key] = reader.read(key, cells.choice, key, table) or ""
        for key, table in WRITTEN_FIELDS:
            if key in self.present:
                found = reader.read(key, cells.written_choice, key, table, required=True)
                if found is not None:
                    values[key], values[f"{key}_written"] = found
        if "status" in self.present:
            status = reader.read("status", cells.status)
            if status is not None:
                values["status"] = status.status
                if status.reason and not values.get("leave_reason"):
                    values["leave_reason"] = status.reason
                if status.status != CadreStatus.LEFT:
                    # Back at work, or never left: a leave date and reason the roster has no column for go.
                    values.update({key: empty for key, empty in LEAVE_FIELDS.items() if key not in self.present})
        if "ethnicity" in self.present:
            ethnicity = reader.read("ethnicity", cells.ethnicity)
            if ethnicity:  # left blank: a new cadre gets the model's default (汉族), a known one keeps theirs
                values["ethnicity"] = ethnicity
        if "rank" in self.present:
            values["rank"] = reader.read("rank", cells.rank) or ""
        education, degree, values["studies"] = self.education(reader)
        if education is not None:
            values["education"], values["education_written"], values["education_mode"] = education
        if self.present & {"degree", "fulltime.degree", "inservice.degree"}:
            values["degree"], values["degree_written"] = degree or (Degree.NONE.value, "")
        values["unit"] = self.unit(reader)
        values["channel"] = self.channel(reader)
        return values

    def match(self, reader, values, birth):
        """Return the existing cadre this row is about (a values row), or None for a new one."""
        id_number = values.get("id_number", "")
        unit = values.get("unit")
        # A unit this import creates has no id yet: it is told apart by its name.
        unit_key = None if unit is None else unit.id if unit.id is not None else ("new", unit.name)
        name = values["name"]
        birth_date, month_only = (birth.date, birth.month_only) if birth else (None, False)
        earlier = self.seen.find(
            id_number=id_number, name=name, birth_date=birth_date, month_only=month_only, unit=unit_key
        )
        if earlier:
            first = earlier[0]
            if id_number and self.seen.by_id_number.get(id_number) == first:
                reason = DUPLICATE_ID.format(first=first, second=reader.number)
                reader.problem("id_number", reason)
                self.plan.problems.append(Problem(first, self.sheet.label("id_number"), reason))
            else:
                reader.problem(None, DUPLICATE_PERSON.format(other=first))
            return None
        self.seen.add(
            reader.number, id_number=id_number, name=name, birth_date=birth_date, month_only=month_only, unit=unit_key
        )
        if unit_key is None:
            return None
        found = self.lookups.people.find(
            id_number=id_number, name=name, birth_date=birth_date, month_only=month_only, unit=unit_key
        )
        if not found:
            return None
        if len(found) > 1:
            reader.problem(None, AMBIGUOUS.format(count=len(found)))
            return None
        existing = found[0]
        if not self.lookups.visible(existing[UNIT]):
            reader.problem("id_number", CADRE_FORBIDDEN)
            self.plan.out_of_scope.append(id_number)
        return existing

    def plan_row(self, number, cells_by_key):
        problems = []
        reader = RowReader(self.sheet, number, cells_by_key, problems, self.memo)
        fields, dates = self.read_fields(reader)
        existing = self.match(reader, fields, dates.get("birth_date"))
        if problems:
            self.plan.problems.extend(problems)
            return
        studies = fields.pop("studies")
        values = list(DEFAULTS if existing is None else existing)
        for name, parsed in dates.items():
            date, flag = DATE_SLOTS[name]
            values[date], values[flag] = merged_date(values[date], values[flag], parsed)
            fields[name] = values[date]
        if existing is not None:
            _keep_written(existing, fields)
        if fields.get("education_mode", FULL_TIME) is None:
            fields["education_mode"] = FULL_TIME
        status = fields.get("status")
        if status == LEFT and values[LEAVE_DATE] is None:
            key = "leave_date" if "leave_date" in self.present else "status"
            reader.problem(key, LEFT_WITHOUT_DATE.format(status=cells.display(cells_by_key["status"])))
            self.plan.problems.extend(problems)
            return
        if status is None or status == "":
            leave, entry = values[LEAVE_DATE], values[ENTRY_DATE]
            fields["status"] = CadreStatus.LEFT if leave else CadreStatus.ACTIVE if entry else CadreStatus.PENDING
        unit, channel = fields.pop("unit", None), fields.pop("channel", None)
        # .id, not .pk: the same field, without the property's lookup of the primary key.
        values[UNIT] = unit.id if unit is not None else (existing[UNIT] if existing else None)
        values[CHANNEL] = channel.id if channel is not None else (existing[CHANNEL] if existing else None)
        layout = self.layouts.get(names := tuple(fields))
        if layout is None:  # the rows of a roster set the same fields: worked out once
            checked = frozenset(fields) | {Cadre.MONTH_ONLY[name] for name in dates}
            layout = self.layouts[names] = ([INDEX[name] for name in names], FieldChecks(checked))
        indexes, checks = layout
        for index, value in zip(indexes, fields.values(), strict=True):
            values[index] = value
        cadre = cadre_from_values(values, unit, channel, checked_only=True)
        errors = self.validator.validate(cadre, checks)
        if errors:
            for name, messages in errors.items():
                key = ERROR_COLUMNS.get(name)
                for message in messages:
                    reader.problem(key, message)
            self.plan.problems.extend(problems)
            return
        # clean() may have completed the ID number, birth date and gender: take the row from the cadre.
        values = CADRE_VALUES(cadre)
        if existing is None:
            self.plan.people.append(PlannedRow(number, CREATED, values, unit, studies=tuple(studies.values())))
            return
        changes = self.changes(existing, values, unit)
        corrected = planned_studies(self.lookups.studies.get(existing[PK], ()), studies, changes)
        if changes:
            self.plan.people.append(PlannedRow(number, UPDATED, values, unit, changes, corrected))
        else:
            self.plan.people.append(PlannedRow(number, UNCHANGED, existing, unit))

    def changes(self, old, new, unit):
        """Return the Changes between two values rows of a cadre, as the preview names them."""
        if old == new:
            return []
        changes = []
        for name, index, compared in _SHOWN:
            if all(old[at] == new[at] for at in compared):
                continue
            if name == "unit":
                before = self.lookups.units_by_id[old[index]].name
                after = unit.name if unit is not None else self.lookups.units_by_id[new[index]].name
            elif name == "channel":
                before = self.lookups.channels_by_id[old[index]].name
                after = self.lookups.channels_by_id[new[index]].name
            else:
                before, after = shown_value(old, index), shown_value(new, index)
            if before != after:
                changes.append(Change(CHANGE_LABELS[name], before, after, name))
        return changes


def _keep_written(existing, fields):
    """Keep a known cadre's written form (九三学社社员) where the row says no more than its stored choice.

    A row that writes the plain choice (民主党派, 大学本科) keeps what an earlier, finer source wrote;
    a row whose words say no mode (大学本科 in a flat 学历 column) keeps the stored mode of that level.
    """
    for name, (written, _read) in Cadre.WRITTEN.items():
        if name in fields and not fields.get(written) and fields[name] == existing[INDEX[name]]:
            fields[written] = existing[INDEX[written]]
    if (
        "education" in fields
        and fields.get("education_mode") is None
        and fields["education"] == existing[INDEX["education"]]
    ):
        fields["education_mode"] = existing[INDEX["education_mode"]]


def roster_plan(sheet, *, user=None, create_units=False, filename="", sha256=""):
    """Return the RosterPlan of a RosterSheet for `user` (None: the command line, every unit)."""
    return Planner(sheet, user=user, create_units=create_units, filename=filename, sha256=sha256).build()

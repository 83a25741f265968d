"""What a roster import would do: each row's planned cadre and education records, or its problems.

A planned cadre is kept as a row of its concrete fields' values (foreign keys as ids) rather than a
model instance: a tuple costs a fifth of the memory, which counts at 100,000 rows.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models.base import ModelState

from ..models import Cadre, StudyMode, Unit
from .columns import BY_KEY

ROW_ERROR = "第{row}行 · {column} · {reason}"

WHOLE_ROW = "整行"

ACTION_CREATED, ACTION_UPDATED, ACTION_UNCHANGED = "created", "updated", "unchanged"
ACTION_LABELS = {ACTION_CREATED: "新增", ACTION_UPDATED: "更新", ACTION_UNCHANGED: "未变"}
# The cadre fields an import may set, in the order a preview shows them.
IMPORTED_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "birth_month_only",
    "id_number",
    "political_status",
    "education",
    "degree",
    "unit",
    "post",
    "rank",
    "channel",
    "entry_date",
    "first_work_date",
    "status",
    "leave_date",
    "leave_reason",
    "notes",
)
# How a change is named in the preview, the command's report and the import record.
CHANGE_LABELS = {
    **{name: BY_KEY[name].label for name in IMPORTED_FIELDS if name in BY_KEY},
    "birth_month_only": "出生日期只精确到月",
    "fulltime.school": "全日制教育·毕业院校及专业",
    "inservice.school": "在职教育·毕业院校及专业",
}
CHANGE = "{label}：{old} → {new}"
EMPTY = "（空）"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the roster: the Excel row and the column as the file names them."""

    row: int
    column: str
    reason: str

    def __str__(self):
        return ROW_ERROR.format(row=self.row, column=self.column, reason=self.reason)


# A cadre as a row of its concrete fields' values (foreign keys as ids), the form a plan keeps:
# a tuple costs a fifth of a model instance, which counts at 100,000 rows.
CONCRETE = tuple(Cadre._meta.concrete_fields)
ATTNAMES = tuple(field.attname for field in CONCRETE)
INDEX = {field.name: index for index, field in enumerate(CONCRETE)}
DEFAULTS = tuple(None if field.primary_key else field.get_default() for field in CONCRETE)
PK, VERSION, UNIT, CHANNEL = INDEX["id"], INDEX["version"], INDEX["unit"], INDEX["channel"]


def cadre_from_values(values, unit=None, channel=None, *, checked_only=False):
    """Return the Cadre of a values row (positional, as Django builds rows it reads), with its unit and channel.

    `checked_only`: an instance only to be validated and thrown away, built without Model.__init__
    (its per-field setattr and post_init signal cost a tenth of planning a row); never saved.
    """
    if checked_only:
        cadre = Cadre.__new__(Cadre)
        cadre.__dict__.update(zip(ATTNAMES, values, strict=True))
        cadre._state = ModelState()
    else:
        cadre = Cadre(*values)
    if values[PK] is not None:
        cadre._state.adding = False
        cadre._state.db = "default"
    if unit is not None:
        Cadre.unit.field.set_cached_value(cadre, unit)
    if channel is not None:
        Cadre.channel.field.set_cached_value(cadre, channel)
    return cadre


# The two education columns under 全日制教育 / 在职教育 and the records they fill.
STUDY_MODES = {"fulltime.": StudyMode.FULL_TIME.value, "inservice.": StudyMode.IN_SERVICE.value}


@dataclass(frozen=True, slots=True)
class PlannedStudy:
    """An education record a row creates (pk None) or corrects (the undated record of that mode)."""

    pk: int | None
    mode: str
    school: str
    education: str
    degree: str


@dataclass(slots=True)
class PlannedRow:
    """What one row would do: create a cadre, update one (with the changes), or nothing.

    `values` is the cadre as it would be saved (see CONCRETE); `unit` is the row's Unit, which may
    be a new one saved only when the plan is applied.
    """

    row: int
    action: str
    values: tuple
    unit: Unit | None = None
    changes: dict = field(default_factory=dict)  # field name → (old, new) as text
    studies: tuple = ()  # PlannedStudy: the education records the row creates or corrects

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]

    @property
    def change_lines(self):
        """Each change as the clerk reads it: 职务：科员 → 副科长."""
        return [
            CHANGE.format(label=CHANGE_LABELS.get(name, name), old=old or EMPTY, new=new or EMPTY)
            for name, (old, new) in self.changes.items()
        ]

    @property
    def pk(self):
        return self.values[PK]

    @property
    def version(self):
        return self.values[VERSION]

    @property
    def cadre(self):
        """The cadre as it would be saved (a new instance each time; for display and tests)."""
        return cadre_from_values(self.values, self.unit)


@dataclass
class ImportPlan:
    """The outcome of validating a roster: rows to apply, or the problems that prevent it."""

    filename: str
    sha256: str
    sheet: str
    header_row: int
    ignored_columns: list
    skipped: list
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    new_units: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def count(self, action):
        return sum(1 for planned in self.rows if planned.action == action)

    @property
    def counts(self):
        return {action: self.count(action) for action in ACTION_LABELS}

    def fingerprint(self):
        """Return a digest of what applying would do, to tell whether data changed since a preview."""
        digest = hashlib.sha256(self.sha256.encode())
        digest.update(json.dumps([unit.name for unit in self.new_units], ensure_ascii=False).encode())
        for planned in self.rows:
            item = [planned.row, planned.action, planned.pk, planned.version, planned.changes]
            digest.update(json.dumps(item, ensure_ascii=False, sort_keys=True, default=str).encode())
        return digest.hexdigest()


def shown(name, value):
    """Return a field value as a preview or the import record shows it (unit and channel by name)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if name in ("unit", "channel"):
        return value.name
    return str(value)

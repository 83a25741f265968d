"""What a roster import would do: each row's planned cadre and education records, or its problems.

A planned cadre is kept as a row of its concrete fields' values (foreign keys as ids) rather than a
model instance: a tuple costs a fifth of the memory, which counts at 100,000 rows. The plan and
problem types are the import core's (cadres/importing), shared with the .lrmx import.
"""

from dataclasses import dataclass, field

from django.db.models.base import ModelState

from ..choices import StudyMode
from ..importing.dates import month_text
from ..importing.outcome import ImportPlan, Planned
from ..models import Cadre, Unit
from .columns import BY_KEY

# The cadre fields an import may set, in the order a preview shows them. A date known to the month,
# a written form and the mode of an education are shown with the field they belong to (COMPANIONS).
IMPORTED_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
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
# The fields written along with a changed field: its precision, its written form, its mode.
COMPANIONS = {
    **{name: (name, flag) for name, flag in Cadre.MONTH_ONLY.items()},
    **{name: (name, written) for name, (written, _read) in Cadre.WRITTEN.items()},
    "education": ("education", "education_written", "education_mode"),
}
# How a change is named in the preview, the command's report and the import record.
CHANGE_LABELS = {
    **{name: BY_KEY[name].label for name in IMPORTED_FIELDS if name in BY_KEY},
    "fulltime.school": "全日制教育·毕业院校及专业",
    "inservice.school": "在职教育·毕业院校及专业",
}


# A cadre as a row of its concrete fields' values (foreign keys as ids), the form a plan keeps:
# a tuple costs a fifth of a model instance, which counts at 100,000 rows.
CONCRETE = tuple(Cadre._meta.concrete_fields)
ATTNAMES = tuple(field.attname for field in CONCRETE)
INDEX = {field.name: index for index, field in enumerate(CONCRETE)}
DEFAULTS = tuple(None if field.primary_key else field.get_default() for field in CONCRETE)
PK, VERSION, UNIT, CHANNEL = INDEX["id"], INDEX["version"], INDEX["unit"], INDEX["channel"]
_DATES = {INDEX[name]: INDEX[flag] for name, flag in Cadre.MONTH_ONLY.items()}
_WRITTEN = {INDEX[name]: INDEX[written] for name, (written, _read) in Cadre.WRITTEN.items()}
_MODE = INDEX["education_mode"]
UNIT_CACHE, CHANNEL_CACHE = Cadre.unit.field.cache_name, Cadre.channel.field.cache_name


def cadre_from_values(values, unit=None, channel=None, *, checked_only=False):
    """Return the Cadre of a values row (positional, as Django builds rows it reads), with its unit and channel.

    `checked_only`: an instance only to be validated and thrown away, built without Model.__init__
    (its per-field setattr and post_init signal cost a tenth of planning a row); never saved.
    """
    if checked_only:
        cadre = Cadre.__new__(Cadre)
        attributes = dict(zip(ATTNAMES, values, strict=True))
        attributes["_state"] = state = ModelState()
        cadre.__dict__ = attributes
        # What set_cached_value does for each relation, in one dict.
        state.fields_cache = {
            name: related for name, related in ((UNIT_CACHE, unit), (CHANNEL_CACHE, channel)) if related is not None
        }
    else:
        cadre = Cadre(*values)
        if unit is not None:
            Cadre.unit.field.set_cached_value(cadre, unit)
        if channel is not None:
            Cadre.channel.field.set_cached_value(cadre, channel)
    if values[PK] is not None:
        cadre._state.adding = False
        cadre._state.db = "default"
    return cadre


def shown_value(values, index):
    """Return field `index` of a values row as a preview shows it: a month as 1990.05, a written form as written."""
    value = values[index]
    if value is None:
        return ""
    flag = _DATES.get(index)
    if flag is not None:
        return month_text(value) if values[flag] else value.isoformat()
    written = _WRITTEN.get(index)
    if written is not None:
        text = values[written] or value
        if index == INDEX["education"] and values[_MODE] != StudyMode.FULL_TIME:
            text += f"（{StudyMode(values[_MODE]).label}）"
        return text
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


# The two education columns under 全日制教育 / 在职教育 and the records they fill.
STUDY_MODES = {"fulltime.": StudyMode.FULL_TIME.value, "inservice.": StudyMode.IN_SERVICE.value}
# The modes of the records a column's school is compared with (在职教育 holds 党校 education too).
STUDY_ROWS = {
    StudyMode.FULL_TIME.value: (StudyMode.FULL_TIME.value,),
    StudyMode.IN_SERVICE.value: tuple(mode.value for mode in StudyMode.in_service_row()),
}


@dataclass(frozen=True, slots=True)
class PlannedStudy:
    """An education record a row creates (pk None) or corrects (the record of that school, or the undated one)."""

    pk: int | None
    mode: str
    school: str
    education: str
    education_written: str
    degree: str
    degree_written: str
    major: str = ""


@dataclass(slots=True)
class PlannedRow(Planned):
    """What one row would do: create a cadre, update one (with the changes), or nothing.

    `values` is the cadre as it would be saved (see CONCRETE); `unit` is the row's Unit, which may
    be a new one saved only when the plan is applied.
    """

    row: int
    action: str
    values: tuple
    unit: Unit | None = None
    changes: list = field(default_factory=list)  # Change, each with the field's name
    studies: tuple = ()  # PlannedStudy: the education records the row creates or corrects

    def identity(self):
        return [self.row, self.values[PK], self.values[VERSION]]

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
class RosterPlan(ImportPlan):
    """The ImportPlan of a roster, with where its sheet's header was and what the reader skipped."""

    sheet: str = ""
    header_row: int = 0
    ignored_columns: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    new_units: list = field(default_factory=list)

    def fingerprint_items(self):
        return [[unit.name for unit in self.new_units]]

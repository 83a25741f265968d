"""Phases 1 and 2 of an import: read every file and build each person's unsaved plan and diff.

The files of an upload are read a batch at a time (a zip may hold a city's tens of thousands):
each batch costs a few queries (ImportContext.candidates), not a few per file.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ...importing.identity import Identities
from ...importing.outcome import CREATED, UNCHANGED, UPDATED, Change, ImportPlan, Planned
from ...importing.probes import out_of_scope_guard, out_of_scope_record
from ...importing.problems import ImportRefused
from ...models import Cadre
from ..fields import LABELS
from ..reader import Upload, parse_lrmx, problem
from .cadre_fields import FIELD_ELEMENTS, apply_fields, field_changes, snapshot
from .matching import ImportContext, match_cadre, new_cadre, read_birth, read_id
from .photo import read_photo
from .records import RECORD_ELEMENTS, RECORD_LABELS, build_records, record_texts, record_texts_of

# Elements of the form this system does not keep: reported when they carry text.
NOT_KEPT = ("GaiGeQianRenZhiNianLingJieXian",)

BIRTH_VS_ID = "出生年月{month}与公民身份号码中的出生日期{date}不一致"
SAME_PERSON_TWICE = "与“{other}”是同一名干部，同一批只能导入一次"
IGNORED_UNKNOWN = "以下元素本系统不认识，已忽略：{names}"
OPTIONAL_READ = "{label}为“{text}”（已读取；本系统按出生日期计算，不单独保存）"
NEW_CADRE = "新建干部：状态为拟录用（不计入统计），进入方式“{channel}”，请补录进入时间"
# Files read and matched together: one query for the cadres they may be about.
BATCH = 200


@dataclass
class PersonPlan(Planned):
    """What importing one file would do, with every object built but not saved."""

    filename: str
    cadre: Cadre
    created: bool
    version: int | None = None  # the version of the stored cadre the plan was made from
    changes: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # kind → list of unsaved records replacing the cadre's records of that kind; absent = untouched.
    records: dict = field(default_factory=dict)
    # The checked photo replacing the cadre's (cadres/photos.py), or None to leave it.
    photo: object = None

    @property
    def action(self):
        return CREATED if self.created else (UPDATED if self.changes else UNCHANGED)

    def identity(self):
        return [self.filename, self.cadre.pk, self.version]


def lrmx_import_plan(*, filename, content, user, unit=None, channel=None):
    """Read and check an upload (one .lrmx or a zip) and return its ImportPlan; nothing is saved.

    `user` must be allowed to import; matched cadres must be visible to them (`user=None`: the
    command line, every unit). A file that matches nobody creates a cadre in `unit` (else the unit
    named by 呈报单位) through `channel`.
    """
    plan = ImportPlan(filename=filename, sha256=hashlib.sha256(content).hexdigest())
    try:
        out_of_scope_guard(user)
        upload = Upload(filename, content)
    except ImportRefused as refused:
        plan.problems.extend(refused.problems)
        return plan
    context = ImportContext(user, unit, channel)
    seen = Identities()
    try:
        batch = []
        for name, data in upload:
            try:
                batch.append(parse_lrmx(name, data))
            except ImportRefused as refused:
                plan.problems.extend(refused.problems)
            if len(batch) == BATCH:
                plan_batch(plan, batch, context, seen)
                batch = []
        plan_batch(plan, batch, context, seen)
    except ImportRefused as refused:
        plan.problems.extend(refused.problems)
    plan.out_of_scope = context.out_of_scope
    try:
        out_of_scope_record(plan, user=user)
    except ImportRefused as refused:
        # Past the cap the rows are not named: the file is refused as a whole.
        plan.people, plan.problems = [], refused.problems
    return plan


def plan_batch(plan, files, context, seen):
    """Plan the parsed `files`, adding their people and problems to `plan`."""
    if not files:
        return
    people = context.candidates(files)
    for parsed in files:
        problems = []
        person = build_person(parsed, context, people, problems)
        if person is not None and not problems:
            cadre = person.cadre
            details = {
                "id_number": cadre.id_number,
                "name": cadre.name,
                "birth_date": cadre.birth_date,
                "month_only": cadre.birth_month_only,
            }
            earlier = [other for other in seen.find(**details) if other.cadre.pk == cadre.pk or cadre.pk is None]
            if earlier:
                message = SAME_PERSON_TWICE.format(other=earlier[0].filename)
                problems.append(problem(parsed.filename, "XingMing", message))
            else:
                seen.add(person, **details)
        if problems:
            plan.problems.extend(problems)
        elif person is not None:
            plan.people.append(person)


def build_person(parsed, context, people, problems):
    """Return the PersonPlan of one parsed file, adding its errors to `problems`."""
    name = parsed.filename

    def error(element, message):
        problems.append(problem(name, element, message))

    notes = []
    if parsed.ignored:
        notes.append(IGNORED_UNKNOWN.format(names="、".join(parsed.ignored)))
    id_info = read_id(parsed, notes, error)
    birth = read_birth(parsed, error)
    if id_info and birth and (birth.date.year, birth.date.month) != (id_info.birth_date.year, id_info.birth_date.month):
        error("ChuShengNianYue", BIRTH_VS_ID.format(month=f"{birth.date:%Y%m}", date=id_info.birth_date))
    existing = match_cadre(parsed, id_info, birth, context, people, error)
    if problems:
        return None
    created = existing is None
    cadre = existing if existing is not None else new_cadre(parsed, context, error)
    if cadre is None:
        return None
    old = snapshot(cadre)
    old_texts = record_texts(cadre) if not created else dict.fromkeys(RECORD_LABELS, "")
    version = None if created else cadre.version
    apply_fields(cadre, parsed, id_info, birth, created, error, context.names_of.get(cadre.unit_id, ()))
    records = build_records(parsed, context, notes, error)
    photo, photo_change = read_photo(parsed, cadre, created, error)
    for element in NOT_KEPT:
        text = parsed.get(element)
        if text:
            notes.append(OPTIONAL_READ.format(label=LABELS[element], text=text))
    if problems:
        return None
    try:
        # As the roster import validates (cadres/roster_import/plan.py): the check constraints are those
        # clean() checks in Python, and the unit and channel come from what was read; the database still
        # enforces all at the save. Checking them here would cost a query each, seven per file.
        cadre.full_clean(exclude=["unit", "channel"], validate_constraints=False)
    except ValidationError as invalid:
        for field_name, messages in invalid.message_dict.items():
            for message in messages:
                error(FIELD_ELEMENTS.get(field_name, "文件"), message)
        return None
    person = PersonPlan(parsed.filename, cadre, created, version, notes=notes, photo=photo)
    if created:
        notes.insert(0, NEW_CADRE.format(channel=cadre.channel.name))
    person.changes = field_changes(old, snapshot(cadre))
    new_texts = record_texts_of(records)
    for kind, objects in records.items():
        if new_texts[kind] == old_texts[kind]:
            continue  # the records the cadre has say the same: left as they are
        for obj in objects:
            try:
                obj.full_clean(exclude=["cadre"])
            except ValidationError as invalid:
                error(RECORD_ELEMENTS[kind], "；".join(invalid.messages))
        person.changes.append(Change(RECORD_LABELS[kind], old_texts[kind], new_texts[kind], kind))
        person.records[kind] = objects
    if problems:
        return None
    if photo_change is not None:
        person.changes.append(photo_change)
    return person

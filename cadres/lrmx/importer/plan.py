"""Phases 1 and 2 of an import: read every file and build each person's unsaved plan and diff."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ...models import Cadre
from ..fields import LABELS
from ..reader import FileProblem, LrmxReadError, parse_lrmx, unpack
from .cadre_fields import FIELD_ELEMENTS, Change, apply_fields, field_changes, read_month, snapshot
from .matching import ImportContext, match_cadre, new_cadre, read_id
from .photo import read_photo
from .records import RECORD_ELEMENTS, RECORD_LABELS, build_records, record_texts, record_texts_of

# Elements of the form this system does not keep: reported when they carry text.
# The element read and shown in the preview but not stored: it follows from the birth date (OPTIONAL_READ).
NOT_KEPT = "GaiGeQianRenZhiNianLingJieXian"

BIRTH_VS_ID = "出生年月{month}与公民身份号码中的出生日期{date}不一致"
SAME_PERSON_TWICE = "与“{other}”是同一名干部，同一批只能导入一次"
IGNORED_UNKNOWN = "以下元素本系统不认识，已忽略：{names}"
OPTIONAL_READ = "{label}为“{text}”（已读取；本系统按出生日期计算，不单独保存）"
NEW_CADRE = "新建干部：状态为拟录用（不计入统计），进入方式“{channel}”，请补录进入时间"
CREATED, UPDATED, UNCHANGED = "新建", "更新", "无变化"


@dataclass
class PersonPlan:
    """What importing one file would do, with every object built but not saved."""

    filename: str
    cadre: Cadre
    created: bool
    changes: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # kind → list of unsaved records replacing the cadre's records of that kind; absent = untouched.
    records: dict = field(default_factory=dict)
    # The checked photo replacing the cadre's (cadres/photos.py), or None to leave it.
    photo: object = None

    @property
    def outcome(self):
        return CREATED if self.created else (UPDATED if self.changes else UNCHANGED)


@dataclass
class ImportPlan:
    """The result of phases 1 and 2: every file's plan, or the errors that stop the whole import."""

    people: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def lrmx_import_plan(*, filename, content, user, unit=None, channel=None):
    """Read and check an upload (one .lrmx or a zip) and return its ImportPlan; nothing is saved.

    `user` must be allowed to import; matched cadres must be visible to them (`user=None`: the
    command line, every unit). A file that matches
    nobody creates a cadre in `unit` (else the unit named by 呈报单位) through `channel`.
    """
    plan = ImportPlan()
    try:
        files = unpack(filename, content)
    except LrmxReadError as error:
        plan.errors.extend(error.problems)
        return plan
    context = ImportContext(user, unit, channel)
    seen = {}
    for name, data in files:
        try:
            parsed = parse_lrmx(name, data)
        except LrmxReadError as error:
            plan.errors.extend(error.problems)
            continue
        problems = []
        person = build_person(parsed, context, problems)
        if person is not None and not problems:
            key = person.cadre.pk or person.cadre.id_number or (person.cadre.name, person.cadre.birth_date)
            if key in seen:
                problems.append(FileProblem(name, "XingMing", SAME_PERSON_TWICE.format(other=seen[key])))
            seen[key] = name
        if problems:
            plan.errors.extend(problems)
        elif person is not None:
            plan.people.append(person)
    return plan


def build_person(parsed, context, problems):
    """Return the PersonPlan of one parsed file, adding its errors to `problems`."""
    name = parsed.filename

    def error(element, message):
        problems.append(FileProblem(name, element, message))

    notes = []
    if parsed.ignored:
        notes.append(IGNORED_UNKNOWN.format(names="、".join(parsed.ignored)))
    id_info = read_id(parsed, notes, error)
    birth_month = read_month(parsed, "ChuShengNianYue", error)
    if id_info and birth_month and birth_month != id_info.birth_date.replace(day=1):
        error("ChuShengNianYue", BIRTH_VS_ID.format(month=f"{birth_month:%Y%m}", date=id_info.birth_date))
    existing = match_cadre(parsed, id_info, birth_month, context, error)
    if problems:
        return None
    created = existing is None
    cadre = existing if existing is not None else new_cadre(parsed, context, error)
    if cadre is None:
        return None
    old = snapshot(cadre)
    old_texts = record_texts(cadre) if not created else dict.fromkeys(RECORD_LABELS, "")
    apply_fields(cadre, parsed, id_info, birth_month, created, error)
    records = build_records(parsed, context, notes, error)
    photo, photo_change = read_photo(parsed, cadre, created, error)
    not_kept = parsed.get(NOT_KEPT)
    if not_kept:
        notes.append(OPTIONAL_READ.format(label=LABELS[NOT_KEPT], text=not_kept))
    if problems:
        return None
    try:
        cadre.full_clean()
    except ValidationError as invalid:
        for field_name, messages in invalid.message_dict.items():
            for message in messages:
                error(FIELD_ELEMENTS.get(field_name, "文件"), message)
        return None
    for kind, objects in records.items():
        for obj in objects:
            try:
                obj.full_clean(exclude=["cadre"])
            except ValidationError as invalid:
                error(RECORD_ELEMENTS[kind], "；".join(invalid.messages))
    if problems:
        return None
    person = PersonPlan(parsed.filename, cadre, created, notes=notes, photo=photo)
    if created:
        notes.insert(0, NEW_CADRE.format(channel=cadre.channel.name))
    person.changes = field_changes(old, snapshot(cadre))
    new_texts = record_texts_of(records)
    for kind, objects in records.items():
        if new_texts[kind] != old_texts[kind]:
            person.changes.append(Change(RECORD_LABELS[kind], old_texts[kind], new_texts[kind]))
            person.records[kind] = objects
    if photo_change is not None:
        person.changes.append(photo_change)
    return person

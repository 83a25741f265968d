"""Import .lrmx files in three phases: read and validate every file, build unsaved objects with a
field-by-field diff, then save everything and its audit entries in one transaction (STYLE.md)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from ..audit import audit
from ..choices import CadreStatus, Degree, PoliticalStatus
from ..models import (
    Appraisal,
    AuditAction,
    Cadre,
    Channel,
    EducationRecord,
    FamilyMember,
    RewardPunishment,
    StudyMode,
    Unit,
    WorkRecord,
)
from ..validators import parse_id_number
from .fields import FAMILY, LABELS, parse_yyyymm
from .jianli import jianli_from, jianli_text, parse_jianli, split_unit_post
from .reader import FileProblem, LrmxReadError, parse_lrmx, unpack
from .texts import (
    DEGREE_RANK,
    EDUCATION_RANK,
    appraisal_text,
    normalize_degree,
    normalize_education,
    parse_appraisals,
    parse_rewards,
    reward_text,
)

DEFAULT_CHANNEL = "qita"
# Cadre fields a file carries as plain text: element → (field, whether an empty element clears it).
TEXT_FIELDS = {
    "XingMing": ("name", False),
    "MinZu": ("ethnicity", False),
    "JiGuan": ("native_place", True),
    "ChuShengDi": ("birthplace", True),
    "JianKangZhuangKuang": ("health", True),
    "ZhuanYeJiShuZhiWu": ("professional_title", True),
    "ShuXiZhuanYeYouHeZhuanChang": ("specialty", True),
    "XianRenZhiWu": ("post", True),
    "NiRenZhiWu": ("proposed_post", True),
    "NiMianZhiWu": ("proposed_removal", True),
    "RenMianLiYou": ("appointment_reason", True),
}
DATE_FIELDS = {
    "RuDangShiJian": "party_joined_date",
    "CanJiaGongZuoShiJian": "first_work_date",
    "DaoLingNianYue": "retirement_month",
}
FIELD_ELEMENTS = {
    **{f: e for e, (f, _) in TEXT_FIELDS.items()},
    **{f: e for e, f in DATE_FIELDS.items()},
    "gender": "XingBie",
    "birth_date": "ChuShengNianYue",
    "id_number": "ShenFenZheng",
    "education": "QuanRiZhiJiaoYu_XueLi",
    "degree": "QuanRiZhiJiaoYu_XueWei",
}
# Elements of the form this system does not keep: reported when they carry text.
NOT_KEPT = ("ZhaoPian", "GaiGeQianRenZhiNianLingJieXian")

BAD_DATE = "“{text}”不是YYYYMM格式的年月"
BAD_GENDER = "性别应为“男”或“女”，实际为“{text}”"
BIRTH_VS_ID = "出生年月{month}与公民身份号码中的出生日期{date}不一致"
AMBIGUOUS = "按姓名和出生年月匹配到{count}名干部（{names}），无法确定是哪一位，请在文件中填写公民身份号码"
OUT_OF_SCOPE = "该干部不在您管理的单位范围内，不能导入"
NO_UNIT = "未找到匹配的干部，新建干部须指定所属单位（呈报单位“{text}”不是您可管理的单位）"
NO_EDUCATION = "新建干部须有可识别的学历（全日制或在职教育学历）"
SAME_PERSON_TWICE = "与“{other}”是同一名干部，同一批只能导入一次"
ID_MASKED = "公民身份号码已隐去（含*），未导入，也不用于匹配"
IGNORED_UNKNOWN = "以下元素本系统不认识，已忽略：{names}"
IGNORED_NOT_KEPT = "{label}本系统不保存，已忽略"
OPTIONAL_READ = "{label}为“{text}”（已读取；本系统按出生日期计算，不单独保存）"
NOT_IMPORTED = "{label}有无法识别的内容，未导入（保留原有记录）：{problems}"
JIANLI_SPLIT = "第{line}段“{text}”无法区分单位和职务"
NEW_CADRE = "新建干部：状态为拟录用（不计入统计），进入方式“{channel}”，请补录进入时间"
FAMILY_BAD = "第{number}位：{message}"
APPRAISAL_TWICE = "{year}年度出现两次"
CREATED, UPDATED, UNCHANGED = "新建", "更新", "无变化"


@dataclass
class Change:
    """One line of the diff: what the form calls the field, its old and its new text."""

    label: str
    old: str
    new: str


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


class ImportContext:
    """What every file of one import is checked against, fetched once."""

    def __init__(self, user, unit, channel):
        # No user: the server's operator at the command line, who may touch every unit.
        self.visible = Cadre.objects.all() if user is None else Cadre.objects.visible_to(user)
        self.units = {u.name: u for u in (Unit.objects.all() if user is None else Unit.objects.visible_to(user))}
        self.all_units = {u.name: u for u in Unit.objects.all()}
        self.unit = unit
        self.channel = channel or Channel.objects.get(code=DEFAULT_CHANNEL)


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
    for element in NOT_KEPT:
        text = parsed.get(element)
        if text and element == "GaiGeQianRenZhiNianLingJieXian":
            notes.append(OPTIONAL_READ.format(label=LABELS[element], text=text))
        elif text:
            notes.append(IGNORED_NOT_KEPT.format(label=LABELS[element]))
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
    person = PersonPlan(parsed.filename, cadre, created, notes=notes)
    if created:
        notes.insert(0, NEW_CADRE.format(channel=cadre.channel.name))
    person.changes = field_changes(old, snapshot(cadre))
    new_texts = record_texts_of(records)
    for kind, objects in records.items():
        if new_texts[kind] != old_texts[kind]:
            person.changes.append(Change(RECORD_LABELS[kind], old_texts[kind], new_texts[kind]))
            person.records[kind] = objects
    return person


def read_id(parsed, notes, error):
    text = parsed.get("ShenFenZheng")
    if not text:
        return None
    if "*" in text:
        notes.append(ID_MASKED)
        return None
    try:
        return parse_id_number(text)
    except ValidationError as invalid:
        error("ShenFenZheng", invalid.messages[0])
        return None


def read_month(parsed, element, error):
    text = parsed.get(element)
    if not text:
        return None
    try:
        return parse_yyyymm(text)
    except ValueError:
        error(element, BAD_DATE.format(text=text))
        return None


def match_cadre(parsed, id_info, birth_month, context, error):
    """Return the cadre the file is about: by 公民身份号码, else by 姓名 + 出生年月; None if nobody."""
    if id_info is not None:
        found = Cadre.objects.filter(id_number=id_info.number).first()
        if found is not None:
            if not context.visible.filter(pk=found.pk).exists():
                error("ShenFenZheng", OUT_OF_SCOPE)
                return None
            return found
    if birth_month is None:
        return None
    candidates = list(
        context.visible.filter(
            name=parsed.get("XingMing"),
            birth_date__year=birth_month.year,
            birth_date__month=birth_month.month,
        )
    )
    if id_info is not None:
        # Someone else with the same name and month but a different number is a different person.
        candidates = [c for c in candidates if not c.id_number or c.id_number == id_info.number]
    if len(candidates) > 1:
        names = "、".join(f"{c.name}（{c.unit.name}）" for c in candidates)
        error("XingMing", AMBIGUOUS.format(count=len(candidates), names=names))
        return None
    return candidates[0] if candidates else None


def new_cadre(parsed, context, error):
    unit = context.unit or context.units.get(parsed.get("ChengBaoDanWei"))
    if unit is None or unit.name not in context.units:
        error("ChengBaoDanWei", NO_UNIT.format(text=parsed.get("ChengBaoDanWei")))
        return None
    status = PoliticalStatus.CPC_MEMBER if parsed.get("RuDangShiJian")[:6].isdigit() else PoliticalStatus.MASSES
    return Cadre(unit=unit, channel=context.channel, status=CadreStatus.PENDING, political_status=status)


def apply_fields(cadre, parsed, id_info, birth_month, created, error):
    """Set the cadre's fields from the elements present in the file (absent elements leave them)."""
    for element, (name, clears) in TEXT_FIELDS.items():
        text = parsed.get(element)
        if parsed.has(element) and (text or clears):
            setattr(cadre, name, text)
    gender = parsed.get("XingBie")
    if gender:
        if gender in ("男", "女"):
            cadre.gender = gender
        else:
            error("XingBie", BAD_GENDER.format(text=gender))
    for element, name in DATE_FIELDS.items():
        if parsed.has(element):
            text = parsed.get(element)
            digits = text[:6]
            if not text or (element == "RuDangShiJian" and not digits.isdigit()):
                setattr(cadre, name, None)
            else:
                setattr(cadre, name, read_month(parsed, element, error))
    if id_info is not None:
        cadre.id_number = id_info.number
        cadre.birth_date, cadre.birth_month_only = id_info.birth_date, False
    elif birth_month and (cadre.birth_date is None or cadre.birth_date.replace(day=1) != birth_month):
        cadre.birth_date, cadre.birth_month_only = birth_month, True
    levels = [normalize_education(parsed.get(e)) for e in ("QuanRiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueLi")]
    levels = [level for level in levels if level]
    if levels:
        cadre.education = max(levels, key=EDUCATION_RANK.get)
    elif created:
        error("QuanRiZhiJiaoYu_XueLi", NO_EDUCATION)
    degrees = [normalize_degree(parsed.get(e)) for e in ("QuanRiZhiJiaoYu_XueWei", "ZaiZhiJiaoYu_XueWei")]
    degrees = [degree for degree in degrees if degree]
    if degrees:
        cadre.degree = max(degrees, key=DEGREE_RANK.get)
    elif created:
        cadre.degree = Degree.NONE


RECORD_LABELS = {
    "jianli": "简历",
    "family": "家庭主要成员及重要社会关系",
    "appraisals": "年度考核结果",
    "rewards": "奖惩情况",
}
RECORD_ELEMENTS = {
    "jianli": "JianLi",
    "family": FAMILY,
    "appraisals": "NianDuKaoHeJieGuo",
    "rewards": "JiangChengQingKuang",
}


def build_records(parsed, context, notes, error):
    """Return kind → unsaved records for the record lists the file carries and that can be read."""
    records = {}
    if parsed.has("JianLi"):
        built = jianli_records(parsed, context, notes)
        if built is not None:
            records["jianli"] = built
    if parsed.family is not None:
        records["family"] = family_records(parsed.family, error)
    if parsed.has("NianDuKaoHeJieGuo"):
        found, problems = parse_appraisals(parsed.get("NianDuKaoHeJieGuo"))
        years = [year for year, _ in found]
        problems += [APPRAISAL_TWICE.format(year=y) for y in sorted({y for y in years if years.count(y) > 1})]
        if problems:
            notes.append(NOT_IMPORTED.format(label="年度考核结果", problems="；".join(problems)))
        else:
            records["appraisals"] = [Appraisal(year=year, result=result) for year, result in found]
    if parsed.has("JiangChengQingKuang"):
        found, problems = parse_rewards(parsed.get("JiangChengQingKuang"))
        if problems:
            notes.append(NOT_IMPORTED.format(label="奖惩情况", problems="；".join(problems)))
        else:
            records["rewards"] = [
                RewardPunishment(kind=r.kind, date=r.date, description=r.description, authority=r.authority)
                for r in found
            ]
    return records


def jianli_records(parsed, context, notes):
    """Return the education and work records of the 简历, or None (with a note) if any line is unclear."""
    periods, problems = parse_jianli(parsed.get("JianLi"))
    records = []
    for number, period in enumerate(periods, start=1):
        if period.kind == "work":
            split = split_unit_post(period.text, context.all_units)
            if split is None:
                problems.append(JIANLI_SPLIT.format(line=number, text=period.text))
                continue
            unit, unit_name, post = split
            records.append(
                WorkRecord(
                    unit=unit,
                    unit_name=unit_name,
                    post=post,
                    rank=period.rank,
                    start_date=period.start,
                    end_date=period.end,
                )
            )
        else:
            mode = StudyMode.FULL_TIME if period.kind == "study" else StudyMode.IN_SERVICE
            prefix = "QuanRiZhiJiaoYu" if mode == StudyMode.FULL_TIME else "ZaiZhiJiaoYu"
            record = EducationRecord(
                mode=mode,
                school=period.text,
                start_date=period.start,
                end_date=period.end,
                education=normalize_education(period.education),
                degree=normalize_degree(period.degree),
            )
            # A level the line does not spell out (大学本科…) comes from the 学历 row of its school.
            if not record.education and parsed.get(f"{prefix}_XueLi_BiYeYuanXiaoXi") == period.text:
                record.education = normalize_education(parsed.get(f"{prefix}_XueLi"))
            if not record.degree and parsed.get(f"{prefix}_XueWei_BiYeYuanXiaoXi") == period.text:
                record.degree = normalize_degree(parsed.get(f"{prefix}_XueWei"))
            records.append(record)
    if problems:
        notes.append(NOT_IMPORTED.format(label="简历", problems="；".join(problems)))
        return None
    return records


def family_records(items, error):
    members = []
    for number, item in enumerate(items, start=1):
        birth = None
        if item["ChuShengRiQi"]:
            try:
                birth = parse_yyyymm(item["ChuShengRiQi"])
            except ValueError:
                message = BAD_DATE.format(text=item["ChuShengRiQi"])
                error(f"{FAMILY}/Item/ChuShengRiQi", FAMILY_BAD.format(number=number, message=message))
        members.append(
            FamilyMember(
                relation=item["ChengWei"],
                name=item["XingMing"],
                birth_date=birth,
                political_status=item["ZhengZhiMianMao"],
                work_and_post=item["GongZuoDanWeiJiZhiWu"],
                sort_order=number,
            )
        )
    return members


def family_text(members):
    """Return the family as the diff shows it: one member a line."""
    lines = []
    for m in members:
        parts = (
            m.relation,
            m.name,
            f"{m.birth_date:%Y.%m}" if m.birth_date else "",
            m.political_status,
            m.work_and_post,
        )
        lines.append(" ".join(part for part in parts if part))
    return "\n".join(lines)


def record_texts(cadre):
    """Return kind → the text a saved cadre's records show on the form, for the diff."""
    return {
        "jianli": jianli_text(cadre),
        "family": family_text(cadre.family_members.all()),
        "appraisals": appraisal_text(cadre.appraisals.all()),
        "rewards": reward_text(cadre.rewards.all()),
    }


def record_texts_of(records):
    texts = {}
    for kind, objects in records.items():
        if kind == "jianli":
            education = [r for r in objects if isinstance(r, EducationRecord)]
            texts[kind] = jianli_from(education, [r for r in objects if isinstance(r, WorkRecord)])
        elif kind == "family":
            texts[kind] = family_text(objects)
        elif kind == "appraisals":
            texts[kind] = appraisal_text(objects)
        else:
            texts[kind] = reward_text(objects)
    return texts


SNAPSHOT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "native_place",
    "birthplace",
    "party_joined_date",
    "first_work_date",
    "health",
    "professional_title",
    "specialty",
    "education",
    "degree",
    "post",
    "proposed_post",
    "proposed_removal",
    "appointment_reason",
    "retirement_month",
    "id_number",
)


def snapshot(cadre):
    return {name: getattr(cadre, name) for name in SNAPSHOT_FIELDS}


def field_changes(old, new):
    changes = []
    for name in SNAPSHOT_FIELDS:
        if old[name] != new[name]:
            label = Cadre._meta.get_field(name).verbose_name
            changes.append(Change(str(label), display(old[name]), display(new[name])))
    return changes


def display(value):
    if value is None or value == "":
        return "（空）"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def lrmx_import_apply(*, plan, user, request=None, source=""):
    """Save every person of `plan` and its records, with one audit event each, all or nothing.

    Refuse (ValueError) a plan with errors: nothing of a partly valid upload is ever written.
    """
    if plan.errors:
        raise ValueError("；".join(str(e) for e in plan.errors))
    with transaction.atomic():
        for person in plan.people:
            cadre = person.cadre
            if person.created or person.changes:
                cadre.save()
            for kind, objects in person.records.items():
                replace_records(cadre, kind, objects)
            if person.created or person.changes:
                audit(
                    action=AuditAction.LRMX_IMPORT,
                    user=user,
                    request=request,
                    summary=f"导入任免审批表：{cadre.name}（{person.outcome}）",
                    data={
                        "cadre": cadre.pk,
                        "file": person.filename,
                        "source": source,
                        "outcome": person.outcome,
                        "changed": [change.label for change in person.changes],
                    },
                )


def replace_records(cadre, kind, objects):
    """Replace the cadre's records of `kind` by `objects` (saved one by one so history records them)."""
    if kind == "jianli":
        managers = [cadre.education_records, cadre.work_records]
    else:
        managers = [{"family": cadre.family_members, "appraisals": cadre.appraisals, "rewards": cadre.rewards}[kind]]
    for manager in managers:
        for old in manager.all():
            old.delete()
    for obj in objects:
        obj.cadre = cadre
        obj.save()

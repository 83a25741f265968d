"""The record lists of a file (简历, family, 年度考核, 奖惩) as unsaved records, and their diff texts."""

from ...importing import synonyms
from ...importing.dates import parse_date
from ...importing.problems import Unreadable
from ...models import (
    Appraisal,
    EducationRecord,
    FamilyMember,
    ResumeNote,
    RewardPunishment,
    StudyMode,
    WorkRecord,
)
from ..fields import FAMILY
from ..jianli import jianli_from, jianli_text, parse_jianli, split_unit_post
from ..texts import appraisal_text, parse_appraisals, parse_rewards, reward_text

NOT_IMPORTED = "{label}有无法识别的内容，未导入（保留原有记录）：{problems}"
FAMILY_BAD = "第{number}位：{message}"
FAMILY_BIRTH = f"{FAMILY}/Item/ChuShengRiQi"
APPRAISAL_TWICE = "{year}年度出现两次"

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
    """Return the education and work records and the notes (lines kept whole) of the 简历.

    A work line whose unit and post cannot be told apart is kept whole as a ResumeNote, with the
    studies nested in it: printed again as it was written, it reads back the same.
    """
    periods, _problems = parse_jianli(parsed.get("JianLi"))
    records = []
    for period in periods:
        if period.kind == "note":
            records.append(ResumeNote(start_date=period.start, text=period.text))
        elif period.kind == "work":
            split = split_unit_post(period.text, context.all_units)
            if split is None:
                records.append(ResumeNote(start_date=period.start, text=period.line))
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
            records += [study_record(parsed, study) for study in period.nested]
        else:
            records.append(study_record(parsed, period))
    return records


# The row of the form whose 毕业院校系及专业 may name the school of a study line: (学历, 学位) elements.
ROWS = {
    "study": ("QuanRiZhiJiaoYu_XueLi", "QuanRiZhiJiaoYu_XueWei"),
    "in_service": ("ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei"),
}


def study_record(parsed, period):
    """Return the EducationRecord of a study line; a level or degree it does not spell out comes from
    the 学历/学位 row that names the same school, with the words that row writes (省委党校研究生)."""
    mode = StudyMode.FULL_TIME if period.kind == "study" else StudyMode.IN_SERVICE
    education_element, degree_element = ROWS[period.kind]
    record = EducationRecord(mode=mode, school=period.text, start_date=period.start, end_date=period.end)
    record.education = period.education
    if period.degree:
        record.degree = synonyms.degree_value(period.degree) or ""
        record.degree_written = synonyms.written_form(period.degree, record.degree) if record.degree else ""
    if not record.education and parsed.get(f"{education_element}_BiYeYuanXiaoXi") == period.text:
        written = parsed.get(education_element)
        form = synonyms.education_form(written, record.degree)
        if form is not None:
            record.education, record.education_written = form.level, synonyms.written_form(written, form.level)
            if form.mode is not None and mode == StudyMode.IN_SERVICE:
                record.mode = form.mode
    if not record.degree and parsed.get(f"{degree_element}_BiYeYuanXiaoXi") == period.text:
        written = parsed.get(degree_element)
        record.degree = synonyms.degree_value(written) or ""
        record.degree_written = synonyms.written_form(written, record.degree) if record.degree else ""
    if mode == StudyMode.IN_SERVICE and "党校" in record.school and not record.education_written:
        record.mode = StudyMode.PARTY_SCHOOL
    return record


def family_records(items, error):
    """Return the unsaved FamilyMembers of the <Item>s, in the file's order; bad dates are reported."""
    members = []
    for number, item in enumerate(items, start=1):
        birth = None
        if item["ChuShengRiQi"]:
            try:
                birth = parse_date(item["ChuShengRiQi"]).date
            except Unreadable as unreadable:
                error(FAMILY_BIRTH, FAMILY_BAD.format(number=number, message=str(unreadable)))
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
    """Return kind → the text a saved cadre's records show on the form, for the diff (prefetch them)."""
    return {
        "jianli": jianli_text(cadre),
        "family": family_text(cadre.family_members.all()),
        "appraisals": appraisal_text(cadre.appraisals.all()),
        "rewards": reward_text(cadre.rewards.all()),
    }


def record_texts_of(records):
    """Return kind → the text unsaved `records` (build_records) would show on the form."""
    texts = {}
    for kind, objects in records.items():
        if kind == "jianli":
            education = [r for r in objects if isinstance(r, EducationRecord)]
            work = [r for r in objects if isinstance(r, WorkRecord)]
            texts[kind] = jianli_from(education, work, [r for r in objects if isinstance(r, ResumeNote)])
        elif kind == "family":
            texts[kind] = family_text(objects)
        elif kind == "appraisals":
            texts[kind] = appraisal_text(objects)
        else:
            texts[kind] = reward_text(objects)
    return texts

"""The record lists of a file (简历, family, 年度考核, 奖惩) as unsaved records, and their diff texts."""

from ...models import Appraisal, EducationRecord, FamilyMember, RewardPunishment, StudyMode, WorkRecord
from ..fields import FAMILY, parse_yyyymm
from ..jianli import jianli_from, jianli_text, parse_jianli, split_unit_post
from ..texts import (
    appraisal_text,
    normalize_degree,
    normalize_education,
    parse_appraisals,
    parse_rewards,
    reward_text,
)
from .cadre_fields import BAD_DATE

NOT_IMPORTED = "{label}有无法识别的内容，未导入（保留原有记录）：{problems}"
JIANLI_SPLIT = "第{line}段“{text}”无法区分单位和职务"
FAMILY_BAD = "第{number}位：{message}"
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
    """Return the unsaved FamilyMembers of the <Item>s, in the file's order; bad dates are reported."""
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
    """Return kind → the text unsaved `records` (build_records) would show on the form."""
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

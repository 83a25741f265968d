"""The free-text fields of the form: 现任职务, and those the records feed (奖惩情况, 年度考核结果, education)."""

import datetime
import re
from dataclasses import dataclass
from itertools import groupby

from ..choices import Degree, Education
from ..models import AppraisalResult, RewardKind, StudyMode
from .fields import NONE_TEXT

REWARD_LINE = re.compile(r"^(\d{4})[.．](\d{1,2})\s+(.+?)(?:（([^（）]+)）)?$")
PUNISHMENT_WORDS = ("处分", "警告", "记过", "降级", "撤职", "开除", "诫勉", "通报批评")
APPRAISAL_SEGMENT = re.compile(r"^((?:\d{4}年[、，,]?)+)(?:年度考核|度考核)(?:结果)?为?(.+)$")
APPRAISAL_SPLIT = re.compile(r"[；;。]")
REWARD_UNREADABLE = "第{line}行无法识别（应为“YYYY.MM  内容”）：{text}"
APPRAISAL_UNREADABLE = "无法识别“{text}”（应为如“2019年、2020年年度考核称职”）"
APPRAISAL_RESULT_UNKNOWN = "考核结果“{result}”不是规定的等次"
# The editor's short forms, mapped onto the vocabulary of the records.
EDUCATION_ALIASES = {"研究生": Education.MASTER, "大学": Education.BACHELOR, "大专": Education.JUNIOR_COLLEGE}
EDUCATION_RANK = {value: rank for rank, value in enumerate(reversed(Education.values))}


def current_post(cadre):
    """Return 现任职务 as the form names it, the unit then the post (`区委组织部干部科科长`).

    The .lrmx file and the printed form both carry this text, as the national editor's files do.
    """
    if not cadre.post or cadre.post.startswith(cadre.unit.name):
        return cadre.post
    return cadre.unit.name + cadre.post


def post_of(current, unit_name):
    """Return the post a 现任职务 text names in the unit `unit_name`: the text less that unit's name.

    A text that does not start with the unit's name (or is nothing but the name) is kept whole.
    """
    rest = current.removeprefix(unit_name) if unit_name else current
    return rest or current


@dataclass(frozen=True)
class RewardLine:
    kind: str
    date: datetime.date
    description: str
    authority: str


def reward_text(rewards):
    """Return 奖惩情况: one line per record, `YYYY.MM  内容（批准机关）`, or 无."""
    lines = [f"{r.date:%Y.%m}  {r.description}" + (f"（{r.authority}）" if r.authority else "") for r in rewards]
    return "\n".join(lines) or NONE_TEXT


def parse_rewards(text):
    """Return the reward lines of a 奖惩情况 text and the lines that could not be read."""
    rewards, problems = [], []
    if text.strip() in ("", NONE_TEXT):
        return rewards, problems
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = REWARD_LINE.match(line)
        if not match or not 1 <= int(match[2]) <= 12:
            problems.append(REWARD_UNREADABLE.format(line=number, text=line))
            continue
        description = match[3]
        kind = RewardKind.PUNISHMENT if any(w in description for w in PUNISHMENT_WORDS) else RewardKind.REWARD
        rewards.append(RewardLine(kind, datetime.date(int(match[1]), int(match[2]), 1), description, match[4] or ""))
    return rewards, problems


def appraisal_text(appraisals):
    """Return 年度考核结果 as the form words it: `2019年、2020年年度考核称职；2021年年度考核优秀`."""
    ordered = sorted(appraisals, key=lambda a: a.year)
    parts = []
    for result, group in groupby(ordered, key=lambda a: a.result):
        years = "、".join(f"{a.year}年" for a in group)
        parts.append(f"{years}年度考核{result}")
    return "；".join(parts)


def parse_appraisals(text):
    """Return [(year, result)] from a 年度考核结果 text and the parts that could not be read."""
    found, problems = [], []
    for segment in (s.strip() for s in APPRAISAL_SPLIT.split(text)):
        if not segment or segment == NONE_TEXT:
            continue
        match = APPRAISAL_SEGMENT.match(segment)
        if not match:
            problems.append(APPRAISAL_UNREADABLE.format(text=segment))
            continue
        result = match[2].strip()
        if result not in AppraisalResult.values:
            problems.append(APPRAISAL_RESULT_UNKNOWN.format(result=result))
            continue
        found.extend((int(year), result) for year in re.findall(r"(\d{4})年", match[1]))
    return found, problems


def normalize_education(text):
    """Return the 学历 value the records use for `text`, or "" when it names none."""
    text = text.strip()
    if text in Education.values:
        return text
    return EDUCATION_ALIASES.get(text, "")


def normalize_degree(text):
    """Return 学士/硕士/博士 for a degree such as 法学学士, or "" when it names none."""
    text = text.strip()
    for value in (Degree.DOCTOR, Degree.MASTER, Degree.BACHELOR):
        if text.endswith(value):
            return value
    return ""


def highest(records, attribute, rank):
    """Return the record with the highest `attribute` by `rank` (latest on a tie, undated earliest), or None."""
    ranked = [r for r in records if getattr(r, attribute) in rank]
    return max(ranked, key=lambda r: (rank[getattr(r, attribute)], r.start_date or datetime.date.min), default=None)


DEGREE_RANK = {Degree.BACHELOR: 1, Degree.MASTER: 2, Degree.DOCTOR: 3}


def education_summary(records, mode):
    """Return the four 学历/学位 fields of one row of the form for study `mode` (全日制 or 在职)."""
    of_mode = [r for r in records if r.mode == mode]
    by_education = highest(of_mode, "education", EDUCATION_RANK)
    by_degree = highest(of_mode, "degree", DEGREE_RANK)
    return {
        "education": by_education.education if by_education else "",
        "degree": by_degree.degree if by_degree else "",
        "education_school": _school(by_education),
        "degree_school": _school(by_degree),
    }


def _school(record):
    if record is None:
        return ""
    return record.school + (f"{record.major}专业" if record.major else "")


MODES = (StudyMode.FULL_TIME, StudyMode.IN_SERVICE)

"""The free-text fields of the form: 现任职务, and those the records feed (奖惩情况, 年度考核结果, education).

Readers accept the forms other writers use (2019年05月，经…批准，授予…; 2019年度考核称职，2020年度考核
优秀); the writers print one form, which the readers read back unchanged.
"""

import datetime
import re
from dataclasses import dataclass
from itertools import groupby

from ..choices import Degree, Education, StudyMode
from ..importing.dates import parse_date
from ..importing.problems import Unreadable
from ..models import AppraisalResult, RewardKind
from .fields import NONE_TEXT

# A reward line: its date (2019.12, 2019年5月, 201905 …), a separator, the text, and an authority in brackets.
REWARD_LINE = re.compile(
    r"^(\d{4}(?:[.．/\-]\d{1,2}|年\d{1,2}月|\d{2}))(?:[.．/\-]\d{1,2}|\d{1,2}日)?[\s，,、：:]*(.+?)(?:[（(]([^（）()]+)[）)])?$"
)
APPROVED_BY = re.compile(r"^经(.+?)(?:批准|决定|研究)[，,、\s]*(.+)$")
PUNISHMENT_WORDS = ("处分", "警告", "记过", "降级", "撤职", "开除", "诫勉", "通报批评")
RESULTS = "|".join(sorted(AppraisalResult.values, key=len, reverse=True))
# One year's or several years' result: 2019年、2020年年度考核称职; 2019年度：优秀; 2019—2021年度考核均为称职.
APPRAISAL_SEGMENT = re.compile(
    r"^((?:\d{4}\s*(?:[-—–~～至]\s*\d{4})?\s*年?\s*[、，,和及]?\s*)+)"
    rf"(?:年度|度)?(?:考核)?(?:结果|等次)?(?:均|都)?(?:为|是|[：:])?\s*({RESULTS})$"
)
APPRAISAL_SPLIT = re.compile(r"[；;。\n]|[，,](?=\s*\d{4})")
REWARD_UNREADABLE = "第{line}行无法识别（应为“YYYY.MM  内容”）：{text}"
APPRAISAL_UNREADABLE = "无法识别“{text}”（应为如“2019年、2020年年度考核称职”）"
APPRAISAL_RESULT_UNKNOWN = "考核结果“{result}”不是规定的等次"


def current_post(cadre):
    """Return 现任职务 as the form names it, the unit then the post (`区委组织部干部科科长`).

    The .lrmx file and the printed form both carry this text, as the national editor's files do.
    """
    if not cadre.post or cadre.post.startswith(cadre.unit.name):
        return cadre.post
    return cadre.unit.name + cadre.post


def post_of(current, unit_names):
    """Return the post a 现任职务 text names in a unit known by `unit_names` (its name and aliases).

    The longest of the names the text starts with is taken off; a text that starts with none (or
    is nothing but a name) is kept whole.
    """
    for name in sorted(unit_names, key=len, reverse=True):
        if name and current.startswith(name) and len(current) > len(name):
            return current[len(name) :]
    return current


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
    """Return the reward lines of a 奖惩情况 text and the lines that could not be read.

    Besides our own `2019.12  被评为优秀公务员（区委）`, the forms of other writers:
    `2019年05月，经区委批准，授予…` (the authority from 经…批准), `201905 荣立三等功`.
    """
    rewards, problems = [], []
    if text.strip() in ("", NONE_TEXT):
        return rewards, problems
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = REWARD_LINE.match(line)
        try:
            date = parse_date(match[1]).date if match else None
        except Unreadable:
            date = None
        if date is None:
            problems.append(REWARD_UNREADABLE.format(line=number, text=line))
            continue
        description, authority = match[2].strip(), match[3] or ""
        approved = APPROVED_BY.match(description)
        if approved and not authority:
            authority, description = approved[1], approved[2]
        kind = RewardKind.PUNISHMENT if any(w in description for w in PUNISHMENT_WORDS) else RewardKind.REWARD
        rewards.append(RewardLine(kind, date.replace(day=1), description, authority))
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
    """Return [(year, result)] from a 年度考核结果 text and the parts that could not be read.

    Reads our `2019年、2020年年度考核称职；2021年年度考核优秀` and the other common forms:
    `2019年度考核称职，2020年度考核优秀`, `2019年度：优秀`, `2019—2021年度考核均为称职`.
    """
    found, problems = [], []
    for segment in (s.strip() for s in APPRAISAL_SPLIT.split(text)):
        if not segment or segment == NONE_TEXT:
            continue
        match = APPRAISAL_SEGMENT.match(segment)
        if not match:
            problems.append(APPRAISAL_UNREADABLE.format(text=segment))
            continue
        years = []
        for first, last in re.findall(r"(\d{4})(?:\s*[-—–~～至]\s*(\d{4}))?", match[1]):
            years.extend(range(int(first), int(last or first) + 1))
        found.extend((year, match[2]) for year in years)
    return found, problems


def highest(records, attribute, rank):
    """Return the record with the highest `attribute` by `rank` (latest on a tie, undated earliest), or None."""
    ranked = [r for r in records if rank(getattr(r, attribute)) >= 0 and getattr(r, attribute)]
    return max(ranked, key=lambda r: (rank(getattr(r, attribute)), r.start_date or datetime.date.min), default=None)


def education_summary(records, modes):
    """Return the four 学历/学位 fields of one row of the form, from the records of `modes`.

    The 在职教育 row holds 党校 education too (StudyMode.in_service_row). A 学历 or 学位 is printed
    as it was written (省委党校研究生, 法学硕士), else as its level.
    """
    of_row = [r for r in records if r.mode in modes]
    by_education = highest(of_row, "education", Education.rank)
    by_degree = highest([r for r in of_row if r.degree != Degree.NONE], "degree", Degree.rank)
    return {
        "education": by_education.education_text if by_education else "",
        "degree": by_degree.degree_text if by_degree else "",
        "education_school": _school(by_education),
        "degree_school": _school(by_degree),
    }


def _school(record):
    if record is None:
        return ""
    return record.school + (f"{record.major}专业" if record.major else "")


ROWS = ((StudyMode.FULL_TIME,), StudyMode.in_service_row())

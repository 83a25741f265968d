"""The 简历 (JianLi) of a .lrmx file: written by the one 简历 generator, read back into records.

Writing is `cadres.resume` (the profile, the roster export and the printed form use it too), so
every page and file prints the same 简历. Reading accepts that form — `YYYY.MM--YYYY.MM␣␣经历`,
an ongoing line as `YYYY.MM--` and spaces, in-service study nested at the end of a work line as
`（其间：…；…）`, a rank as `（职级）`, a degree as `，获…学位` — and what other writers produce:
the separators `—`, `–`, `~`, `至`, and `（其间：…）` on a line of its own (LRMX.md).
"""

import datetime
import re
from dataclasses import dataclass

from ..resume import DEGREE_OBTAINED, NESTED_JOIN, POSTGRADUATE, resume_text

FULL_TIME_STUDY = "学习"
IN_SERVICE_STUDY = "在职学习"
NESTED_OPEN = "（其间："

LINE = re.compile(r"^\s*(\d{4})[.．](\d{1,2})\s*(?:--|——|—|–|~|～|至|-)\s*(?:(\d{4})[.．](\d{1,2}))?\s*(.*?)\s*$")
NESTED_ITEM = re.compile(
    r"^(\d{4})[.．](\d{1,2})(?:\s*(?:--|——|—|–|~|～|至|-)\s*(?:(\d{4})[.．](\d{1,2}))?|起)在?(.+)$"
)
DEGREE = re.compile("^(.*)" + re.escape(DEGREE_OBTAINED).replace(r"\{degree\}", "(.+?)") + "$")
RANK = re.compile(r"^(.+?)（([^（）]+)）$")
LEVELS = {text: level for level, text in POSTGRADUATE.items()}
LINE_UNREADABLE = "第{line}行无法识别：{text}"

# Where a district-external "单位职务" text is split when no district unit name prefixes it.
# Any split gives back the same text when written again; the order only makes the split readable.
LONG_UNIT_SUFFIXES = ("办事处", "委员会", "人民政府", "政府", "街道", "社区", "公司", "中心", "学校", "大学", "医院")
SHORT_UNIT_SUFFIXES = ("部", "局", "委", "办", "镇", "乡", "村", "院", "所", "站", "队", "厅", "馆")


@dataclass(frozen=True)
class JianLiLine:
    """One period of the 简历: `kind` is "work", "study" (全日制) or "in_service".

    `text` is the unit and post of a work line, or the school and major of a study; `rank`,
    `education` (a postgraduate level) and `degree` are what the line says besides, else "".
    """

    kind: str
    start: datetime.date
    end: datetime.date | None
    text: str
    rank: str = ""
    education: str = ""
    degree: str = ""


def jianli_text(cadre):
    """Return the 简历 of `cadre` from its education and work records (prefetch them for lists)."""
    return resume_text(cadre)


def jianli_from(education, work):
    """Return the 简历 text of education and work records (saved or not)."""
    return resume_text(education=list(education), work=list(work))


def study_line(kind, start, end, body):
    """Return the JianLiLine of a study text ending in 学习 / 在职学习, its level and degree split off."""
    degree = ""
    obtained = DEGREE.match(body)
    if obtained:
        body, degree = obtained[1], obtained[2]
    body = body[: -len(IN_SERVICE_STUDY if kind == "in_service" else FULL_TIME_STUDY)]
    education = ""
    for text, level in LEVELS.items():
        if body.endswith(text):
            body, education = body[: -len(text)], level
    return JianLiLine(kind, start, end, body, education=education, degree=degree)


def study_kind(body):
    """Return "in_service", "study" or None for the text of a line, its degree left aside."""
    obtained = DEGREE.match(body)
    core = obtained[1] if obtained else body
    if core.endswith(IN_SERVICE_STUDY):
        return "in_service"
    if core.endswith(FULL_TIME_STUDY):
        return "study"
    return None


def nested_studies(text):
    """Return the in-service studies of a `（其间：…）` text, or None when one cannot be read."""
    studies = []
    for item in text.split(NESTED_JOIN):
        match = NESTED_ITEM.match(item.strip())
        if not match or study_kind(match[5]) != "in_service":
            return None
        studies.append(study_line("in_service", _month(match[1], match[2]), _month(match[3], match[4]), match[5]))
    return studies


def parse_jianli(text):
    """Return the periods of a 简历 text and the lines that could not be read.

    Accepts the separators other writers use (`—`, `–`, `~`, `至`); a line that is neither a
    period nor a `（其间：…）` note is returned among the problems, with its line number.
    """
    periods, problems = [], []
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(NESTED_OPEN) and line.endswith("）"):
            studies = nested_studies(line[len(NESTED_OPEN) : -1])
            if studies is None:
                problems.append(LINE_UNREADABLE.format(line=number, text=line))
            else:
                periods += studies
            continue
        match = LINE.match(line)
        try:
            start, end = _month(match[1], match[2]), _month(match[3], match[4])
        except (TypeError, ValueError):
            problems.append(LINE_UNREADABLE.format(line=number, text=line))
            continue
        body, studies = match[5], []
        at = body.find(NESTED_OPEN)
        if at > 0 and body.endswith("）"):
            studies = nested_studies(body[at + len(NESTED_OPEN) : -1])
            if studies is None:
                problems.append(LINE_UNREADABLE.format(line=number, text=line))
                continue
            body = body[:at]
        kind = study_kind(body)
        if not body:
            problems.append(LINE_UNREADABLE.format(line=number, text=line))
            continue
        if kind is not None and not studies:
            periods.append(study_line(kind, start, end, body))
        else:
            ranked = RANK.match(body)
            rank = ""
            if ranked:
                body, rank = ranked[1], ranked[2]
            periods.append(JianLiLine("work", start, end, body, rank=rank))
        periods += studies
    return periods, problems


def _month(year, month):
    if year is None:
        return None
    return datetime.date(int(year), int(month), 1)


def split_unit_post(text, units_by_name):
    """Return (unit, unit_name, post) for a "单位职务" text of the 简历.

    A district unit whose name starts the text (the longest such) becomes the unit; otherwise the
    text is split after a word that ends unit names. Return None when no split leaves a post.
    """
    for name in sorted(units_by_name, key=len, reverse=True):
        if text.startswith(name) and len(text) > len(name):
            return units_by_name[name], "", text[len(name) :]
    for suffix in LONG_UNIT_SUFFIXES:
        at = text.rfind(suffix)
        if at > 0 and at + len(suffix) < len(text):
            return None, text[: at + len(suffix)], text[at + len(suffix) :]
    for suffix in SHORT_UNIT_SUFFIXES:
        at = text.find(suffix)
        if at > 0 and at + 1 < len(text):
            return None, text[: at + 1], text[at + 1 :]
    return None

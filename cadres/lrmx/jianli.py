"""The 简历 (JianLi) of a .lrmx file: written by the one 简历 generator, read back into records.

Writing is `cadres.resume` (the profile, the roster export and the printed form use it too), so
every page and file prints the same 简历. Reading accepts that form — `YYYY.MM--YYYY.MM␣␣经历`,
an ongoing line as `YYYY.MM--` and spaces, in-service study nested at the end of a work line as
`（其间：…；…）`, a rank as `（职级）`, a degree as `，获…学位` — and what other writers produce
(LRMX.md): six-digit periods (201207--201606), dashed and 年月 forms, the separators `—`, `–`, `~`,
`至` (and 至今), half-width brackets and colons and 期间 for 其间, `（其间：…）` on a line of its own,
and a line without a period continuing the one above. A line that still cannot be read is kept
whole, as it was written (a "note": ResumeNote), never dropped.
"""

import datetime
import re
from dataclasses import dataclass

from ..importing.dates import parse_date
from ..importing.problems import Unreadable
from ..resume import DEGREE_OBTAINED, NESTED_JOIN, POSTGRADUATE, resume_text

FULL_TIME_STUDY = "学习"
IN_SERVICE_STUDY = "在职学习"
NESTED_OPEN = "（其间："

_MONTH = r"\d{4}[.．/\-]\d{1,2}|\d{4}年\d{1,2}月|\d{6}"
_SEPARATOR = r"--|——|—|–|－－|－|~|～|至|-"
LINE = re.compile(rf"^\s*({_MONTH})\s*(?:{_SEPARATOR})\s*(?:({_MONTH})|至今|今)?\s*(.*?)\s*$")
NESTED_ITEM = re.compile(rf"^({_MONTH})(?:\s*(?:{_SEPARATOR})\s*(?:({_MONTH})|至今|今)?|起)在?(.+)$")
# 其间 written with half-width brackets or colon, or as 期间: read as the form's own `（其间：`.
_NESTED_START = re.compile(r"[（(]\s*[其期]间\s*[：:]\s*")
_STARTS_A_LINE = re.compile(rf"^\s*(?:{_MONTH})|^\s*[（(]\s*[其期]间")
DEGREE = re.compile("^(.*)" + re.escape(DEGREE_OBTAINED).replace(r"\{degree\}", "(.+?)") + "$")
RANK = re.compile(r"^(.+?)（([^（）]+)）$")
LEVELS = {text: level for level, text in POSTGRADUATE.items()}

# Where a district-external "单位职务" text is split when no district unit name prefixes it.
# Any split gives back the same text when written again; the order only makes the split readable.
LONG_UNIT_SUFFIXES = ("办事处", "委员会", "人民政府", "政府", "街道", "社区", "公司", "中心", "学校", "大学", "医院")
SHORT_UNIT_SUFFIXES = ("部", "局", "委", "办", "镇", "乡", "村", "院", "所", "站", "队", "厅", "馆")


@dataclass(frozen=True)
class JianLiLine:
    """One period of the 简历: `kind` is "work", "study" (全日制), "in_service" or "note".

    `text` is the unit and post of a work line, or the school and major of a study; `rank`,
    `education` (a postgraduate level) and `degree` are what the line says besides, else "". A
    note is a line kept whole as it was written (`text`), placed after the period `start`.
    """

    kind: str
    start: datetime.date | None
    end: datetime.date | None
    text: str
    rank: str = ""
    education: str = ""
    degree: str = ""
    nested: tuple = ()  # a work line's in-service studies, from its （其间：…）
    line: str = ""  # a work line as it was written, kept whole if its unit and post cannot be told apart


def jianli_text(cadre):
    """Return the 简历 of `cadre` from its education and work records and notes (prefetch them for lists)."""
    return resume_text(cadre)


def jianli_from(education, work, notes=()):
    """Return the 简历 text of education and work records and notes (saved or not)."""
    return resume_text(education=list(education), work=list(work), notes=list(notes))


def school_and_major(record):
    """Return 毕业院校系及专业 as the form writes it: `武汉大学法学院法学专业`."""
    return record.school + (f"{record.major}专业" if record.major else "")


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
        if not match or study_kind(match[3]) != "in_service":
            return None
        try:
            start, end = _month(match[1]), _month(match[2])
        except Unreadable:
            return None
        studies.append(study_line("in_service", start, end, match[3]))
    return studies


def _normalized(line):
    """Return a line with 其间 written the form's way: `（其间：…）`."""
    line = _NESTED_START.sub(NESTED_OPEN, line)
    if NESTED_OPEN in line and line.endswith(")"):
        line = line[:-1] + "）"
    return line


def logical_lines(text):
    """Yield the 简历's lines, a line without a period joined to the one above (a wrapped line)."""
    current = None
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _STARTS_A_LINE.match(line) or current is None:
            if current is not None:
                yield current
            current = line
        else:
            current += line
    if current is not None:
        yield current


def parse_jianli(text):
    """Return the periods of a 简历 text, every line kept: one it cannot read is a "note" line.

    The second value, the lines that could not be read, is always empty now that such lines are
    kept; it stays for the callers that report it.
    """
    periods, previous = [], None
    for line in logical_lines(text):
        found = _period_lines(_normalized(line), line)
        if found is None:
            periods.append(JianLiLine("note", previous, None, line))
            continue
        periods += found
        previous = found[0].start
    return periods, []


def _period_lines(line, written):
    """Return the JianLiLines of one line (a work line carries its nested studies), or None if it cannot be read."""
    if line.startswith(NESTED_OPEN) and line.endswith("）"):
        return nested_studies(line[len(NESTED_OPEN) : -1])
    match = LINE.match(line)
    if not match:
        return None
    try:
        start, end = _month(match[1]), _month(match[2])
    except Unreadable:
        return None
    body, studies = match[3], []
    at = body.find(NESTED_OPEN)
    if at > 0 and body.endswith("）"):
        studies = nested_studies(body[at + len(NESTED_OPEN) : -1])
        if studies is None:
            return None
        body = body[:at]
    if not body:
        return None
    kind = study_kind(body)
    if kind is not None and not studies:
        return [study_line(kind, start, end, body)]
    ranked = RANK.match(body)
    rank = ""
    if ranked:
        body, rank = ranked[1], ranked[2]
    return [JianLiLine("work", start, end, body, rank=rank, nested=tuple(studies), line=written)]


def _month(text):
    """Return the first day of the month a period token names (2012.07, 201207, 2012年7月), None for none."""
    if text is None:
        return None
    return parse_date(text).date.replace(day=1)


def split_unit_post(text, units_by_name):
    """Return (unit, unit_name, post) for a "单位职务" text of the 简历.

    A district unit whose name or alias starts the text (the longest such) becomes the unit;
    otherwise the text is split after a word that ends unit names. Return None when no split
    leaves a post.
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

"""The 简历 (JianLi) text: written from the education and work records, read back into them.

The official line form is `YYYY.MM--YYYY.MM␣␣经历`; an ongoing line is `YYYY.MM--` followed by
spaces; in-service study is nested under the post held at the time as `（其间：…）` (LRMX.md).
`jianli_text` is the one entry point, so it can later delegate to a shared 简历 generator.
"""

import datetime
import re
from dataclasses import dataclass

from ..models import StudyMode

SEPARATOR = "--"
GAP = "  "
OPEN_END = " " * len("YYYY.MM")
NESTED_INDENT = " " * len("YYYY.MM--YYYY.MM  ")
FULL_TIME_STUDY = "学习"
IN_SERVICE_STUDY = "在职学习"

LINE = re.compile(r"^\s*(\d{4})[.．](\d{1,2})\s*(?:--|——|—|–|~|～|至|-)\s*(?:(\d{4})[.．](\d{1,2}))?\s*(.*?)\s*$")
NESTED = re.compile(r"^（其间：(\d{4})\.(\d{1,2})--(?:(\d{4})\.(\d{1,2}))?在?(.+)在职学习）$")
LINE_UNREADABLE = "第{line}行无法识别：{text}"

# Where a district-external "单位职务" text is split when no district unit name prefixes it.
# Any split gives back the same text when written again; the order only makes the split readable.
LONG_UNIT_SUFFIXES = ("办事处", "委员会", "人民政府", "政府", "街道", "社区", "公司", "中心", "学校", "大学", "医院")
SHORT_UNIT_SUFFIXES = ("部", "局", "委", "办", "镇", "乡", "村", "院", "所", "站", "队", "厅", "馆")


@dataclass(frozen=True)
class JianLiLine:
    """One period of the 简历: `kind` is "work", "study" (全日制) or "in_service"."""

    kind: str
    start: datetime.date
    end: datetime.date | None
    text: str


def span(start, end):
    """Return `YYYY.MM--YYYY.MM`, or `YYYY.MM--` and spaces for an ongoing period."""
    return f"{start:%Y.%m}{SEPARATOR}{f'{end:%Y.%m}' if end else OPEN_END}"


def school_and_major(record):
    """Return 毕业院校系及专业 as the form writes it: `武汉大学法学院法学专业`."""
    return record.school + (f"{record.major}专业" if record.major else "")


def work_text(record):
    """Return the 简历 text of a post: unit then post, as the official form runs them together."""
    unit = record.unit.name if record.unit is not None else record.unit_name
    return f"{unit}{record.post}"


def jianli_text(cadre):
    """Return the 简历 of `cadre` from its education and work records (prefetch them for lists)."""
    return jianli_from(cadre.education_records.all(), cadre.work_records.all())


def jianli_from(education, work):
    """Return the 简历 text of education and work records (saved or not)."""
    education = list(education)
    work = sorted(work, key=lambda r: r.start_date)
    entries = [(r.start_date, 0, r) for r in education if r.mode == StudyMode.FULL_TIME]
    entries += [(r.start_date, 1, r) for r in work]
    nested = {}
    for record in (r for r in education if r.mode == StudyMode.IN_SERVICE):
        holder = next(
            (
                index
                for index in reversed(range(len(work)))
                if work[index].start_date <= record.start_date
                and (work[index].end_date is None or record.start_date <= work[index].end_date)
            ),
            None,
        )
        if holder is None:
            entries.append((record.start_date, 2, record))
        else:
            nested.setdefault(id(work[holder]), []).append(record)
    lines = []
    for _start, order, record in sorted(entries, key=lambda e: (e[0], e[1])):
        if order == 0:
            text = school_and_major(record) + FULL_TIME_STUDY
        elif order == 2:
            text = school_and_major(record) + IN_SERVICE_STUDY
        else:
            text = work_text(record)
        lines.append(f"{span(record.start_date, record.end_date)}{GAP}{text}")
        for study in sorted(nested.get(id(record), []), key=lambda r: r.start_date):
            dates = span(study.start_date, study.end_date).rstrip()
            lines.append(f"{NESTED_INDENT}（其间：{dates}在{school_and_major(study)}{IN_SERVICE_STUDY}）")
    return "\n".join(lines)


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
        nested = NESTED.match(line)
        if nested:
            periods.append(
                JianLiLine("in_service", _month(nested[1], nested[2]), _month(nested[3], nested[4]), nested[5])
            )
            continue
        match = LINE.match(line)
        try:
            start, end = _month(match[1], match[2]), _month(match[3], match[4])
        except (TypeError, ValueError):
            problems.append(LINE_UNREADABLE.format(line=number, text=line))
            continue
        body = match[5]
        if not body:
            problems.append(LINE_UNREADABLE.format(line=number, text=line))
        elif body.endswith(IN_SERVICE_STUDY):
            periods.append(JianLiLine("in_service", start, end, body[: -len(IN_SERVICE_STUDY)]))
        elif body.endswith(FULL_TIME_STUDY):
            periods.append(JianLiLine("study", start, end, body[: -len(FULL_TIME_STUDY)]))
        else:
            periods.append(JianLiLine("work", start, end, body))
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

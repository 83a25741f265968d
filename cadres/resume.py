"""The 简历 of the 干部任免审批表, generated from the education and work records (LRMX.md).

Each line reads `YYYY.MM--YYYY.MM␣␣经历`; a line still running reads `YYYY.MM--` padded with
spaces so that its text starts in the same column as the others. In-service study (在职教育)
is not a line of its own but is nested into the work line it started in, as
`（其间：YYYY.MM--YYYY.MM在XX大学XX专业在职学习，获XX学位）`, the way 任免审批表 are filled in.

The functions here are pure: they read the records they are given and run no query of their
own, so the profile, the .lrmx exporter and the roster export all print the same text. Give a
cadre fetched with `Cadre.objects.with_records()` (or records whose `unit` is already loaded).
"""

import datetime
from dataclasses import dataclass, field

from .choices import Degree, Education
from .models import StudyMode

SEPARATOR = "--"
GAP = "  "  # two spaces between the period and the text (LRMX.md)
PERIOD_WIDTH = len("2000.01--2000.01")
STUDY_LINE = "{school}{major}{level}学习"
IN_SERVICE_LINE = "{school}{major}{level}在职学习"
IN_SERVICE_STUDY = "在" + IN_SERVICE_LINE
DEGREE_OBTAINED = "，获{degree}学位"
NESTED = "（其间：{items}）"
NESTED_JOIN = "；"
ONGOING_NESTED = "{start}起"
RANK = "（{rank}）"
POSTGRADUATE = {Education.MASTER: "硕士研究生", Education.DOCTORAL: "博士研究生"}


def month(day):
    """Return `day` as the form writes a month: 2012.07."""
    return f"{day.year:04d}.{day.month:02d}"


def period(start, end):
    """Return the period column of a line, an ongoing one padded to the width of a closed one."""
    if end is None:
        return (month(start) + SEPARATOR).ljust(PERIOD_WIDTH)
    return f"{month(start)}{SEPARATOR}{month(end)}"


def study_text(record, template):
    """Return what a study record reads as: school, major, level and the degree obtained."""
    major = record.major
    if major and not major.endswith("专业"):
        major += "专业"
    text = template.format(school=record.school, major=major, level=POSTGRADUATE.get(record.education, ""))
    if record.degree and record.degree != Degree.NONE:
        text += DEGREE_OBTAINED.format(degree=record.degree_written or record.degree)
    return text


def work_text(record):
    """Return what a work record reads as: unit and post, with the rank when it says more."""
    unit = record.unit.name if record.unit_id else record.unit_name
    text = f"{unit}{record.post}"
    if record.rank and record.rank != record.post:
        text += RANK.format(rank=record.rank)
    return text


def nested_text(record):
    """Return one in-service study as it reads inside `（其间：…）`."""
    if record.end_date is None:
        span = ONGOING_NESTED.format(start=month(record.start_date))
    else:
        span = f"{month(record.start_date)}{SEPARATOR}{month(record.end_date)}"
    return span + study_text(record, IN_SERVICE_STUDY)


@dataclass
class _Line:
    start: datetime.date | None
    end: datetime.date | None
    text: str
    order: int
    nested: list = field(default_factory=list)
    as_written: bool = False  # a ResumeNote: printed exactly as it was written, its period included

    def contains(self, day):
        return self.start <= day and (self.end is None or day <= self.end)

    def render(self):
        if self.as_written:
            return self.text
        text = self.text
        if self.nested:
            text += NESTED.format(items=NESTED_JOIN.join(nested_text(record) for record in self.nested))
        return period(self.start, self.end) + GAP + text


def resume_lines(cadre=None, *, education=None, work=None, notes=None):
    """Return the 简历 as a list of lines, ordered by time; an empty list when there are no records.

    Pass a `cadre` (its prefetched education and work records and 简历 notes are read) or the
    records themselves as `education`, `work` and `notes`. Full-time study and each post are one line each; an
    in-service study goes into the latest-starting work line whose period contains the
    study's start date, and stands as a line of its own only when no work line does. Gaps
    between records are left as they are: a 简历 is never filled with invented text.

    An education record without an 入学时间 (a roster gives school and major but no dates) makes
    no line, nested or not: every line of a 简历 starts with its period, and guessing one would
    invent it. Such a record still fills the 学历学位 rows of the form (cadres/lrmx/texts.py).

    A ResumeNote (a line of another writer's 简历 that reads as neither a study nor a post) is
    printed as it was written, after the lines starting at or before its `start_date`.
    """
    if education is None:
        education = cadre.education_records.all() if cadre is not None else ()
    if work is None:
        work = cadre.work_records.all() if cadre is not None else ()
    if notes is None:
        notes = cadre.resume_notes.all() if cadre is not None else ()
    education = sorted(
        (record for record in education if record.start_date is not None),
        key=lambda record: (record.start_date, record.pk or 0),
    )
    work_lines = [
        _Line(record.start_date, record.end_date, work_text(record), 1)
        for record in sorted(work, key=lambda record: (record.start_date, record.pk or 0))
    ]
    lines = list(work_lines)
    for record in education:
        if record.mode in StudyMode.in_service_row():
            host = [line for line in work_lines if line.contains(record.start_date)]
            if host:
                host[-1].nested.append(record)
                continue
            text = study_text(record, IN_SERVICE_LINE)
        else:
            text = study_text(record, STUDY_LINE)
        lines.append(_Line(record.start_date, record.end_date, text, 0))
    ordered = sorted(notes, key=lambda note: (note.start_date or datetime.date.min, note.pk or 0))
    lines += [_Line(note.start_date, None, note.text, 2, as_written=True) for note in ordered]
    # Study before work when both start in one month: the graduate's line comes first; a note after both.
    lines.sort(key=lambda line: (line.start or datetime.date.min, line.order, line.end or datetime.date.max))
    return [line.render() for line in lines]


def resume_text(cadre=None, *, education=None, work=None, notes=None):
    """Return the 简历 as one text, its lines joined with newlines (empty when there are no records)."""
    return "\n".join(resume_lines(cadre, education=education, work=work, notes=notes))

"""The cadre list export (/cadres/export.xlsx): the filtered cadres with the columns the user picks.

Streams: the cadres come from `.iterator(chunk_size=…)` with their records prefetched chunk by
chunk, the experience flags are computed once for the whole list, the sheet is write-only
(reports/excel.py) and the file is built in a spooled temporary file (reports/downloads.py), so
neither memory nor the number of queries grows with the rows. The .lrmx zip of the same list
(cadre_list_lrmx_archive) is built the same way.
"""

from collections import namedtuple
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django import forms
from django.db.models.functions import Coalesce

from accounts.access import id_number_for
from cadres.choices import LeaveReason
from cadres.dates import age_on
from cadres.lrmx.writer import lrmx_cadres, lrmx_files, write_lrmx_zip
from cadres.models import Appraisal, EducationRecord, ResumeNote, WorkRecord
from cadres.resume import resume_text

from ..downloads import spooled_file
from ..excel import WorkbookWriter, text_width
from ..narrative import chinese_count
from ..params import DEFAULT_RECENT_YEARS

SHEET_NAME = "干部名单"
CHUNK_SIZE = 500
COLUMNS_REQUIRED = "请至少选择一列"
COLUMN_UNKNOWN = "未知的列：“{value}”"
YES_NO = {True: "是", False: "否"}
HAS_LACKS = {True: "有", False: "缺乏"}


@dataclass
class ExportContext:
    """What a cell may depend on besides its cadre: the date, the window of 近年招录, the reader."""

    as_of: Any
    recent_years: int
    user: Any


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    value: Any  # (row, ExportContext) -> cell value; the row is a dict of what `reads` names
    reads: tuple = ()  # the cadre's fields and annotations the value reads (QuerySet.values)
    records: tuple = ()  # the records read per chunk of cadres (RECORDS), as lists in the row
    dated: bool = False  # a value of the list's date: the header says the date

    def header_on(self, as_of, recent_years):
        """Return the header of the sheet for a list of `as_of`, "年龄（2021-07-31）" for a dated column."""
        header = self.header.format(years=chinese_count(recent_years))
        return f"{header}（{as_of:%Y-%m-%d}）" if self.dated else header


def field_column(key, header, width, field=None, *, dated=False):
    """Return the Column showing one field (or annotation) of the cadre as it is, a blank as empty."""
    field = field or key
    return Column(key, header, width, lambda row, context: row[field] or None, (field,), dated=dated)


# Each record of a 简历 as resume.py reads it, from plain rows: building model instances for the
# records of 100,000 cadres costs more than the rest of the export. A post's unit is read as one name
# (the district unit's, else the one written), so `unit_id` stays None for resume.work_text.
Post = namedtuple("Post", "pk start_date end_date unit_name post rank unit_id", defaults=(None,))
Study = namedtuple("Study", "pk start_date end_date mode school major education degree degree_written")
Note = namedtuple("Note", "pk start_date text")


def read_posts(ids, as_of):
    rows = (
        WorkRecord.objects.filter(cadre__in=ids)
        .annotate(unit_text=Coalesce("unit__name", "unit_name"))
        .order_by("start_date", "pk")
        .values_list("cadre", "pk", "start_date", "end_date", "unit_text", "post", "rank")
    )
    return ((cadre, Post(*rest)) for cadre, *rest in rows)


def read_studies(ids, as_of):
    rows = EducationRecord.objects.filter(cadre__in=ids).values_list("cadre", *Study._fields)
    return ((cadre, Study(*rest)) for cadre, *rest in rows)


def read_notes(ids, as_of):
    rows = ResumeNote.objects.filter(cadre__in=ids).values_list("cadre", *Note._fields)
    return ((cadre, Note(*rest)) for cadre, *rest in rows)


def read_appraisals(ids, as_of):
    """The appraisals of a year up to `as_of`, latest last."""
    rows = Appraisal.objects.filter(cadre__in=ids, year__lte=as_of.year).order_by("year")
    return ((cadre, (year, result)) for cadre, year, result in rows.values_list("cadre", "year", "result"))


RECORDS = {"posts": read_posts, "studies": read_studies, "notes": read_notes, "appraisals": read_appraisals}


def resume_as_of(row, context):
    """Return the 简历 (cadres.resume, the profile's and the .lrmx file's) as it read on `as_of`.

    Records that start after `as_of` are left out and one that ends after it is still running
    then, so an export for a past date prints the 简历 of that date. An undated education record
    is passed on as it is: the generator prints no line for it on any date.
    """

    def known(records):
        for record in records:
            if record.start_date is not None and record.start_date > context.as_of:
                continue
            if record.end_date is not None and record.end_date > context.as_of:
                record = record._replace(end_date=None)
            yield record

    notes = [note for note in row["notes"] if note.start_date is None or note.start_date <= context.as_of]
    text = resume_text(education=list(known(row["studies"])), work=list(known(row["posts"])), notes=notes)
    return text or None


def id_number(row, context):
    """Return the 公民身份号码 as the exporting user may see it (masked unless allowed)."""
    return id_number_for(context.user, row["id_number"]) or None


def latest_appraisal(row, context):
    """Return the latest 年度考核 of a year up to `as_of`, as "2020年度优秀"."""
    return Appraisal.label(*row["appraisals"][-1]) if row["appraisals"] else None


LEAVE_REASONS = dict(LeaveReason.choices)

COLUMNS = [
    field_column("name", "姓名", 10),
    field_column("gender", "性别", 6),
    field_column("ethnicity", "民族", 8),
    field_column("birth_date", "出生日期", 12),
    Column(
        "age", "年龄", 6, lambda row, context: age_on(row["birth_date"], context.as_of), ("birth_date",), dated=True
    ),
    field_column("native_place", "籍贯", 14),
    field_column("birthplace", "出生地", 14),
    Column("id_number", "公民身份号码", 22, id_number, ("id_number",)),
    field_column("political_status", "政治面貌", 12),
    field_column("party_joined_date", "入党时间", 12),
    field_column("party_confirmed_date", "转正时间", 12),
    field_column("health", "健康状况", 10),
    field_column("professional_title", "专业技术职务", 16),
    field_column("specialty", "熟悉专业有何专长", 20),
    field_column("education", "最高学历", 12),
    field_column("degree", "最高学位", 8),
    field_column("unit", "工作单位", 30, "unit_name_on_date", dated=True),
    field_column("post", "职务", 20, "post_on_date", dated=True),
    field_column("rank", "职级", 14, "rank_on_date", dated=True),
    field_column("channel", "进入方式", 14, "channel__name"),
    field_column("group", "统计分组", 14, "channel__group__name"),
    field_column("entry_date", "进入时间", 12),
    field_column("first_work_date", "参加工作时间", 14),
    field_column("status", "状态", 8, "status_on_date", dated=True),
    field_column("leave_date", "离开时间", 12),
    Column(
        "leave_reason", "离开原因", 10, lambda row, context: LEAVE_REASONS.get(row["leave_reason"]), ("leave_reason",)
    ),
    Column("recent", "近{years}年招录", 12, lambda row, context: YES_NO[bool(row["is_recent"])], ("is_recent",)),
    field_column("pool_status", "年轻干部库", 16, "pool_status_on_date", dated=True),
    Column(
        "grassroots",
        "基层经验",
        10,
        lambda row, context: HAS_LACKS[bool(row["has_grassroots"])],
        ("has_grassroots",),
        dated=True,
    ),
    Column("organ", "机关阅历", 10, lambda row, context: HAS_LACKS[bool(row["has_organ"])], ("has_organ",), dated=True),
    Column("appraisal", "最近年度考核", 16, latest_appraisal, records=("appraisals",)),
    Column("work_history", "简历", 60, resume_as_of, records=("posts", "studies", "notes")),
    field_column("notes", "备注", 30),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
DEFAULT_COLUMNS = ["name", "gender", "birth_date", "age", "unit", "post", "channel", "entry_date", "status"]


class ExportColumnsForm(forms.Form):
    """The column picker: `columns=` repeated, in the order of COLUMNS; the defaults when none is given."""

    columns = forms.MultipleChoiceField(
        label="导出的列",
        choices=[(column.key, column.header.format(years=chinese_count(DEFAULT_RECENT_YEARS))) for column in COLUMNS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": COLUMN_UNKNOWN.format(value="%(value)s")},
    )

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("initial", {"columns": DEFAULT_COLUMNS})
        super().__init__(data, **kwargs)

    def chosen(self):
        """Return the chosen Columns of a valid form, in the order of COLUMNS."""
        keys = set(self.cleaned_data["columns"] or DEFAULT_COLUMNS)
        return [column for column in COLUMNS if column.key in keys]


def export_rows(cadres, columns, as_of, recent_years):
    """Yield a dict per cadre of `cadres` with what `columns` read, their records as lists.

    The cadres are plain rows (QuerySet.values, only the chosen columns' fields and annotations)
    streamed by `.iterator()`; the records of each chunk of CHUNK_SIZE cadres are read in one query
    per kind, so the queries grow with the chunks and memory holds one chunk.
    """
    reads = {"pk"} | {name for column in columns for name in column.reads}
    kinds = list(dict.fromkeys(kind for column in columns for kind in column.records))
    rows = cadres.with_flags_on(as_of, recent_years).as_on(as_of).values(*sorted(reads))
    iterator = rows.iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        if kinds:
            found = {row["pk"]: row for row in chunk}
            for row in chunk:
                row.update((kind, []) for kind in kinds)
            for kind in kinds:
                for cadre, record in RECORDS[kind](list(found), as_of):
                    found[cadre][kind].append(record)
        yield from chunk


def cadre_list_workbook(cadres, columns, *, as_of, recent_years, user, title, progress=None):
    """Return (xlsx file, rows written) of `cadres` with `columns`, as `user` may see them on `as_of`.

    The file is a spooled temporary file (reports/downloads.py); the caller sends or closes it.
    `progress`, when given, is called with the rows written so far after each chunk (a background job's bar).
    """
    context = ExportContext(as_of, recent_years, user)
    headers = ["序号"] + [column.header_on(as_of, recent_years) for column in columns]
    widths = [6] + [max(column.width, text_width(header)) for column, header in zip(columns, headers[1:], strict=True)]
    book = WorkbookWriter()
    sheet = book.sheet(SHEET_NAME, widths, header_row=1)
    sheet.ws.oddHeader.center.text = title
    sheet.row(headers, "header")
    rows = 0
    values = [column.value for column in columns]
    for rows, row in enumerate(export_rows(cadres, columns, as_of, recent_years), start=1):
        sheet.body([rows, *(value(row, context) for value in values)])
        if progress is not None and rows % CHUNK_SIZE == 0:
            progress(rows)
    sheet.grid_body(2)
    return book.to_file(), rows


def cadre_list_rows(cadres, columns, *, as_of, recent_years, user):
    """Return (headers, rows) of `cadres` with `columns` as the export writes them, for the print view."""
    context = ExportContext(as_of, recent_years, user)
    headers = ["序号"] + [column.header_on(as_of, recent_years) for column in columns]
    rows = (
        [number] + [column.value(row, context) for column in columns]
        for number, row in enumerate(export_rows(cadres, columns, as_of, recent_years), 1)
    )
    return headers, rows


def cadre_list_lrmx_archive(cadres, *, as_of, filled_on, user, progress=None):
    """Return (zip file, cadre ids) of the `序号.姓名.lrmx` files of `cadres`, in their order.

    `progress`, when given, is called with the files made so far after each chunk (a background job's bar).

    The cadres are read chunk by chunk and each file goes into the zip as it is made, so memory
    holds one chunk and not the list; the file is spooled, for the caller to send or close.
    """
    ids = []

    def noted(rows):
        for cadre in rows:
            ids.append(cadre.pk)
            if progress is not None and len(ids) % CHUNK_SIZE == 0:
                progress(len(ids))
            yield cadre

    archive = spooled_file()
    try:
        rows = noted(lrmx_cadres(cadres).iterator(chunk_size=CHUNK_SIZE))
        write_lrmx_zip(lrmx_files(rows, as_of=as_of, filled_on=filled_on, user=user), archive)
    except BaseException:
        archive.close()
        raise
    return archive, ids

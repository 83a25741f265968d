"""The cadre list export (/cadres/export.xlsx): the filtered cadres with the columns the user picks.

Streams: the cadres come from `.iterator(chunk_size=…)` with their records prefetched chunk by
chunk, the experience flags are computed once for the whole list, the sheet is write-only
(reports/excel.py) and the file is built in a spooled temporary file (reports/downloads.py), so
neither memory nor the number of queries grows with the rows. The .lrmx zip of the same list
(cadre_list_lrmx_archive) is built the same way.
"""

import copy
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Prefetch

from accounts.access import id_number_for
from cadres.dates import age_on
from cadres.lrmx.writer import lrmx_cadres, lrmx_files, write_lrmx_zip
from cadres.models import Appraisal, WorkRecord
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
    value: Any  # (cadre, ExportContext) -> cell value
    dated: bool = False  # a value of the list's date: the header says the date

    def header_on(self, as_of, recent_years):
        """Return the header of the sheet for a list of `as_of`, "年龄（2021-07-31）" for a dated column."""
        header = self.header.format(years=chinese_count(recent_years))
        return f"{header}（{as_of:%Y-%m-%d}）" if self.dated else header


def _field(name):
    return lambda cadre, context: getattr(cadre, name) or None


def _display(name):
    return lambda cadre, context: getattr(cadre, f"get_{name}_display")() or None


def resume_as_of(cadre, context):
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
                record = copy.copy(record)
                record.end_date = None
            yield record

    notes = [note for note in cadre.resume_notes.all() if note.start_date is None or note.start_date <= context.as_of]
    text = resume_text(
        education=list(known(cadre.education_records.all())), work=list(known(cadre.work_records.all())), notes=notes
    )
    return text or None


def id_number(cadre, context):
    """Return the 公民身份号码 as the exporting user may see it (masked unless allowed)."""
    return id_number_for(context.user, cadre.id_number) or None


def latest_appraisal(cadre, context):
    """Return the latest 年度考核 of a year up to `as_of`, as "2020年度优秀"."""
    appraisals = [item for item in cadre.appraisals.all() if item.year <= context.as_of.year]
    return str(max(appraisals, key=lambda item: item.year)) if appraisals else None


COLUMNS = [
    Column("name", "姓名", 10, _field("name")),
    Column("gender", "性别", 6, _field("gender")),
    Column("ethnicity", "民族", 8, _field("ethnicity")),
    Column("birth_date", "出生日期", 12, _field("birth_date")),
    Column("age", "年龄", 6, lambda cadre, context: age_on(cadre.birth_date, context.as_of), dated=True),
    Column("native_place", "籍贯", 14, _field("native_place")),
    Column("birthplace", "出生地", 14, _field("birthplace")),
    Column("id_number", "公民身份号码", 22, id_number),
    Column("political_status", "政治面貌", 12, _field("political_status")),
    Column("party_joined_date", "入党时间", 12, _field("party_joined_date")),
    Column("party_confirmed_date", "转正时间", 12, _field("party_confirmed_date")),
    Column("health", "健康状况", 10, _field("health")),
    Column("professional_title", "专业技术职务", 16, _field("professional_title")),
    Column("specialty", "熟悉专业有何专长", 20, _field("specialty")),
    Column("education", "最高学历", 12, _field("education")),
    Column("degree", "最高学位", 8, _field("degree")),
    Column("unit", "工作单位", 30, _field("unit_name_on_date"), dated=True),
    Column("post", "职务", 20, _field("post_on_date"), dated=True),
    Column("rank", "职级", 14, _field("rank_on_date"), dated=True),
    Column("channel", "进入方式", 14, lambda cadre, context: cadre.channel.name),
    Column("group", "统计分组", 14, lambda cadre, context: cadre.channel.group.name),
    Column("entry_date", "进入时间", 12, _field("entry_date")),
    Column("first_work_date", "参加工作时间", 14, _field("first_work_date")),
    Column("status", "状态", 8, _field("status_on_date"), dated=True),
    Column("leave_date", "离开时间", 12, _field("leave_date")),
    Column("leave_reason", "离开原因", 10, _display("leave_reason")),
    Column("recent", "近{years}年招录", 12, lambda cadre, context: YES_NO[bool(cadre.is_recent)]),
    Column("pool_status", "年轻干部库", 16, _field("pool_status_on_date"), dated=True),
    Column("grassroots", "基层经验", 10, lambda cadre, context: HAS_LACKS[bool(cadre.has_grassroots)], dated=True),
    Column("organ", "机关阅历", 10, lambda cadre, context: HAS_LACKS[bool(cadre.has_organ)], dated=True),
    Column("appraisal", "最近年度考核", 16, latest_appraisal),
    Column("work_history", "简历", 60, resume_as_of),
    Column("notes", "备注", 30, _field("notes")),
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


def export_rows(cadres, as_of, recent_years):
    """Return `cadres` with what the columns read annotated and prefetched, for `.iterator()`."""
    return (
        cadres.select_related("unit", "channel__group")
        .with_flags_on(as_of, recent_years)
        .as_on(as_of)
        .prefetch_related(
            Prefetch("work_records", queryset=WorkRecord.objects.select_related("unit").order_by("start_date", "pk")),
            "education_records",
            "resume_notes",
            Prefetch("appraisals", queryset=Appraisal.objects.order_by("year")),
        )
    )


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
    for rows, cadre in enumerate(export_rows(cadres, as_of, recent_years).iterator(chunk_size=CHUNK_SIZE), start=1):
        sheet.row([rows] + [column.value(cadre, context) for column in columns])
        if progress is not None and rows % CHUNK_SIZE == 0:
            progress(rows)
    return book.to_file(), rows


def cadre_list_rows(cadres, columns, *, as_of, recent_years, user):
    """Return (headers, rows) of `cadres` with `columns` as the export writes them, for the print view."""
    context = ExportContext(as_of, recent_years, user)
    headers = ["序号"] + [column.header_on(as_of, recent_years) for column in columns]
    rows = (
        [number] + [column.value(cadre, context) for column in columns]
        for number, cadre in enumerate(export_rows(cadres, as_of, recent_years).iterator(chunk_size=CHUNK_SIZE), 1)
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

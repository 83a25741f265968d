"""Rosters as clerks send them, written with openpyxl into bytes for the importer to read."""

import datetime
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .records import make_id_number

HEADERS = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "公民身份号码",
    "政治面貌",
    "学历",
    "学位",
    "工作单位",
    "职务",
    "进入方式",
    "进入时间",
]


def person(name="张三", *, unit="下陆区委组织部", birth=datetime.date(1990, 5, 12), gender="男", **overrides):
    """Return one data row as a dict keyed by header, with a valid ID number for the birth date."""
    row = {
        "序号": 1,
        "姓名": name,
        "性别": gender,
        "出生年月": birth,
        "公民身份号码": make_id_number(birth, gender),
        "政治面貌": "中共党员",
        "学历": "大学本科",
        "学位": "学士",
        "工作单位": unit,
        "职务": "科员",
        "进入方式": "选调生",
        "进入时间": datetime.date(2015, 8, 1),
    }
    row.update(overrides)
    return row


def roster_bytes(people, *, headers=HEADERS, above=(), below=(), sheet="花名册", before_sheets=(), formats=None):
    """Return an .xlsx with optional rows `above` the header and `below` the data.

    `formats` maps a header to a number format for its data cells (e.g. a Chinese date format).
    """
    workbook = Workbook()
    first = workbook.active
    for index, (title, rows) in enumerate(before_sheets):
        ws = first if index == 0 else workbook.create_sheet(title)
        ws.title = title
        for row in rows:
            ws.append(row)
    ws = workbook.create_sheet(sheet) if before_sheets else first
    ws.title = sheet
    for row in above:
        ws.append(list(row))
    ws.append(list(headers))
    for item in people:
        ws.append([item.get(header) for header in headers] if isinstance(item, dict) else list(item))
        for col, header in enumerate(headers, start=1):
            if formats and header in formats:
                ws.cell(row=ws.max_row, column=col).number_format = formats[header]
            if header == "公民身份号码":
                ws.cell(row=ws.max_row, column=col).number_format = "@"
    for row in below:
        ws.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_xml_edited(data, replacements):
    """Return the .xlsx `data` with its first sheet's XML edited ({old bytes: new bytes}), to write
    what openpyxl cannot: a formula's calculated value, an error value as a formula's result."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes an empty value as <v /> with its own XML writer, <v></v> through lxml.
                content = content.replace(b"<v></v>", b"<v />")
                for old, new in replacements.items():
                    content = content.replace(old, new)
            target.writestr(item, content)
    return buffer.getvalue()


# Characters openpyxl refuses to write; OOXML stores them as _xHHHH_, which readers turn back.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def escaped(value):
    """Return `value` so that a reader gets it back as given, control characters included."""
    if isinstance(value, str):
        return _UNWRITABLE.sub(lambda match: f"_x{ord(match.group()):04X}_", value)
    return value


def shaped_roster_bytes(blocks, rows, *, above=(), below=(), merge_down=True):
    """Return an .xlsx: the lines `above`, a header of `blocks`, the `rows`, then the lines `below`.

    A block is a header text, or (parent, [sub-headers]) for a two-row header (全日制教育 over
    学历 / 学位 / …): the parent is merged across its sub-columns and, if `merge_down`, every other
    header is merged down over both rows. `rows` hold the cells in the order of the sub-columns.
    Return (bytes, Excel row number of the first data row).
    """
    workbook = Workbook()
    ws = workbook.active
    ws.title = "花名册"
    for line in above:
        ws.append([escaped(value) for value in line])
    top = len(above) + 1
    two_rows = any(isinstance(block, tuple) for block in blocks)
    column = 1
    for block in blocks:
        if isinstance(block, tuple):
            parent, subs = block
            ws.cell(row=top, column=column, value=parent)
            if len(subs) > 1:
                ws.merge_cells(start_row=top, start_column=column, end_row=top, end_column=column + len(subs) - 1)
            for offset, sub in enumerate(subs):
                ws.cell(row=top + 1, column=column + offset, value=sub)
            column += len(subs)
            continue
        ws.cell(row=top, column=column, value=block)
        if two_rows and merge_down:
            letter = get_column_letter(column)
            ws.merge_cells(f"{letter}{top}:{letter}{top + 1}")
        column += 1
    first = top + (2 if two_rows else 1)
    for offset, values in enumerate([*rows, *below]):
        for index, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(row=first + offset, column=index, value=escaped(value))
    return workbook_bytes(workbook), first


def junk_roster_bytes(count, *, headers=HEADERS):
    """Return an .xlsx of `count` rows of junk under a valid header, as a file that is not a roster.

    Written in openpyxl's write-only mode, which streams the rows instead of holding every cell.
    """
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("花名册")
    ws.append(list(headers))
    junk = ["x", "?", 3.5, True, "—", "@@", datetime.date(1850, 1, 1), "#", "%", "0", "&"]
    for index in range(count):
        ws.append([f"乱码{index}", *junk[index % 3 :], *junk[: index % 3]][: len(headers)])
    return workbook_bytes(workbook)

"""Rosters as clerks send them, written with openpyxl into bytes for the importer to read."""

import datetime
import io

from openpyxl import Workbook

from tests.factories import make_id_number

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

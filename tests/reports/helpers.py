"""Readers shared by the report tests: query strings, HTML tables, workbooks; the dates the counted data uses."""

import datetime
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import openpyxl

ARTICLE_AS_OF = datetime.date(2021, 7, 31)
# The article's parameters (DESIGN.md): as of July 2021, 35 and under, the 2021 civil-service and
# public-institution intakes left out.
ARTICLE_PARAMS = [
    ("as_of", "2021-07-31"),
    ("max_age", "35"),
    ("exclude", "2021:gongwuyuan"),
    ("exclude", "2021:shiye"),
]
GROUP_NAMES = ["选调生", "公务员", "招硕引博", "事业单位招聘", "社区定向招聘", "其他方式"]
GROUP_CODES = {
    "选调生": ["xuandiao"],
    "公务员": ["gongwuyuan"],
    "招硕引博": ["zhaoshuo"],
    "事业单位招聘": ["shiye"],
    "社区定向招聘": ["shequ"],
    "其他方式": ["zhuanli", "diaoru", "tuiwu", "qita"],
}
STATS_URL = "/reports/young-cadres/"
JSON_URL = "/reports/young-cadres.json"
XLSX_URL = "/reports/young-cadres.xlsx"

# Young on 2021-07-31 (aged 31) and entered long before the three-year window.
YOUNG_BIRTH = datetime.date(1990, 1, 1)
OLD_ENTRY = datetime.date(2015, 8, 1)
RECENT_ENTRY = datetime.date(2020, 3, 1)


def url(path, params=()):
    """Return `path` with `params` (pairs, repeats allowed) as its query string."""
    params = list(params.items()) if isinstance(params, dict) else list(params)
    return f"{path}?{urlencode(params)}" if params else path


def body_of(response):
    """Return the bytes of a response, streamed (FileResponse) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def load_workbook(source):
    """Open a workbook from a response, bytes or a path, with openpyxl's default settings."""
    if hasattr(source, "status_code"):
        source = body_of(source)
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    return openpyxl.load_workbook(source)


def sheet_rows(worksheet):
    """Return the values of every row of `worksheet`, as lists."""
    return [list(row) for row in worksheet.iter_rows(values_only=True)]


def summary_table(worksheet):
    """Return (header, rows) of the 汇总 table: the row naming 进入方式 and 人数, and the rows under it.

    The table ends at the first blank row; rows starting "其中：" are the channels of the group above.
    """
    rows = sheet_rows(worksheet)
    at = next(i for i, row in enumerate(rows) if "进入方式" in row and "人数" in row)
    table = []
    for row in rows[at + 1 :]:
        if all(value is None for value in row):
            break
        table.append(row)
    return rows[at], table


def summary_counts(worksheet):
    """Return {group name or 合计: count} from the 汇总 sheet, channel rows left out."""
    header, table = summary_table(worksheet)
    name, count = header.index("进入方式"), header.index("人数")
    return {row[name]: row[count] for row in table if not str(row[name]).startswith("其中")}


def roster_records(worksheet):
    """Return the 花名册 rows as dicts keyed by the header."""
    rows = sheet_rows(worksheet)
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:] if any(value is not None for value in row)]


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"class": dict(attrs).get("class") or "", "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_table(html, css_class):
    """Return the rows (lists of cell texts) of the first table whose class includes `css_class`."""
    parser = _TableParser()
    parser.feed(html)
    return next(table["rows"] for table in parser.tables if css_class in table["class"].split())


def embedded_json(html, element_id):
    """Return the data a page embeds with json_script under `element_id` (None when absent)."""
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else None

"""The one place that touches openpyxl: fonts, widths, print setup, formula escaping, responses.

Concrete workbooks (reports/workbooks.py) describe sheets as headers and rows; this module writes
them with a write-only workbook, so memory stays flat however long the roster.
"""

import datetime
import io
import unicodedata

from django.http import FileResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT_NAME = "宋体"
# Strings that Excel (or openpyxl) would take for a formula or a command (TRAPS.md).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
DATE_FORMAT = "yyyy-mm-dd"
PAPER_A4 = "9"  # the OOXML paper size code of A4
PAGE_FOOTER = "第 &P 页，共 &N 页"

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
STYLES = {
    "title": (Font(name=FONT_NAME, charset=134, size=16, bold=True), Alignment(horizontal="center", vertical="center")),
    "subtitle": (Font(name=FONT_NAME, charset=134, size=11), Alignment(horizontal="left", vertical="center")),
    "header": (
        Font(name=FONT_NAME, charset=134, size=11, bold=True),
        Alignment(horizontal="center", vertical="center", wrap_text=True),
    ),
    "body": (Font(name=FONT_NAME, charset=134, size=11), Alignment(vertical="center")),
    "number": (Font(name=FONT_NAME, charset=134, size=11), Alignment(horizontal="right", vertical="center")),
    "total": (Font(name=FONT_NAME, charset=134, size=11, bold=True), Alignment(vertical="center")),
    "indent": (Font(name=FONT_NAME, charset=134, size=10, color="444444"), Alignment(indent=2, vertical="center")),
    "note": (Font(name=FONT_NAME, charset=134, size=11), Alignment(wrap_text=True, vertical="top")),
}
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
BORDERED = {"header", "body", "number", "total", "indent"}


def text_width(text):
    """Return a column width that fits `text`: 2 per wide (CJK) character, 1 otherwise, plus 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text)) + 2


def needs_escape(value):
    """Return whether a string would start a formula in Excel."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


class SheetWriter:
    """A write-only sheet with the department's print setup; rows go in from top to bottom."""

    def __init__(self, worksheet, widths, *, landscape=True, header_row=None):
        self.ws = worksheet
        self.row_number = 0
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.columns = len(widths)
        setup = self.ws.page_setup
        setup.paperSize = PAPER_A4
        setup.orientation = "landscape" if landscape else "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_options.horizontalCentered = True
        self.ws.oddFooter.center.text = PAGE_FOOTER
        if header_row:
            self.ws.print_title_rows = f"{header_row}:{header_row}"
            self.ws.freeze_panes = f"A{header_row + 1}"

    def cell(self, value, style="body", number_format=None):
        cell = WriteOnlyCell(self.ws, value=value)
        if needs_escape(value):
            # Text, not a formula: Excel's own "this is text" flag, no visible apostrophe.
            cell.data_type = "s"
            cell.quotePrefix = True
        font, alignment = STYLES[style]
        cell.font, cell.alignment = font, alignment
        if style in BORDERED:
            cell.border = BORDER
        if style == "header":
            cell.fill = HEADER_FILL
        if number_format:
            cell.number_format = number_format
        elif isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        return cell

    def row(self, values, style="body", *, height=None):
        """Append one row; `values` may mix plain values and (value, style) pairs."""
        cells = []
        for value in values:
            if isinstance(value, tuple):
                cells.append(self.cell(*value))
            elif style == "body" and isinstance(value, int | float) and not isinstance(value, bool):
                cells.append(self.cell(value, "number"))
            else:
                cells.append(self.cell(value, style))
        self.row_number += 1
        if height:
            # A write-only sheet streams each row out on append: its height must be known before.
            self.ws.row_dimensions[self.row_number].height = height
        self.ws.append(cells)

    def merged(self, text, style="note", *, height=None):
        """Append one row whose text spans every column."""
        self.row([text] + [(None, style)] * (self.columns - 1), style, height=height)
        if self.columns > 1:
            self.ws.merged_cells.add(f"A{self.row_number}:{get_column_letter(self.columns)}{self.row_number}")

    def blank(self):
        self.ws.append([])
        self.row_number += 1

    def choices(self, column, values, *, first_row, last_row, error):
        """Offer `values` as a drop-down list in `column` (1-based) of rows first_row..last_row."""
        letter = get_column_letter(column)
        validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        validation.error, validation.errorTitle, validation.showErrorMessage = error, "输入有误", True
        validation.add(f"{letter}{first_row}:{letter}{last_row}")
        self.ws.data_validations.append(validation)


class WorkbookWriter:
    """A write-only workbook made of SheetWriters."""

    def __init__(self):
        self.workbook = Workbook(write_only=True)

    def sheet(self, title, widths, **kwargs):
        return SheetWriter(self.workbook.create_sheet(title), widths, **kwargs)

    def to_bytes(self):
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def xlsx_response(content, filename):
    """Return a download of `content`; Django writes the Chinese file name per RFC 5987."""
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)

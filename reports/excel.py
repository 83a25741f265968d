"""The one place that touches openpyxl: fonts, widths, print setup, formula escaping, responses.

Concrete workbooks (reports/workbooks.py) describe sheets as headers and rows; this module writes
them with a write-only workbook, so memory stays flat however long the roster.
"""

import datetime
import io
import unicodedata
from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.drawing.image import Image
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.utils.units import pixels_to_EMU, points_to_pixels
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break

from .downloads import file_response, spooled_file

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT_NAME = "宋体"
# Strings that Excel (or openpyxl) would take for a formula or a command (TRAPS.md).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
DATE_FORMAT = "yyyy-mm-dd"
PAPER_A4 = "9"  # the OOXML paper size code of A4
PAGE_FOOTER = "第 &P 页，共 &N 页"
# Excel's default row height, and the pixels of a column width unit (one digit of the default font, 7 px, plus 5).
DEFAULT_ROW_POINTS = 15
PICTURE_MARGIN = 6  # pixels left free inside a box so that a picture does not cover its lines

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
# The workbook's default font: a plain value (SheetWriter.body) is written in it without a style of its own.
DEFAULT_FONT = Font(name=FONT_NAME, charset=134, size=11)
# The body's grid, drawn by one conditional format over the body's range rather than a border per cell.
BODY_GRID = FormulaRule(formula=["TRUE"], border=BORDER)


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
        self._styles = {}
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
        escape = needs_escape(value)
        if escape:
            # Text, not a formula: Excel's own "this is text" flag, no visible apostrophe.
            cell.data_type = "s"
        if number_format is None and isinstance(value, datetime.date):
            number_format = DATE_FORMAT
        # Registering a style in the workbook hashes every font and border: do it once per kind of
        # cell and copy the resulting style array to the others (10× faster on long rosters).
        key = (style, number_format, escape)
        template = self._styles.get(key)
        if template is None:
            font, alignment = STYLES[style]
            cell.font, cell.alignment = font, alignment
            if style in BORDERED:
                cell.border = BORDER
            if style == "header":
                cell.fill = HEADER_FILL
            if number_format:
                cell.number_format = number_format
            cell.quotePrefix = escape
            self._styles[key] = copy(cell._style)
        else:
            cell._style = copy(template)
        return cell

    def body(self, values):
        """Append one row of the body of a long table, as plain values: the fast path of the rosters.

        No style per cell: the text is in the workbook's default font (宋体), dates get openpyxl's
        yyyy-mm-dd, and the grid is one conditional format over the body (grid_body). A string that
        would start a formula goes in as text (escaped_cell), as everywhere else.
        """
        for value in values:
            if value.__class__ is str and value.startswith(FORMULA_PREFIXES):
                values = [self.escaped_cell(item) if needs_escape(item) else item for item in values]
                break
        self.row_number += 1
        self.ws.append(values)

    def escaped_cell(self, value):
        """Return the text cell of a string that Excel would take for a formula (TRAPS.md)."""
        cell = WriteOnlyCell(self.ws, value=value)
        cell.data_type = "s"
        template = self._styles.get("escaped")
        if template is None:
            cell.quotePrefix = True
            self._styles["escaped"] = copy(cell._style)
        else:
            cell._style = copy(template)
        return cell

    def grid_body(self, first_row):
        """Draw thin lines around every cell from `first_row` to the last row written (the body rows)."""
        if self.row_number >= first_row:
            last = get_column_letter(self.columns)
            self.ws.conditional_formatting.add(f"A{first_row}:{last}{self.row_number}", BODY_GRID)

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
        # Font 0 is the default of every cell without a style of its own (SheetWriter.body).
        self.workbook._fonts = IndexedList([DEFAULT_FONT])

    def sheet(self, title, widths, **kwargs):
        return SheetWriter(self.workbook.create_sheet(title), widths, **kwargs)

    def to_bytes(self):
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()

    def to_file(self):
        """Return the workbook in a spooled temporary file (reports/downloads.py), for long sheets."""
        file = spooled_file()
        try:
            self.workbook.save(file)
        except BaseException:
            file.close()
            raise
        return file


def xlsx_response(content, filename):
    """Return a download of `content`, bytes or a binary file (sent from its start, closed when done)."""
    file = io.BytesIO(content) if isinstance(content, bytes) else content
    return file_response(file, filename, XLSX_CONTENT_TYPE)


def fit_font_size(text, *, width, height, sizes=(12, 11, 10.5, 10, 9.5, 9, 8, 7.5, 7)):
    """Return the largest font size in `sizes` at which `text` fits a wrapped box.

    `width` is the box's width in column units (one per narrow character at 11 points), `height`
    its height in points; a line takes 1.4 × the font size. The smallest size is returned when
    nothing fits, so a very long text still prints, only small.
    """
    for size in sizes:
        per_line = max(width * 11 / size, 1)
        lines = sum(max(1, -(-text_width(line) // per_line)) for line in str(text).split("\n"))
        if lines * size * 1.4 <= height:
            return size
    return sizes[-1]


def step_into(sizes, offset):
    """Return (index, remaining offset) of the cell among `sizes` that an `offset` from the first one falls in."""
    for index, size in enumerate(sizes):
        if offset < size:
            return index, offset
        offset -= size
    return len(sizes) - 1, sizes[-1]


class FormSheet:
    """A printed form on one sheet: merged boxes with borders, 宋体, fixed row heights, page breaks.

    Unlike SheetWriter it holds the whole sheet in memory (a form is one page or two), since
    boxes are merged across rows and columns in any order.
    """

    def __init__(self, title, widths):
        self.workbook = Workbook()
        self.ws = self.workbook.active
        self.ws.title = title
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        setup = self.ws.page_setup
        setup.paperSize = PAPER_A4
        setup.orientation = "portrait"
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_options.horizontalCentered = True
        self.ws.page_margins.left = self.ws.page_margins.right = 0.6
        self.ws.page_margins.top = self.ws.page_margins.bottom = 0.7

    def box(self, cells, value, *, size=12, bold=False, align="center", border=True, vertical=None):
        """Write `value` into the box `cells` ("B2" or "B2:D3"), merged, wrapped and bordered.

        Left-aligned text starts at the top (a 简历 runs down the box) unless `vertical` says
        otherwise, and is indented one step so that it does not touch the box's left line.
        """
        first = cells.split(":")[0]
        cell = self.ws[first]
        cell.value = value
        if needs_escape(value):
            cell.data_type = "s"
            cell.quotePrefix = True
        cell.font = Font(name=FONT_NAME, charset=134, size=size, bold=bold)
        vertical = vertical or ("top" if align == "left" else "center")
        indent = 1 if align == "left" and border else 0
        cell.alignment = Alignment(horizontal=align, vertical=vertical, wrap_text=True, indent=indent)
        if ":" in cells:
            self.ws.merge_cells(cells)
        if border:
            for row in self.ws[cells] if ":" in cells else ((cell,),):
                for each in row:
                    each.border = BORDER

    def height(self, row, points):
        self.ws.row_dimensions[row].height = points

    def picture(self, cells, data):
        """Place the image `data` (JPEG or PNG bytes) in the box `cells`, scaled to fit and centred.

        Set the box's row heights first: the picture is sized from them.
        """
        image = Image(io.BytesIO(data))
        min_col, min_row, max_col, max_row = range_boundaries(cells)
        widths = [self.column_pixels(column) for column in range(min_col, max_col + 1)]
        heights = [self.row_pixels(row) for row in range(min_row, max_row + 1)]
        scale = min(
            (sum(widths) - 2 * PICTURE_MARGIN) / image.width, (sum(heights) - 2 * PICTURE_MARGIN) / image.height
        )
        image.width, image.height = round(image.width * scale), round(image.height * scale)
        column, column_offset = step_into(widths, (sum(widths) - image.width) // 2)
        row, row_offset = step_into(heights, (sum(heights) - image.height) // 2)
        start = AnchorMarker(
            col=min_col - 1 + column,
            colOff=pixels_to_EMU(column_offset),
            row=min_row - 1 + row,
            rowOff=pixels_to_EMU(row_offset),
        )
        size = XDRPositiveSize2D(pixels_to_EMU(image.width), pixels_to_EMU(image.height))
        image.anchor = OneCellAnchor(_from=start, ext=size)
        self.ws.add_image(image)

    def column_pixels(self, column):
        return int(self.ws.column_dimensions[get_column_letter(column)].width * 7 + 5)

    def row_pixels(self, row):
        return points_to_pixels(self.ws.row_dimensions[row].height or DEFAULT_ROW_POINTS)

    def page_break_after(self, row):
        self.ws.row_breaks.append(Break(id=row))

    def to_bytes(self, print_area):
        self.ws.print_area = print_area
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()

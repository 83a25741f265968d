"""Opening an uploaded roster and finding its header: the checks before a single row is read.

Size limits come first (the upload, then for .xlsx the zip's total uncompressed size), then
python-calamine opens the workbook; the sheet is the one named, or else the first whose header
row is recognised below whatever title, 填报单位 line or blank rows sit above it.
"""

import io
import operator
import unicodedata
import zipfile
from dataclasses import dataclass, field

import python_calamine
from django.conf import settings

from ..importing.pending import megabytes
from ..importing.problems import ImportRefused
from .cells import SPACES, display, is_blank
from .columns import (
    BY_KEY,
    EDUCATION_KEYS,
    EDUCATION_PARENTS,
    EDUCATION_SUBCOLUMNS,
    REQUIRED_KEYS,
    header_key,
    normalize_header,
)
from .formulas import XLSX_MAGIC, hidden_values, two_decimal_cells

FILE_TOO_LARGE = "文件过大（{size}），花名册文件不能超过{limit}"
FILE_EMPTY = "文件是空的"
NOT_EXCEL = "文件不是Excel工作簿（.xlsx 或 .xls），请在Excel中“另存为”Excel工作簿后再上传"
ENCRYPTED = "文件设置了打开密码，无法读取；请在Excel中取消密码后再上传"
CORRUPT = "文件已损坏，无法读取；请在Excel中打开检查并重新保存后再上传"
UNCOMPRESSED_TOO_LARGE = "文件解压后超过{limit}，不像是花名册，无法导入"
SHEET_MISSING = "工作簿中没有名为“{sheet}”的工作表（现有：{sheets}）"
SHEET_EMPTY = "工作表“{sheet}”是空的"
NO_HEADER = (
    "没有找到花名册的表头：工作表{sheets}中都没有一行同时包含“姓名”和至少两个其他列名（如性别、出生年月、工作单位）"
)
TOO_MANY_ROWS = "工作表“{sheet}”有{rows}行，超过单次导入的上限{limit}行，请分批导入"
MISSING_COLUMNS = "表头缺少必需的列：{columns}"
MISSING_EDUCATION = "表头缺少“学历”列（或“全日制教育”“在职教育”下的学历）"
MISSING_BIRTH = "表头既没有“公民身份号码”列也没有“出生日期（出生年月）”列，无法确定出生日期"
DUPLICATE_COLUMN = "“{first}”和“{second}”两列都表示{label}，请只保留一列"

SKIP_BLANK = "空行"
SKIP_HEADER = "重复的表头"
SKIP_NOTE = "表尾说明"
# Lines under the data that are not people (填表人：… 联系电话：… 注：…).
NOTE_PREFIXES = (
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "联系电话",
    "联系人",
    "负责人",
    "单位负责人",
    "注",
    "说明",
    "备注：",
)
HEADER_SEARCH_ROWS = 50

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is a CFB file holding an "EncryptionInfo" stream (MS-OFFCRYPTO).
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


NOTHING = {}


@dataclass
class RosterSheet:
    """The sheet read: where its header is and what each column means; its rows are read on demand.

    The rows below the header are not held: iter_rows() reads them from the workbook each time, so
    a 100,000-row roster costs its cells once (in calamine) rather than once more as Python rows.
    """

    sheet: str
    header_row: int
    columns: dict  # column index → (field key, header text as the file names it)
    ignored_columns: list
    source: object = None  # the calamine sheet
    hidden: dict = field(default_factory=dict)  # Excel row → {column index: value calamine read as empty}
    data: bytes = b""  # the file, for what calamine does not tell (number formats)
    _two_decimals: set | None = field(default=None, init=False, repr=False)

    def label(self, key):
        """Return the header text the file uses for `key`, or the field's own label."""
        for column_key, text in self.columns.values():
            if column_key == key:
                return text
        return BY_KEY[key].label

    def shows_two_decimals(self, row, key):
        """Return whether the cell of `key` on Excel row `row` is a number shown with two decimals (1985.10).

        The sheet's formats are read the first time this is asked, which a roster whose dates are
        text or real dates never does.
        """
        if self._two_decimals is None:
            self._two_decimals = two_decimal_cells(self.data, self.sheet)
        column = next((index for index, (column_key, _text) in self.columns.items() if column_key == key), None)
        return (row, column) in self._two_decimals

    def iter_rows(self, skipped=None):
        """Yield (Excel row number, {field key: cell value}) for each person; list the other rows in `skipped`."""
        if self.source is None:
            return
        columns = list(self.columns.items())
        # A repeated two-row header repeats 学历 / 学位 under its parents, not 全日制教育·学历.
        header_texts = {index: text.rpartition("·")[2] for index, (_key, text) in columns}
        keys = [key for _index, (key, _text) in columns]
        cells_of = operator.itemgetter(*(index for index, _column in columns))
        width = max(self.columns) + 1
        name_index = next(index for index, (key, _text) in columns if key == "name")
        name_header = header_texts[name_index]
        last = self.source.start[0] + self.source.height
        for number, cells in _sheet_rows(self.source):
            if number <= self.header_row:
                continue
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            for index, value in self.hidden.get(number, NOTHING).items():
                if index < len(cells):
                    cells[index] = value
            values = cells_of(cells)
            name = cells[name_index]
            # The first cell filled: a footer line's words (填表人：…). Only a text can start with them
            # (display() writes a number, date or error value with digits and signs).
            first = cells[0] if cells[0] != "" else next((value for value in cells if value != ""), "")
            # Most rows are people: a name that is no header and no footer line, and more than three
            # cells filled. Only the others need _classify's closer look.
            if not (
                name.__class__ is str
                and name.strip(SPACES)
                and len(values) - values.count("") > 3
                and not (name_header[0] in name and normalize_header(name) == name_header)
                and not (first.__class__ is str and first.strip(SPACES).startswith(NOTE_PREFIXES))
            ):
                reason = _classify(cells, columns, header_texts)
                if reason:
                    if skipped is not None and (reason != SKIP_BLANK or number < last):
                        skipped.append((number, reason))
                    continue
            yield number, dict(zip(keys, values, strict=True))


def check_file(data):
    """Refuse a file that is too large, not Excel, encrypted, or a zip bomb, before opening it."""
    limit = settings.ROSTER_IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ImportRefused(FILE_TOO_LARGE.format(size=megabytes(len(data)), limit=megabytes(limit)))
    if not data:
        raise ImportRefused(FILE_EMPTY)
    if data.startswith(CFB_MAGIC):
        if ENCRYPTION_INFO in data:
            raise ImportRefused(ENCRYPTED)
        return
    if not data.startswith(XLSX_MAGIC):
        raise ImportRefused(NOT_EXCEL)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ImportRefused(CORRUPT) from None
    if total > settings.ROSTER_IMPORT_MAX_UNCOMPRESSED:
        raise ImportRefused(UNCOMPRESSED_TOO_LARGE.format(limit=megabytes(settings.ROSTER_IMPORT_MAX_UNCOMPRESSED)))


def open_workbook(data):
    """Return the calamine workbook of `data` (already checked)."""
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise ImportRefused(ENCRYPTED) from None
    except Exception:
        # calamine raises CalamineError, ZipError, XmlError and others on a broken file.
        raise ImportRefused(CORRUPT) from None


def _padded(row, offset):
    return [""] * offset + row if offset else row


def _sheet_rows(sheet):
    """Yield (Excel row number, cells from column A) for every row down to the end of the used range."""
    if sheet.start is None:
        return
    first_col = sheet.start[1]
    # python-calamine's iter_rows starts at row 1 (empty rows above the used range come as blank
    # rows) but at the used range's first column: only the columns need padding.
    for index, row in enumerate(sheet.iter_rows()):
        yield index + 1, _padded(row, first_col)


def _header_score(cells):
    keys = {header_key(normalize_header(value)) for value in cells}
    parents = {normalize_header(value) for value in cells} & EDUCATION_PARENTS.keys()
    keys.discard(None)
    return ("name" in keys), len(keys) + len(parents)


def _map_columns(top, below, merges):
    """Return ({column: (key, text)}, ignored texts, two_rows) for a header row and the row below it."""
    top_texts = [normalize_header(value) for value in top]
    two_rows = any(text in EDUCATION_PARENTS for text in top_texts)
    below_texts = [normalize_header(value) for value in below] if two_rows else []
    columns, ignored = {}, []
    parent, parent_end = None, -1
    for index, text in enumerate(top_texts):
        sub = below_texts[index] if index < len(below_texts) else ""
        if text in EDUCATION_PARENTS:
            parent = text
            parent_end = merges.get(index, len(top_texts) - 1)
        elif text or index > parent_end:
            parent = None
        if parent and sub in EDUCATION_SUBCOLUMNS:
            key = f"{EDUCATION_PARENTS[parent]}.{EDUCATION_SUBCOLUMNS[sub]}"
            columns[index] = (key, f"{parent}·{sub}")
            continue
        name = text or sub
        if not name or name in EDUCATION_PARENTS:
            continue
        key = header_key(name)
        if key is None:
            ignored.append(display(top[index]) if text else display(below[index]))
        else:
            columns[index] = (key, name)
    return columns, ignored, two_rows


def _check_columns(columns):
    seen = {}
    for _index, (key, text) in sorted(columns.items()):
        if key in seen:
            raise ImportRefused(DUPLICATE_COLUMN.format(first=seen[key], second=text, label=BY_KEY[key].label))
        seen[key] = text
    missing = [BY_KEY[key].label for key in REQUIRED_KEYS if key not in seen and key != "education"]
    if missing:
        raise ImportRefused(MISSING_COLUMNS.format(columns="、".join(missing)))
    if not any(key in seen for key in EDUCATION_KEYS):
        raise ImportRefused(MISSING_EDUCATION)
    if "id_number" not in seen and "birth_date" not in seen:
        raise ImportRefused(MISSING_BIRTH)


def _classify(cells, columns, header_texts):
    """Return a skip reason for a row that is not a person, or None.

    `header_texts` is {column index: normalized header text}. This runs on every row: the blank
    test is cells.is_blank inline, and a cell is normalized only if it holds its header's first
    character (the cheap test almost every data cell fails).
    """
    width = len(cells)
    values = [
        (index, value)
        for index, _column in columns
        if index < width
        and (value := cells[index]) is not None
        and not (value.__class__ is str and not value.strip(SPACES))
    ]
    if len(values) <= 3:
        first = next((display(value) for value in cells if not is_blank(value)), "")
        if first.startswith(NOTE_PREFIXES):
            return SKIP_NOTE
        if not values:
            return SKIP_BLANK
    repeats = 0
    for index, value in values:
        if value.__class__ is not str:
            continue
        header = header_texts[index]
        cheap = header and (header[0] in value or header[0] in unicodedata.normalize("NFKC", value))
        if cheap and normalize_header(value) == header:
            repeats += 1
            if repeats >= 2:
                return SKIP_HEADER
    return None


def _find_header(sheet):
    """Return (header row number, top cells, cells below) of the sheet's roster header, or None."""
    rows = _sheet_rows(sheet)
    previous = None
    for number, cells in rows:
        if previous is not None:
            return previous[0], previous[1], cells
        if number > sheet.start[0] + HEADER_SEARCH_ROWS:
            return None
        has_name, score = _header_score(cells)
        if has_name and score >= 3:
            previous = (number, cells)
    if previous is not None:
        return previous[0], previous[1], []
    return None


def read_roster(data, *, sheet_name=None):
    """Return the RosterSheet of an uploaded file's roster; ImportRefused says what is wrong."""
    check_file(data)
    workbook = open_workbook(data)
    try:
        names = workbook.sheet_names
        if sheet_name is not None and sheet_name not in names:
            raise ImportRefused(SHEET_MISSING.format(sheet=sheet_name, sheets="、".join(names)))
        for name in [sheet_name] if sheet_name else names:
            try:
                sheet = workbook.get_sheet_by_name(name)
            except Exception:
                raise ImportRefused(CORRUPT) from None
            if sheet.height > settings.ROSTER_IMPORT_MAX_ROWS:
                raise ImportRefused(
                    TOO_MANY_ROWS.format(sheet=name, rows=sheet.height, limit=settings.ROSTER_IMPORT_MAX_ROWS)
                )
            found = _find_header(sheet)
            if found is None:
                if sheet_name and sheet.start is None:
                    raise ImportRefused(SHEET_EMPTY.format(sheet=name))
                continue
            return _read_sheet(sheet, name, *found, hidden=hidden_values(data, name), data=data)
    except python_calamine.CalamineError:
        raise ImportRefused(CORRUPT) from None
    finally:
        workbook.close()
    raise ImportRefused(
        NO_HEADER.format(sheets="、".join(f"“{name}”" for name in ([sheet_name] if sheet_name else names)))
    )


def _read_sheet(sheet, name, header_row, top, below, hidden=None, data=b""):
    merges = {
        start[1]: end[1]
        for start, end in (sheet.merged_cell_ranges or [])
        if start[0] == header_row - 1 and end[1] > start[1]
    }
    columns, ignored, two_rows = _map_columns(top, below, merges)
    _check_columns(columns)
    by_row = {}
    for (row, index), value in (hidden or {}).items():
        by_row.setdefault(row, {})[index] = value
    return RosterSheet(
        sheet=name,
        header_row=header_row + (1 if two_rows else 0),
        columns=columns,
        ignored_columns=ignored,
        source=sheet,
        hidden=by_row,
        data=data,
    )

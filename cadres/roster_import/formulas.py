"""Cells calamine reads as empty that are not: formulas saved without their value, and error values.

openpyxl and some systems write a formula without calculating it (TRAPS.md), and a sheet may hold
Excel's error values (#N/A, #REF! …); calamine gives an empty cell for both, which would pass as
"not filled in". In an .xlsx the sheet's XML tells them apart (<f> with no <v>, and t="e"); in a
legacy .xls the BIFF records do (a FORMULA whose result is the blank placeholder, which is what a
formula never calculated carries, or an error; a BOOLERR holding an error).
"""

import io
import posixpath
import re
import struct
import zipfile

import olefile
from defusedxml import ElementTree

XLSX_MAGIC = b"PK\x03\x04"

# A formula cell (<f>) saved without its value (<v/> or none), other than a text result (t="str"),
# was never calculated: openpyxl and some systems write formulas that way (TRAPS.md).
_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]+)(\d+)"([^>]*?)(?<!/)>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)\s*(?:<v>([^<]*)</v>|<v\s*/>)?'
)
# An error value (t="e"), typed or a formula's result.
_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*? t="e"[^>]*>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)?\s*<v>([^<]*)</v>')
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Uncalculated:
    """The value of a formula cell that was never calculated: reported on its row and column."""

    def __str__(self):
        return "（公式）"


UNCALCULATED = Uncalculated()


class ExcelError:
    """An Excel error value (#N/A, #DIV/0! …) in a cell: reported on its row and column."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text

    def __eq__(self, other):
        return isinstance(other, ExcelError) and other.text == self.text

    def __hash__(self):
        return hash(self.text)


def _column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + (letter - 64)
    return index - 1


# The sheet's XML is scanned in pieces (a 100,000-row sheet is ~100 MB of XML); a cell element is
# far shorter than the overlap kept between pieces, so none is missed or cut.
XML_CHUNK = 4 * 1024 * 1024
XML_OVERLAP = 64 * 1024


def _matches(stream, patterns):
    """Yield (pattern, match) for each match of `patterns` ({pattern: marker}) in an XML byte stream.

    The stream is read piece by piece; a pattern runs on a piece only if its marker is in it, and
    each match is yielded once.
    """
    buffer, offset = b"", 0  # offset: position of buffer[0] in the stream
    last_end = dict.fromkeys(patterns, 0)
    while True:
        chunk = stream.read(XML_CHUNK)
        buffer += chunk
        final = not chunk
        # A match ending in the overlap might be cut short (a <v> not read yet): it is taken from the next piece.
        limit = len(buffer) if final else len(buffer) - XML_OVERLAP
        keep = max(limit, 0)
        for pattern, marker in patterns.items():
            if marker not in buffer:
                continue
            for match in pattern.finditer(buffer):
                if match.end() > limit:
                    keep = min(keep, match.start())  # read it whole from the next piece
                    break
                if offset + match.start() >= last_end[pattern]:
                    last_end[pattern] = offset + match.end()
                    yield pattern, match
        if final:
            return
        offset += keep
        buffer = buffer[keep:]


def _sheet_path(archive, sheet_name):
    """Return the path inside the .xlsx of the sheet named `sheet_name`, or None."""
    sheets = ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(_SHEET)
    rid = next((sheet.get(_RID) for sheet in sheets if sheet.get("name") == sheet_name), None)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter(_RELS)
    target = next((rel.get("Target") for rel in rels if rel.get("Id") == rid), None)
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")


def hidden_values(data, sheet_name):
    """Return {(Excel row, column index): UNCALCULATED or ExcelError} for the cells calamine reads as empty."""
    if not data.startswith(XLSX_MAGIC):
        return _xls_hidden_values(data, sheet_name)
    found = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _sheet_path(archive, sheet_name)
            if path is None:
                return {}
            with archive.open(path) as stream:
                for pattern, match in _matches(stream, {_FORMULA_CELL: b"<f", _ERROR_CELL: b't="e"'}):
                    cell = int(match[2]), _column_index(match[1])
                    if pattern is _ERROR_CELL:
                        found[cell] = ExcelError(match[3].decode("utf-8", "replace"))
                    elif not match[4] and b't="str"' not in match[3] and b't="e"' not in match[3]:
                        found.setdefault(cell, UNCALCULATED)
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return {}
    return found


# BIFF8 (MS-XLS): record ids, and the error codes of FORMULA results and BOOLERR cells.
_BOF, _EOF, _BOUNDSHEET, _FORMULA, _BOOLERR = 0x0809, 0x000A, 0x0085, 0x0006, 0x0205
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}


def _records(stream, start=0):
    """Yield (record id, offset of its data, its length) of the BIFF records from `start`."""
    position, end = start, len(stream)
    while position + 4 <= end:
        record, length = struct.unpack_from("<HH", stream, position)
        yield record, position + 4, length
        position += 4 + length


def _sheet_offsets(stream):
    """Return {sheet name: offset of its BOF} from the workbook globals' BOUNDSHEET records."""
    offsets = {}
    for record, at, length in _records(stream):
        if record == _BOUNDSHEET and length >= 8:
            offset, count, flags = struct.unpack_from("<I2xBB", stream, at)
            raw = stream[at + 8 : at + length]
            offsets[raw[: count * 2].decode("utf-16-le") if flags & 1 else raw[:count].decode("latin-1")] = offset
        elif record == _EOF:
            break
    return offsets


def _xls_hidden_values(data, sheet_name):
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if name is None:
                return {}
            stream = ole.openstream(name).read()
    except (OSError, ValueError, struct.error):
        return {}
    offset = _sheet_offsets(stream).get(sheet_name)
    if offset is None:
        return {}
    found = {}
    for record, at, length in _records(stream, offset):
        if record == _FORMULA and length >= 14:
            row, column = struct.unpack_from("<HH", stream, at)
            result = stream[at + 6 : at + 14]
            if result[6:8] == b"\xff\xff" and result[0] == 3:
                found[(row + 1, column)] = UNCALCULATED
            elif result[6:8] == b"\xff\xff" and result[0] == 2:
                found[(row + 1, column)] = ExcelError(_ERRORS.get(result[2], "#N/A"))
        elif record == _BOOLERR and length >= 8:
            row, column, _xf, value, is_error = struct.unpack_from("<HHHBB", stream, at)
            if is_error:
                found[(row + 1, column)] = ExcelError(_ERRORS.get(value, "#N/A"))
        elif record == _EOF and at - 4 > offset:
            break
    return found


# A number whose one decimal (1985.1) may be a month with its 0 dropped, with the style it is shown in.
_ONE_DECIMAL = re.compile(rb'<c r="([A-Z]+)(\d+)"(?: s="(\d+)")?(?: t="n")?><v>(\d{4}\.\d)</v>')
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Built-in number formats (ECMA-376 18.8.30) that show two decimals: 0.00 and #,##0.00.
_TWO_DECIMAL_BUILTINS = {2, 4}
_TWO_DECIMALS = re.compile(r"(?<![0#])\.00(?![0#])")


def _two_decimal_styles(archive):
    """Return the indexes of the cell styles (cellXfs) whose number format shows exactly two decimals."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return set()
    custom = {
        int(numfmt.get("numFmtId")): numfmt.get("formatCode", "")
        for numfmt in styles.iter(f"{_MAIN}numFmt")
        if numfmt.get("numFmtId", "").isdigit()
    }
    shown = set()
    xfs = styles.find(f"{_MAIN}cellXfs")
    for index, xf in enumerate(xfs if xfs is not None else ()):
        number_format = int(xf.get("numFmtId", "0"))
        code = custom.get(number_format)
        if number_format in _TWO_DECIMAL_BUILTINS or (code and _TWO_DECIMALS.search(code.split(";")[0])):
            shown.add(index)
    return shown


def two_decimal_cells(data, sheet_name):
    """Return the (Excel row, column index) of .xlsx number cells such as 1985.1 shown with two decimals.

    Such a cell reads 1985.10 on screen: October. Read only when a roster has such a number in a
    date column; a legacy .xls gives nothing here (its formats are not read).
    """
    if not data.startswith(XLSX_MAGIC):
        return set()
    found = set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            path = _sheet_path(archive, sheet_name)
            styles = _two_decimal_styles(archive)
            if path is None or not styles:
                return set()
            with archive.open(path) as stream:
                for _pattern, match in _matches(stream, {_ONE_DECIMAL: b"."}):
                    if match[3] is not None and int(match[3]) in styles:
                        found.add((int(match[2]), _column_index(match[1])))
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return set()
    return found

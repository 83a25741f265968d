"""Cells calamine reads as empty that are not: formulas saved without their value, and error values.

openpyxl and some systems write a formula without calculating it (TRAPS.md), and a sheet may hold
Excel's error values (#N/A, #REF! …); calamine gives an empty cell for both, which would pass as
"not filled in". The sheet's XML tells them apart: <f> with no <v>, and t="e".
"""

import io
import posixpath
import re
import zipfile

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
    """Return {(Excel row, column index): UNCALCULATED or ExcelError} for the cells calamine reads as empty.

    Only .xlsx files are scanned; a legacy .xls gives nothing here.
    """
    if not data.startswith(XLSX_MAGIC):
        return {}
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

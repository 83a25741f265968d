"""Formula cells saved without their value: they must be reported, not read as empty cells.

openpyxl and some systems write a formula without calculating it (TRAPS.md); calamine then gives
an empty cell. The sheet's XML tells them apart: <f> with no <v>.
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
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class Uncalculated:
    """The value of a formula cell that was never calculated: reported on its row and column."""

    def __str__(self):
        return "（公式）"


UNCALCULATED = Uncalculated()


def _column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + (letter - 64)
    return index - 1


# The sheet's XML is scanned in pieces (a 100,000-row sheet is ~100 MB of XML); a cell element is
# far shorter than the overlap kept between pieces, so none is missed or cut.
XML_CHUNK = 4 * 1024 * 1024
XML_OVERLAP = 64 * 1024


def _formula_matches(stream):
    """Yield the _FORMULA_CELL matches of an XML byte stream read piece by piece, each once."""
    buffer, offset, last_end = b"", 0, 0  # offset: position of buffer[0] in the stream
    while True:
        chunk = stream.read(XML_CHUNK)
        buffer += chunk
        final = not chunk
        # A match ending in the overlap might be cut short (a <v> not read yet): it is taken from the next piece.
        limit = len(buffer) if final else len(buffer) - XML_OVERLAP
        keep = max(limit, 0)
        if b"<f" in buffer:
            for match in _FORMULA_CELL.finditer(buffer):
                if match.end() > limit:
                    keep = min(keep, match.start())  # read it whole from the next piece
                    break
                if offset + match.start() >= last_end:
                    last_end = offset + match.end()
                    yield match
        if final:
            return
        offset += keep
        buffer = buffer[keep:]


def uncalculated_cells(data, sheet_name):
    """Return {(Excel row, column index)} of the formula cells without a value in an .xlsx sheet."""
    if not data.startswith(XLSX_MAGIC):
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(_SHEET)
            rid = next((sheet.get(_RID) for sheet in sheets if sheet.get("name") == sheet_name), None)
            rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter(_RELS)
            target = next((rel.get("Target") for rel in rels if rel.get("Id") == rid), None)
            if target is None:
                return set()
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            with archive.open(path) as stream:
                return {
                    (int(match[2]), _column_index(match[1]))
                    for match in _formula_matches(stream)
                    if not match[4] and b't="str"' not in match[3]
                }
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return set()

"""Finding the roster in a workbook: sheets, header shapes, framing and footer rows, broken files."""

import io
import zipfile

import pytest
from django.test import override_settings
from openpyxl import Workbook

from cadres.importing.problems import ImportRefused
from cadres.roster_import import formulas, reader
from cadres.roster_import.reader import read_roster
from tests.factories import HEADERS, person, roster_bytes, sheet_xml_edited, workbook_bytes


def rows(sheet):
    return list(sheet.iter_rows())


def skipped(sheet):
    """The rows a full read of `sheet` skips, with the reasons."""
    found = []
    for _row in sheet.iter_rows(found):
        pass
    return found


def keys(sheet):
    return {key: text for key, text in sheet.columns.values()}


def test_header_found_below_title_unit_line_secrecy_line_and_blank_rows():
    above = [
        ["下陆区优秀年轻干部名册"],
        ["（工作秘密  注意保存）"],
        ["填报单位（盖章）：", None, None, "填报日期："],
        [],
    ]
    sheet = read_roster(roster_bytes([person()], above=above))
    assert sheet.header_row == 5
    assert [number for number, _values in rows(sheet)] == [6]


def test_rows_keep_their_excel_numbers_when_the_sheet_starts_with_blank_rows():
    """The clerk sees row numbers counted from the top of the sheet, not from the first filled row."""
    sheet = read_roster(roster_bytes([person(), person("李四")], above=[[], [], ["下陆区优秀年轻干部名册"]]))
    assert sheet.header_row == 4
    assert [number for number, _values in rows(sheet)] == [5, 6]


def test_header_and_rows_keep_their_excel_numbers_when_column_a_is_empty():
    workbook = Workbook()
    ws = workbook.active
    ws.append([])
    ws.append([None, *HEADERS])
    ws.append([None, *(person().get(header) for header in HEADERS)])
    sheet = read_roster(workbook_bytes(workbook))
    assert (sheet.header_row, [number for number, _values in rows(sheet)]) == (2, [3])
    assert keys(sheet)["name"] == "姓名"
    assert rows(sheet)[0][1]["name"] == "张三"


def test_instructions_sheet_first_is_passed_over_and_the_report_names_the_sheet_read():
    data = roster_bytes([person()], before_sheets=[("填报说明", [["姓名：填写全名"], ["性别：男或女"]])])
    assert read_roster(data).sheet == "花名册"


def test_named_sheet_is_read():
    assert read_roster(roster_bytes([person()], sheet="二〇二一"), sheet_name="二〇二一").sheet == "二〇二一"


def test_missing_named_sheet_lists_the_sheets():
    with pytest.raises(ImportRefused) as error:
        read_roster(roster_bytes([person()]), sheet_name="Sheet9")
    assert str(error.value) == reader.SHEET_MISSING.format(sheet="Sheet9", sheets="花名册")


REPLACES = {"name": "姓名", "gender": "性别", "birth_date": "出生年月", "id_number": "公民身份号码", "unit": "工作单位"}
REPLACES |= {"post": "职务", "channel": "进入方式", "entry_date": "进入时间"}


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("出生\n年月", "birth_date"),
        ("参加工\n作时间", "first_work_date"),
        ("姓  名", "name"),
        ("备 注", "notes"),
        ("性别 ", "gender"),
        ("身份证号*（已核对）", "id_number"),
        ("*工作单位", "unit"),
        ("出生日期", "birth_date"),
        ("身份证号码", "id_number"),
        ("单位", "unit"),
        ("现任职务", "post"),
        ("招录渠道", "channel"),
        ("来源渠道", "channel"),
        ("入职时间", "entry_date"),
        ("到岗时间", "entry_date"),
        ("调出时间", "leave_date"),
    ],
)
def test_header_text_as_people_type_it(typed, key):
    target = REPLACES.get(key, "序号")
    headers = [typed if header == target else header for header in HEADERS]
    sheet = read_roster(roster_bytes([], headers=headers))
    assert keys(sheet)[key]


def test_extra_columns_are_ignored_and_listed():
    sheet = read_roster(roster_bytes([person()], headers=[*HEADERS, "籍贯", "手机号"]))
    assert sheet.ignored_columns == ["序号", "籍贯", "手机号"]


def test_two_row_header_parent_decides_full_time_or_in_service():
    workbook = Workbook()
    ws = workbook.active
    ws.append(
        ["姓名", "政治面貌", "工作单位", "进入方式", "出生年月", "全日制教育", None, None, "在职教育", None, None]
    )
    ws.append([None, None, None, None, None, "学历", "学位", "毕业院校及专业", "学历", "学位", "毕业院校系及专业"])
    for col in "ABCDE":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("F1:H1")
    ws.merge_cells("I1:K1")
    ws.append(
        ["张三", "党员", "下陆区委组织部", "选调生", "1990.05", "本科", "学士", "武汉大学法学", "研究生", "硕士", "x"]
    )
    sheet = read_roster(workbook_bytes(workbook))
    assert sheet.header_row == 2
    assert keys(sheet)["fulltime.education"] == "全日制教育·学历"
    assert keys(sheet)["inservice.degree"] == "在职教育·学位"
    assert keys(sheet)["inservice.school"] == "在职教育·毕业院校系及专业"
    assert [number for number, _values in rows(sheet)] == [3]


def test_footer_lines_blank_rows_and_repeated_header_are_skipped_and_listed():
    below = [[], ["填表人：王五", None, None, "联系电话：0714-1234567"], ["注：1.出生年月按身份证填写。"]]
    data = roster_bytes([person(), HEADERS, person("李四")], below=below)
    sheet = read_roster(data)
    assert [number for number, _values in rows(sheet)] == [2, 4]
    assert skipped(sheet) == [
        (3, reader.SKIP_HEADER),
        (5, reader.SKIP_BLANK),
        (6, reader.SKIP_NOTE),
        (7, reader.SKIP_NOTE),
    ]


def test_styled_empty_columns_far_to_the_right_cost_nothing():
    workbook = Workbook()
    ws = workbook.active
    ws.append(HEADERS)
    ws.append([person().get(header) for header in HEADERS])
    ws.cell(row=2, column=16000).number_format = "0.00"
    sheet = read_roster(workbook_bytes(workbook))
    assert len(rows(sheet)) == 1


def test_missing_required_columns_are_named():
    headers = [header for header in HEADERS if header not in ("进入方式", "政治面貌")]
    with pytest.raises(ImportRefused) as error:
        read_roster(roster_bytes([], headers=headers))
    assert str(error.value) == reader.MISSING_COLUMNS.format(columns="政治面貌、进入方式")


def test_two_columns_for_one_field_are_refused():
    with pytest.raises(ImportRefused) as error:
        read_roster(roster_bytes([], headers=[*HEADERS, "单位"]))
    assert str(error.value) == reader.DUPLICATE_COLUMN.format(first="工作单位", second="单位", label="工作单位")


def test_empty_sheet_has_no_header():
    with pytest.raises(ImportRefused) as error:
        read_roster(workbook_bytes(Workbook()))
    assert str(error.value) == reader.NO_HEADER.format(sheets="“Sheet”")


def test_not_an_excel_file():
    with pytest.raises(ImportRefused) as error:
        read_roster("姓名,性别\n张三,男\n".encode())
    assert str(error.value) == reader.NOT_EXCEL


def test_corrupt_xlsx():
    with pytest.raises(ImportRefused) as error:
        read_roster(roster_bytes([person()])[:3000])
    assert str(error.value) == reader.CORRUPT


def test_zip_that_is_not_a_workbook_is_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportRefused) as error:
        read_roster(buffer.getvalue())
    assert str(error.value) == reader.CORRUPT


def test_password_protected_workbook():
    """An encrypted .xlsx is a compound file holding an EncryptionInfo stream."""
    data = reader.CFB_MAGIC + b"\0" * 504 + reader.ENCRYPTION_INFO + b"\0" * 1000
    with pytest.raises(ImportRefused) as error:
        read_roster(data)
    assert str(error.value) == reader.ENCRYPTED


def test_legacy_file_that_is_not_a_workbook_is_corrupt():
    with pytest.raises(ImportRefused) as error:
        read_roster(reader.CFB_MAGIC + b"\0" * 2000)
    assert str(error.value) == reader.CORRUPT


@override_settings(ROSTER_IMPORT_MAX_BYTES=1000)
def test_file_over_the_size_limit():
    with pytest.raises(ImportRefused) as error:
        read_roster(b"PK\x03\x04" + b"\0" * 2048)
    assert str(error.value) == reader.FILE_TOO_LARGE.format(size="2 KB", limit="1 KB")


@override_settings(ROSTER_IMPORT_MAX_UNCOMPRESSED=10_000)
def test_zip_bomb_refused_before_opening():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    with pytest.raises(ImportRefused) as error:
        read_roster(buffer.getvalue())
    assert str(error.value) == reader.UNCOMPRESSED_TOO_LARGE.format(limit="10 KB")


@override_settings(ROSTER_IMPORT_MAX_ROWS=3)
def test_too_many_rows():
    with pytest.raises(ImportRefused) as error:
        read_roster(roster_bytes([person(), person(), person()]))
    assert str(error.value) == reader.TOO_MANY_ROWS.format(sheet="花名册", rows=4, limit=3)


def test_uncalculated_formulas_are_found_across_the_pieces_the_xml_is_read_in(monkeypatch):
    """The sheet XML is scanned in pieces; a formula cell cut by a piece's end is neither missed nor misread."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "花名册"
    for row in range(1, 41):
        ws.cell(row, 1, f"=ROW()+{row}")
        ws.cell(row, 2, "文字" * (row % 7))
    # Give every other formula its calculated value, as Excel would have saved it.
    calculated = {
        f"<f>ROW()+{row}</f><v /></c>".encode(): f"<f>ROW()+{row}</f><v>{2 * row}</v></c>".encode()
        for row in range(2, 41, 2)
    }
    data = sheet_xml_edited(workbook_bytes(workbook), calculated)
    expected = dict.fromkeys([(row, 0) for row in range(1, 41, 2)], formulas.UNCALCULATED)
    assert formulas.hidden_values(data, "花名册") == expected
    monkeypatch.setattr(formulas, "XML_CHUNK", 37)
    monkeypatch.setattr(formulas, "XML_OVERLAP", 200)
    assert formulas.hidden_values(data, "花名册") == expected

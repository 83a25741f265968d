"""Validating rows against the database: values, matching, units, channels, and the exact row and column."""

import datetime
import io

import pytest
import xlwt
from openpyxl import Workbook

from cadres.importing.dates import DATE_INVALID
from cadres.importing.outcome import Change
from cadres.importing.problems import Problem
from cadres.models import Cadre, Unit
from cadres.models.records import ID_BIRTH_MISMATCH
from cadres.roster_import import cells, plan, row_reader
from cadres.roster_import.load import roster_import_plan
from tests.factories import (
    HEADERS,
    make_cadre,
    make_id_number,
    make_unit,
    make_user,
    person,
    roster_bytes,
    sheet_xml_edited,
    workbook_bytes,
)

UNIT = "下陆区委组织部"
pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return make_unit(UNIT)


def planned(people, **options):
    return roster_import_plan(roster_bytes(people), filename="花名册.xlsx", **options)


def only_row(result):
    assert result.ok, [str(problem) for problem in result.problems]
    (row,) = result.people
    return row


@pytest.mark.parametrize(
    ("header", "typed", "field", "stored"),
    [
        ("政治面貌", "党员", "political_status", "中共党员"),
        ("政治面貌", "预备党员", "political_status", "中共预备党员"),
        ("政治面貌", "团员", "political_status", "共青团员"),
        ("学历", "本科", "education", "大学本科"),
        ("学历", "大学", "education", "大学本科"),
        ("进入方式", "公务员", "channel", "公务员招录"),
        ("进入方式", "公务员招录", "channel", "公务员招录"),
        ("进入方式", "事业单位", "channel", "事业单位招聘"),
        ("进入方式", "shequ", "channel", "社区定向招聘"),
        ("进入方式", "退伍安置", "channel", "退伍安置"),
        ("姓名", "张  三", "name", "张三"),
    ],
)
def test_values_in_the_forms_clerks_use(unit, header, typed, field, stored):
    row = only_row(planned([person(**{header: typed})]))
    assert str(getattr(row.cadre, field)) == stored


def test_graduate_without_degree_is_a_master(unit):
    row = only_row(planned([person(学历="研究生", 学位="")]))
    assert (row.cadre.education, row.cadre.degree) == ("硕士研究生", "无")


def test_ethnicity_short_form(unit):
    data = roster_bytes([[*person().values(), "汉"]], headers=[*HEADERS, "民族"])
    assert only_row(roster_import_plan(data, filename="x.xlsx")).cadre.ethnicity == "汉族"


def test_birth_month_with_id_number_takes_the_day_from_the_id(unit):
    row = only_row(planned([person(出生年月="1990.05")]))
    assert (row.cadre.birth_date, row.cadre.birth_month_only) == (datetime.date(1990, 5, 12), False)


def test_birth_month_without_id_number_is_the_first_marked_month_only(unit):
    row = only_row(planned([person(出生年月="1990年5月", 公民身份号码="")]))
    assert (row.cadre.birth_date, row.cadre.birth_month_only) == (datetime.date(1990, 5, 1), True)


def test_birth_month_contradicting_the_id_number(unit):
    result = planned([person(出生年月="1991.05")])
    assert result.problems == [Problem(2, "出生年月", ID_BIRTH_MISMATCH.format(date="1990-05-12"))]


def test_chinese_date_format_cells_are_dates(unit):
    data = roster_bytes([person(进入时间=datetime.date(2016, 9, 1))], formats={"进入时间": 'yyyy"年"m"月"d"日"'})
    assert only_row(roster_import_plan(data, filename="x.xlsx")).cadre.entry_date == datetime.date(2016, 9, 1)


def test_mixed_date_forms_in_one_column(unit):
    people = [
        person("甲", 进入时间="2015.08", birth=datetime.date(1990, 1, 1)),
        person("乙", 进入时间=20150801, birth=datetime.date(1990, 1, 2)),
        person("丙", 进入时间="2015/8/1", birth=datetime.date(1990, 1, 3)),
    ]
    result = planned(people)
    assert result.ok
    assert {row.cadre.entry_date for row in result.people} == {datetime.date(2015, 8, 1)}


def test_each_bad_cell_is_reported_with_its_excel_row_and_column(unit):
    people = [person(), person("李四", birth=datetime.date(1991, 1, 1), 性别="未知", 进入时间="明年")]
    result = planned(people)
    assert [str(problem) for problem in result.problems] == [
        "第3行 · 性别 · " + cells.CHOICE_INVALID.format(value="未知", choices="男、女"),
        "第3行 · 进入时间 · " + DATE_INVALID.format(value="明年"),
    ]


def test_required_cell_left_blank(unit):
    assert planned([person(姓名="")]).problems == [Problem(2, "姓名", plan.REQUIRED)]


def test_id_number_stored_as_number_names_the_row(unit):
    result = planned([person(公民身份号码=420204199005121035)])
    assert result.problems == [Problem(2, "公民身份号码", cells.ID_AS_NUMBER)]


def test_same_id_number_twice_is_an_error_on_both_rows(unit):
    twin = person()
    result = planned([twin, dict(twin, 姓名="李四")])
    reason = plan.DUPLICATE_ID.format(first=2, second=3)
    assert result.problems == [Problem(2, "公民身份号码", reason), Problem(3, "公民身份号码", reason)]


def test_unknown_unit_is_an_error_unless_creating_units(unit):
    result = planned([person(工作单位="新设机构")])
    assert result.problems == [Problem(2, "工作单位", plan.UNIT_UNKNOWN.format(unit="新设机构"))]
    result = planned([person(工作单位="团城山街道")], create_units=True)
    assert [(new.name, new.kind) for new in result.new_units] == [("团城山街道", "街道")]


def test_unit_clerk_cannot_import_another_units_cadres(unit):
    clerk = make_user("单位信息员", [make_unit("东方山街道")])
    result = planned([person()], user=clerk)
    assert result.problems == [Problem(2, "工作单位", plan.UNIT_FORBIDDEN.format(unit=UNIT))]


def test_unit_clerk_cannot_create_units(unit):
    clerk = make_user("单位信息员", [unit])
    result = planned([person(工作单位="新设机构")], user=clerk, create_units=True)
    assert result.problems == [Problem(2, "工作单位", plan.UNIT_CREATE_FORBIDDEN.format(unit="新设机构"))]


def test_unknown_channel(unit):
    result = planned([person(进入方式="天降")])
    assert result.problems[0].column == "进入方式"


def test_model_rules_reported_on_the_row(unit):
    result = planned([person(进入时间=datetime.date(1980, 1, 1))])
    assert result.problems == [Problem(2, "进入时间", "出生日期必须早于进入时间")]


def test_row_for_known_id_number_is_an_update_with_its_changes(unit):
    birth = datetime.date(1990, 5, 12)
    number = make_id_number(birth)
    existing = make_cadre(name="张三", birth_date=birth, id_number=number, unit=unit, post="科员")
    row = only_row(planned([person(公民身份号码=number, 职务="副科长")]))
    assert (row.action, row.cadre.pk, row.changes) == (
        "updated",
        existing.pk,
        [Change("职务", "科员", "副科长", "post")],
    )


def test_row_without_id_number_matches_name_birth_date_and_unit(unit):
    birth = datetime.date(1990, 5, 12)
    existing = make_cadre(name="张三", birth_date=birth, unit=unit, post="科员", entry_date=datetime.date(2015, 8, 1))
    row = only_row(planned([person(公民身份号码="", 出生年月=birth)]))
    assert (row.action, row.cadre.pk) == ("unchanged", existing.pk)


def test_row_without_id_number_in_another_unit_is_new(unit):
    make_cadre(name="张三", birth_date=datetime.date(1990, 5, 12), unit=make_unit("别的单位"))
    row = only_row(planned([person(公民身份号码="", 出生年月=datetime.date(1990, 5, 12))]))
    assert row.action == "created"


def test_queries_do_not_grow_with_the_rows(unit, django_assert_max_num_queries):
    people = [person(f"干部{i}", birth=datetime.date(1990, 1, 1) + datetime.timedelta(days=i)) for i in range(60)]
    data = roster_bytes(people)
    with django_assert_max_num_queries(6):
        result = roster_import_plan(data, filename="x.xlsx")
    assert result.ok and len(result.people) == 60


def test_legacy_xls_is_read(unit):
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Sheet1")
    sheet.write(0, 0, "下陆区优秀年轻干部名册")
    values = person()
    values["出生年月"] = "1990.05"
    for col, header in enumerate(HEADERS):
        sheet.write(2, col, header)
        sheet.write(3, col, values[header] if not isinstance(values[header], datetime.date) else "2015-08-01")
    path_bytes = _xls_bytes(workbook)
    row = only_row(roster_import_plan(path_bytes, filename="名册.xls"))
    assert (row.cadre.name, row.cadre.entry_date) == ("张三", datetime.date(2015, 8, 1))
    assert Unit.objects.count() == 1 and Cadre.objects.count() == 0


def _xls_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_formula_never_calculated_is_an_error_on_its_row_and_column(unit):
    """openpyxl writes a formula without its cached value; it must not be read as an empty cell."""
    workbook = Workbook()
    ws = workbook.active
    ws.append(HEADERS)
    ws.append([person().get(header) for header in HEADERS])
    ws.append([person("李四", birth=datetime.date(1991, 1, 1)).get(header) for header in HEADERS])
    ws["J3"] = '=CONCATENATE("副","科长")'
    ws["L2"] = "=DATE(2015,8,1)"
    result = roster_import_plan(workbook_bytes(workbook), filename="x.xlsx")
    assert result.problems == [
        Problem(2, "进入时间", row_reader.FORMULA_UNCALCULATED),
        Problem(3, "职务", row_reader.FORMULA_UNCALCULATED),
    ]
    assert row_reader.FORMULA_UNCALCULATED == "公式未计算，请在Excel中重新计算后保存，或改为直接填写数值"


def test_formula_with_its_calculated_value_is_read_as_the_value(unit):
    """Excel saves a formula with its result (<v>); that result is the cell's value."""
    workbook = Workbook()
    ws = workbook.active
    ws.append(HEADERS)
    ws.append([person().get(header) for header in HEADERS])
    ws["J2"] = '=CONCATENATE("副","科长")'
    data = sheet_xml_edited(
        workbook_bytes(workbook),
        {b'<c r="J2"><f>': b'<c r="J2" t="str"><f>', b"</f><v />": "</f><v>副科长</v>".encode()},
    )
    assert only_row(roster_import_plan(data, filename="x.xlsx")).cadre.post == "副科长"


def test_header_over_junk_rows_stops_after_the_problem_limit(unit, django_assert_num_queries):
    """A header over thousands of rows of junk: a clean message, not a list as long as the file.

    No query per row (the time a whole junk file takes is measured by benchmarks/import_speed.py --garbage).
    """
    junk = [[f"乱码{i}", "x", "?", "!!", "—", "@", "#", "$", "%", "^", "&", "*"] for i in range(1500)]
    data = roster_bytes(junk)
    with django_assert_num_queries(4):
        result = roster_import_plan(data, filename="x.xlsx")
    assert len(result.problems) <= plan.MAX_PROBLEMS + 12
    assert result.problems[-1].reason == plan.TOO_MANY_PROBLEMS.format(limit=plan.MAX_PROBLEMS)
    assert str(result.problems[-1]).endswith(
        "错误已超过1000处，其余行未再检查；这可能不是花名册，请修改以上错误后重新导入"
    )


def test_excel_error_values_are_errors_on_their_cells_not_empty_cells(unit):
    """calamine reads #N/A as an empty cell: an optional column would lose it silently."""
    workbook = Workbook()
    ws = workbook.active
    ws.append(HEADERS)
    ws.append([person().get(header) for header in HEADERS])
    ws.append([person("李四", birth=datetime.date(1991, 1, 1)).get(header) for header in HEADERS])
    ws["J2"] = "#N/A"  # 职务, optional
    ws["B3"] = "#REF!"  # 姓名, required
    assert (ws["J2"].data_type, ws["B3"].data_type) == ("e", "e")
    result = roster_import_plan(workbook_bytes(workbook), filename="x.xlsx")
    assert result.problems == [
        Problem(2, "职务", row_reader.EXCEL_ERROR.format(value="#N/A")),
        Problem(3, "姓名", row_reader.EXCEL_ERROR.format(value="#REF!")),
    ]
    assert row_reader.EXCEL_ERROR.format(value="#N/A") == "单元格是Excel错误值“#N/A”，请改正后再导入"


def test_a_formula_whose_result_is_an_error_is_an_error_value(unit):
    workbook = Workbook()
    ws = workbook.active
    ws.append(HEADERS)
    ws.append([person().get(header) for header in HEADERS])
    ws["J2"] = "=1/0"
    data = sheet_xml_edited(
        workbook_bytes(workbook), {b'<c r="J2"><f>1/0</f><v />': b'<c r="J2" t="e"><f>1/0</f><v>#DIV/0!</v>'}
    )
    result = roster_import_plan(data, filename="x.xlsx")
    assert result.problems == [Problem(2, "职务", row_reader.EXCEL_ERROR.format(value="#DIV/0!"))]

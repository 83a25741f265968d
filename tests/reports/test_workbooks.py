"""The young-cadre workbook, from the .xlsx download and from the monthly report command."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import UNIT_CLERK, role_group
from reports.management.commands.export_monthly_report import WRITTEN
from reports.models import MonthlyReport
from reports.monthly import MONTH_FORMAT
from reports.params import INTAKE_UNKNOWN_CHANNEL, MAX_AGE_RANGE, RECENT_YEARS_RANGE, channel_lookup
from tests.factories import make_cadre, make_counted, make_unit

from .helpers import (
    ARTICLE_PARAMS,
    GROUP_NAMES,
    JSON_URL,
    OLD_ENTRY,
    RECENT_ENTRY,
    STATS_URL,
    XLSX_URL,
    YOUNG_BIRTH,
    html_table,
    load_workbook,
    roster_records,
    sheet_rows,
    summary_counts,
    summary_table,
    url,
)

pytestmark = pytest.mark.django_db

ARTICLE_EXCLUDES = ["--exclude", "2021:gongwuyuan", "--exclude", "2021:shiye"]
SOURCES = ["endpoint", "command"]
NARRATIVE = (
    "截至2021年7月，全区35周岁以下年轻干部共7人（2021年公务员、事业单位招聘未计算在内），"
    "其中，选调生2人，公务员1人，招硕引博0人，事业单位招聘1人，社区定向招聘0人，"
    "转隶、调入、退伍安置等其他方式进入3人；在这7人中，有3人是近三年招录进入。"
)


@pytest.fixture
def dataset():
    """Seven counted on the article's parameters (3 recent), and one of each kind left out."""
    make_counted("xuandiao", 1)
    make_counted("xuandiao", 1, entry_date=RECENT_ENTRY)
    make_counted("gongwuyuan", 1)
    make_counted("shiye", 1)
    make_counted("zhuanli", 1, entry_date=RECENT_ENTRY)
    make_counted("diaoru", 1)
    make_counted("tuiwu", 1, entry_date=RECENT_ENTRY)
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 3, 1))  # excluded
    make_cadre(channel="shiye", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 4, 1))  # excluded
    make_cadre(birth_date=datetime.date(1985, 7, 31), entry_date=OLD_ENTRY)  # 36
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=OLD_ENTRY, leave_date=datetime.date(2021, 7, 31))  # left
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 8, 1))  # after as_of
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=None)  # pending


def run_command(tmp_path, month="2021-07", *options):
    """Run export_monthly_report; return (workbook, printed text)."""
    output = tmp_path / "月报" / f"{month}.xlsx"
    out = StringIO()
    call_command("export_monthly_report", month, "--output", str(output), *options, stdout=out)
    return load_workbook(output.read_bytes()), out.getvalue()


@pytest.fixture
def workbook_from(admin_client, tmp_path):
    """Return the article-parameter workbook from the .xlsx endpoint or the monthly command."""

    def build(source):
        if source == "endpoint":
            response = admin_client.get(url(XLSX_URL, ARTICLE_PARAMS))
            assert response.status_code == 200
            return load_workbook(response)
        return run_command(tmp_path, "2021-07", *ARTICLE_EXCLUDES)[0]

    return build


# Sheets and the summary -----------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_workbook_has_a_summary_and_a_roster_sheet(workbook_from, dataset, source):
    # The monthly report adds the sheets of settings.MONTHLY_REPORT_SHEETS (staffing's) after these two.
    monthly = ["科室配备", "抽调情况"] if source == "command" else []
    assert workbook_from(source).sheetnames == ["汇总", "分项统计", "花名册", *monthly]


@pytest.mark.parametrize("source", SOURCES)
def test_summary_has_a_header_with_channel_and_count(workbook_from, dataset, source):
    header, _ = summary_table(workbook_from(source)["汇总"])

    assert header[:2] == ["进入方式", "人数"]


@pytest.mark.parametrize("source", SOURCES)
def test_summary_has_one_row_per_group_with_its_count(workbook_from, dataset, source):
    counts = summary_counts(workbook_from(source)["汇总"])

    assert [name for name in counts if name != "合计"] == GROUP_NAMES
    assert counts == {
        "选调生": 2,
        "公务员": 1,
        "招硕引博": 0,
        "事业单位招聘": 1,
        "社区定向招聘": 0,
        "其他方式": 3,
        "合计": 7,
    }


@pytest.mark.parametrize("source", SOURCES)
def test_summary_lists_the_channels_of_a_shared_group_under_it(workbook_from, dataset, source):
    _, table = summary_table(workbook_from(source)["汇总"])

    names = [row[0] for row in table]
    start = names.index("其他方式")
    assert [row[:2] for row in table[start + 1 : start + 5]] == [
        ["其中：转隶", 1],
        ["其中：调入", 1],
        ["其中：退伍安置", 1],
        ["其中：其他", 0],
    ]


@pytest.mark.parametrize("source", SOURCES)
def test_summary_ends_with_the_total_row(workbook_from, dataset, source):
    _, table = summary_table(workbook_from(source)["汇总"])

    assert table[-1][:2] == ["合计", 7]
    assert table[-1][3] == 3  # of whom recent


@pytest.mark.parametrize("source", SOURCES)
def test_summary_has_the_footnote_narrative_and_experience_below_the_table(workbook_from, dataset, source):
    rows = sheet_rows(workbook_from(source)["汇总"])

    total_row = [row[0] for row in rows].index("合计")
    below = [row[0] for row in rows[total_row + 1 :] if row[0] is not None]
    # The dataset's cadres have no work records: nobody has either kind of experience.
    # (The monthly report goes on with 本月/上月/增减 and its charts: reports/monthly_sheets.py.)
    expected = ["注：2021年公务员、事业单位招聘未计算在内。", NARRATIVE, "其中缺乏基层经验7人、缺乏机关阅历7人。"]
    assert below[:3] == expected


def test_summary_narrative_row_is_tall_enough_for_its_wrapped_text(workbook_from, dataset):
    # The narrative is a paragraph in one merged, wrapped cell: at the default height it prints as one clipped line.
    sheet = workbook_from("command")["汇总"]
    number = next(i for i, row in enumerate(sheet_rows(sheet), start=1) if row[0] == NARRATIVE)

    height = sheet.row_dimensions[number].height
    assert height is not None and height > 15


# The roster -----------------------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES)
def test_roster_has_a_header_and_one_row_per_counted_cadre(workbook_from, dataset, source):
    sheet = workbook_from(source)["花名册"]

    rows = [row for row in sheet_rows(sheet) if any(value is not None for value in row)]
    assert rows[0][:2] == ["序号", "姓名"]
    assert len(rows) == 1 + 7
    assert [row[0] for row in rows[1:]] == list(range(1, 8))


@pytest.mark.parametrize("source", SOURCES)
def test_roster_holds_the_counted_cadres_in_the_groups_order(workbook_from, dataset, source):
    records = roster_records(workbook_from(source)["花名册"])

    assert [record["统计分组"] for record in records] == ["选调生"] * 2 + ["公务员", "事业单位招聘"] + ["其他方式"] * 3
    assert [record["近三年招录"] for record in records] == ["否", "是", "否", "否", "是", "否", "是"]


@pytest.mark.parametrize("source", SOURCES)
def test_roster_gives_the_age_on_as_of(workbook_from, source):
    cadre = make_cadre(birth_date=datetime.date(1985, 8, 1), entry_date=OLD_ENTRY, unit=make_unit("下陆区财政局"))

    (record,) = roster_records(workbook_from(source)["花名册"])

    assert record["姓名"] == cadre.name
    assert record["出生日期"].date() == datetime.date(1985, 8, 1)
    assert record["年龄"] == 35  # 36 on 2021-08-01, the day after as_of
    assert record["工作单位"] == "下陆区财政局"
    assert record["进入方式"] == "选调生"
    assert record["进入时间"].date() == OLD_ENTRY


@pytest.mark.parametrize("source", SOURCES)
def test_roster_header_is_frozen(workbook_from, dataset, source):
    assert workbook_from(source)["花名册"].freeze_panes == "A2"


@pytest.mark.parametrize("source", SOURCES)
def test_roster_header_is_printed_on_every_page(workbook_from, dataset, source):
    assert workbook_from(source)["花名册"].print_title_rows == "$1:$1"


@pytest.mark.parametrize("source", SOURCES)
def test_roster_prints_on_a4_landscape(workbook_from, dataset, source):
    setup = workbook_from(source)["花名册"].page_setup

    assert (int(setup.paperSize), setup.orientation) == (9, "landscape")


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("sheet", ["汇总", "分项统计", "花名册"])
def test_sheets_print_on_a4_fitted_to_the_page_width(workbook_from, dataset, source, sheet):
    worksheet = workbook_from(source)[sheet]

    assert int(worksheet.page_setup.paperSize) == 9
    assert worksheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (worksheet.page_setup.fitToWidth, worksheet.page_setup.fitToHeight) == (1, 0)


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)"])
def test_user_text_that_would_start_a_formula_is_stored_as_text(workbook_from, source, name):
    make_cadre(name=name, birth_date=YOUNG_BIRTH, entry_date=OLD_ENTRY)

    sheet = workbook_from(source)["花名册"]

    cell = sheet.cell(row=2, column=2)
    assert cell.value == name
    assert cell.data_type == "s"
    assert cell.quotePrefix is True


# The monthly report command -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "as_of", "next_day"),
    [
        ("2021-07", datetime.date(2021, 7, 31), datetime.date(2021, 8, 1)),
        ("2021-02", datetime.date(2021, 2, 28), datetime.date(2021, 3, 1)),
        ("2024-02", datetime.date(2024, 2, 29), datetime.date(2024, 3, 1)),
    ],
)
def test_monthly_report_is_as_of_the_months_last_day(tmp_path, month, as_of, next_day):
    on_last_day = make_cadre(birth_date=YOUNG_BIRTH, entry_date=as_of)
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=next_day)

    workbook, printed = run_command(tmp_path, month)

    assert [record["姓名"] for record in roster_records(workbook["花名册"])] == [on_last_day.name]
    assert f"截至{as_of.isoformat()}，" in printed
    assert f"统计截止日期：{as_of.year}年{as_of.month}月{as_of.day}日" in sheet_rows(workbook["汇总"])[1][0]


@pytest.mark.parametrize("month", ["2021-13", "202107", "2021-00", "2021/07", "七月"])
def test_bad_month_is_refused_in_chinese(tmp_path, month):
    with pytest.raises(CommandError) as caught:
        run_command(tmp_path, month)

    assert str(caught.value) == MONTH_FORMAT.format(value=month)


def test_unknown_exclude_code_is_refused_in_chinese(tmp_path):
    names = "、".join(channel_lookup().names)

    with pytest.raises(CommandError) as caught:
        run_command(tmp_path, "2021-07", "--exclude", "2021:nosuch")

    assert str(caught.value) == INTAKE_UNKNOWN_CHANNEL.format(code="nosuch", names=names)
    assert "gongwuyuan" not in str(caught.value) and "公务员招录" in str(caught.value)
    assert not (tmp_path / "月报" / "2021-07.xlsx").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--max-age", "101", MAX_AGE_RANGE),
        ("--max-age", "-1", MAX_AGE_RANGE),
        ("--recent-years", "0", RECENT_YEARS_RANGE),
    ],
)
def test_out_of_range_option_is_refused_in_chinese(tmp_path, option, value, message):
    with pytest.raises(CommandError) as caught:
        run_command(tmp_path, "2021-07", option, value)

    assert str(caught.value) == message


def test_exclude_option_may_be_comma_separated(tmp_path, dataset):
    workbook, _ = run_command(tmp_path, "2021-07", "--exclude", "2021:gongwuyuan,2021:shiye")

    assert summary_counts(workbook["汇总"])["合计"] == 7


def test_max_age_option_is_honoured(tmp_path):
    make_cadre(birth_date=datetime.date(1985, 7, 31), entry_date=OLD_ENTRY)  # 36 on 2021-07-31

    default, _ = run_command(tmp_path, "2021-07")
    raised, _ = run_command(tmp_path, "2021-07", "--max-age", "36")

    assert summary_counts(default["汇总"])["合计"] == 0
    assert summary_counts(raised["汇总"])["合计"] == 1
    assert roster_records(raised["花名册"])[0]["年龄"] == 36
    assert sheet_rows(raised["汇总"])[0][0] == "全区36周岁以下年轻干部统计表"


def narrative_of(worksheet):
    """Return the narrative of a 汇总 sheet: the row above the experience line (其中缺乏基层经验…)."""
    texts = [row[0] for row in sheet_rows(worksheet) if isinstance(row[0], str)]
    return texts[next(i for i, text in enumerate(texts) if text.startswith("其中缺乏基层经验")) - 1]


def test_recent_years_option_is_honoured(tmp_path):
    make_cadre(birth_date=YOUNG_BIRTH, entry_date=datetime.date(2017, 3, 1))

    default, _ = run_command(tmp_path, "2021-07")
    wider, printed = run_command(tmp_path, "2021-07", "--recent-years", "5")

    assert summary_table(default["汇总"])[1][-1][:2] == ["合计", 1]
    # The narrative is the row above the experience line.
    assert narrative_of(default["汇总"]).endswith("有0人是近三年招录进入。")
    assert narrative_of(wider["汇总"]).endswith("有1人是近五年招录进入。")
    assert roster_records(wider["花名册"])[0]["近五年招录"] == "是"
    assert printed.rstrip("\n").split("（已归档")[0].endswith("近5年招录1人")


def test_command_prints_a_chinese_summary_line(tmp_path, dataset):
    output = tmp_path / "月报" / "2021-07.xlsx"

    _, printed = run_command(tmp_path, "2021-07", *ARTICLE_EXCLUDES)

    assert (
        printed
        == WRITTEN.format(
            path=output, as_of="2021-07-31", total=7, years=3, recent=3, pk=MonthlyReport.objects.get().pk
        )
        + "\n"
    )
    assert re.search(r"[\u4e00-\u9fff]", printed)


# One dataset, three renderers -----------------------------------------------------------------


def test_json_page_and_workbook_give_the_same_figures(admin_client, dataset):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()
    html = admin_client.get(url(STATS_URL, ARTICLE_PARAMS)).content.decode()
    workbook = load_workbook(admin_client.get(url(XLSX_URL, ARTICLE_PARAMS)))

    from_json = {group["name"]: group["count"] for group in data["groups"]} | {"合计": data["total"]}
    table = html_table(html, "stats-table")
    from_html = {row[0]: int(row[2]) for row in table[1:]}
    from_xlsx = summary_counts(workbook["汇总"])
    assert from_json == from_html == from_xlsx
    assert from_json["合计"] == 7
    _, summary = summary_table(workbook["汇总"])
    assert data["recent"] == int(table[-1][4]) == summary[-1][3] == 3
    assert data["narrative"] in html
    assert data["narrative"] in [row[0] for row in sheet_rows(workbook["汇总"])]
    assert len(roster_records(workbook["花名册"])) == data["total"]


def test_xlsx_query_count_does_not_grow_with_the_cadres(admin_client, django_assert_num_queries):
    for code in ("xuandiao", "gongwuyuan", "diaoru"):
        make_counted(code, 1)
    with CaptureQueriesContext(connection) as few:
        response = admin_client.get(url(XLSX_URL, ARTICLE_PARAMS))
        assert len(roster_records(load_workbook(response)["花名册"])) == 3
    make_counted("zhaoshuo", 20)
    make_counted("tuiwu", 17, entry_date=RECENT_ENTRY)

    with django_assert_num_queries(len(few)):
        response = admin_client.get(url(XLSX_URL, ARTICLE_PARAMS))
        assert len(roster_records(load_workbook(response)["花名册"])) == 40


def test_clerks_download_holds_only_their_units(client, django_user_model):
    own = make_unit("团山街道办事处")
    mine = make_counted("xuandiao", 1, unit=own) + make_counted("shequ", 1, unit=make_unit(parent=own))
    make_counted("xuandiao", 3, unit=make_unit())
    clerk = django_user_model.objects.create_user(username="clerk", password="Xl-Clerk-2021")
    clerk.groups.add(role_group(UNIT_CLERK))
    own.staff.add(clerk)
    client.force_login(clerk)

    workbook = load_workbook(client.get(url(XLSX_URL, ARTICLE_PARAMS)))

    assert summary_counts(workbook["汇总"])["合计"] == 2
    assert sorted(record["姓名"] for record in roster_records(workbook["花名册"])) == sorted(c.name for c in mine)


@pytest.mark.parametrize("source", SOURCES)
def test_roster_grid_prints_around_every_body_cell(workbook_from, dataset, source):
    """The body's lines are one conditional format (reports/excel.py grid_body), which Excel prints: it must cover
    every body row and column, always apply and draw thin black lines on all four sides of each cell."""
    worksheet = workbook_from(source)["花名册"]
    formats = list(worksheet.conditional_formatting)

    assert [str(item.sqref) for item in formats] == [f"A2:K{worksheet.max_row}"]
    (rule,) = formats[0].rules
    assert rule.formula == ["TRUE"]
    for side in ("left", "right", "top", "bottom"):
        line = getattr(rule.dxf.border, side)
        assert (line.style, line.color.rgb) == ("thin", "00000000")
    assert worksheet.max_row == 8  # the header and the seven counted
    assert not worksheet.print_options.gridLines  # the lines printed are the format's, not the screen's grid

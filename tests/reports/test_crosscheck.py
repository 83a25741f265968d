"""Cross-checks (校核): a wrong figure blocks the download and the archive, and says which and by how much."""

import datetime

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from reports import breakdowns as breakdowns_module
from reports.crosscheck import CrossCheckError, cross_check
from reports.models import MonthlyReport
from reports.monthly import monthly_report_create
from reports.params import StatsParams
from reports.stats import GroupCount, young_cadre_stats
from tests.factories import make_cadre

from .helpers import ARTICLE_PARAMS, JSON_URL, STATS_URL, XLSX_URL, load_workbook, sheet_rows, summary_counts, url

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2021, 7, 31)
DEMO_FIXTURE = settings.BASE_DIR / "fixtures" / "demo.json"


def born_aged(age):
    return AS_OF.replace(year=AS_OF.year - age)


@pytest.fixture
def two_young(db):
    """A 30-year-old and a 35-year-old on AS_OF: one in each band of the 35-and-under bulletin."""
    make_cadre(birth_date=born_aged(30))
    make_cadre(birth_date=born_aged(35))


@pytest.fixture
def under_35_bug(monkeypatch):
    """Break the age bands as a vendor system did: "31至35岁" that stops short of 35 (35岁及以下 read as under 35)."""
    real = breakdowns_module.age_bands

    def broken(max_age):
        return [(key, label, low, 34 if high == 35 else high) for key, label, low, high in real(max_age)]

    monkeypatch.setattr(breakdowns_module, "age_bands", broken)


def stats_on(as_of=AS_OF, **params):
    return young_cadre_stats(StatsParams(as_of=as_of, **params))


def test_figures_that_agree_pass_every_check(two_young):
    assert cross_check(stats_on()) == []


def test_a_band_that_leaves_out_the_35_year_olds_fails_naming_the_figure_and_the_difference(two_young, under_35_bug):
    stats = stats_on()

    assert [failure.message for failure in stats.check_failures] == [
        "校核未通过：“年龄段”各项之和为1，应为2（相差-1）",
        "校核未通过：“年龄段（按性别）”各项之和为1，应为2（相差-1）",
        "校核未通过：“年龄段（按性别）”中男性人数为1，应为2（相差-1）",
    ]


def test_overlapping_bands_count_someone_twice(two_young, monkeypatch):
    real = breakdowns_module.age_bands
    monkeypatch.setattr(
        breakdowns_module,
        "age_bands",
        lambda max_age: [(k, label, low, 35 if high == 30 else high) for k, label, low, high in real(max_age)],
    )

    assert stats_on().check_failures[0].message == "校核未通过：“年龄段”各项之和为3，应为2（相差+1）"


def test_a_group_that_is_not_the_sum_of_its_channels_fails(two_young, monkeypatch):
    monkeypatch.setattr(GroupCount, "count", property(lambda group: sum(c.count for c in group.channels) + 1))

    messages = [failure.message for failure in stats_on().check_failures]
    assert "校核未通过：选调生人数为3，应为2（相差+1）" in messages


def test_failed_check_blocks_the_excel_download_with_the_message(admin_client, two_young, under_35_bug):
    response = admin_client.get(url(XLSX_URL, {"as_of": AS_OF.isoformat()}))

    assert response.status_code == 409
    assert "“年龄段”各项之和为1，应为2（相差-1）" in response.content.decode()


def test_failed_check_is_shown_on_the_page_and_in_the_json(admin_client, two_young, under_35_bug):
    page = admin_client.get(url(STATS_URL, {"as_of": AS_OF.isoformat()})).content.decode()
    data = admin_client.get(url(JSON_URL, {"as_of": AS_OF.isoformat()})).json()

    assert "校核未通过：“年龄段”各项之和为1，应为2（相差-1）" in page
    assert data["checks"]["passed"] is False
    assert data["checks"]["failures"][0] == {
        "figure": "“年龄段”各项之和",
        "found": 1,
        "expected": 2,
        "message": "校核未通过：“年龄段”各项之和为1，应为2（相差-1）",
    }


def test_failed_check_blocks_the_monthly_archive(two_young, under_35_bug):
    with pytest.raises(CrossCheckError, match="“年龄段”各项之和为1，应为2（相差-1）"):
        monthly_report_create(params=StatsParams(as_of=AS_OF))

    assert not MonthlyReport.objects.exists()


def test_failed_check_stops_the_monthly_command_with_one_line(two_young, under_35_bug, tmp_path):
    output = tmp_path / "2021-07.xlsx"

    with pytest.raises(CommandError) as raised:
        call_command("export_monthly_report", "2021-07", "--output", str(output))

    assert "\n" not in str(raised.value)
    assert str(raised.value).startswith("校核未通过，不能下载或归档：“年龄段”各项之和为1，应为2（相差-1）")
    assert not output.exists()
    assert not MonthlyReport.objects.exists()


def test_failed_check_on_the_monthly_page_archives_nothing(admin_client, two_young, under_35_bug):
    response = admin_client.post("/reports/monthly/", {"month": "2021-07", "max_age": 35, "recent_years": 3})

    assert response.status_code == 400
    assert "“年龄段”各项之和为1，应为2（相差-1）" in response.content.decode()
    assert not MonthlyReport.objects.exists()


# The workbook says what the page says: re-read from the written file ---------------------------


def breakdown_blocks(rows):
    """Return {title: {label: count}} of the 分项统计 sheet: each block runs from its header to its 合计."""
    blocks, current, series = {}, None, None
    for row in rows:
        if row[0] is None:
            current = None
            continue
        if current is None and row[1] == "人数":
            current, series = blocks.setdefault(row[0], {}), None
        elif current is None and "小计" in row:
            current, series = blocks.setdefault(row[0], {}), [value for value in row[1:] if value not in (None, "小计")]
        elif row[0] == "合计":
            current = None
        elif current is not None:
            if series:
                for name, count in zip(series, row[1:], strict=False):
                    current[(row[0], name)] = count
            else:
                current[row[0]] = row[1]
    return blocks


@pytest.fixture
def demo(db):
    call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)


def test_workbook_figures_equal_the_pages_re_read_from_the_file(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()
    workbook = load_workbook(admin_client.get(url(XLSX_URL, ARTICLE_PARAMS)))

    assert data["checks"] == {"passed": True, "failures": []}
    assert summary_counts(workbook["汇总"]) == {
        **{group["name"]: group["count"] for group in data["groups"]},
        "合计": data["total"],
    }
    blocks = breakdown_blocks(sheet_rows(workbook["分项统计"]))
    for breakdown in data["breakdowns"]:
        if breakdown["series"]:
            expected = {(band["label"], band["series"]): band["count"] for band in breakdown["bands"]}
        else:
            expected = {band["label"]: band["count"] for band in breakdown["bands"]}
        assert blocks[breakdown["title"]] == expected, breakdown["title"]
    assert ["平均年龄（周岁）", data["average_age"], None, None] in sheet_rows(workbook["分项统计"])

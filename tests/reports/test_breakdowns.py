"""The breakdowns of the statistics (分项统计): one test per band edge and per rule of reports/breakdowns.py."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadres.models import EducationRecord
from reports.breakdowns import age_bands
from reports.params import StatsParams
from reports.stats import young_cadre_stats
from tests.factories import make_cadre, make_unit

from .helpers import JSON_URL, STATS_URL, XLSX_URL, html_table, load_workbook, sheet_rows, url

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2021, 7, 31)


def stats_for(**params):
    params.setdefault("as_of", AS_OF)
    return young_cadre_stats(StatsParams(**params))


def counts(stats, key):
    """Return {label: count} of the breakdown `key` (one-way breakdowns)."""
    return {band.label: band.count for band in stats.breakdowns[key].bands}


def born_aged(age, as_of=AS_OF):
    """Return the birth date of someone who turns `age` on `as_of` itself."""
    return as_of.replace(year=as_of.year - age)


def test_age_bands_are_written_as_the_statistics_bulletin_writes_them():
    assert [label for _, label, _, _ in age_bands(100)] == [
        "30岁及以下",
        "31至35岁",
        "36至40岁",
        "41至45岁",
        "46至50岁",
        "51至55岁",
        "56岁及以上",
    ]
    assert [label for _, label, _, _ in age_bands(35)] == ["30岁及以下", "31至35岁"]


def test_the_edge_note_spells_out_35_and_under():
    assert "“35岁及以下”即不满36周岁" in stats_for().breakdowns["age_band"].note


def test_exactly_30_on_as_of_is_in_30_and_under():
    make_cadre(birth_date=born_aged(30))

    assert counts(stats_for(), "age_band") == {"30岁及以下": 1, "31至35岁": 0}


def test_exactly_31_on_as_of_is_in_31_to_35():
    make_cadre(birth_date=born_aged(31))

    assert counts(stats_for(), "age_band") == {"30岁及以下": 0, "31至35岁": 1}


def test_a_day_before_the_31st_birthday_is_still_30():
    make_cadre(birth_date=born_aged(31) + datetime.timedelta(days=1))

    assert counts(stats_for(), "age_band") == {"30岁及以下": 1, "31至35岁": 0}


def test_exactly_35_on_as_of_is_in_31_to_35():
    make_cadre(birth_date=born_aged(35))

    assert counts(stats_for(), "age_band") == {"30岁及以下": 0, "31至35岁": 1}


def test_exactly_36_on_as_of_is_not_counted_under_35_and_is_36_to_40_under_40():
    make_cadre(birth_date=born_aged(36))

    assert stats_for().total == 0
    assert counts(stats_for(max_age=40), "age_band") == {"30岁及以下": 0, "31至35岁": 0, "36至40岁": 1}


def test_born_29_february_turns_31_on_1_march_of_a_common_year():
    make_cadre(birth_date=datetime.date(1988, 2, 29), entry_date=datetime.date(2012, 1, 1))

    assert counts(stats_for(as_of=datetime.date(2019, 2, 28)), "age_band") == {"30岁及以下": 1, "31至35岁": 0}
    assert counts(stats_for(as_of=datetime.date(2019, 3, 1)), "age_band") == {"30岁及以下": 0, "31至35岁": 1}
    assert stats_for(as_of=datetime.date(2019, 2, 28)).average_age == Decimal("30.0")


def test_born_29_february_turns_32_on_29_february_of_a_leap_year():
    make_cadre(birth_date=datetime.date(1988, 2, 29), entry_date=datetime.date(2012, 1, 1))

    assert stats_for(as_of=datetime.date(2020, 2, 28)).average_age == Decimal("31.0")
    assert stats_for(as_of=datetime.date(2020, 2, 29)).average_age == Decimal("32.0")


def test_born_1_january_1990_is_90s_and_31_december_1989_is_80s():
    make_cadre(birth_date=datetime.date(1990, 1, 1))
    make_cadre(birth_date=datetime.date(1989, 12, 31))

    assert counts(stats_for(), "cohort") == {"80后": 1, "90后": 1, "00后": 0}
    assert counts(stats_for(), "birth_year") == {"1989年": 1, "1990年": 1}


def test_average_age_is_in_completed_years_to_one_decimal():
    for age in (25, 26, 26):
        make_cadre(birth_date=born_aged(age) + datetime.timedelta(days=100))  # not yet that age: 24, 25, 25

    assert stats_for().average_age == Decimal("24.7")


def test_average_age_is_none_when_nobody_is_counted():
    assert stats_for().average_age is None


def test_age_pyramid_splits_each_band_by_gender():
    make_cadre(birth_date=born_aged(28), gender="女")
    make_cadre(birth_date=born_aged(33), gender="男")
    make_cadre(birth_date=born_aged(33), gender="女")

    pyramid = stats_for().breakdowns["age_gender"]
    assert pyramid.series == ("男", "女")
    assert pyramid.series_counts("30岁及以下") == [0, 1]
    assert pyramid.series_counts("31至35岁") == [1, 1]


def test_share_of_women():
    make_cadre(gender="女")
    make_cadre(gender="男")
    make_cadre(gender="男")

    gender = stats_for().breakdowns["gender"]
    assert counts(stats_for(), "gender") == {"男": 2, "女": 1}
    assert [(share.label, share.count, gender.share(share.count)) for share in gender.shares] == [("女性", 1, 33.3)]


def test_ethnicity_han_first_and_share_of_minorities():
    make_cadre(ethnicity="回族")
    make_cadre(ethnicity="汉族")
    make_cadre(ethnicity="土家族")
    make_cadre(ethnicity="土家族")

    breakdown = stats_for().breakdowns["ethnicity"]
    assert [(band.label, band.count) for band in breakdown.bands] == [("汉族", 1), ("土家族", 2), ("回族", 1)]
    assert [(share.label, share.count) for share in breakdown.shares] == [("少数民族", 3)]


def test_political_status_and_share_outside_the_party():
    make_cadre(political_status="中共党员")
    make_cadre(political_status="中共预备党员")
    make_cadre(political_status="共青团员")
    make_cadre(political_status="群众")

    breakdown = stats_for().breakdowns["political_status"]
    assert counts(stats_for(), "political_status")["中共预备党员"] == 1
    assert [(share.label, share.count) for share in breakdown.shares] == [("党外", 2)]


def test_education_by_level_with_party_school_apart():
    make_cadre(education="博士研究生", degree="博士")
    make_cadre(education="硕士研究生", degree="硕士")
    make_cadre(education="大学本科")
    make_cadre(education="中专", degree="无")
    make_cadre(education="硕士研究生", degree="无", education_mode="党校")

    assert counts(stats_for(), "education") == {
        "研究生": 2,
        "大学本科": 1,
        "大学专科": 0,
        "中专及以下": 1,
        "党校教育": 1,
    }
    assert counts(stats_for(), "education_mode") == {"全日制教育": 4, "在职教育": 0, "党校教育": 1}


def test_party_school_band_shows_only_where_recorded():
    make_cadre()

    assert "党校教育" not in counts(stats_for(), "education")


def test_full_time_education_is_the_highest_full_time_level():
    # Highest 学历 in service; the full-time study recorded is a 大学本科.
    in_service = make_cadre(education="硕士研究生", degree="硕士", education_mode="在职")
    EducationRecord.objects.create(cadre=in_service, mode="全日制", school="湖北师范大学", education="大学本科")
    make_cadre(education="大学专科", degree="无")  # 全日制 by default
    make_cadre(education="硕士研究生", degree="无", education_mode="党校")  # nothing full-time recorded

    assert counts(stats_for(), "full_time_education") == {
        "研究生": 0,
        "大学本科": 1,
        "大学专科": 1,
        "中专及以下": 0,
        "无全日制学历记录": 1,
    }


def test_top_units_and_the_rest_as_other_units():
    units = [make_unit(f"单位{i:02d}", sort_order=i) for i in range(12)]
    for index, unit in enumerate(units):
        for _ in range(2 if index < 10 else 1):
            make_cadre(unit=unit)

    breakdown = stats_for().breakdowns["unit"]
    assert [band.label for band in breakdown.bands] == [f"单位{i:02d}" for i in range(10)] + ["其他单位"]
    assert breakdown.bands[-1].count == 2
    assert breakdown.bands[-1].narrowing == {"not_own_unit": [unit.pk for unit in units[:10]]}


def test_unit_kind_entry_year_and_recent_share():
    make_cadre(unit=make_unit(kind="街道"), entry_date=datetime.date(2019, 8, 1))
    make_cadre(unit=make_unit(kind="党政机关"), entry_date=datetime.date(2015, 8, 1))
    make_cadre(unit=make_unit(kind="党政机关"), entry_date=datetime.date(2018, 8, 1))

    stats = stats_for()
    assert counts(stats, "unit_kind") == {"党政机关": 2, "街道": 1}
    assert counts(stats, "entry_year") == {"2015年": 1, "2018年": 1, "2019年": 1}
    assert counts(stats, "recent") == {"近三年招录": 2, "近三年以前进入": 1}


def test_every_breakdown_adds_up_to_the_total():
    for age in (24, 29, 33, 35):
        gender, ethnicity = ("女" if age % 2 else "男"), ("回族" if age > 30 else "汉族")
        make_cadre(birth_date=born_aged(age), gender=gender, ethnicity=ethnicity)

    stats = stats_for()
    assert stats.total == 4
    assert {breakdown.key: breakdown.counted for breakdown in stats.breakdowns} == {
        breakdown.key: 4 for breakdown in stats.breakdowns
    }


def make_varied(count):
    """Create `count` counted cadres over many units, kinds, ages, years and vocabularies."""
    kinds = ["党政机关", "事业单位", "街道", "社区"]
    ethnicities = ["汉族", "回族", "苗族"]
    statuses = ["中共党员", "共青团员", "群众"]
    for index in range(count):
        make_cadre(
            birth_date=datetime.date(1986 + index % 10, 1 + index % 12, 1 + index % 28),
            entry_date=datetime.date(2010 + index % 11, 1 + index % 12, 1),
            unit=make_unit(kind=kinds[index % 4]),
            ethnicity=ethnicities[index % 3],
            political_status=statuses[index % 3],
            gender="女" if index % 2 else "男",
        )


@pytest.mark.parametrize("count", [3, 40])
def test_statistics_with_breakdowns_take_six_queries_whatever_the_number_of_cadres(count):
    make_varied(count)

    with CaptureQueriesContext(connection) as queries:
        stats = stats_for()

    assert stats.total == count
    assert len(queries.captured_queries) == 6


# The same result on the page, in the JSON and in the workbook ----------------------------------


def test_page_json_and_workbook_show_the_same_breakdowns(admin_client):
    make_cadre(birth_date=born_aged(28), gender="女", ethnicity="回族")
    make_cadre(birth_date=born_aged(33), political_status="群众")
    query = [("as_of", AS_OF.isoformat())]

    data = admin_client.get(url(JSON_URL, query)).json()
    page = admin_client.get(url(STATS_URL, query)).content.decode()
    rows = sheet_rows(load_workbook(admin_client.get(url(XLSX_URL, query)))["分项统计"])

    assert data["average_age"] == 30.5
    gender = next(item for item in data["breakdowns"] if item["key"] == "gender")
    assert [(band["label"], band["count"]) for band in gender["bands"]] == [("男", 1), ("女", 1)]
    assert gender["shares"][0] == {**gender["shares"][0], "label": "女性", "count": 1, "share": 50.0}
    assert html_table(page, "breakdown-table")[1][:2] == ["30岁及以下", "1"]
    assert ["平均年龄（周岁）", 30.5, None, None] in rows
    assert ["其中党外", 1, 50.0, None] in rows

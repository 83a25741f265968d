"""The age-out forecast on a hand-made roster whose answer is written here."""

import datetime

import pytest

from accounts.roles import UNIT_CLERK
from audit.models import AuditEvent
from reports.forecast import age_out_forecast, forecast_periods
from reports.params import StatsParams
from tests.factories import make_cadre, make_unit, make_user

from .helpers import embedded_json, html_table, url

pytestmark = pytest.mark.django_db

D = datetime.date
AS_OF = D(2024, 6, 15)


@pytest.fixture
def roster():
    """Six counted on 2024-06-15, in two units; one entrant of the window already over 35; one 36 already.

    The recent window (2021-06-15, 2024-06-15] holds 公务员 G, 选调生 H (each in the reserve 11 years from
    entry) and 调入 I (39 at entry: 0 years), so the mean entrant stays 22.0014 / 3 years.
    """
    north, south = make_unit("北区"), make_unit("南区", sort_order=1)
    cadres = {
        "A": make_cadre(name="甲", birth_date=D(1988, 7, 10), unit=north),  # 36 on 2024-07-10
        "B": make_cadre(name="乙", birth_date=D(1988, 6, 20), unit=north),  # 36 on 2024-06-20
        "C": make_cadre(name="丙", birth_date=D(1990, 3, 1), unit=south, channel="shequ"),  # 36 on 2026-03-01
        "D": make_cadre(name="丁", birth_date=D(1995, 1, 1), unit=south),
        "E": make_cadre(name="戊", birth_date=D(1988, 6, 10), unit=south),  # 36 on 2024-06-10: not counted
        "G": make_cadre(
            name="庚", birth_date=D(1997, 7, 1), entry_date=D(2022, 7, 1), channel="gongwuyuan", unit=south
        ),
        "H": make_cadre(name="辛", birth_date=D(1998, 7, 1), entry_date=D(2023, 7, 1), unit=south),
        "I": make_cadre(name="壬", birth_date=D(1985, 1, 1), entry_date=D(2022, 1, 1), channel="diaoru", unit=south),
    }
    return cadres


def forecast(**params):
    return age_out_forecast(StatsParams(as_of=AS_OF, **params))


def test_periods_are_the_rest_of_this_month_then_whole_months():
    periods = forecast_periods(AS_OF, 3)
    assert periods == [
        (D(2024, 6, 15), D(2024, 6, 30)),
        (D(2024, 6, 30), D(2024, 7, 31)),
        (D(2024, 7, 31), D(2024, 8, 31)),
    ]


def test_who_leaves_in_which_month(roster):
    result = forecast()

    assert result.total == 6
    leaving = {f"{m.month:%Y-%m}": m.leaving for m in result.months if m.leaving}
    assert leaving == {"2024-06": 1, "2024-07": 1, "2026-03": 1}
    assert len(result.months) == 24
    assert result.months[-1].month == D(2026, 5, 1)


def test_a_29_february_birth_leaves_on_1_march_of_a_common_year():
    make_cadre(birth_date=D(1988, 2, 29))

    # Aged 36 on 2024-06-15; 37 on 1 March 2025, 2025 having no 29 February.
    result = forecast(max_age=36)

    assert {f"{m.month:%Y-%m}": m.leaving for m in result.months if m.leaving} == {"2025-03": 1}


def test_size_with_no_new_intake(roster):
    sizes = [month.size for month in forecast().months]

    assert sizes[:3] == [5, 4, 4]
    assert sizes[20] == 4  # 2026-02
    assert sizes[21:] == [3, 3, 3]


def test_leavers_by_group_and_unit(roster):
    result = forecast()

    assert dict(result.months[0].by_group) == {"选调生": 1}
    assert dict(result.months[21].by_group) == {"社区定向招聘": 1}
    assert [(name, counts[0], counts[1], counts[21], total) for _, name, counts, total in result.unit_rows()] == [
        ("北区", 1, 1, 0, 2),
        ("南区", 0, 0, 1, 1),
    ]
    assert result.leaving_in_year(1) == 2
    assert result.leaving_in_year(2) == 1


def test_a_recorded_leave_shrinks_the_projection_but_is_no_age_out(roster):
    roster["D"].leave_date, roster["D"].status, roster["D"].leave_reason = D(2025, 1, 10), "已离开", "调出"
    roster["D"].save()

    result = forecast()

    assert [month.size for month in result.months][6:8] == [4, 3]  # 2024-12, 2025-01
    assert sum(month.leaving for month in result.months) == 3


def test_intake_needed_to_keep_todays_size(roster):
    result = forecast()

    assert result.entrants == 3
    assert round(result.mean_years_in_reserve, 4) == round((4018 + 4018) / 365.25 / 3, 4) == 7.3338
    assert round(result.needed_a_year, 3) == 0.818  # 6 ÷ 7.3338
    assert round(result.entrants_a_year, 1) == 1.0
    assert [(name, round(n, 3)) for name, n in result.needed_by_group()] == [
        ("选调生", 0.273),
        ("公务员", 0.273),
        ("招硕引博", 0.0),
        ("事业单位招聘", 0.0),
        ("社区定向招聘", 0.0),
        ("其他方式", 0.273),
    ]


def test_no_recent_entrant_means_no_intake_figure():
    make_cadre()

    result = forecast()

    assert result.needed_a_year is None
    assert result.needed_by_group() == []


def test_queries_are_fixed_whatever_the_cadres(roster, django_assert_num_queries):
    for year in range(1989, 1999):
        make_cadre(birth_date=D(year, 3, 3))
    # The counts by channel and unit, the channels, the recent entrants.
    with django_assert_num_queries(3):
        forecast()


def test_drilldown_lists_exactly_the_leavers(roster, admin_client):
    data = admin_client.get(url("/reports/forecast.json", {"as_of": "2024-06-15"})).json()

    july = next(month for month in data["months"] if month["month"] == "2024-07")
    assert july["leaving"] == 1
    names = [row["name"] for row in admin_client.get(july["url"]).json()["results"]]
    assert names == ["甲"]
    north = july["units"][0]
    assert north["name"] == "北区"
    assert [row["name"] for row in admin_client.get(north["url"]).json()["results"]] == ["甲"]
    march = next(month for month in data["months"] if month["month"] == "2026-03")
    group = next(g for g in march["groups"] if g["name"] == "社区定向招聘")
    assert [row["name"] for row in admin_client.get(group["url"]).json()["results"]] == ["丙"]
    june = data["months"][0]
    assert [row["name"] for row in admin_client.get(june["url"]).json()["results"]] == ["乙"]
    assert AuditEvent.objects.filter(action="reports.forecast.json").count() == 1
    assert data["intake"]["needed_a_year"] == 0.8


def test_page_shows_the_months_units_and_method(roster, admin_client):
    html = admin_client.get(url("/reports/forecast/", {"as_of": "2024-06-15"})).content.decode()

    rows = html_table(html, "forecast-table")
    assert rows[1][:3] == ["2024年6月", "1", "5"]
    assert rows[2][:3] == ["2024年7月", "1", "4"]
    units = html_table(html, "forecast-units")
    assert [row[:2] for row in units[1:]] == [["北区", "2"], ["南区", "1"]]
    assert "每年约需进入" in html
    assert "推算方法" in html


def test_clerk_forecasts_only_their_units(roster, client):
    client.force_login(make_user(UNIT_CLERK, [roster["A"].unit]))

    data = client.get(url("/reports/forecast.json", {"as_of": "2024-06-15"})).json()

    assert data["total"] == 2
    assert data["intake"]["entrants"] == 0


def test_page_embeds_for_its_chart_the_figures_the_json_serves(roster, admin_client):
    params = {"as_of": "2024-06-15"}
    html = admin_client.get(url("/reports/forecast/", params)).content.decode()

    assert 'data-chart="forecast" data-source="forecast-data"' in html
    served = admin_client.get(url("/reports/forecast.json", params)).json()
    embedded = embedded_json(html, "forecast-data")
    assert embedded["as_of"] == served["as_of"] == "2024-06-15"
    assert [(m["month"], m["size"], [(g["name"], g["leaving"]) for g in m["groups"]]) for m in embedded["months"]] == [
        (m["month"], m["size"], [(g["name"], g["leaving"]) for g in m["groups"]]) for m in served["months"]
    ]

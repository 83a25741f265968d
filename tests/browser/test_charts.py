"""Charts in a real browser: drawn from the page's figures, redrawn for another date, on every role's dashboard."""

import datetime

import pytest
from django.utils import timezone

from cadres.dates import shift_years
from tests.factories import make_cadre, make_unit, make_user
from tests.factories.records import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

CHART_SERIES = """selector => {
    const chart = echarts.getInstanceByDom(document.querySelector(selector));
    return chart.getOption().series.map(series => series.data);
}"""


@pytest.fixture
def wide_page(browser, live_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def series_of(page, chart):
    page.wait_for_selector(f".chart[data-chart={chart}][data-drawn]")
    return page.evaluate(CHART_SERIES, f".chart[data-chart={chart}]")


def test_changing_the_date_on_the_statistics_page_redraws_the_charts_with_its_figures(wide_page, live_server):
    page = wide_page
    make_user(superuser=True, username="clerk")
    make_cadre(birth_date=datetime.date(1990, 5, 1), entry_date=datetime.date(2019, 9, 1), gender="女")
    make_cadre(birth_date=datetime.date(1985, 9, 1), entry_date=datetime.date(2015, 9, 1), gender="男")
    make_cadre(birth_date=datetime.date(1995, 5, 1), entry_date=datetime.date(2021, 3, 1), channel="zhaoshuo")
    log_in(page, live_server, "clerk")

    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-01-31")
    recent, rest = series_of(page, "groups")
    assert (recent[0] + rest[0], recent[2] + rest[2]) == (2, 0)
    assert series_of(page, "age_bands") == [[1, 1]]  # 30 and under: born 1990; 31–35: born 1985

    page.fill("#id_as_of", "2021-07-31")
    page.click("form.params button[type=submit]")
    page.wait_for_load_state()

    recent, rest = series_of(page, "groups")
    assert (recent[0] + rest[0], recent[2] + rest[2]) == (2, 1)
    assert recent[2] == 1
    assert series_of(page, "age_bands") == [[1, 2]]  # 26; 31 and 35 (born 1985-09-01 is 36 only in September)


@pytest.mark.parametrize(
    ("role", "scoped", "expected"),
    [("部领导", False, 3), ("干部科", False, 3), ("单位信息员", True, 2), ("只读", True, 2)],
)
def test_the_dashboard_shows_each_roles_own_scope(wide_page, live_server, role, scoped, expected):
    page = wide_page
    # The dashboard counts as of today: people young today, whatever today is.
    young = shift_years(timezone.localdate(), -28)
    own = make_unit("团山街道办事处", kind="街道")
    make_cadre(unit=own, birth_date=young, gender="女", entry_date=datetime.date(2015, 9, 1))
    make_cadre(unit=own, birth_date=young)
    make_cadre(unit=make_unit("下陆区财政局"), birth_date=young)
    make_user(role, [own] if scoped else [], username="someone")
    log_in(page, live_server, "someone")

    page.goto(f"{live_server.url}/")
    assert page.inner_text("[data-figure=total]") == str(expected)
    recent, rest = series_of(page, "groups")
    assert sum(recent) + sum(rest) == expected
    men, women = series_of(page, "age_pyramid")
    assert -sum(men) + sum(women) == expected
    assert page.locator(".chart[data-chart=age_pyramid] svg").count() == 1


def test_charts_are_drawn_in_print(wide_page, live_server):
    page = wide_page
    make_user(superuser=True, username="clerk")
    make_cadre(birth_date=datetime.date(1990, 5, 1))
    log_in(page, live_server, "clerk")
    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-07-31")
    page.wait_for_selector(".chart[data-chart=groups][data-drawn]")

    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")

    boxes = page.evaluate("[...document.querySelectorAll('.chart svg')].map(svg => svg.getBoundingClientRect().width)")
    assert len(boxes) == 6
    assert min(boxes) > 300


TABLE_COLUMN = """([selector, index]) => [...document.querySelectorAll(selector + ' tbody tr')]
    .map(row => Number(row.cells[index].innerText))"""


def test_the_trend_chart_draws_the_tables_figures(wide_page, live_server):
    page = wide_page
    make_user(superuser=True, username="clerk")
    make_cadre(birth_date=datetime.date(1990, 5, 1), entry_date=datetime.date(2021, 7, 10))
    make_cadre(birth_date=datetime.date(1991, 5, 1), entry_date=datetime.date(2015, 7, 10), channel="diaoru")
    log_in(page, live_server, "clerk")

    page.goto(f"{live_server.url}/reports/trend/?start=2021-06&end=2021-08")
    total, recent, *groups = series_of(page, "trend")

    assert total == page.evaluate(TABLE_COLUMN, [".trend-table", 2]) == [1, 2, 2]
    assert recent == [0, 1, 1]
    assert groups[0] == [0, 1, 1] and groups[-1] == [1, 1, 1]  # 选调生 first, 其他方式 last


def test_the_forecast_chart_stacks_the_leavers_and_draws_the_size(wide_page, live_server):
    page = wide_page
    make_user(superuser=True, username="clerk")
    make_cadre(birth_date=datetime.date(1988, 7, 10))  # 36 in July 2024
    make_cadre(birth_date=datetime.date(1988, 8, 20), channel="gongwuyuan")  # 36 in August 2024
    make_cadre(birth_date=datetime.date(1995, 1, 1))
    log_in(page, live_server, "clerk")

    page.goto(f"{live_server.url}/reports/forecast/?as_of=2024-06-15")
    *groups, size = series_of(page, "forecast")

    leaving = [sum(month) for month in zip(*groups, strict=True)]
    assert leaving == page.evaluate(TABLE_COLUMN, [".forecast-table", 1])
    assert leaving[:3] == [0, 1, 1]
    assert size == page.evaluate(TABLE_COLUMN, [".forecast-table", 2])
    assert size[:3] == [3, 2, 1]


def test_the_dashboard_sparkline_leads_to_the_trend(wide_page, live_server):
    page = wide_page
    make_user(superuser=True, username="clerk")
    make_cadre(birth_date=shift_years(timezone.localdate(), -28), entry_date=datetime.date(2015, 9, 1))
    log_in(page, live_server, "clerk")

    page.goto(f"{live_server.url}/")
    (totals,) = series_of(page, "sparkline")
    assert totals == [1] * 24

    page.click(".trend-card")
    page.wait_for_load_state()
    assert page.url.endswith("/reports/trend/")
    assert len(series_of(page, "trend")[0]) == 24

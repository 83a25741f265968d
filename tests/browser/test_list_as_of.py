"""In a real browser: a drill-down from the statistics for a past date shows each person as on that
date, and the name opens the profile of that date with a date bar and a link to today."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_cadre

from .test_pages import PASSWORD, SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

D = datetime.date


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def test_past_drilldown_shows_the_dates_status_and_links_to_the_dates_profile(page, live_server, clerk):
    make_cadre(name="离开者", birth_date=D(1990, 5, 1), entry_date=D(2017, 9, 1), leave_date=D(2021, 8, 1))
    make_cadre(name="在职者", birth_date=D(1991, 5, 1), entry_date=D(2018, 9, 1))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)

    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-07-31")
    page.locator("table.stats-table tfoot td.num a").first.click()
    page.wait_for_load_state()

    assert "as_of=2021-07-31" in page.url
    headers = page.locator("table.cadre-list-table thead").text_content()
    assert "状态2021-07-31" in headers  # the date on its own line under the column's name
    row = page.locator("table.cadre-list-table tbody tr", has_text="离开者")
    assert "在职" in row.inner_text() and "已离开" not in row.inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "cadre-list-as-of.png"))

    row.locator("a", has_text="离开者").click()
    page.wait_for_load_state()

    assert page.url.endswith("?as_of=2021-07-31")
    assert "2021年7月31日" in page.inner_text(".date-bar")
    assert page.inner_text("td.status-on-date").startswith("在职")
    page.click("text=查看今天的情况")
    page.wait_for_load_state()
    assert "as_of" not in page.url
    assert page.locator(".date-bar").count() == 0
    assert page.inner_text("td.status-today").startswith("已离开")

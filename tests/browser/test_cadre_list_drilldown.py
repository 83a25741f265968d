"""In a real browser: filter the cadre list by a channel, then follow the statistics' drill-down link
for the same people and find the count the statistics printed."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_cadre

from .test_pages import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

D = datetime.date


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


@pytest.fixture
def roster():
    """Three 选调生 counted on 2021-07-31, one too old; two 公务员, one from the excluded 2021 intake."""
    for birth in (D(1990, 5, 1), D(1992, 3, 1), D(1994, 8, 1)):
        make_cadre(birth_date=birth, entry_date=D(2017, 9, 1), channel="xuandiao")
    make_cadre(birth_date=D(1980, 1, 1), entry_date=D(2005, 9, 1), channel="xuandiao")
    make_cadre(birth_date=D(1991, 1, 1), entry_date=D(2019, 3, 1), channel="gongwuyuan")
    make_cadre(birth_date=D(1996, 1, 1), entry_date=D(2021, 3, 1), channel="gongwuyuan")


def test_cadre_list_channel_filter_and_statistics_drilldown_agree(page, live_server, clerk, roster):
    log_in(page, live_server)

    page.goto(f"{live_server.url}/cadres/?as_of=2021-07-31")
    assert page.inner_text("#cadre-count") == "6"
    page.click("summary:has-text('更多筛选')")
    page.check("input[name=channel][value=xuandiao]")
    page.locator("details.more-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "channel=xuandiao" in page.url
    assert page.inner_text("#cadre-count") == "4"  # every 选调生 on the cadre list, the older one included

    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-07-31&exclude=2021:gongwuyuan")
    row = page.locator("table.stats-table tbody tr", has_text="选调生")
    link = row.locator("td.num a").first
    figure = link.inner_text()
    assert figure == "3"
    link.click()
    page.wait_for_load_state()
    assert "/cadres/" in page.url and "group=" in page.url
    assert page.inner_text("#cadre-count") == figure
    assert page.locator("table.cadre-list-table tbody tr").count() == 3

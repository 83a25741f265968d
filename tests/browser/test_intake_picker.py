"""In a real browser: the excluded intakes are picked by year and channel name, a row each, added and
removed; the address keeps exclude=YEAR:CODE and the page says the names."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_cadre

from .test_pages import PASSWORD, SCREENSHOTS, log_in, pick_exclusion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

D = datetime.date


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def test_exclusions_are_picked_by_name_added_and_removed(page, live_server, clerk):
    make_cadre(birth_date=D(1990, 5, 1), entry_date=D(2019, 9, 1), channel="xuandiao")
    make_cadre(birth_date=D(1991, 5, 1), entry_date=D(2021, 3, 1), channel="gongwuyuan")
    make_cadre(birth_date=D(1992, 5, 1), entry_date=D(2021, 3, 1), channel="shiye")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-07-31")

    pick_exclusion(page, "2021", "公务员招录")
    pick_exclusion(page, "2021", "事业单位招聘")
    pick_exclusion(page, "2020", "选调生")
    page.locator("#id_exclude .intake-row").last.locator(".intake-remove").click()
    assert page.locator("#id_exclude .intake-row").count() == 2
    page.click("form.params button[type=submit]")
    page.wait_for_load_state()

    assert "exclude=2021%3Agongwuyuan" in page.url and "exclude=2021%3Ashiye" in page.url
    assert "exclude_year" not in page.url
    assert "2021年公务员、事业单位招聘未计算在内" in page.inner_text(".narrative")
    rows = page.locator("#id_exclude .intake-row")
    assert rows.count() == 2
    assert rows.first.locator(".intake-channel option:checked").inner_text() == "公务员招录"
    assert "gongwuyuan" not in page.inner_text("main")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "intake-picker.png"))

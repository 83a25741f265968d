"""In a real browser: the header's search box on any page finds a person by name or lists several in the roster."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_cadre

from .test_pages import PASSWORD, SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def test_header_search_opens_the_person_or_the_filtered_roster(page, live_server, clerk):
    make_cadre(name="王小明")
    make_cadre(name="王小红")
    make_cadre(name="李四")
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/reports/monthly/")
    assert page.locator("header .header-search input").is_visible()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "monthly.png"))

    page.fill("header .header-search input", "王小明")
    page.press("header .header-search input", "Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("王小明")

    page.fill("header .header-search input", "王小")
    page.press("header .header-search input", "Enter")
    page.wait_for_load_state()
    assert "/cadres/?q=" in page.url
    assert page.inner_text("#cadre-count") == "2"

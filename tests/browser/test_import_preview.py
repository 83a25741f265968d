"""In a real browser: the roster import preview shows only the rows with an error, or only the changes."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_unit, person, roster_bytes

from .test_pages import PASSWORD, SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def test_preview_filters_the_rows_with_an_error(page, live_server, clerk, tmp_path):
    make_unit("下陆区委组织部")
    people = [person(), person("李四", birth=datetime.date(1991, 1, 1)), person("王五", 进入时间="明年")]
    roster = tmp_path / "花名册.xlsx"
    roster.write_bytes(roster_bytes(people))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/import/")
    page.set_input_files("input[type=file]", str(roster))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    rows = page.locator("table.preview tbody tr")
    assert rows.count() == 3

    page.check("input[name=preview-show][value=errors]")

    visible = [row.inner_text() for row in rows.all() if row.is_visible()]
    assert len(visible) == 1 and "王五" in visible[0]
    assert "显示1行，共3行" in page.inner_text(".preview-filter")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "import-preview.png"))
    page.check("input[name=preview-show][value=changes]")
    assert sum(1 for row in rows.all() if row.is_visible()) == 2

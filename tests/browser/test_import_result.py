"""In a real browser: after an import, the link to the people it created or changed; a large upload read in the
background, its page waiting and then showing the preview."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_unit, person, roster_bytes

from .test_pages import PASSWORD, SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def upload(page, live_server, tmp_path, people):
    roster = tmp_path / "花名册.xlsx"
    roster.write_bytes(roster_bytes(people))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/import/")
    page.set_input_files("input[type=file]", str(roster))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_the_import_result_links_to_the_people_imported(page, live_server, clerk, tmp_path):
    make_unit("下陆区委组织部")
    upload(page, live_server, tmp_path, [person(), person("李四", birth=datetime.date(1991, 1, 1))])
    page.click("text=确认导入")
    page.wait_for_load_state()

    page.click("a.import-batch-link")
    page.wait_for_load_state()

    assert page.locator("#cadre-count").inner_text() == "2"
    chip = page.locator(".chip").first.inner_text()
    assert chip.startswith("导入批次：") and "花名册“花名册.xlsx”，2人" in chip
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "import-batch-roster.png"))


def test_a_large_upload_waits_then_shows_the_preview(page, live_server, clerk, tmp_path, settings):
    settings.ROSTER_PREVIEW_BACKGROUND_BYTES = 1000
    make_unit("下陆区委组织部")

    upload(page, live_server, tmp_path, [person(), person("李四", birth=datetime.date(1991, 1, 1))])
    page.wait_for_url("**/preview/")

    assert "将新增 2 人" in page.inner_text("main")
    assert page.locator("form.background-import button").inner_text() == "确认导入（在后台进行）"
    page.screenshot(path=str(SCREENSHOTS / "import-background-preview.png"))

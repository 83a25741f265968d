"""A clerk's path through the app in a real browser: log in, read the figures, download the workbook."""

import datetime
import io
import os
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_cadre

# The live server needs committed data, so these tests commit and re-seed the reference data.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]
PASSWORD = "Zz-browser-test-2021"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts"))


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


def log_in(page, live_server):
    page.goto(f"{live_server.url}/reports/young-cadres/")
    assert "/login/" in page.url
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def pick_exclusion(page, year, channel_label):
    """Add a row to the excluded-intakes picker and choose the year and the channel by its name."""
    page.click("#id_exclude .intake-add")
    row = page.locator("#id_exclude .intake-row").last
    row.locator(".intake-year").fill(year)
    row.locator(".intake-channel").select_option(label=channel_label)


def test_login_then_statistics_page_shows_figures_and_narrative(page, live_server, clerk):
    make_cadre(birth_date=datetime.date(1990, 5, 1), entry_date=datetime.date(2019, 9, 1), channel="xuandiao")
    make_cadre(birth_date=datetime.date(1991, 5, 1), entry_date=datetime.date(2021, 3, 1), channel="gongwuyuan")
    log_in(page, live_server)
    page.fill("#id_as_of", "2021-07-31")
    pick_exclusion(page, "2021", "公务员招录")
    page.click("form.params button[type=submit]")
    page.wait_for_load_state()
    narrative = page.inner_text(".narrative")
    assert "截至2021年7月，全区35周岁以下年轻干部共1人（2021年公务员未计算在内）" in narrative
    assert page.inner_text("table.stats-table tfoot").split()[:3] == ["合计", "1", "100.0%"]
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "young-cadres.png"), full_page=True)


def test_bad_date_shows_chinese_error_on_the_page(page, live_server, clerk):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-02-30")
    assert "日期无效" in page.inner_text("form.params")


def test_excel_download_from_the_page(page, live_server, clerk):
    make_cadre(birth_date=datetime.date(1990, 5, 1), entry_date=datetime.date(2019, 9, 1))
    log_in(page, live_server)
    page.goto(f"{live_server.url}/reports/young-cadres/?as_of=2021-07-31")
    with page.expect_download() as download_info:
        page.click("text=下载Excel")
    download = download_info.value
    assert download.suggested_filename == "年轻干部统计_2021-07-31.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert workbook.sheetnames == ["汇总", "分项统计", "花名册"]


def test_logout_ends_the_session(page, live_server, clerk):
    log_in(page, live_server)
    page.click("text=退出登录")
    page.wait_for_load_state()
    assert page.url.endswith("/login/")
    page.goto(f"{live_server.url}/reports/young-cadres/")
    assert "/login/" in page.url

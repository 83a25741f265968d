"""The department head's and the planner's paths through the staffing pages in a real browser, at 1366×900:
approving a leave that leaves a section with nobody, and rotating young cadres in."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cadres.models import Appraisal
from staffing.models import Leave
from tests.factories import make_cadre, make_leave, make_unit, staffed_section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]
PASSWORD = "Zz-browser-test-2021"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts"))
D = datetime.date


@pytest.fixture
def wide_page(browser, live_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def head(db):
    return get_user_model().objects.create_superuser("head", password=PASSWORD, first_name="分管领导")


def log_in(page, live_server, path):
    page.goto(f"{live_server.url}{path}")
    page.fill("#id_username", "head")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


def fits_the_window(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 1366


def test_approving_a_leave_that_leaves_a_section_uncovered_warns_naming_it(wide_page, live_server, head):
    page = wide_page
    department = make_unit("中共下陆区委组织部")
    staffed_section("干部科", unit=department)
    _, alone, _ = staffed_section("人才科", staff=1, unit=department)
    leave = make_leave(alone, D(2025, 6, 30), D(2025, 7, 1), approve=False)
    log_in(page, live_server, "/staffing/leaves/")
    page.click("table.leave-list a:has-text('审批')")
    page.wait_for_load_state()
    assert "批准后“人才科”2025-06-30至2025-07-01无人接手" in page.inner_text(".warning-summary")
    page.click("button:has-text('批准')")
    page.wait_for_load_state()
    warning = page.inner_text(".messages li.warning")
    assert warning == f"注意：批准后“人才科”2025-06-30至2025-07-01无人接手（A角{alone.name}不在岗，未设B角）"
    assert "“人才科”：2025-06-30至2025-07-01" in page.inner_text(".uncovered-summary")
    assert Leave.objects.get(pk=leave.pk).approved
    assert fits_the_window(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staffing-cover-after-approval.png"), full_page=True)


def test_the_planner_ranks_and_creates_secondments_the_board_shows_as_cover(wide_page, live_server, head):
    page = wide_page
    department = make_unit("中共下陆区委组织部")
    staffed_section("人才科", staff=1, unit=department, fit_keywords="经济学")
    street = make_unit("团山街道办事处", kind="街道")
    start = timezone.localdate().replace(day=1)
    for name, entry in (("魏语薇", D(2019, 8, 1)), ("蒋嘉铭", D(2017, 8, 1))):
        young = make_cadre(name=name, unit=street, birth_date=D(start.year - 28, 3, 1), entry_date=entry)
        for year in (start.year - 2, start.year - 1):
            Appraisal.objects.create(cadre=young, year=year, result="称职")
    log_in(page, live_server, "/staffing/rotation/")
    page.fill("#id_start", start.isoformat())
    page.fill("#id_months", "3")
    page.fill("#id_places", "1")
    page.click("button:has-text('生成人选名单')")
    page.wait_for_load_state()
    rows = page.locator("table.rotation-table tbody tr")
    assert rows.count() == 2
    # Equal points: the earlier entry (2017) ranks first, and only the first place is ticked.
    assert rows.nth(0).inner_text().split()[1] == "蒋嘉铭"
    assert rows.nth(0).locator("input[type=checkbox]").is_checked()
    assert not rows.nth(1).locator("input[type=checkbox]").is_checked()
    assert fits_the_window(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "staffing-rotation.png"), full_page=True)
    page.click("button:has-text('为勾选的人选创建抽调记录')")
    page.wait_for_load_state()
    assert "已抽调1人：蒋嘉铭（人才科）" in page.inner_text(".messages")
    assert "抽调协助：蒋嘉铭" in page.inner_text("table.staffing-board")
    page.screenshot(path=str(SCREENSHOTS / "staffing-board.png"), full_page=True)

"""The pages at 1366×900 with the demo roster: a header on one line, no page that scrolls sideways, a roster
table that fits its box, long audit cells that wrap in their column. The README's screenshots of the main pages
are taken here, from the demo roster (SCREENSHOT_DIR=docs/screenshots)."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from audit.models import AuditEvent
from cadres.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "test-artifacts"))
# Each page, with its screenshot for the README where it has one: (file name, height of the top part shown).
PAGES = [
    ("/", ("dashboard.png", 1500)),
    ("/cadres/", None),
    ("/cadres/?as_of=2021-07-31&max_age=35", None),
    ("/reports/young-cadres/?as_of=2021-07-31&exclude=2021:gongwuyuan&exclude=2021:shiye", ("statistics.png", 1500)),
    ("/reports/trend/", ("trend.png", 1150)),
    ("/reports/forecast/", ("forecast.png", 1000)),
    ("/reports/monthly/", None),
    ("/cadres/import-lrmx/", None),
    ("/import/", None),
    ("/audit/", ("audit.png", 900)),
]
# Exports made before the audit page is shown, so that it has something to say in words.
EXPORTS = [
    "/reports/young-cadres.json?as_of=2021-07-31&exclude=2021:gongwuyuan&exclude=2021:shiye",
    "/cadres/export.xlsx?as_of=2021-07-31&max_age=35&group=选调生&columns=name&columns=gender&columns=unit&columns=post",
    "/reports/trend.json",
]
SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"
# How far apart (px) the middles of the header's parts are: a second line puts one 25 px or more lower.
NAV_SPREAD = """() => {
    const middles = [...document.querySelectorAll('.site-header > *, .site-nav > *')]
        .map(e => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2);
    return Math.max(...middles) - Math.min(...middles);
}"""


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def wide(browser, live_server):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("username", ["admin", "lingdao", "xinxiyuan"])
def test_the_header_is_one_line_at_1366(demo, wide, live_server, username):
    log_in(wide, live_server, username)
    wide.goto(f"{live_server.url}/cadres/")
    # Brand, every link, the search box and the user box share one middle line.
    assert wide.evaluate(NAV_SPREAD) < 8


def test_no_page_scrolls_sideways_at_1366(demo, wide, live_server):
    log_in(wide, live_server, "admin")
    for path in EXPORTS:
        assert wide.request.get(f"{live_server.url}{path}").ok
    overflowing = {}
    SCREENSHOTS.mkdir(exist_ok=True)
    for path, screenshot in PAGES:
        wide.goto(f"{live_server.url}{path}")
        wide.wait_for_load_state("networkidle")
        if wide.evaluate(SIDEWAYS) > 0:
            overflowing[path] = wide.evaluate(SIDEWAYS)
        if screenshot:
            name, height = screenshot
            clip = {"x": 0, "y": 0, "width": 1366, "height": height}
            wide.screenshot(path=str(SCREENSHOTS / name), full_page=True, clip=clip)
    assert overflowing == {}


def test_the_roster_table_fits_its_box_at_1366(demo, wide, live_server):
    log_in(wide, live_server, "admin")
    wide.goto(f"{live_server.url}/cadres/?per_page=100")
    box = wide.locator(".table-box")
    assert box.evaluate("box => box.scrollWidth - box.clientWidth") == 0
    # The last columns are in view without scrolling.
    last = wide.locator(".cadre-list-table thead th").last
    assert last.bounding_box()["x"] + last.bounding_box()["width"] <= 1366


def test_the_import_menu_opens_and_leads_to_its_pages(demo, wide, live_server):
    log_in(wide, live_server, "admin")
    wide.goto(f"{live_server.url}/")
    wide.click(".nav-menu summary")
    wide.click("text=导入任免审批表（.lrmx）")
    wide.wait_for_load_state()
    assert wide.url.endswith("/cadres/import-lrmx/")
    assert wide.locator(".nav-menu.current").count() == 1


def test_a_long_audit_cell_wraps_in_its_column(demo, wide, live_server):
    AuditEvent.objects.create(
        username="admin", action="cadres.import.applied", summary="导入" + "很长的文件名" * 30, data={"file": "x" * 400}
    )
    log_in(wide, live_server, "admin")
    wide.goto(f"{live_server.url}/audit/")
    assert wide.evaluate(SIDEWAYS) <= 0
    table = wide.locator(".audit-table")
    assert table.evaluate("t => t.scrollWidth - t.clientWidth") <= 0


def test_the_admin_fits_1366_under_the_sites_header(demo, wide, live_server):
    log_in(wide, live_server, "admin")
    wide.goto(f"{live_server.url}/admin/cadres/cadre/")
    assert wide.evaluate(SIDEWAYS) <= 0
    assert wide.locator(".site-header .site-nav a[aria-current=page]").inner_text() == "数据维护"
    # Each name in the list on one line: its cell no taller than one line of text.
    heights = wide.evaluate(
        "[...document.querySelectorAll('#result_list tbody th a')].map(a => a.getClientRects().length)"
    )
    assert heights and set(heights) == {1}

    cadre = wide.evaluate("document.querySelector('#result_list tbody th a').getAttribute('href')")
    wide.goto(f"{live_server.url}{cadre}")
    assert wide.evaluate(SIDEWAYS) <= 0
    # The 工作经历 table scrolls inside its own box rather than widening the page.
    box = wide.locator("#work_records-group fieldset.module")
    assert box.evaluate("box => box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto'")
    box.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(exist_ok=True)
    wide.screenshot(path=str(SCREENSHOTS / "admin.png"))

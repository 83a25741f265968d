"""In a real browser at 1366×900: the roster's filter chips, pagination, print view and bulk pool entry."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from audit.models import AuditEvent
from cadres.models import PoolMembership
from tests.factories import make_cadre, make_unit

from .test_pages import PASSWORD, SCREENSHOTS, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

D = datetime.date


@pytest.fixture
def clerk():
    return get_user_model().objects.create_superuser("clerk", password=PASSWORD)


@pytest.fixture
def roster():
    unit = make_unit("团山街道办事处", kind="街道")
    for number in range(45):
        make_cadre(name=f"选调{number:02d}", unit=unit, channel="xuandiao", post="四级主任科员，挂任社区党委副书记")
    for number in range(5):
        make_cadre(name=f"公务{number}", channel="gongwuyuan")
    return unit


def test_chips_pagination_and_print_view(page, live_server, clerk, roster):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/cadres/?as_of=2021-07-31")
    page.click("summary:has-text('更多筛选')")
    page.check("input[name=channel][value=xuandiao]")
    page.locator("details.more-filters button[type=submit]").click()
    page.wait_for_load_state()

    assert page.inner_text("#cadre-count") == "45"
    chip = page.locator(".chips .chip", has_text="进入方式：选调生")
    assert chip.count() == 1
    assert page.locator(".table-box").bounding_box()["width"] <= 1366
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "cadre-list.png"))
    assert "q=" not in page.url  # empty filters are left out of the address

    page.click("a.page-size:has-text('20')")
    page.wait_for_load_state()
    assert "第 1 / 3 页" in page.inner_text(".pager")
    page.fill(".pager-jump input[name=page]", "3")
    page.click(".pager-jump button")
    page.wait_for_load_state()
    assert "第 3 / 3 页" in page.inner_text(".pager")
    assert page.locator(".cadre-list-table tbody tr").count() == 5

    with page.context.expect_page() as printed:
        page.click("#print-link")
    sheet = printed.value
    sheet.wait_for_load_state()
    assert sheet.inner_text("h1") == "干部名册（2021年7月31日）"
    assert "进入方式：选调生" in sheet.inner_text(".filters")
    assert sheet.locator(".print-table tbody tr").count() == 45
    sheet.close()

    chip.locator("a.chip-remove").click()
    page.wait_for_load_state()
    assert page.inner_text("#cadre-count") == "50"
    assert page.locator(".chips .chip", has_text="进入方式").count() == 0


def test_bulk_pool_entry_from_ticked_rows(page, live_server, clerk, roster):
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/cadres/?as_of=2021-07-31&channel=gongwuyuan")
    page.check(".cadre-list-table input.select-all")
    assert page.inner_text("#selected-count") == "5"
    page.click("#bulk-pool")
    page.wait_for_load_state()

    assert "列入年轻干部库（5人）" in page.inner_text("h1")
    page.fill("#id_entered_on", "2021-07-01")
    page.select_option("#id_recommended_by", "组织部门")
    page.fill("#id_reason", "表现突出")
    page.click("button:has-text('确认将5人列入年轻干部库')")
    page.wait_for_load_state()

    assert "已将5人列入年轻干部库" in page.inner_text(".messages")
    assert page.inner_text("#cadre-count") == "5"
    assert PoolMembership.objects.count() == 5
    assert AuditEvent.objects.filter(action="cadres.pool.entered").count() == 5

"""The roster page: compact bar and 更多筛选, removable chips in words, checkbox lists, page sizes, the print
view of the whole list, and the bulk actions on the ticked people."""

import datetime

import pytest

from accounts.roles import CADRE_SECTION, LEADER
from audit.models import AuditEvent
from cadres.models import PoolMembership
from tests.factories import make_cadre, make_unit, make_user
from tests.reports.helpers import url

from .helpers import ROSTER_URL

pytestmark = pytest.mark.django_db

D = datetime.date


def test_chips_name_each_filter_in_words_and_remove_it(admin_client):
    unit = make_unit("团山街道办事处")
    make_cadre(unit=unit, channel="gongwuyuan")
    params = [("as_of", "2021-07-31"), ("unit", unit.pk), ("channel", "gongwuyuan"), ("education", "大学本科")]

    chips = admin_client.get(url(ROSTER_URL, params)).context["chips"]

    labels = [chip.label for chip in chips]
    assert "单位（含下级单位）：团山街道办事处" in labels
    assert "进入方式：公务员招录" in labels
    assert "最高学历：大学本科" in labels
    assert any(label.endswith("：2021年7月31日") for label in labels)
    unit_chip = next(chip for chip in chips if chip.label.startswith("单位"))
    assert "unit=" not in unit_chip.remove_url and "channel=gongwuyuan" in unit_chip.remove_url


def test_multiple_choices_are_checkbox_lists_not_ctrl_click_boxes(admin_client):
    html = admin_client.get(ROSTER_URL).content.decode()

    assert "<select multiple" not in html and 'multiple name="' not in html
    assert 'type="checkbox" name="channel" value="gongwuyuan"' in html
    assert "<summary>更多筛选</summary>" in html


def test_page_size_is_chosen_among_20_50_100(admin_client):
    for _ in range(25):
        make_cadre()

    table = admin_client.get(url(ROSTER_URL, {"per_page": "20"})).context["table"]
    odd = admin_client.get(url(ROSTER_URL, {"per_page": "7"})).context["table"]

    assert table.paginator.per_page == 20 and table.paginator.num_pages == 2
    assert odd.paginator.per_page == 50


def test_print_view_has_every_row_the_chosen_columns_and_a_title_in_words(admin_client):
    for number in range(60):
        make_cadre(name=f"干部甲{number}", channel="xuandiao")
    make_cadre(name="别人", channel="gongwuyuan")
    params = [("as_of", "2021-07-31"), ("channel", "xuandiao"), ("columns", "name"), ("columns", "status")]

    response = admin_client.get(url("/cadres/print/", params))

    html = response.content.decode()
    assert response.context["headers"] == ["序号", "姓名", "状态（2021-07-31）"]
    assert html.count("<tr>") == 61  # the header and all 60 rows, no paging
    assert "<h1>干部名册（2021年7月31日）</h1>" in html
    assert "筛选条件：进入方式：选调生" in html
    assert "size: A4 landscape" in html and "counter(pages)" in html


def test_ticked_people_are_listed_by_id(admin_client):
    first, _, third = make_cadre(name="甲"), make_cadre(name="乙"), make_cadre(name="丙")

    table = admin_client.get(url(ROSTER_URL, [("id", first.pk), ("id", third.pk)])).context["table"]

    assert sorted(row.record.name for row in table.rows) == ["丙", "甲"]


def test_bulk_pool_entry_confirms_once_then_enters_each_with_an_audit_entry(client):
    client.force_login(make_user(CADRE_SECTION))
    people = [make_cadre(name=name) for name in ("甲", "乙")]
    confirm = client.post("/pool/enter/", {"id": [cadre.pk for cadre in people]})
    assert confirm.status_code == 200 and "确认将2人列入年轻干部库" in confirm.content.decode()
    assert not PoolMembership.objects.exists()

    done = client.post(
        "/pool/enter/",
        {
            "id": [c.pk for c in people],
            "confirm": "1",
            "entered_on": "2021-07-01",
            "recommended_by": "组织部门",
            "reason": "表现突出",
        },
    )

    assert done.status_code == 302 and "as_of=2021-07-01" in done["Location"]
    assert PoolMembership.objects.count() == 2
    assert AuditEvent.objects.filter(action="cadres.pool.entered").count() == 2


def test_bulk_pool_entry_is_all_or_none(client):
    client.force_login(make_user(CADRE_SECTION))
    ok, late = make_cadre(name="甲"), make_cadre(name="乙", entry_date=D(2021, 8, 1))

    response = client.post(
        "/pool/enter/",
        {
            "id": [ok.pk, late.pk],
            "confirm": "1",
            "entered_on": "2021-07-01",
            "recommended_by": "组织部门",
            "reason": "好",
        },
    )

    assert response.status_code == 400
    assert "乙：该干部在2021年7月1日不在职，不能列入年轻干部库" in response.content.decode()
    assert not PoolMembership.objects.exists()


def test_reading_roles_cannot_enter_in_bulk(client):
    client.force_login(make_user(LEADER))
    cadre = make_cadre()

    assert client.post("/pool/enter/", {"id": [cadre.pk]}).status_code == 403

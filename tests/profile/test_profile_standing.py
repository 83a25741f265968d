"""The profile's downloads and its standing on the chosen date: experience flags (with the months
of grassroots service) and the pool status, by the same rules as the roster and the pool page."""

import datetime

import pytest

from accounts.roles import CADRE_SECTION, READ_ONLY
from tests.factories import (
    enter_pool,
    make_cadre,
    make_secondment,
    make_unit,
    make_user,
    make_work_record,
    move_in_pool,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def cadre():
    township = make_unit("某街道", kind="街道")
    cadre = make_cadre(name="甲", unit=township, birth_date=D(1990, 1, 1))
    make_work_record(cadre, D(2019, 8, 1), unit=township)
    make_secondment(cadre, D(2021, 8, 1), D(2022, 1, 31), to_unit=make_unit("某局", kind="党政机关"))
    move_in_pool(enter_pool(cadre, on=D(2021, 1, 1)), "已列为考察对象", D(2021, 8, 1))
    return cadre


def page(client, cadre, as_of):
    client.force_login(make_user(CADRE_SECTION))
    return client.get(f"/cadres/{cadre.pk}/", {"as_of": as_of})


def test_links_to_the_lrmx_and_the_printable_form_carry_the_pages_date(client, cadre):
    body = page(client, cadre, "2021-07-31").content.decode()
    assert f'href="/cadres/{cadre.pk}.lrmx?as_of=2021-07-31"' in body
    assert f'href="/cadres/{cadre.pk}/form.xlsx?as_of=2021-07-31"' in body


def test_no_download_links_without_the_export_permission(client, cadre):
    client.force_login(make_user(READ_ONLY, [cadre.unit]))
    body = client.get(f"/cadres/{cadre.pk}/", {"as_of": "2021-07-31"}).content.decode()
    assert ".lrmx?" not in body and "form.xlsx" not in body


def test_flags_and_months_on_the_day_before_24_months(client, cadre):
    standing = page(client, cadre, "2021-07-30").context["standing"]
    assert (standing.grassroots_months, standing.has_grassroots_experience) == (23, False)
    assert not standing.has_organ_experience
    assert standing.pool_status == "年轻干部"


def test_flags_and_months_once_24_months_are_served(client, cadre):
    response = page(client, cadre, "2021-08-01")
    standing = response.context["standing"]
    assert (standing.grassroots_months, standing.has_grassroots_experience) == (24, True)
    assert standing.has_organ_experience
    assert standing.pool_status == "已列为考察对象"
    assert "有（在乡镇、街道、村、社区累计工作24个月，满24个月为有）" in response.content.decode()


def test_outside_the_pool_before_entry(client, cadre):
    assert page(client, cadre, "2020-12-31").context["standing"].pool_status == "未入库"


def test_the_pool_status_of_the_date_is_said_once(client, cadre):
    body = page(client, cadre, "2021-08-01").content.decode()
    assert "<th>年轻干部库</th>" not in body  # no second statement among the experience flags
    assert body.count('class="pool-status"') == 1
    assert '2021年8月1日：<strong class="pool-status">已列为考察对象</strong>' in body


@pytest.mark.parametrize(
    ("channel", "written"), [("xuandiao", "<td>选调生</td>"), ("diaoru", "<td>调入（其他方式）</td>")]
)
def test_the_channel_is_named_once_and_its_group_only_where_it_differs(client, channel, written):
    cadre = make_cadre(channel=channel)
    body = page(client, cadre, "2021-08-01").content.decode()
    assert written in body
    assert "选调生（选调生）" not in body

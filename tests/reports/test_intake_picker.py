"""Excluded intakes in words: chosen by year and channel name in a picker, typed as channel or group
names (公务员, 其他方式), shown as names; codes stay in the addresses."""

import re

import pytest
from django.http import QueryDict

from accounts.roles import CADRE_SECTION
from reports.params import StatsParamsForm, channel_lookup, parse_intakes
from tests.factories import make_user

pytestmark = pytest.mark.django_db

OTHER = ("diaoru", "qita", "tuiwu", "zhuanli")


def visible_text(html):
    """Return the page's text as a person reads it: no tags, attributes or scripts."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_a_group_name_stands_for_its_channel():
    assert parse_intakes(["2021:公务员"], channel_lookup()) == ((2021, "gongwuyuan"),)


def test_a_group_of_several_channels_stands_for_all_of_them():
    assert parse_intakes(["2021:其他方式"], channel_lookup()) == tuple((2021, code) for code in OTHER)


def test_picker_rows_are_read_as_exclusions():
    data = QueryDict("exclude_year=2021&exclude_channel=gongwuyuan&exclude_year=2021&exclude_channel=shiye")
    form = StatsParamsForm(data)

    assert form.is_valid(), form.errors
    assert form.params().excluded == ((2021, "gongwuyuan"), (2021, "shiye"))


def test_an_empty_picker_row_is_ignored():
    form = StatsParamsForm(QueryDict("exclude_year=&exclude_channel="))

    assert form.is_valid(), form.errors
    assert form.params().excluded == ()


def test_a_row_without_a_channel_is_an_error_in_words():
    form = StatsParamsForm(QueryDict("exclude_year=2021&exclude_channel="))

    assert not form.is_valid()
    assert form.errors["exclude"] == ["“2021:”格式不正确，应为“年份:进入方式”，如 2021:公务员"]


def test_statistics_page_shows_the_exclusion_as_a_row_with_the_channel_name(admin_client):
    html = admin_client.get("/reports/young-cadres/?as_of=2021-07-31&exclude=2021:gongwuyuan").content.decode()

    assert 'name="exclude_year" value="2021"' in html
    assert '<option value="gongwuyuan" selected>公务员招录</option>' in html
    assert "gongwuyuan" not in visible_text(html)


def test_a_whole_group_can_be_picked(admin_client):
    html = admin_client.get("/reports/young-cadres/?as_of=2021-07-31&exclude=2021:其他方式").content.decode()

    assert '<option value="其他方式" selected>其他方式（全部4种）</option>' in html


def test_monthly_archive_states_its_scope_in_words(client):
    client.force_login(make_user(CADRE_SECTION))
    client.post(
        "/reports/monthly/",
        {"month": "2021-07", "max_age": "35", "recent_years": "3", "exclude": ["2021:公务员", "2021:shiye"]},
    )

    html = client.get("/reports/monthly/").content.decode()

    assert "35周岁以下，近3年招录，不含2021年公务员招录、事业单位招聘" in html
    assert "gongwuyuan" not in visible_text(html)

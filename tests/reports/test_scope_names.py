"""What a clerk's figures are said to cover: their unit(s) by name, never a generic "所负责单位"."""

import pytest
from django.utils import timezone

from accounts.roles import UNIT_CLERK
from reports.params import OWN_UNITS_SCOPE, units_in_words
from tests.factories import make_unit, make_user

from .helpers import STATS_URL

pytestmark = pytest.mark.django_db


def test_one_unit_is_named():
    assert units_in_words(["团山街道办事处"]) == "团山街道办事处"


def test_three_units_are_all_named():
    assert units_in_words(["甲", "乙", "丙"]) == "甲、乙、丙"


def test_past_three_units_the_rest_are_counted():
    assert units_in_words(["甲", "乙", "丙", "丁"]) == "甲、乙、丙等4个单位"


def test_an_account_without_units_keeps_the_generic_words():
    assert units_in_words([]) == OWN_UNITS_SCOPE


@pytest.fixture
def clerk_client(client):
    clerk = make_user(UNIT_CLERK, [make_unit("团山街道办事处"), make_unit("新下陆街道办事处")])
    client.force_login(clerk)
    return client


def test_the_clerks_home_names_their_units(clerk_client):
    today = timezone.localdate()
    html = clerk_client.get("/").content.decode()
    assert f"团山街道办事处、新下陆街道办事处截至今天（{today.year}年{today.month}月{today.day}日）" in html
    assert OWN_UNITS_SCOPE not in html


def test_the_clerks_statistics_name_their_units_in_the_heading_and_the_unit_choice(clerk_client):
    html = clerk_client.get(STATS_URL, {"as_of": "2021-07-31"}).content.decode()
    assert "<h2>团山街道办事处、新下陆街道办事处35周岁以下年轻干部（截至2021年7月31日）</h2>" in html
    assert '<option value="" selected>团山街道办事处、新下陆街道办事处</option>' in html
    assert OWN_UNITS_SCOPE not in html

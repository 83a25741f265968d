"""The statistics count those lacking 基层经验 and 机关阅历, with the cadre list's own rule and links."""

import datetime
import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.narrative import EXPERIENCE_TEXT, experience_text
from reports.params import StatsParams
from reports.stats import young_cadre_stats
from tests.factories import make_cadre, make_secondment, make_unit, make_work_record
from tests.reports.helpers import JSON_URL, STATS_URL, url

from .helpers import AS_OF, listed

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def three():
    """Three counted cadres: one with both kinds of experience, one with organ only, one with neither."""
    both, organ = make_cadre(name="两者都有"), make_cadre(name="只有机关")
    make_cadre(name="都没有")
    make_work_record(both, D(2015, 8, 1), D(2019, 7, 31), unit=make_unit(kind="乡镇"))
    make_secondment(both, D(2020, 1, 1), to_unit=make_unit(kind="党政机关"))
    make_work_record(organ, D(2015, 8, 1), unit=make_unit(kind="党政机关"))
    make_cadre(name="超龄无经历", birth_date=D(1980, 1, 1))  # not counted


def test_statistics_count_those_lacking_each_kind(three):
    stats = young_cadre_stats(StatsParams(as_of=AS_OF))

    assert (stats.total, stats.lacking_grassroots, stats.lacking_organ) == (3, 2, 1)


def test_the_lacking_figures_drill_down_to_their_people(admin_client, three):
    data = admin_client.get(url(JSON_URL, {"as_of": "2021-07-31"})).json()

    assert (data["lacking_grassroots"], data["lacking_organ"]) == (2, 1)
    assert listed(admin_client, _query(data["lacking_grassroots_url"])) == sorted(["只有机关", "都没有"])
    assert listed(admin_client, _query(data["lacking_organ_url"])) == ["都没有"]


def test_the_page_says_how_many_lack_each_with_links(admin_client, three):
    page = admin_client.get(url(STATS_URL, {"as_of": "2021-07-31"})).content.decode()

    text = EXPERIENCE_TEXT.format(grassroots=2, organ=1)
    assert text == "其中缺乏基层经验2人、缺乏机关阅历1人"
    assert "其中缺乏基层经验<a href=" in page and "grassroots=0" in page and "organ=0" in page


def test_the_page_sentence_is_the_generated_wording_with_drilldown_links(admin_client, three):
    response = admin_client.get(url(STATS_URL, {"as_of": "2021-07-31"}))
    sentence = str(response.context["experience"])
    stats = response.context["stats"]

    assert re.sub(r"<[^>]+>", "", sentence) == experience_text(stats)
    assert sentence in response.content.decode()
    links = [html.unescape(href) for href in re.findall(r'href="([^"]+)"', sentence)]
    assert listed(admin_client, _query(links[0])) == sorted(["只有机关", "都没有"])
    assert listed(admin_client, _query(links[1])) == ["都没有"]


def test_statistics_query_count_does_not_grow_with_records(django_assert_num_queries):
    make_cadre()
    params = StatsParams(as_of=AS_OF)
    with CaptureQueriesContext(connection) as few:
        young_cadre_stats(params)
    for _ in range(10):
        cadre = make_cadre(unit=make_unit())
        make_work_record(cadre, D(2015, 8, 1), unit=make_unit(kind="村"))
        make_secondment(cadre, D(2016, 1, 1), D(2016, 6, 30), to_unit_name="某局", to_unit_kind="党政机关")

    with django_assert_num_queries(len(few)):
        assert young_cadre_stats(params).lacking_grassroots == 1


def _query(link):
    return parse_qsl(urlsplit(link).query)

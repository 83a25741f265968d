"""Every statistics figure links to the cadre list of exactly its people: the counts are equal."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.reports.helpers import ARTICLE_PARAMS, JSON_URL, url

pytestmark = pytest.mark.django_db

DEMO_FIXTURE = settings.BASE_DIR / "fixtures" / "demo.json"
ARTICLE_FIGURES = {"选调生": 44, "公务员": 38, "招硕引博": 18, "事业单位招聘": 28, "社区定向招聘": 3, "其他方式": 15}
PARAMETER_SETS = {
    "article": ARTICLE_PARAMS,
    "no exclusions": [("as_of", "2021-07-31")],
    "age 30, five years": [("as_of", "2021-07-31"), ("max_age", "30"), ("recent_years", "5")],
    "end of 2020, one exclusion": [("as_of", "2020-12-31"), ("exclude", "2020:xuandiao")],
    "three exclusions, comma list": [("as_of", "2021-07-31"), ("exclude", "2021:gongwuyuan,2021:shiye,2019:zhaoshuo")],
}


@pytest.fixture
def demo(db):
    call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)


def listed_count(client, link):
    """Follow a drill-down `url` and return the count /cadres.json gives."""
    parts = urlsplit(link)
    assert parts.path == "/cadres.json"
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.content
    return response.json()["count"]


def figures_with_links(data):
    """Yield (figure, url) for every figure of the statistics JSON."""
    yield data["total"], data["url"]
    yield data["recent"], data["recent_url"]
    yield data["lacking_grassroots"], data["lacking_grassroots_url"]
    yield data["lacking_organ"], data["lacking_organ_url"]
    for group in data["groups"]:
        yield group["count"], group["url"]
        yield group["recent"], group["recent_url"]
        for channel in group["channels"]:
            yield channel["count"], channel["url"]
            yield channel["recent"], channel["recent_url"]


def test_article_figures_drill_down_to_as_many_people(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert listed_count(admin_client, data["url"]) == 146
    assert listed_count(admin_client, data["recent_url"]) == 70
    assert {g["name"]: listed_count(admin_client, g["url"]) for g in data["groups"]} == ARTICLE_FIGURES


@pytest.mark.parametrize("params", PARAMETER_SETS.values(), ids=PARAMETER_SETS.keys())
def test_every_figure_drills_down_to_as_many_people(admin_client, demo, params):
    data = admin_client.get(url(JSON_URL, params)).json()

    for figure, link in figures_with_links(data):
        assert listed_count(admin_client, link) == figure, link


def breakdown_figures_with_links(data):
    """Yield (figure, url, what) for the average age's people and every band and share of every breakdown."""
    yield data["total"], data["average_age_url"], "平均年龄"
    for breakdown in data["breakdowns"]:
        for item in breakdown["bands"] + breakdown["shares"]:
            yield item["count"], item["url"], f"{breakdown['title']} · {item['label']} {item.get('series', '')}"


BREAKDOWN_PARAMETER_SETS = {name: PARAMETER_SETS[name] for name in ("article", "age 30, five years")}


@pytest.mark.parametrize("params", BREAKDOWN_PARAMETER_SETS.values(), ids=BREAKDOWN_PARAMETER_SETS.keys())
def test_every_breakdown_figure_drills_down_to_as_many_people(admin_client, demo, params):
    data = admin_client.get(url(JSON_URL, params)).json()

    checked = 0
    for figure, link, what in breakdown_figures_with_links(data):
        assert listed_count(admin_client, link) == figure, what
        checked += 1
    assert checked > 50


def test_page_url_leads_to_the_cadre_list_page_with_the_same_query(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    page = urlsplit(data["groups"][0]["page_url"])
    assert page.path == "/cadres/"
    assert page.query == urlsplit(data["groups"][0]["url"]).query
    response = admin_client.get(data["groups"][0]["page_url"])
    assert response.status_code == 200
    assert response.context["table"].paginator.count == 44

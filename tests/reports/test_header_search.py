"""The search box in the header of every page: one person found opens their profile, else the roster."""

import datetime

import pytest

from accounts.roles import UNIT_CLERK
from tests.factories import make_cadre, make_id_number, make_unit, make_user

pytestmark = pytest.mark.django_db


def test_every_page_has_the_search_box_and_the_favicon(admin_client):
    for path in ("/", "/cadres/", "/reports/young-cadres/", "/reports/monthly/"):
        html = admin_client.get(path).content.decode()
        assert 'action="/cadres/search/"' in html, path
        assert 'rel="icon" href="/static/img/favicon.svg"' in html, path


def test_one_person_found_opens_the_profile(admin_client):
    cadre = make_cadre(name="王小明")

    response = admin_client.get("/cadres/search/", {"q": "小明"})

    assert response["Location"] == f"/cadres/{cadre.pk}/"


def test_an_id_number_finds_the_person(admin_client):
    born = datetime.date(1990, 1, 1)
    cadre = make_cadre(name="王小明", id_number=make_id_number(born), birth_date=born)

    response = admin_client.get("/cadres/search/", {"q": cadre.id_number})

    assert response["Location"] == f"/cadres/{cadre.pk}/"


def test_several_found_open_the_filtered_roster(admin_client):
    make_cadre(name="王小明")
    make_cadre(name="王小红")

    response = admin_client.get("/cadres/search/", {"q": "王小"})

    assert response["Location"] == "/cadres/?q=%E7%8E%8B%E5%B0%8F"


def test_nobody_found_opens_the_roster_saying_so(admin_client):
    response = admin_client.get("/cadres/search/", {"q": "无此人"}, follow=True)

    assert "没有符合条件的干部" in response.content.decode()


def test_another_units_person_is_not_found(client):
    mine, other = make_unit(), make_unit()
    make_cadre(name="王小明", unit=other)
    client.force_login(make_user(UNIT_CLERK, [mine]))

    response = client.get("/cadres/search/", {"q": "王小明"})

    assert response["Location"].startswith("/cadres/?q=")

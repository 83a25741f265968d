"""Who sees what on the cadre list: scoping by unit in the list, JSON and export; login; saved filters."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import UNIT_CLERK
from cadres.models import SavedFilter, Unit
from tests.factories import make_cadre, make_unit, make_user
from tests.reports.helpers import load_workbook, roster_records, url

from .helpers import EXPORT_URL, JSON_URL, ROSTER_URL, listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client):
    own = make_unit("本单位")
    make_cadre(name="本单位干部", unit=own)
    make_cadre(name="下级干部", unit=make_unit("下级单位", parent=own))
    make_cadre(name="他单位干部", unit=make_unit("他单位"))
    client.force_login(make_user(UNIT_CLERK, [own]))
    return client


def test_clerk_lists_only_their_units(clerk_client):
    assert listed(clerk_client) == ["下级干部", "本单位干部"]
    page = clerk_client.get(url(ROSTER_URL, {"as_of": "2021-07-31"})).content.decode()
    assert "本单位干部" in page and "他单位干部" not in page


def test_unit_pickers_offer_only_the_clerks_units_with_the_chosen_one_selected(clerk_client):
    own = Unit.objects.get(name="本单位")

    response = clerk_client.get(url(ROSTER_URL, {"as_of": "2021-07-31", "own_unit": own.pk}))

    form = response.context["filterset"].form
    for name in ("unit", "own_unit", "not_own_unit"):
        html = str(form[name])
        assert "本单位" in html and "下级单位" in html and "他单位" not in html
    assert f'<option value="{own.pk}" selected>' in str(form["own_unit"])
    assert f'<option value="{own.pk}" selected>' not in str(form["unit"])


def test_clerk_may_not_choose_another_unit(clerk_client):
    other = make_unit("另一单位")

    response = clerk_client.get(url(JSON_URL, {"unit": other.pk}))

    assert response.status_code == 400
    assert response.json()["messages"] == ["单位（含下级单位）：单位不存在或无权查看"]


def test_clerks_export_holds_only_their_units(clerk_client):
    response = clerk_client.get(url(EXPORT_URL, {"as_of": "2021-07-31", "columns": "name"}))

    names = [row["姓名"] for row in roster_records(load_workbook(response)["干部名单"])]
    assert sorted(names) == ["下级干部", "本单位干部"]


@pytest.mark.parametrize("path", [ROSTER_URL, JSON_URL, EXPORT_URL])
def test_anonymous_is_sent_to_login(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_names_link_to_the_profile(admin_client):
    cadre = make_cadre(name="甲")

    page = admin_client.get(ROSTER_URL).content.decode()

    assert f'<a href="/cadres/{cadre.pk}/">甲</a>' in page


def test_list_and_json_need_a_fixed_number_of_queries(admin_client, django_assert_num_queries):
    params = {"as_of": "2021-07-31", "grassroots": "0", "organ": "0", "pool_status": "未入库"}
    make_cadre()
    with CaptureQueriesContext(connection) as page_few:
        admin_client.get(url(ROSTER_URL, params))
    with CaptureQueriesContext(connection) as json_few:
        admin_client.get(url(JSON_URL, params))
    for _ in range(20):
        make_cadre(unit=make_unit())

    with django_assert_num_queries(len(page_few)):
        assert admin_client.get(url(ROSTER_URL, params)).context["table"].paginator.count == 21
    with django_assert_num_queries(len(json_few)):
        assert admin_client.get(url(JSON_URL, params)).json()["count"] == 21


def test_a_saved_filter_reopens_the_query(admin_client, admin_user):
    response = admin_client.post("/cadres/saved/", {"name": "选调生", "query": "channel=xuandiao&page=3"})

    saved = SavedFilter.objects.get(user=admin_user)
    assert (saved.name, saved.query) == ("选调生", "channel=xuandiao")
    assert response["Location"] == "/cadres/?channel=xuandiao"
    assert admin_client.get(f"/cadres/saved/{saved.pk}/")["Location"] == "/cadres/?channel=xuandiao"


def test_saving_under_the_same_name_replaces_the_query(admin_client, admin_user):
    admin_client.post("/cadres/saved/", {"name": "常用", "query": "gender=女"})
    admin_client.post("/cadres/saved/", {"name": "常用", "query": "gender=男"})

    assert list(SavedFilter.objects.values_list("name", "query")) == [("常用", "gender=%E7%94%B7")]


def test_a_saved_filter_needs_a_name(admin_client):
    response = admin_client.post("/cadres/saved/", {"name": " ", "query": "gender=女"}, follow=True)

    assert not SavedFilter.objects.exists()
    assert "筛选未保存：" in response.content.decode()


def test_only_the_owner_sees_opens_or_deletes_a_saved_filter(client, admin_user):
    saved = SavedFilter.objects.create(user=admin_user, name="部领导的筛选", query="gender=女")
    client.force_login(make_user(UNIT_CLERK, [make_unit()]))

    assert "部领导的筛选" not in client.get(ROSTER_URL).content.decode()
    assert client.get(f"/cadres/saved/{saved.pk}/").status_code == 404
    assert client.post(f"/cadres/saved/{saved.pk}/delete/").status_code == 404
    assert SavedFilter.objects.filter(pk=saved.pk).exists()


def test_the_owner_deletes_a_saved_filter(admin_client, admin_user):
    saved = SavedFilter.objects.create(user=admin_user, name="旧筛选", query="gender=女")

    response = admin_client.post(f"/cadres/saved/{saved.pk}/delete/", follow=True)

    assert not SavedFilter.objects.exists()
    assert "已删除筛选“旧筛选”" in response.content.decode()


def test_filter_labels_are_chinese(admin_client):
    page = admin_client.get(ROSTER_URL).content.decode()

    for english in ("Any date", "Unknown", "---------", ">Yes<", ">No<"):
        assert english not in page
    assert "缺乏基层经验" in page


def test_ages_use_the_chosen_date(admin_client):
    make_cadre(name="甲", birth_date=datetime.date(1985, 8, 1))

    rows = admin_client.get(url(ROSTER_URL, {"as_of": "2021-07-31"})).context["table"].rows

    assert rows[0].get_cell("age") == 35

"""The dashboard's sparkline: the last 24 months' totals, by the trend's rule, at a query cost fixed whatever N."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import UNIT_CLERK
from reports.trend import add_months
from tests.factories import make_cadre, make_counted, make_unit, make_user

from .helpers import embedded_json

pytestmark = pytest.mark.django_db


def young_born():
    today = timezone.localdate()
    return datetime.date(today.year - 28, 1, 1)


def test_the_sparkline_gives_the_last_24_months_up_to_today(admin_client):
    today = timezone.localdate()
    entered = add_months(today, -6)  # on the roster for the last 7 months of the 24
    make_cadre(birth_date=young_born(), entry_date=entered)

    html = admin_client.get("/").content.decode()

    data = embedded_json(html, "trend-data")
    months = [month["month"] for month in data["months"]]
    assert len(months) == 24
    assert months[-1] == f"{today:%Y-%m}" and months[0] == f"{add_months(today, -23):%Y-%m}"
    assert [month["total"] for month in data["months"]] == [0] * 17 + [1] * 7
    assert 'href="/reports/trend/"' in html


def test_the_sparkline_counts_only_the_clerks_units(client):
    own = make_unit()
    make_cadre(unit=own, birth_date=young_born(), entry_date=datetime.date(2015, 1, 1))
    make_cadre(unit=make_unit(), birth_date=young_born(), entry_date=datetime.date(2015, 1, 1))
    client.force_login(make_user(UNIT_CLERK, [own]))

    data = embedded_json(client.get("/").content.decode(), "trend-data")

    assert {month["total"] for month in data["months"]} == {1}


def test_the_home_page_query_count_does_not_grow_with_the_cadres(admin_client, django_assert_num_queries):
    make_counted("xuandiao", 1, birth_date=young_born())
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/")
    make_counted("gongwuyuan", 15, birth_date=young_born())
    make_counted("diaoru", 12, birth_date=young_born(), entry_date=add_months(timezone.localdate(), -3))

    with django_assert_num_queries(len(few)):
        html = admin_client.get("/").content.decode()
    assert embedded_json(html, "trend-data")["months"][-1]["total"] == 28

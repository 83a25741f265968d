"""The trend page and JSON: login, scope, drill-down links, archived figures, parameter errors, audit."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from reports.trend_forms import MONTH_INVALID, RANGE_FUTURE, RANGE_ORDER, RANGE_TOO_LONG
from tests.factories import make_cadre, make_unit, make_user

from .helpers import embedded_json, html_table, url
from .test_trend import archive

pytestmark = pytest.mark.django_db

PAGE = "/reports/trend/"
JSON = "/reports/trend.json"
RANGE = {"start": "2021-06", "end": "2021-08"}
D = datetime.date


@pytest.mark.parametrize("path", [PAGE, JSON])
def test_anonymous_visitor_is_sent_to_login(client, path):
    response = client.get(url(path, RANGE))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_json_gives_each_month_with_its_drilldown(admin_client):
    make_cadre(entry_date=D(2021, 7, 10))

    data = admin_client.get(url(JSON, RANGE)).json()

    assert [(m["month"], m["as_of"], m["total"]) for m in data["months"]] == [
        ("2021-06", "2021-06-30", 0),
        ("2021-07", "2021-07-31", 1),
        ("2021-08", "2021-08-31", 1),
    ]
    july = data["months"][1]
    assert july["recent"] == 1
    assert july["page_url"].startswith("/cadres/?as_of=2021-07-31&max_age=35")
    # The drill-down lists exactly the people counted that day.
    listed = admin_client.get(july["url"]).json()
    assert listed["count"] == 1
    group = next(g for g in july["groups"] if g["name"] == "选调生")
    assert group["count"] == 1
    assert "group=" in group["page_url"]


def test_json_is_audited(admin_client):
    admin_client.get(url(JSON, RANGE))

    event = AuditEvent.objects.get(action="reports.trend.json")
    assert event.data["months"] == 3
    assert event.data["params"]["start"] == "2021-06"


def test_default_range_is_the_last_24_months(admin_client):
    data = admin_client.get(JSON).json()

    today = timezone.localdate()
    assert len(data["months"]) == 24
    assert data["months"][-1]["as_of"] == today.isoformat()


def test_clerk_sees_only_the_figures_of_their_units_and_no_archive(client):
    own = make_unit()
    make_cadre(unit=own)
    make_cadre(unit=make_unit())
    archive(D(2021, 7, 31), 9)
    clerk = make_user(UNIT_CLERK, [own])
    client.force_login(clerk)

    data = client.get(url(JSON, RANGE)).json()

    assert [m["total"] for m in data["months"]] == [1, 1, 1]
    assert data["archive_compared"] is False
    assert all(m["archived"] is None for m in data["months"])


def test_read_only_user_sees_the_page_but_not_the_json(client):
    own = make_unit()
    make_cadre(unit=own)
    client.force_login(make_user(READ_ONLY, [own]))

    assert client.get(url(PAGE, RANGE)).status_code == 200
    assert client.get(url(JSON, RANGE)).status_code == 403


def test_page_shows_the_table_with_links_and_the_archived_figure(admin_client):
    make_cadre()
    make_cadre()
    archive(D(2021, 7, 31), 1)

    html = admin_client.get(url(PAGE, RANGE)).content.decode()

    rows = html_table(html, "trend-table")
    assert rows[0][:5] == ["月份", "统计日期", "合计", "归档数", "其中3年内招录"]
    assert [row[:4] for row in rows[1:]] == [
        ["2021年6月", "2021-06-30", "2", "—"],
        ["2021年7月", "2021-07-31", "2", "1"],
        ["2021年8月", "2021-08-31", "2", "—"],
    ]
    assert "归档后数据有更正" in html
    assert 'href="/cadres/?as_of=2021-07-31' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2021-13"}, MONTH_INVALID),
        ({"start": "2021-09", "end": "2021-08"}, RANGE_ORDER),
        ({"start": "2001-01", "end": "2021-08"}, RANGE_TOO_LONG.format(months=120)),
        ({"end": "2099-01"}, RANGE_FUTURE),
    ],
)
def test_bad_ranges_are_refused_in_words(admin_client, params, message):
    response = admin_client.get(url(JSON, params))

    assert response.status_code == 400
    assert any(message in line for line in response.json()["messages"])
    assert message in admin_client.get(url(PAGE, params)).content.decode()


def test_page_embeds_for_its_chart_the_figures_the_json_serves(admin_client):
    make_cadre(entry_date=D(2021, 7, 10))

    html = admin_client.get(url(PAGE, RANGE)).content.decode()

    assert 'data-chart="trend" data-source="trend-data"' in html
    served = admin_client.get(url(JSON, RANGE)).json()
    figures = [
        (m["month"], m["total"], m["recent"], [(g["name"], g["count"]) for g in m["groups"]]) for m in served["months"]
    ]
    embedded = embedded_json(html, "trend-data")
    assert (embedded["start"], embedded["end"], embedded["recent_years"]) == ("2021-06", "2021-08", 3)
    assert [
        (m["month"], m["total"], m["recent"], [(g["name"], g["count"]) for g in m["groups"]])
        for m in embedded["months"]
    ] == figures


def test_the_month_inputs_show_the_default_range(admin_client):
    today = timezone.localdate()
    first = datetime.date(today.year - 2 + (today.month == 12), today.month % 12 + 1, 1)

    html = admin_client.get(PAGE).content.decode()

    assert f'name="start" value="{first:%Y-%m}"' in html
    assert f'name="end" value="{today:%Y-%m}"' in html

"""The doors to the statistics: login, the page, the JSON, the download and the home page."""

import datetime
import re
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import READ_ONLY, UNIT_CLERK, role_group
from reports.excel import XLSX_CONTENT_TYPE
from tests.factories import make_cadre, make_counted, make_unit

from .helpers import (
    ARTICLE_PARAMS,
    GROUP_CODES,
    GROUP_NAMES,
    JSON_URL,
    RECENT_ENTRY,
    STATS_URL,
    XLSX_URL,
    YOUNG_BIRTH,
    html_table,
    load_workbook,
    url,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Xl-Tests-2021-pw"
PROTECTED = ["/", STATS_URL, JSON_URL, XLSX_URL]


@pytest.fixture
def article_data():
    """Counted on the article's parameters: 选调生 3 (1 recent), 公务员 1, 调入 2 (1 recent); 2 left out."""
    make_counted("xuandiao", 2)
    make_counted("xuandiao", 1, entry_date=RECENT_ENTRY)
    make_counted("gongwuyuan", 1)
    make_counted("diaoru", 1)
    make_counted("diaoru", 1, entry_date=RECENT_ENTRY)
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 3, 1))
    make_cadre(channel="shiye", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 4, 1))


ARTICLE_DATA_NARRATIVE = (
    "截至2021年7月，全区35周岁以下年轻干部共6人（2021年公务员、事业单位招聘未计算在内），"
    "其中，选调生3人，公务员1人，招硕引博0人，事业单位招聘0人，社区定向招聘0人，"
    "转隶、调入、退伍安置等其他方式进入2人；在这6人中，有2人是近三年招录进入。"
)


# Login ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PROTECTED)
def test_anonymous_visitor_is_sent_to_login(client, path):
    response = client.get(url(path, ARTICLE_PARAMS))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_login_page_is_in_chinese(client):
    response = client.get("/login/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-hans">' in html
    for text in ("<h1>登录</h1>", "用户名", "密码", '<button type="submit">登录</button>'):
        assert text in html


def test_login_by_post_opens_the_home_page(client, django_user_model):
    django_user_model.objects.create_user(username="zugong", password=PASSWORD)

    response = client.post("/login/", {"username": "zugong", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_login_returns_to_the_page_asked_for(client, django_user_model):
    django_user_model.objects.create_user(username="zugong", password=PASSWORD)

    response = client.post("/login/", {"username": "zugong", "password": PASSWORD, "next": STATS_URL})

    assert response.status_code == 302
    assert response["Location"] == STATS_URL


def test_wrong_password_is_refused_in_chinese(client, django_user_model):
    django_user_model.objects.create_user(username="zugong", password=PASSWORD)

    response = client.post("/login/", {"username": "zugong", "password": "wrong-password"})

    assert response.status_code == 200
    errors = re.search(r'<div class="errors" role="alert">(.*?)</div>', response.content.decode(), re.S)
    assert errors and re.search(r"[\u4e00-\u9fff]", errors.group(1))
    assert client.get("/").status_code == 302


def test_logout_is_not_done_by_get(admin_client):
    assert admin_client.get("/logout/").status_code == 405
    assert admin_client.get("/").status_code == 200


def test_logout_by_post_ends_the_session(admin_client):
    response = admin_client.post("/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert admin_client.get("/").status_code == 302


# JSON -----------------------------------------------------------------------------------------


def test_json_has_the_documented_keys(admin_client, article_data):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert {"as_of", "max_age", "recent_years", "excluded", "total", "groups", "recent", "narrative"} <= set(data)
    assert all({"year", "channel"} <= set(item) for item in data["excluded"])
    assert all({"name", "count", "channels"} <= set(group) for group in data["groups"])
    assert all({"code", "name", "count"} <= set(channel) for group in data["groups"] for channel in group["channels"])


def test_json_gives_the_figures(admin_client, article_data):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert (data["as_of"], data["max_age"], data["recent_years"]) == ("2021-07-31", 35, 3)
    assert [(item["year"], item["channel"]) for item in data["excluded"]] == [(2021, "gongwuyuan"), (2021, "shiye")]
    assert (data["total"], data["recent"]) == (6, 2)
    assert [(group["name"], group["count"]) for group in data["groups"]] == [
        ("选调生", 3),
        ("公务员", 1),
        ("招硕引博", 0),
        ("事业单位招聘", 0),
        ("社区定向招聘", 0),
        ("其他方式", 2),
    ]
    assert data["narrative"] == ARTICLE_DATA_NARRATIVE


def test_json_lists_each_groups_channels_in_order(admin_client, article_data):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert {group["name"]: [ch["code"] for ch in group["channels"]] for group in data["groups"]} == GROUP_CODES
    other = data["groups"][-1]["channels"]
    assert [(ch["code"], ch["name"], ch["count"]) for ch in other] == [
        ("zhuanli", "转隶", 0),
        ("diaoru", "调入", 2),
        ("tuiwu", "退伍安置", 0),
        ("qita", "其他", 0),
    ]


def test_json_query_count_does_not_grow_with_the_cadres(admin_client, django_assert_num_queries):
    for code in ("xuandiao", "gongwuyuan", "diaoru"):
        make_counted(code, 1)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()["total"] == 3
    make_counted("zhaoshuo", 20)
    make_counted("tuiwu", 17, entry_date=RECENT_ENTRY)

    with django_assert_num_queries(len(few)):
        assert admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()["total"] == 40


def test_clerk_sees_only_the_figures_of_their_units(client, django_user_model):
    own = make_unit()
    below = make_unit(parent=own)
    make_counted("xuandiao", 2, unit=own)
    make_counted("shequ", 1, unit=below)
    make_counted("xuandiao", 5, unit=make_unit())
    clerk = django_user_model.objects.create_user(username="clerk", password=PASSWORD)
    clerk.groups.add(role_group(UNIT_CLERK))
    own.staff.add(clerk)
    client.force_login(clerk)

    data = client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert data["total"] == 3
    assert {group["name"]: group["count"] for group in data["groups"]}["选调生"] == 2


# The page -------------------------------------------------------------------------------------


def test_page_shows_the_table_of_groups(admin_client, article_data):
    html = admin_client.get(url(STATS_URL, ARTICLE_PARAMS)).content.decode()

    rows = html_table(html, "stats-table")
    header, body, footer = rows[0], rows[1:-1], rows[-1]
    assert header[0] == "进入方式"
    assert header[2] == "人数"
    assert [(row[0], row[2]) for row in body] == [
        ("选调生", "3"),
        ("公务员", "1"),
        ("招硕引博", "0"),
        ("事业单位招聘", "0"),
        ("社区定向招聘", "0"),
        ("其他方式", "2"),
    ]
    assert (footer[0], footer[2]) == ("合计", "6")


def test_page_table_shows_recent_and_share(admin_client, article_data):
    html = admin_client.get(url(STATS_URL, ARTICLE_PARAMS)).content.decode()

    rows = html_table(html, "stats-table")
    assert rows[0][3] == "占比"
    assert re.fullmatch("其中近[3三]年招录", rows[0][4])
    assert rows[1][3:] == ["50.0%", "1"]
    assert rows[-1][3:] == ["100.0%", "2"]


def test_page_shows_the_narrative_and_the_footnote(admin_client, article_data):
    html = admin_client.get(url(STATS_URL, ARTICLE_PARAMS)).content.decode()

    assert f'<p class="narrative">{ARTICLE_DATA_NARRATIVE}</p>' in html
    assert '<p class="footnote">注：2021年公务员、事业单位招聘未计算在内。</p>' in html


def test_page_without_exclusions_has_no_footnote(admin_client, article_data):
    html = admin_client.get(url(STATS_URL, {"as_of": "2021-07-31"})).content.decode()

    assert 'class="footnote"' not in html
    assert "全区35周岁以下年轻干部共8人，其中，" in html


def test_page_shows_the_params_in_its_heading(admin_client):
    html = admin_client.get(url(STATS_URL, {"as_of": "2021-07-15", "max_age": "40"})).content.decode()

    assert "<h2>全区40周岁以下年轻干部（截至2021年7月15日）</h2>" in html


# Home -----------------------------------------------------------------------------------------


def test_home_page_shows_todays_figures(admin_client):
    today = timezone.localdate()
    young = datetime.date(today.year - 30, 1, 1)
    make_cadre(channel="xuandiao", birth_date=young, entry_date=datetime.date(today.year - 8, 1, 1))
    make_cadre(channel="shequ", birth_date=young, entry_date=today - datetime.timedelta(days=30))
    make_cadre(
        channel="xuandiao", birth_date=datetime.date(today.year - 50, 1, 1), entry_date=datetime.date(2000, 1, 1)
    )
    make_cadre(channel="xuandiao", birth_date=young, entry_date=today + datetime.timedelta(days=1))

    response = admin_client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f"截至今天（{today.year}年{today.month}月{today.day}日）" in html
    assert re.search(r'data-figure="total">2</span>.*?data-figure="recent">1</span>', html, re.S)
    rows = html_table(html, "dashboard-groups")
    counts = {"选调生": ["1", "0"], "社区定向招聘": ["1", "1"]}
    assert rows[1:-1] == [[name, *counts.get(name, ["0", "0"])] for name in GROUP_NAMES]
    assert rows[-1] == ["合计", "2", "1"]
    assert "35周岁以下年轻干部共2人，其中，" in html
    assert html.count("有1人是近三年招录进入。") == 1


# The download ---------------------------------------------------------------------------------


def test_xlsx_download_names_the_file_in_chinese_per_rfc_5987(admin_client, article_data):
    response = admin_client.get(url(XLSX_URL, ARTICLE_PARAMS))

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    match = re.search(r"filename\*=(?i:utf-8)''(\S+)", disposition)
    assert match, disposition
    assert unquote(match.group(1)) == "年轻干部统计_2021-07-31.xlsx"
    assert disposition.isascii()


def test_xlsx_download_of_a_unit_names_the_unit(admin_client):
    unit = make_unit("团山街道办事处")

    response = admin_client.get(url(XLSX_URL, {"as_of": "2021-07-31", "unit": unit.pk}))

    match = re.search(r"filename\*=(?i:utf-8)''(\S+)", response["Content-Disposition"])
    assert unquote(match.group(1)) == "年轻干部统计_团山街道办事处_2021-07-31.xlsx"


def test_xlsx_download_opens_with_openpyxl(admin_client, article_data):
    workbook = load_workbook(admin_client.get(url(XLSX_URL, ARTICLE_PARAMS)))

    assert workbook.sheetnames == ["汇总", "分项统计", "花名册"]


@pytest.mark.parametrize("path", [JSON_URL, XLSX_URL])
def test_read_only_role_may_not_export(client, django_user_model, path):
    reader = django_user_model.objects.create_user(username="reader", password=PASSWORD)
    reader.groups.add(role_group(READ_ONLY))
    client.force_login(reader)

    assert client.get(url(STATS_URL, ARTICLE_PARAMS)).status_code == 200
    assert client.get(url(path, ARTICLE_PARAMS)).status_code == 403

"""The demo roster reproduces the article's figures (section 三) through every door."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from reports.management.commands.export_monthly_report import WRITTEN
from reports.models import MonthlyReport

from .helpers import (
    ARTICLE_PARAMS,
    GROUP_CODES,
    GROUP_NAMES,
    JSON_URL,
    STATS_URL,
    XLSX_URL,
    html_table,
    load_workbook,
    roster_records,
    sheet_rows,
    summary_counts,
    summary_table,
    url,
)

pytestmark = pytest.mark.django_db

DEMO_FIXTURE = settings.BASE_DIR / "fixtures" / "demo.json"
GROUPS = {"选调生": 44, "公务员": 38, "招硕引博": 18, "事业单位招聘": 28, "社区定向招聘": 3, "其他方式": 15}
TOTAL, RECENT = 146, 70
NARRATIVE = (
    "截至2021年7月，全区35周岁以下年轻干部共146人（2021年公务员、事业单位招聘未计算在内），"
    "其中，选调生44人，公务员38人，招硕引博18人，事业单位招聘28人，社区定向招聘3人，"
    "转隶、调入、退伍安置等其他方式进入15人；在这146人中，有70人是近三年招录进入。"
)


@pytest.fixture
def demo(db):
    """The demo roster, loaded into this test's transaction."""
    call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)


def test_json_gives_the_articles_figures(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert (data["as_of"], data["max_age"], data["recent_years"]) == ("2021-07-31", 35, 3)
    assert [(item["year"], item["channel"]) for item in data["excluded"]] == [(2021, "gongwuyuan"), (2021, "shiye")]
    assert data["total"] == TOTAL
    assert [(group["name"], group["count"]) for group in data["groups"]] == list(GROUPS.items())
    assert data["recent"] == RECENT


def test_json_channels_add_up_to_their_groups(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert {group["name"]: [ch["code"] for ch in group["channels"]] for group in data["groups"]} == GROUP_CODES
    for group in data["groups"]:
        assert sum(channel["count"] for channel in group["channels"]) == group["count"]


def test_narrative_states_the_articles_figures(admin_client, demo):
    data = admin_client.get(url(JSON_URL, ARTICLE_PARAMS)).json()

    assert data["narrative"] == NARRATIVE
    assert data["footnote"] == "2021年公务员、事业单位招聘未计算在内"


def test_page_shows_the_articles_figures(admin_client, demo):
    response = admin_client.get(url(STATS_URL, ARTICLE_PARAMS))

    html = response.content.decode()
    assert response.status_code == 200
    rows = html_table(html, "stats-table")
    assert [(row[0], int(row[2])) for row in rows[1:-1]] == list(GROUPS.items())
    assert (rows[-1][0], int(rows[-1][2]), int(rows[-1][4])) == ("合计", TOTAL, RECENT)
    assert NARRATIVE in html
    assert "注：2021年公务员、事业单位招聘未计算在内。" in html


def test_xlsx_download_holds_the_articles_figures(admin_client, demo):
    workbook = load_workbook(admin_client.get(url(XLSX_URL, ARTICLE_PARAMS)))

    assert summary_counts(workbook["汇总"]) == GROUPS | {"合计": TOTAL}
    assert summary_table(workbook["汇总"])[1][-1][3] == RECENT
    assert NARRATIVE in [row[0] for row in sheet_rows(workbook["汇总"])]
    records = roster_records(workbook["花名册"])
    assert len(records) == TOTAL
    assert sum(record["近三年招录"] == "是" for record in records) == RECENT


def test_monthly_workbook_holds_the_articles_figures(demo, tmp_path):
    output = tmp_path / "2021-07.xlsx"
    out = StringIO()

    call_command(
        "export_monthly_report",
        "2021-07",
        "--output",
        str(output),
        "--exclude",
        "2021:gongwuyuan",
        "--exclude",
        "2021:shiye",
        stdout=out,
    )

    workbook = load_workbook(output.read_bytes())
    assert summary_counts(workbook["汇总"]) == GROUPS | {"合计": TOTAL}
    assert summary_table(workbook["汇总"])[1][-1][3] == RECENT
    assert NARRATIVE in [row[0] for row in sheet_rows(workbook["汇总"])]
    records = roster_records(workbook["花名册"])
    assert len(records) == TOTAL
    assert [record["统计分组"] for record in records] == [name for name in GROUP_NAMES for _ in range(GROUPS[name])]
    assert all(record["年龄"] <= 35 for record in records)
    assert (
        out.getvalue()
        == WRITTEN.format(
            path=output, as_of="2021-07-31", total=TOTAL, years=3, recent=RECENT, pk=MonthlyReport.objects.get().pk
        )
        + "\n"
    )

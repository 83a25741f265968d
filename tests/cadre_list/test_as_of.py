"""A list opened for a date shows each person as on that date: status, age, unit, post, rank and pool
status (CadreQuerySet.as_on), with the date in the headers, in the export and in the profile links."""

import datetime

import pytest

from cadres.models import Cadre, WorkRecord
from cadres.querysets import NOT_YET_ENTERED
from tests.factories import make_cadre, make_membership, make_unit
from tests.reports.helpers import load_workbook, roster_records, url

from .helpers import EXPORT_URL, ROSTER_URL

pytestmark = pytest.mark.django_db

D = datetime.date


def on(day, cadre, field):
    return getattr(Cadre.objects.as_on(day).get(pk=cadre.pk), field)


def cells(client, params):
    """Return {name: {column: text}} of the list page's rows for `params`."""
    table = client.get(url(ROSTER_URL, params)).context["table"]
    names = [column.name for column in table.columns]
    return {row.record.name: {name: str(row.get_cell(name)) for name in names} for row in table.rows}


def post(cadre, start, end=None, *, unit, post, rank=""):
    return WorkRecord.objects.create(cadre=cadre, unit=unit, post=post, rank=rank, start_date=start, end_date=end)


def test_in_post_the_day_before_leaving():
    cadre = make_cadre(entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))
    assert on(D(2021, 7, 31), cadre, "status_on_date") == "在职"


def test_left_on_the_leave_date():
    cadre = make_cadre(entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))
    assert on(D(2021, 8, 1), cadre, "status_on_date") == "已离开"


def test_not_yet_entered_the_day_before_entry():
    cadre = make_cadre(entry_date=D(2021, 8, 1))
    assert on(D(2021, 7, 31), cadre, "status_on_date") == NOT_YET_ENTERED


def test_in_post_on_the_entry_date():
    cadre = make_cadre(entry_date=D(2021, 8, 1))
    assert on(D(2021, 8, 1), cadre, "status_on_date") == "在职"


def test_a_pending_recruit_is_pending_on_any_date():
    cadre = make_cadre(entry_date=None)
    assert on(D(2021, 7, 31), cadre, "status_on_date") == "拟录用"


def test_unit_post_and_rank_are_those_of_the_post_held_on_the_date():
    town, bureau = make_unit("某镇", kind="乡镇"), make_unit("区某局")
    cadre = make_cadre(unit=bureau, post="副局长", rank="二级主任科员")
    post(cadre, D(2015, 8, 1), D(2021, 7, 31), unit=town, post="科员", rank="一级科员")
    post(cadre, D(2021, 8, 1), unit=bureau, post="副局长", rank="二级主任科员")

    then = Cadre.objects.as_on(D(2021, 7, 31)).get(pk=cadre.pk)
    after = Cadre.objects.as_on(D(2021, 8, 1)).get(pk=cadre.pk)

    assert (then.unit_name_on_date, then.post_on_date, then.rank_on_date) == ("某镇", "科员", "一级科员")
    assert (after.unit_name_on_date, after.post_on_date, after.rank_on_date) == ("区某局", "副局长", "二级主任科员")


def test_without_a_post_covering_the_date_the_current_unit_post_and_rank():
    unit = make_unit("区某局")
    cadre = make_cadre(unit=unit, post="科员", rank="一级科员")

    row = Cadre.objects.as_on(D(2021, 7, 31)).get(pk=cadre.pk)

    assert (row.unit_name_on_date, row.post_on_date, row.rank_on_date) == ("区某局", "科员", "一级科员")


def test_pool_status_on_the_date():
    cadre = make_cadre()
    make_membership(cadre, D(2020, 1, 1), (D(2021, 8, 1), "已列为考察对象"))

    assert on(D(2019, 12, 31), cadre, "pool_status_on_date") == "未入库"
    assert on(D(2021, 7, 31), cadre, "pool_status_on_date") == "年轻干部"
    assert on(D(2021, 8, 1), cadre, "pool_status_on_date") == "已列为考察对象"


def test_list_for_a_past_date_shows_the_status_age_and_post_of_that_date(admin_client):
    town, bureau = make_unit("某镇", kind="乡镇"), make_unit("区某局")
    born, entered, left = D(1985, 8, 1), D(2015, 8, 1), D(2021, 8, 1)
    cadre = make_cadre(name="甲", birth_date=born, unit=bureau, post="副局长", entry_date=entered, leave_date=left)
    post(cadre, D(2015, 8, 1), D(2021, 7, 31), unit=town, post="科员", rank="一级科员")

    row = cells(admin_client, {"as_of": "2021-07-31"})["甲"]

    assert row["status"] == "在职"
    assert row["age"] == "35"
    assert (row["unit"], row["post"], row["rank"]) == ("某镇", "科员", "一级科员")
    assert cells(admin_client, {"as_of": "2021-08-01"})["甲"]["status"] == "已离开"


def test_headers_say_the_date(admin_client):
    make_cadre()

    table = admin_client.get(url(ROSTER_URL, {"as_of": "2021-07-31"})).context["table"]
    headers = {column.name: str(column.header) for column in table.columns}

    # The date on a line of its own under the column's name.
    for key, label in [("status", "状态"), ("age", "年龄"), ("unit", "工作单位"), ("pool_status", "年轻干部库")]:
        assert headers[key] == f'{label}<span class="header-date">2021-07-31</span>'


def test_names_link_to_the_profile_of_the_list_date(admin_client):
    cadre = make_cadre(name="甲")

    page = admin_client.get(url(ROSTER_URL, {"as_of": "2021-07-31"})).content.decode()

    assert f'<a href="/cadres/{cadre.pk}/?as_of=2021-07-31">甲</a>' in page


def test_export_for_a_past_date_shows_the_status_of_that_date(admin_client):
    make_cadre(name="甲", entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))
    columns = [("columns", key) for key in ("name", "status", "unit")]

    response = admin_client.get(url(EXPORT_URL, [("as_of", "2021-07-31"), *columns]))

    [record] = roster_records(load(response))
    assert record["状态（2021-07-31）"] == "在职"


def load(response):
    return load_workbook(response)["干部名单"]


def test_profile_for_a_date_shows_that_day_with_a_bar_and_a_link_to_today(admin_client):
    cadre = make_cadre(name="甲", entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))

    page = admin_client.get(f"/cadres/{cadre.pk}/?as_of=2021-07-31").content.decode()

    assert 'class="date-bar"' in page and "2021年7月31日" in page
    assert f'<a class="no-print" href="/cadres/{cadre.pk}/">查看今天的情况</a>' in page
    assert '<td class="status-on-date">在职' in page


def test_profile_of_today_has_no_date_bar(admin_client):
    cadre = make_cadre(name="甲")

    page = admin_client.get(f"/cadres/{cadre.pk}/").content.decode()

    assert 'class="date-bar"' not in page


def test_status_filter_reads_the_status_on_the_date(admin_client):
    make_cadre(name="甲", entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))
    make_cadre(name="乙", entry_date=D(2015, 8, 1), leave_date=D(2020, 8, 1))

    active = cells(admin_client, {"as_of": "2021-07-31", "status": "在职"})
    left = cells(admin_client, {"as_of": "2021-07-31", "status": "已离开"})

    assert list(active) == ["甲"] and list(left) == ["乙"]

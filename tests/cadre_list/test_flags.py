"""The cadre list page's experience columns: 基层经验 / 机关阅历 as 有/无 on the chosen date, no query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_cadre, make_secondment, make_unit, make_work_record
from tests.reports.helpers import url

from .helpers import AS_OF, ROSTER_URL

pytestmark = pytest.mark.django_db

D = AS_OF.__class__


def flags(client, as_of="2021-07-31"):
    table = client.get(url(ROSTER_URL, [("as_of", as_of)])).context["table"]
    return {row.record.name: (row.get_cell("grassroots"), row.get_cell("organ")) for row in table.paginated_rows}


def test_cadre_list_shows_both_flags_as_has_or_not(admin_client):
    township = make_unit("某街道", kind="街道")
    organ = make_unit("某局", kind="党政机关")
    grassroots = make_cadre(name="基层", unit=township)
    make_work_record(grassroots, D(2019, 8, 1), unit=township)
    organ_only = make_cadre(name="机关", unit=organ)
    make_work_record(organ_only, D(2020, 1, 1), unit=organ)
    make_cadre(name="都无", unit=township)

    assert flags(admin_client) == {"基层": ("有", "无"), "机关": ("无", "有"), "都无": ("无", "无")}


def test_flags_follow_the_chosen_date(admin_client):
    township = make_unit("某街道", kind="街道")
    organ = make_unit("某局", kind="党政机关")
    cadre = make_cadre(name="甲", unit=township)
    make_work_record(cadre, D(2019, 8, 2), unit=township)
    make_secondment(cadre, D(2021, 8, 1), D(2022, 1, 31), to_unit=organ)

    assert flags(admin_client, "2021-07-31") == {"甲": ("无", "无")}
    assert flags(admin_client, "2021-08-02") == {"甲": ("有", "有")}


def test_flag_columns_add_no_query_per_row(admin_client):
    township = make_unit("某街道", kind="街道")
    make_cadre(unit=township)
    with CaptureQueriesContext(connection) as few:
        flags(admin_client)
    for _ in range(15):
        make_work_record(make_cadre(unit=township), D(2015, 1, 1), unit=township)
    with CaptureQueriesContext(connection) as many:
        assert set(flags(admin_client).values()) == {("有", "无"), ("无", "无")}
    assert len(many) == len(few)

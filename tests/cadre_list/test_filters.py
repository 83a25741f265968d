"""Each cadre list filter against a small hand-made roster, the right answer written in the test."""

import datetime

import pytest
from django.utils.html import escape

from accounts.roles import CADRE_SECTION, READ_ONLY
from cadres.forms import DATE_INVALID as INVALID_DATE
from reports.cadre_list.filters import AGE_ORDER, AGE_RANGE, DATE_ORDER
from reports.params import INTAKE_FORMAT
from tests.factories import (
    make_cadre,
    make_id_number,
    make_membership,
    make_secondment,
    make_unit,
    make_user,
    make_work_record,
)
from tests.reports.helpers import url

from .helpers import JSON_URL, ROSTER_URL, listed

pytestmark = pytest.mark.django_db

D = datetime.date


def test_no_filter_lists_every_visible_cadre_even_left_and_pending(admin_client):
    make_cadre(name="在职")
    make_cadre(name="已离开", leave_date=D(2020, 1, 1))
    make_cadre(name="拟录用", entry_date=None)

    assert listed(admin_client) == ["在职", "已离开", "拟录用"]


def test_name_search_matches_part_of_the_name(admin_client):
    make_cadre(name="张三丰")
    make_cadre(name="李四")

    assert listed(admin_client, {"q": "三"}) == ["张三丰"]


def test_id_number_search_for_users_who_may_see_numbers(client):
    number = make_id_number(D(1990, 1, 1))
    make_cadre(name="有号码", id_number=number)
    make_cadre(name="无号码")
    client.force_login(make_user(CADRE_SECTION))

    assert listed(client, {"q": number[:14]}) == ["有号码"]


def test_id_number_search_finds_nothing_for_users_who_see_masked_numbers(client):
    unit = make_unit()
    number = make_id_number(D(1990, 1, 1))
    make_cadre(name="有号码", id_number=number, unit=unit)
    client.force_login(make_user(READ_ONLY, [unit]))

    # On the page: /cadres.json is an export, which 只读 may not make.
    def on_page(query):
        rows = client.get(url(ROSTER_URL, {"as_of": "2021-07-31", "q": query})).context["table"].page.object_list
        return [row.record.name for row in rows]

    assert on_page(number[:14]) == []
    assert on_page("有号") == ["有号码"]


def test_unit_includes_the_units_below_it(admin_client):
    town = make_unit("某街道", kind="街道")
    make_cadre(name="街道干部", unit=town)
    make_cadre(name="社区干部", unit=make_unit("某社区", kind="社区", parent=town))
    make_cadre(name="别处干部")

    assert listed(admin_client, {"unit": town.pk}) == ["社区干部", "街道干部"]


def test_channel_may_repeat(admin_client):
    make_cadre(name="选调", channel="xuandiao")
    make_cadre(name="调入", channel="diaoru")
    make_cadre(name="退伍", channel="tuiwu")

    assert listed(admin_client, [("channel", "xuandiao"), ("channel", "tuiwu")]) == ["退伍", "选调"]


def test_group_takes_every_channel_of_it(admin_client):
    make_cadre(name="选调", channel="xuandiao")
    make_cadre(name="调入", channel="diaoru")
    make_cadre(name="转隶", channel="zhuanli")

    assert listed(admin_client, {"group": "其他方式"}) == ["调入", "转隶"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"gender": "女"}, ["乙"]),
        ({"ethnicity": "土家族"}, ["乙"]),
        ({"political_status": "共青团员"}, ["乙"]),
        ({"education": "硕士研究生"}, ["乙"]),
        ({"degree": "硕士"}, ["乙"]),
    ],
    ids=["gender", "ethnicity", "political-status", "education", "degree"],
)
def test_personal_facts(admin_client, params, expected):
    make_cadre(name="甲")
    make_cadre(
        name="乙", gender="女", ethnicity="土家族", political_status="共青团员", education="硕士研究生", degree="硕士"
    )

    assert listed(admin_client, params) == expected


def test_age_range_is_in_completed_years_on_the_chosen_date(admin_client):
    make_cadre(name="三十五岁", birth_date=D(1985, 8, 1))  # 35 on 2021-07-31
    make_cadre(name="三十六岁", birth_date=D(1985, 7, 31))  # 36 that day

    assert listed(admin_client, {"age_max": 35}) == ["三十五岁"]
    assert listed(admin_client, {"age_min": 36}) == ["三十六岁"]
    assert listed(admin_client, {"age_max": 35, "as_of": "2021-08-01"}) == []


def test_entry_date_range_includes_both_ends(admin_client):
    make_cadre(name="早", entry_date=D(2018, 12, 31))
    make_cadre(name="始", entry_date=D(2019, 1, 1))
    make_cadre(name="终", entry_date=D(2019, 12, 31))
    make_cadre(name="晚", entry_date=D(2020, 1, 1))

    assert listed(admin_client, {"entry_from": "2019-01-01", "entry_to": "2019-12-31"}) == ["始", "终"]


def test_status(admin_client):
    make_cadre(name="在职")
    make_cadre(name="已离开", leave_date=D(2020, 1, 1))

    assert listed(admin_client, {"status": "已离开"}) == ["已离开"]


def test_on_roster_on_the_chosen_date(admin_client):
    make_cadre(name="在册")
    make_cadre(name="当日离开", leave_date=D(2021, 7, 31))
    make_cadre(name="次日进入", entry_date=D(2021, 8, 1))

    assert listed(admin_client, {"on_roster": "1"}) == ["在册"]


def test_pool_status_on_the_chosen_date(admin_client):
    reserve = make_cadre(name="库内")
    reviewed = make_cadre(name="考察")
    left = make_cadre(name="已出库")
    make_cadre(name="未入库")
    make_membership(reserve, D(2020, 1, 1))
    make_membership(reviewed, D(2020, 1, 1), (D(2021, 7, 31), "已列为考察对象"))
    make_membership(left, D(2020, 1, 1), left=D(2021, 7, 31))

    assert listed(admin_client, {"pool_status": "年轻干部"}) == ["库内"]
    assert listed(admin_client, {"pool_status": "已列为考察对象"}) == ["考察"]
    assert listed(admin_client, {"pool_status": "已列为考察对象", "as_of": "2021-07-30"}) == []
    assert listed(admin_client, {"pool_status": "未入库"}) == ["已出库", "未入库"]


def test_recent_entrants_are_those_of_the_last_three_years(admin_client):
    make_cadre(name="窗口外", entry_date=D(2018, 7, 31))
    make_cadre(name="窗口内", entry_date=D(2018, 8, 1))

    assert listed(admin_client, {"recent": "1"}) == ["窗口内"]
    assert listed(admin_client, {"recent": "0"}) == ["窗口外"]
    assert listed(admin_client, {"recent": "1", "recent_years": 4}) == ["窗口内", "窗口外"]


def test_grassroots_experience_flag(admin_client):
    served = make_cadre(name="有基层")
    short = make_cadre(name="差一天")
    make_work_record(served, D(2019, 8, 1), unit=make_unit(kind="乡镇"))
    make_work_record(short, D(2019, 8, 2), unit=make_unit(kind="乡镇"))

    assert listed(admin_client, {"grassroots": "1"}) == ["有基层"]
    assert listed(admin_client, {"grassroots": "0"}) == ["差一天"]


def test_organ_experience_flag(admin_client):
    organ = make_cadre(name="有机关")
    make_cadre(name="无机关")
    make_secondment(organ, D(2020, 1, 1), D(2020, 6, 30), to_unit=make_unit(kind="党政机关"))

    assert listed(admin_client, {"organ": "1"}) == ["有机关"]
    assert listed(admin_client, {"organ": "0"}) == ["无机关"]


def test_statistics_parameters_count_as_the_statistics_do(admin_client):
    make_cadre(name="计入", channel="xuandiao")
    make_cadre(name="2021年公务员", channel="gongwuyuan", entry_date=D(2021, 3, 1))
    make_cadre(name="超龄", birth_date=D(1985, 7, 31))
    make_cadre(name="已离开", leave_date=D(2021, 1, 1))

    assert listed(admin_client, [("max_age", 35), ("exclude", "2021:gongwuyuan")]) == ["计入"]
    assert listed(admin_client, {"exclude": "2021:gongwuyuan"}) == sorted(["已离开", "超龄", "计入"])


@pytest.mark.parametrize(
    "params, label, error",
    [
        ({"age_min": 40, "age_max": 30}, "最大年龄（周岁，含）", AGE_ORDER),
        ({"age_max": 101}, "最大年龄（周岁，含）", AGE_RANGE),
        ({"entry_from": "2020-01-01", "entry_to": "2019-01-01"}, "进入时间（止）", DATE_ORDER),
        ({"as_of": "2021-02-30"}, "日期（计算年龄、库内状态、经历）", INVALID_DATE),
        ({"channel": "nosuch"}, "进入方式", "未知的进入方式：nosuch"),
        ({"group": "无此分组"}, "统计分组", "未知的统计分组：无此分组"),
        ({"exclude": "2021"}, "统计口径：不计入的招录批次", INTAKE_FORMAT.format(value="2021")),
        ({"gender": "X"}, "性别", "“X”不是可选的值"),
    ],
    ids=["age-order", "age-range", "entry-order", "bad-date", "channel", "group", "exclude", "choice"],
)
def test_bad_input_is_refused_in_chinese(admin_client, params, label, error):
    response = admin_client.get(url(JSON_URL, params))

    assert response.status_code == 400
    assert response.json() == {"error": "参数有误", "messages": [f"{label}：{error}"]}
    page = admin_client.get(url(ROSTER_URL, params))
    assert page.status_code == 400
    assert escape(error) in page.content.decode()


def test_json_results_carry_the_documented_fields(admin_client):
    cadre = make_cadre(name="甲", channel="shequ", birth_date=D(1990, 2, 3), entry_date=D(2015, 8, 1))

    data = admin_client.get(url(JSON_URL, {"as_of": "2021-07-31"})).json()

    assert data["count"] == 1
    assert data["results"] == [
        {
            "id": cadre.pk,
            "name": "甲",
            "unit": cadre.unit.name,
            "channel": "shequ",
            "birth_date": "1990-02-03",
            "entry_date": "2015-08-01",
        }
    ]


def test_json_is_paged_by_a_hundred(admin_client):
    unit = make_unit()
    for _ in range(101):
        make_cadre(unit=unit)

    second = admin_client.get(url(JSON_URL, {"page": 2})).json()

    assert (second["count"], second["page"], second["pages"], len(second["results"])) == (101, 2, 2, 1)
    assert admin_client.get(url(JSON_URL, {"page": 3})).json()["messages"] == ["页码无效"]

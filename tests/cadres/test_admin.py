"""Data entry in Django admin as a superuser: pages render in Chinese, the model's rules reach the
form, and the cadre list costs the same number of queries however many rows it shows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cadres.models import Cadre, Channel, ChannelGroup, EducationRecord
from cadres.models.records import BIRTH_DATE_REQUIRED, ID_BIRTH_MISMATCH
from tests.factories import cadre_add_data, make_cadre, make_id_number, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
CHANGELIST = reverse("admin:cadres_cadre_changelist")
ADD = reverse("admin:cadres_cadre_add")


def listed(response):
    """The cadres on a changelist page, from the view's own result list."""
    return {cadre.pk for cadre in response.context["cl"].result_list}


def add_form_data(**fields):
    """POST data of a complete, valid add form; `fields` override or blank some of it."""
    return cadre_add_data(make_unit(), name="李明远", **fields)


# --- pages render, in Chinese -------------------------------------------------------------------


def test_cadre_changelist_renders_with_chinese_column_labels(admin_client):
    cadre = make_cadre(name="李明远")
    response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("姓名", "性别", "出生日期", "工作单位", "进入方式", "进入时间", "状态", "最高学历", "统计分组"):
        assert label in html, label
    assert listed(response) == {cadre.pk}


def test_cadre_changelist_filters_by_status_group_channel_and_unit(admin_client):
    unit = make_unit()
    wanted = make_cadre(name="王晓红", channel="gongwuyuan", unit=unit, education="硕士研究生", degree="硕士")
    make_cadre(name="赵其他渠道", channel="xuandiao", unit=unit)
    make_cadre(name="钱已离开", channel="gongwuyuan", unit=unit, leave_date=D(2020, 1, 1))
    make_cadre(name="孙别的单位", channel="gongwuyuan")
    group = ChannelGroup.objects.get(name="公务员")
    response = admin_client.get(
        CHANGELIST,
        {
            "status__exact": "在职",
            "channel__group__id__exact": group.pk,
            "channel__id__exact": Channel.objects.get(code="gongwuyuan").pk,
            "education__exact": "硕士研究生",
            "unit__id__exact": unit.pk,
        },
    )
    assert response.status_code == 200
    assert listed(response) == {wanted.pk}


def test_cadre_changelist_searches_by_name(admin_client):
    wanted = make_cadre(name="李明远")
    make_cadre(name="王晓红")
    response = admin_client.get(CHANGELIST, {"q": "明远"})
    assert response.status_code == 200
    assert listed(response) == {wanted.pk}
    assert "王晓红" not in response.content.decode()


def test_cadre_changelist_searches_by_id_number(admin_client):
    number = make_id_number(D(1990, 1, 1))
    wanted = make_cadre(name="李明远", id_number=number)
    make_cadre(name="王晓红", id_number=make_id_number(D(1990, 1, 1)))
    response = admin_client.get(CHANGELIST, {"q": number})
    assert response.status_code == 200
    assert listed(response) == {wanted.pk}
    html = response.content.decode()
    assert "李明远" in html
    assert "王晓红" not in html


def test_cadre_add_form_renders_with_chinese_labels(admin_client):
    response = admin_client.get(ADD)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("基本信息", "姓名", "公民身份号码", "出生日期", "进入方式", "进入时间", "在职状态", "离开原因"):
        assert label in html, label


def test_cadre_change_form_renders_the_record(admin_client):
    cadre = make_cadre(name="李明远", post="组织员")
    response = admin_client.get(reverse("admin:cadres_cadre_change", args=[cadre.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "李明远" in html
    assert "组织员" in html
    assert "公民身份号码" in html


def test_unit_changelist_renders_with_chinese_labels(admin_client):
    make_unit("下陆区委组织部", parent=make_unit("下陆区委"))
    response = admin_client.get(reverse("admin:cadres_unit_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("单位名称", "单位类型", "上级单位", "下陆区委组织部"):
        assert label in html, label


def test_channel_changelist_renders_with_chinese_labels(admin_client):
    response = admin_client.get(reverse("admin:cadres_channel_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("进入方式", "代码", "统计分组", "选调生", "公务员招录", "退伍安置"):
        assert label in html, label


def test_channel_group_changelist_renders_with_chinese_labels(admin_client):
    response = admin_client.get(reverse("admin:cadres_channelgroup_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("分组名称", "其他方式", "社区定向招聘"):
        assert label in html, label


# --- the model's rules reach the form -----------------------------------------------------------


def test_add_form_with_id_number_contradicting_birth_date_shows_error_and_saves_nothing(admin_client):
    number = make_id_number(D(1990, 1, 1))
    response = admin_client.post(ADD, add_form_data(id_number=number, birth_date="1990-01-02"))
    assert response.status_code == 200
    assert ID_BIRTH_MISMATCH.format(date="1990-01-01") in response.content.decode()
    assert not Cadre.objects.exists()


def test_add_form_without_birth_date_or_id_number_asks_for_birth_date(admin_client):
    response = admin_client.post(ADD, add_form_data(birth_date=""))
    assert response.status_code == 200
    assert BIRTH_DATE_REQUIRED in response.content.decode()
    assert not Cadre.objects.exists()


def test_add_form_with_only_id_number_takes_birth_date_and_gender_from_it(admin_client):
    number = make_id_number(D(1988, 2, 29), "女")
    response = admin_client.post(ADD, add_form_data(id_number=number.lower(), birth_date="", gender=""))
    assert response.status_code == 302
    cadre = Cadre.objects.get()
    assert cadre.id_number == number.upper()
    assert cadre.birth_date == D(1988, 2, 29)
    assert cadre.gender == "女"


def test_education_inline_saves_a_record_without_dates(admin_client):
    row = {"mode": "全日制", "start_date": "", "end_date": "", "school": "武汉大学", "major": "法学"}
    data = add_form_data(**{f"education_records-0-{name}": value for name, value in row.items()})
    data["education_records-TOTAL_FORMS"] = "1"
    response = admin_client.post(ADD, data)
    assert response.status_code == 302
    record = EducationRecord.objects.get()
    assert (record.school, record.start_date, record.end_date) == ("武汉大学", None, None)


# --- no query per row ---------------------------------------------------------------------------


def make_varied_cadres(count, start):
    """Cadres each in its own unit, across channels and statuses, so a per-row lookup would show."""
    codes = ["xuandiao", "gongwuyuan", "zhaoshuo", "shiye", "shequ", "zhuanli", "diaoru", "tuiwu", "qita"]
    for n in range(start, start + count):
        birth_date = D(1980 + n % 15, 1 + n % 12, 1 + n % 28)
        make_cadre(
            birth_date=birth_date,
            id_number=make_id_number(birth_date),
            channel=codes[n % len(codes)],
            entry_date=D(2010 + n % 12, 1 + n % 12, 1),
            leave_date=D(2023, 1, 1) if n % 4 == 0 else None,
        )


def test_cadre_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_max_num_queries):
    make_varied_cadres(5, 0)
    admin_client.get(CHANGELIST)  # session and caches settle before counting
    with CaptureQueriesContext(connection) as five:
        assert admin_client.get(CHANGELIST).status_code == 200
    make_varied_cadres(25, 5)
    with django_assert_max_num_queries(len(five)):
        response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert len(listed(response)) == 30

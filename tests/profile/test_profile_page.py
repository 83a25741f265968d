"""The cadre profile /cadres/<id>/: every record kind, 三龄 on a chosen date, 简历, pool history,
masked ID, unit scoping and a query count that does not grow with the records."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.access import mask_id_number
from accounts.roles import CADRE_SECTION, READ_ONLY, UNIT_CLERK
from cadres.forms import DATE_INVALID as AS_OF_INVALID
from cadres.models import EducationRecord
from cadres.profile import AS_OF_BEFORE_BIRTH
from tests.factories import cadre_with_every_record, make_cadre, make_unit, make_user

pytestmark = pytest.mark.django_db


def url(cadre, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/cadres/{cadre.pk}/" + (f"?{query}" if query else "")


@pytest.fixture
def section_client(client):
    client.force_login(make_user(CADRE_SECTION))
    return client


def test_profile_shows_every_record_kind_with_its_dates(section_client):
    cadre = cadre_with_every_record()
    page = section_client.get(url(cadre)).content.decode()
    for text in [
        "武汉大学0",
        "2004-09-01 至 2008-07-01",  # education
        "中央党校0",
        "干部科科员0",
        "一级科员",
        "2012-07-15 至 2018-01-01",  # work
        "区外单位0",
        "（乡镇）",
        "2018-01-02 至 今",
        "跟班学习",
        "轮岗学习0",
        "2019-03-01 至 2019-09-01",  # secondment
        "中青年干部培训班0",
        "区委党校",
        "2020-04-01 至 2020-05-01",  # training
        "2015年度",
        "优秀",  # appraisal
        "嘉奖0",
        "2019-12-01",
        "区人民政府",  # reward
        "父亲",
        "李大0",
        "1960-01-01",
        "退休",  # family
        "2010年6月1日",
        "2011年6月1日",  # 入党时间 and 转正时间 apart
        "下陆区委组织部",
        "选调生",
        "2012年7月15日",  # unit, channel and entry date
        "推荐0",
        "2013-03-01 已列为考察对象",
        "2013-06-01",  # pool history
    ]:
        assert text in page, text


def test_profile_shows_the_generated_resume(section_client):
    cadre = cadre_with_every_record()
    page = section_client.get(url(cadre)).content.decode()
    assert "2004.09--2008.07  武汉大学0法学专业学习，获学士学位" in page
    assert "（其间：2014.09--2017.06在中央党校0经济管理专业在职学习）" in page
    assert "2018.01--         区外单位0副镇长" in page


def test_profile_says_time_unknown_for_an_undated_education_record(section_client):
    cadre = make_cadre()
    EducationRecord.objects.create(cadre=cadre, mode="全日制", school="黄石理工学院", major="会计")
    EducationRecord.objects.create(cadre=cadre, mode="在职", school="中央党校", end_date=datetime.date(2017, 6, 30))
    page = section_client.get(url(cadre)).content.decode()
    assert "<td>时间不详</td><td>全日制教育</td><td>黄石理工学院</td>" in page
    assert "<td>时间不详 至 2017-06-30</td><td>在职教育</td>" in page


def test_undated_education_alone_gives_no_resume_and_says_why(section_client):
    cadre = make_cadre()
    EducationRecord.objects.create(cadre=cadre, mode="全日制", school="黄石理工学院", major="会计")
    page = section_client.get(url(cadre)).content.decode()
    assert "学习经历没有入学时间，且暂无工作经历，无法生成简历。" in page
    assert '<pre class="resume">' not in page


def test_profile_query_count_does_not_grow_with_the_records(client, django_assert_max_num_queries):
    user = make_user(CADRE_SECTION)
    client.force_login(user)
    counts = []
    for copies in (1, 4):
        cadre = cadre_with_every_record(copies=copies, unit=make_unit())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(cadre)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        client.get(url(cadre, as_of="2021-07-31"))


def test_profile_shows_three_ages_on_the_chosen_date(section_client):
    cadre = make_cadre(
        birth_date=datetime.date(1990, 7, 31),
        first_work_date=datetime.date(2012, 7, 31),
        party_confirmed_date=datetime.date(2013, 8, 1),
    )
    page = section_client.get(url(cadre, as_of="2021-07-31")).content.decode()
    assert (
        '所选日期（2021年7月31日）</th><td class="num">31岁</td><td class="num">7年</td><td class="num">9年</td>'
        in page
    )


def test_profile_with_invalid_date_says_so_and_uses_today(section_client):
    response = section_client.get(url(make_cadre(), as_of="2021-02-30"))
    assert response.status_code == 400
    assert AS_OF_INVALID in response.content.decode()
    assert "所选日期" not in response.content.decode()


def test_profile_with_date_before_birth_says_so(section_client):
    response = section_client.get(url(make_cadre(birth_date=datetime.date(1990, 1, 1)), as_of="1989-12-31"))
    assert response.status_code == 400
    assert AS_OF_BEFORE_BIRTH in response.content.decode()


def test_read_only_role_sees_the_id_number_masked(client):
    unit = make_unit()
    cadre = cadre_with_every_record(unit=unit)
    client.force_login(make_user(READ_ONLY, units=[unit]))
    page = client.get(url(cadre)).content.decode()
    assert mask_id_number(cadre.id_number) in page
    assert cadre.id_number not in page


def test_cadre_section_sees_the_full_id_number(section_client):
    cadre = cadre_with_every_record()
    assert cadre.id_number in section_client.get(url(cadre)).content.decode()


@pytest.mark.parametrize("role", [UNIT_CLERK, READ_ONLY])
def test_another_units_cadre_is_a_404(client, role):
    client.force_login(make_user(role, units=[make_unit()]))
    assert client.get(url(cadre_with_every_record())).status_code == 404


def test_read_only_role_sees_no_pool_actions(client):
    unit = make_unit()
    cadre = make_cadre(unit=unit)
    client.force_login(make_user(READ_ONLY, units=[unit]))
    assert f"/pool/enter/{cadre.pk}/" not in client.get(url(cadre)).content.decode()


def test_cadre_section_is_offered_to_enter_a_cadre_not_in_the_pool(section_client):
    cadre = make_cadre()
    assert f"/pool/enter/{cadre.pk}/" in section_client.get(url(cadre)).content.decode()


def test_profile_without_records_says_there_is_no_resume(section_client):
    page = section_client.get(url(make_cadre())).content.decode()
    assert "暂无学习经历和工作经历，无法生成简历。" in page
    assert "未列入年轻干部库。" in page

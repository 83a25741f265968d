"""The .lrmx file as written: element names, order and formats against LRMX.md."""

import datetime

import pytest

from cadres.lrmx.fields import PERSON_ELEMENTS, birth_with_age, form_age
from cadres.lrmx.jianli import jianli_text
from cadres.lrmx.writer import BOM, cadre_lrmx, lrmx_cadres
from cadres.models import Cadre
from cadres.resume import resume_text
from tests.factories import make_full_cadre, make_user

from .helpers import AS_OF, FILLED_ON, elements

pytestmark = pytest.mark.django_db


def export(cadre, user=None):
    cadre = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    return cadre_lrmx(cadre, as_of=AS_OF, filled_on=FILLED_ON, user=user)


def test_file_starts_with_bom_and_utf8_declaration():
    content = export(make_full_cadre())
    assert content.startswith(BOM + b'<?xml version="1.0" encoding="UTF-8"?>')


def test_root_is_person_with_the_elements_of_lrmx_md_in_the_editors_order():
    root = elements(export(make_full_cadre()))
    assert root.tag == "Person"
    assert [child.tag for child in root] == list(PERSON_ELEMENTS)


def test_element_list_matches_lrmx_md():
    assert PERSON_ELEMENTS[:3] == ("XingMing", "XingBie", "ChuShengNianYue")
    assert PERSON_ELEMENTS[-2:] == ("ZhaoPian", "Version")
    assert len(PERSON_ELEMENTS) == 34


def test_dates_are_yyyymm():
    root = elements(export(make_full_cadre()))
    assert root.findtext("ChuShengNianYue") == "199003"
    assert root.findtext("RuDangShiJian") == "201006"
    assert root.findtext("CanJiaGongZuoShiJian") == "201207"
    assert root.findtext("TianBiaoShiJian") == "202108"


def test_age_basis_is_the_chosen_date_as_yyyymmdd():
    assert elements(export(make_full_cadre())).findtext("JiSuanNianLingShiJian") == "20210731"


def test_empty_fields_are_present_and_empty():
    content = export(make_full_cadre())
    assert b"<NiRenZhiWu></NiRenZhiWu>" in content
    assert elements(content).find("ZhaoPian").text is None


def test_family_under_jiatingchengyuan_items():
    root = elements(export(make_full_cadre()))
    items = root.findall("JiaTingChengYuan/Item")
    assert [child.tag for child in items[0]] == [
        "ChengWei",
        "XingMing",
        "ChuShengRiQi",
        "ZhengZhiMianMao",
        "GongZuoDanWeiJiZhiWu",
    ]
    assert [item.findtext("ChengWei") for item in items] == ["妻子", "父亲"]
    assert items[0].findtext("ChuShengRiQi") == "199105"
    assert items[1].findtext("ChuShengRiQi") == ""


def test_education_rows_take_the_highest_record_of_each_mode():
    root = elements(export(make_full_cadre()))
    assert root.findtext("QuanRiZhiJiaoYu_XueLi") == "大学本科"
    assert root.findtext("QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi") == "武汉大学法学院法学专业"
    assert root.findtext("ZaiZhiJiaoYu_XueWei") == "硕士"
    assert root.findtext("ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi") == "华中师范大学公共管理专业"


def test_appraisals_grouped_as_the_form_words_them():
    root = elements(export(make_full_cadre()))
    assert root.findtext("NianDuKaoHeJieGuo") == "2018年年度考核优秀；2019年、2020年年度考核称职"


def test_rewards_one_line_each_with_authority():
    assert elements(export(make_full_cadre())).findtext("JiangChengQingKuang") == "2019.12  被评为优秀公务员（区委）"


def test_jianli_official_lines_with_ongoing_line_and_nested_study():
    cadre = make_full_cadre()
    assert jianli_text(cadre).split("\n") == [
        "2008.09--2012.07  武汉大学法学院法学专业学习，获学士学位",
        "2012.07--2016.08  黄石市下陆区团陆街道办事处科员"
        "（其间：2014.09--2017.06在华中师范大学公共管理专业硕士研究生在职学习，获硕士学位）",
        "2016.08--         区委组织部干部科科长",
    ]


def test_jianli_is_the_profile_resume():
    cadre = make_full_cadre()
    assert jianli_text(cadre) == resume_text(cadre)


def test_id_number_masked_for_a_user_who_may_not_see_it():
    cadre = make_full_cadre()
    reader = make_user("只读", [cadre.unit])
    assert "*" in elements(export(cadre, reader)).findtext("ShenFenZheng")


def test_id_number_in_full_for_the_cadre_section():
    cadre = make_full_cadre()
    section = make_user("干部科")
    assert elements(export(cadre, section)).findtext("ShenFenZheng") == cadre.id_number


def test_party_date_only_for_party_members():
    cadre = make_full_cadre()
    Cadre.objects.filter(pk=cadre.pk).update(political_status="群众")
    assert elements(export(cadre)).findtext("RuDangShiJian") == ""


def test_form_age_counts_from_the_first_day_of_the_birth_month():
    assert form_age(datetime.date(1990, 7, 31), datetime.date(2021, 7, 1)) == 31
    assert form_age(datetime.date(1990, 8, 1), datetime.date(2021, 7, 31)) == 30


def test_birth_with_age_as_printed():
    assert birth_with_age(datetime.date(1990, 1, 20), datetime.date(2021, 1, 1)) == "1990.01（31岁）"


def test_export_queries_do_not_grow_per_cadre(django_assert_max_num_queries):
    for number in range(3):
        make_full_cadre(name=f"干部{number}", unit=None if number == 0 else Cadre.objects.first().unit)
    with django_assert_max_num_queries(8):
        for cadre in lrmx_cadres(Cadre.objects.all()):
            cadre_lrmx(cadre, as_of=AS_OF, filled_on=FILLED_ON, user=None)


def test_a_democratic_party_members_party_follows_the_month_joined():
    cadre = make_full_cadre()
    Cadre.objects.filter(pk=cadre.pk).update(political_status="民主党派", political_status_written="九三学社社员")
    assert elements(export(cadre)).findtext("RuDangShiJian") == "201006九三学社社员"


def test_the_highest_education_without_records_goes_in_the_row_of_its_mode_as_written():
    cadre = make_full_cadre()
    cadre.education_records.all().delete()
    Cadre.objects.filter(pk=cadre.pk).update(
        education="大学本科",
        education_written="函授本科",
        education_mode="在职",
        degree="学士",
        degree_written="文学学士",
    )
    person = elements(export(cadre))
    assert [
        person.findtext(name) for name in ("QuanRiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei")
    ] == [
        "",
        "函授本科",
        "文学学士",
    ]

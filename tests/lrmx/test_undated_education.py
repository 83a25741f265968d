"""An education record without dates (as a roster import makes it) in the .lrmx file and the
printed 任免审批表: it fills the 学历学位 rows and adds no 简历 line."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, EducationRecord, WorkRecord
from reports.appointment_form import appointment_form
from tests.factories import make_cadre, make_unit

from .helpers import AS_OF, FILLED_ON, elements

pytestmark = pytest.mark.django_db

D = datetime.date


def roster_cadre():
    """Return a cadre whose education came from a roster: school and major, no dates."""
    unit = make_unit("区委组织部")
    cadre = make_cadre(unit=unit, name="王五", post="科员")
    EducationRecord.objects.create(
        cadre=cadre, mode="全日制", school="武汉大学", major="法学", education="大学本科", degree="学士"
    )
    EducationRecord.objects.create(
        cadre=cadre, mode="在职", school="中央党校", major="经济管理", education="硕士研究生", degree="硕士"
    )
    WorkRecord.objects.create(cadre=cadre, unit=unit, post="科员", start_date=D(2015, 8, 1))
    return cadre


def fetched(cadre):
    return lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()


def test_lrmx_of_undated_education_fills_both_education_rows():
    root = elements(cadre_lrmx(fetched(roster_cadre()), as_of=AS_OF, filled_on=FILLED_ON, user=None))
    assert root.findtext("QuanRiZhiJiaoYu_XueLi") == "大学本科"
    assert root.findtext("QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi") == "武汉大学法学专业"
    assert root.findtext("ZaiZhiJiaoYu_XueWei") == "硕士"
    assert root.findtext("ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi") == "中央党校经济管理专业"


def test_lrmx_jianli_has_only_the_dated_lines():
    root = elements(cadre_lrmx(fetched(roster_cadre()), as_of=AS_OF, filled_on=FILLED_ON, user=None))
    assert root.findtext("JianLi") == "2015.08--         区委组织部科员"


def test_undated_record_loses_a_tie_of_level_to_a_dated_one():
    cadre = roster_cadre()
    EducationRecord.objects.create(
        cadre=cadre,
        mode="全日制",
        school="华中师范大学",
        education="大学本科",
        degree="学士",
        start_date=D(2008, 9, 1),
        end_date=D(2012, 7, 1),
    )
    root = elements(cadre_lrmx(fetched(cadre), as_of=AS_OF, filled_on=FILLED_ON, user=None))
    assert root.findtext("QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi") == "华中师范大学"


def test_printed_form_of_undated_education_fills_the_rows_and_prints_the_dated_jianli():
    content = appointment_form(fetched(roster_cadre()), as_of=AS_OF, filled_on=FILLED_ON, user=None)
    ws = load_workbook(io.BytesIO(content))["干部任免审批表"]
    assert ws["F6"].value.startswith("武汉大学法学专业")
    assert ws["B11"].value == "2015.08--         区委组织部科员"

"""The print-ready 干部任免审批表: sheet, merged boxes, A4 setup with a page break, escaping, access."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent
from cadres.lrmx.writer import lrmx_cadres
from cadres.models import Cadre, WorkRecord
from reports.appointment_form import JIANLI_HEIGHT, JIANLI_WIDTH, appointment_form
from reports.audit_actions import ReportAction
from reports.excel import fit_font_size
from tests.factories import make_full_cadre, make_unit, make_user

from .helpers import AS_OF, FILLED_ON

pytestmark = pytest.mark.django_db


def sheet_of(cadre, user=None):
    cadre = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    content = appointment_form(cadre, as_of=AS_OF, filled_on=FILLED_ON, user=user)
    return load_workbook(io.BytesIO(content))["干部任免审批表"]


def test_title_and_the_page_one_fields():
    ws = sheet_of(make_full_cadre())
    assert ws["A1"].value == "干部任免审批表"
    assert (ws["A2"].value, ws["B2"].value) == ("姓名", "张三")
    assert ws["F2"].value == "1990.03\n（31岁）"
    assert ws["B11"].value.startswith("2008.09--2012.07  武汉大学法学院法学专业学习")


def test_boxes_are_merged_as_on_the_official_form():
    merged = {str(r) for r in sheet_of(make_full_cadre()).merged_cells.ranges}
    assert {"A1:G1", "G2:G5", "A6:A7", "C8:E8", "C9:G9", "C10:G10", "B11:G11", "B12:G12"} <= merged


def test_a4_portrait_with_page_two_after_the_jianli():
    ws = sheet_of(make_full_cadre())
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "portrait"
    assert [b.id for b in ws.row_breaks.brk] == [11]
    assert ws.print_area.startswith("'干部任免审批表'!$A$1:$G$")


def test_fonts_are_songti_and_jianli_row_is_tall():
    ws = sheet_of(make_full_cadre())
    assert ws["B2"].font.name == "宋体"
    assert ws.row_dimensions[11].height == JIANLI_HEIGHT


def test_family_on_page_two():
    ws = sheet_of(make_full_cadre())
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=15, max_row=17, max_col=7)]
    assert values[0][1:6] == ["称谓", "姓名", "出生年月", "政治面貌", "工作单位及职务"]
    assert values[1][1:6] == ["妻子", "李四", "1991.05", "中共党员", "下陆区教育局干部"]


def test_user_text_starting_a_formula_is_written_as_text():
    cadre = make_full_cadre()
    Cadre.objects.filter(pk=cadre.pk).update(native_place="=HYPERLINK(1)")
    ws = sheet_of(cadre)
    assert ws["D3"].value == "=HYPERLINK(1)"
    assert ws["D3"].data_type == "s"
    assert ws["D3"].quotePrefix is True


def test_long_jianli_steps_the_font_down():
    cadre = make_full_cadre()
    short = sheet_of(cadre)["B11"].font.size
    for year in range(1990, 2030):
        WorkRecord.objects.create(
            cadre=cadre,
            unit_name="黄石市下陆区某某街道办事处很长很长的单位名称用来测试换行",
            post="科员",
            start_date=f"{year}-01-01",
            end_date=f"{year}-06-01",
        )
    long = sheet_of(cadre)["B11"].font.size
    assert long < short


def test_fit_font_size_keeps_the_largest_size_that_fits():
    assert fit_font_size("短", width=JIANLI_WIDTH, height=JIANLI_HEIGHT) == 12
    assert fit_font_size("长" * 100000, width=JIANLI_WIDTH, height=JIANLI_HEIGHT) == 7


def test_download_is_audited(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    response = client.get(reverse("cadre_form_xlsx", args=[cadre.pk]) + "?as_of=2021-07-31")
    assert response.status_code == 200
    assert AuditEvent.objects.filter(action=ReportAction.FORM_EXPORT, data__cadre=cadre.pk).exists()


def test_download_another_units_cadre_is_404(client):
    cadre = make_full_cadre()
    client.force_login(make_user("单位信息员", [make_unit("另一单位")]))
    assert client.get(reverse("cadre_form_xlsx", args=[cadre.pk]) + "?as_of=2021-07-31").status_code == 404


def test_download_without_export_permission_is_403(client):
    cadre = make_full_cadre()
    client.force_login(make_user("只读", [cadre.unit]))
    assert client.get(reverse("cadre_form_xlsx", args=[cadre.pk]) + "?as_of=2021-07-31").status_code == 403


def test_current_post_is_printed_with_its_unit():
    ws = sheet_of(make_full_cadre())
    assert ws["C8"].value == "区委组织部干部科科长"


def test_long_current_post_steps_the_font_down():
    cadre = make_full_cadre()
    Cadre.objects.filter(pk=cadre.pk).update(post="干部科科长兼" * 8)
    assert sheet_of(cadre)["C8"].font.size < 12


def test_one_line_boxes_are_centred_vertically_and_kept_off_the_border():
    ws = sheet_of(make_full_cadre())
    assert (ws["C8"].alignment.vertical, ws["C8"].alignment.indent) == ("center", 1)
    assert (ws["B11"].alignment.vertical, ws["B11"].alignment.indent) == ("top", 1)


def test_party_school_and_in_service_education_fill_the_in_service_row_as_written():
    cadre = make_full_cadre()
    cadre.education_records.filter(mode="在职").update(
        mode="党校", school="中共湖北省委党校", major="经济管理", education_written="省委党校研究生", degree=""
    )
    Cadre.objects.filter(pk=cadre.pk).update(
        education="硕士研究生", education_written="省委党校研究生", education_mode="党校"
    )
    ws = sheet_of(cadre)
    assert ws["C7"].value == "省委党校研究生"
    assert ws["F7"].value == "中共湖北省委党校经济管理专业"
    assert ws["C6"].value.startswith("大学本科")

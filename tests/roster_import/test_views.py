"""The browser import: upload, preview, confirm; permissions and scoping; the template download."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.importing.dates import DATE_INVALID
from cadres.models import Cadre, ImportBatch
from cadres.roster_import import reader
from cadres.roster_import.load import roster_import_plan
from cadres.roster_import.services import IMPORTED
from cadres.views.roster_import import DATA_CHANGED, UPLOAD_GONE
from reports.roster_template import roster_template
from tests.factories import make_cadre, make_id_number, make_unit, make_user, person, roster_bytes

pytestmark = pytest.mark.django_db


def upload(client, data, name="花名册.xlsx", **fields):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse("roster_import"), {"file": file, **fields})


def test_preview_then_confirm_imports_what_was_shown(client, section, unit):
    response = upload(client, roster_bytes([person(), person("李四", birth=datetime.date(1991, 1, 1))]))
    assert response.status_code == 200
    assert "将新增 <strong>2</strong> 人" in response.content.decode()
    assert Cadre.objects.count() == 0
    response = client.post(reverse("roster_import_confirm"), follow=True)
    message = IMPORTED.format(filename="花名册.xlsx", created=2, updated=0, unchanged=0)
    assert message in response.content.decode()
    assert Cadre.objects.count() == 2
    batch = ImportBatch.objects.get()
    assert batch.user == section
    assert AuditEvent.objects.get(action=CadreAction.ROSTER_IMPORT).username == section.username


def test_errors_are_highlighted_per_cell_and_there_is_no_confirm(client, section, unit):
    response = upload(client, roster_bytes([person(进入时间="明年")]))
    content = response.content.decode()
    assert response.status_code == 400
    assert f'class="cell-error" title="{DATE_INVALID.format(value="明年")}"' in content
    assert "第2行 · 进入时间 · " in content
    assert reverse("roster_import_confirm") not in content


def test_data_changed_between_preview_and_confirm_re_previews(client, section, unit):
    birth = datetime.date(1990, 5, 12)
    number = make_id_number(birth)
    cadre = make_cadre(name="张三", birth_date=birth, id_number=number, unit=unit, post="科员")
    upload(client, roster_bytes([person(公民身份号码=number, 职务="副科长")]))
    cadre.notes = "他人刚改过"
    cadre.save()
    response = client.post(reverse("roster_import_confirm"))
    assert response.status_code == 409
    assert DATA_CHANGED in response.content.decode()
    cadre.refresh_from_db()
    assert cadre.post == "科员"
    client.post(reverse("roster_import_confirm"))
    cadre.refresh_from_db()
    assert cadre.post == "副科长"


def test_confirm_without_upload(client, section):
    response = client.post(reverse("roster_import_confirm"), follow=True)
    assert UPLOAD_GONE in response.content.decode()


def test_broken_file_is_a_clear_message_not_a_500(client, section):
    response = upload(client, b"\x00\x01garbage")
    assert response.status_code == 400
    assert reader.NOT_EXCEL in response.content.decode()


@override_settings(ROSTER_IMPORT_MAX_BYTES=1024)
def test_upload_over_the_size_limit(client, section, unit):
    response = upload(client, roster_bytes([person()]))
    assert response.status_code == 400
    assert "花名册文件不能超过1 KB" in response.content.decode()


@pytest.mark.parametrize("role", ["只读", "部领导"])
def test_roles_without_import_permission_are_refused(client, role):
    client.force_login(make_user(role))
    assert client.get(reverse("roster_import")).status_code == 403
    assert client.post(reverse("roster_import_confirm")).status_code == 403
    assert client.get(reverse("roster_template")).status_code == 403


def test_unit_clerk_cannot_update_another_units_cadre(client, unit):
    own = make_unit("东方山街道")
    client.force_login(make_user("单位信息员", [own]))
    birth = datetime.date(1990, 5, 12)
    number = make_id_number(birth)
    make_cadre(name="张三", birth_date=birth, id_number=number, unit=unit)
    response = upload(client, roster_bytes([person(公民身份号码=number, 工作单位="东方山街道")]))
    assert response.status_code == 400
    assert "第2行 · 公民身份号码 · 该公民身份号码属于您无权维护的单位的干部" in response.content.decode()


def test_template_download_and_it_imports_back_cleanly(client, section, unit):
    response = client.get(reverse("roster_template"))
    assert response.status_code == 200
    assert "filename*=utf-8''%E8%8A%B1%E5%90%8D%E5%86%8C" in response["Content-Disposition"]
    result = roster_import_plan(roster_template(), filename="花名册导入模板.xlsx")
    assert result.ok, [str(problem) for problem in result.problems]
    assert result.sheet == "花名册"
    assert result.counts["created"] == 1


def test_template_has_drop_down_lists_and_a_guide_sheet():
    workbook = load_workbook(BytesIO(roster_template()))
    assert workbook.sheetnames == ["花名册", "填写说明"]
    lists = {validation.formula1 for validation in workbook["花名册"].data_validations.dataValidation}
    assert '"男,女"' in lists
    assert any("选调生" in formula for formula in lists)
    assert workbook["花名册"]["E2"].number_format == "@"

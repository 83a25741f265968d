"""The preview table says, for each row to update, which fields change and how."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_cadre, make_id_number, make_unit, make_user, person, roster_bytes

pytestmark = pytest.mark.django_db


def test_an_updated_row_lists_its_changes_and_a_new_row_lists_none(client):
    unit = make_unit("下陆区委组织部")
    client.force_login(make_user("干部科"))
    birth = datetime.date(1991, 2, 3)
    number = make_id_number(birth)
    make_cadre(name="李四", birth_date=birth, id_number=number, unit=unit, post="科员")
    data = roster_bytes([person(), person("李四", birth=birth, 公民身份号码=number, 职务="副科长")])
    file = SimpleUploadedFile("花名册.xlsx", data, content_type="application/octet-stream")
    response = client.post(reverse("roster_import"), {"file": file})
    rows = {number: (action, changes) for number, action, _cells, _whole, changes in response.context["rows"]}
    assert rows == {2: ("新增", ""), 3: ("更新", "职务：科员 → 副科长")}
    assert '<td class="changes">职务：科员 → 副科长</td>' in response.content.decode()

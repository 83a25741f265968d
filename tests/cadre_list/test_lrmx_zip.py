"""/cadres/export.lrmx.zip: the cadre list's filtered list as `序号.姓名.lrmx` files, scoped, audited."""

import io
import zipfile

import pytest
from defusedxml.ElementTree import fromstring
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from reports.views.cadre_list import LRMX_AS_OF_REQUIRED, LRMX_NOTHING
from tests.factories import make_cadre, make_unit, make_user
from tests.reports.helpers import url

from .helpers import ROSTER_URL

pytestmark = pytest.mark.django_db

ZIP_URL = "/cadres/export.lrmx.zip"
AS_OF = ("as_of", "2021-07-31")


@pytest.fixture
def units():
    a, b = make_unit("甲单位"), make_unit("乙单位")
    make_cadre(name="甲一", unit=a, channel="xuandiao")
    make_cadre(name="甲二", unit=a, channel="gongwuyuan")
    make_cadre(name="乙一", unit=b, channel="xuandiao")
    return a, b


def files(response):
    assert response.status_code == 200, response.content
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return {name: archive.read(name) for name in archive.namelist()}


def test_filtered_list_as_numbered_files_with_the_chosen_age_basis(admin_client, units):
    response = admin_client.get(url(ZIP_URL, [AS_OF, ("channel", "xuandiao")]))

    found = files(response)
    listed = admin_client.get(url("/cadres.json", [AS_OF, ("channel", "xuandiao")])).json()["results"]
    # Numbered in the cadre list's own order.
    assert sorted(found) == [f"{number}.{row['name']}.lrmx" for number, row in enumerate(listed, start=1)]
    assert sorted(found) == ["1.乙一.lrmx", "2.甲一.lrmx"]
    assert {fromstring(content).findtext("JiSuanNianLingShiJian") for content in found.values()} == {"20210731"}
    assert response["Content-Type"] == "application/zip"
    assert "filename*=utf-8''%E4%BB%BB%E5%85%8D" in response["Content-Disposition"]


def test_a_unit_clerk_gets_only_the_cadres_of_their_units(client, units):
    client.force_login(make_user(UNIT_CLERK, [units[1]]))
    assert sorted(files(client.get(url(ZIP_URL, [AS_OF])))) == ["1.乙一.lrmx"]


def test_export_permission_is_required(client, units):
    client.force_login(make_user(READ_ONLY, list(units)))
    assert client.get(url(ZIP_URL, [AS_OF])).status_code == 403


def test_the_age_basis_must_be_chosen(admin_client, units):
    response = admin_client.get(url(ZIP_URL, [("channel", "xuandiao")]))
    assert response.status_code == 400
    assert response.content.decode() == LRMX_AS_OF_REQUIRED


def test_an_empty_list_exports_nothing(admin_client, units):
    response = admin_client.get(url(ZIP_URL, [AS_OF, ("q", "无此人")]))
    assert (response.status_code, response.content.decode()) == (400, LRMX_NOTHING)


def test_export_is_audited_with_its_query_and_people(admin_client, units):
    admin_client.get(url(ZIP_URL, [AS_OF, ("channel", "xuandiao")]))
    event = AuditEvent.objects.get(action=CadreAction.LRMX_EXPORT)
    assert event.summary == "截至2021年7月31日，2人的任免审批表（.lrmx）"
    assert event.data["query"] == "as_of=2021-07-31&channel=xuandiao"
    assert len(event.data["cadres"]) == 2


def test_query_count_does_not_grow_with_the_list(admin_client, django_assert_max_num_queries):
    unit = make_unit()
    make_cadre(unit=unit)
    with CaptureQueriesContext(connection) as few:
        files(admin_client.get(url(ZIP_URL, [AS_OF])))
    for _ in range(10):
        make_cadre(unit=unit)
    with django_assert_max_num_queries(len(few)):
        assert len(files(admin_client.get(url(ZIP_URL, [AS_OF])))) == 11


def test_cadre_list_page_links_to_the_zip_of_the_same_list(admin_client, units):
    page = admin_client.get(url(ROSTER_URL, [("channel", "xuandiao"), ("page", "1"), ("sort", "name")]))
    assert page.context["lrmx_zip_url"].startswith(ZIP_URL + "?channel=xuandiao&as_of=")
    assert 'class="lrmx-zip"' in page.content.decode()

"""/cadres/export.xlsx and /cadres/export.lrmx.zip are built in a spooled temporary file and streamed
(reports/downloads.py): memory stays bounded, and the files and headers are as before."""

import datetime
import io
import tempfile
import zipfile

import pytest
from django.http import FileResponse
from django.test import RequestFactory
from django.utils import timezone

from cadres.lrmx.writer import lrmx_cadres, lrmx_files
from cadres.models import Cadre
from reports import downloads
from reports.views.cadre_list import cadre_list_export, cadre_list_lrmx_zip
from tests.factories import make_cadre, make_unit
from tests.reports.helpers import load_workbook, roster_records, url

from .helpers import EXPORT_URL

pytestmark = pytest.mark.django_db

ZIP_URL = "/cadres/export.lrmx.zip"
VIEWS = {EXPORT_URL: cadre_list_export, ZIP_URL: cadre_list_lrmx_zip}
AS_OF = ("as_of", "2021-07-31")
XLSX_DISPOSITION = "attachment; filename*=utf-8''%E5%B9%B2%E9%83%A8%E5%90%8D%E5%8D%95_2021-07-31.xlsx"
ZIP_DISPOSITION = "attachment; filename*=utf-8''%E4%BB%BB%E5%85%8D%E5%AE%A1%E6%89%B9%E8%A1%A8_2021-07-31.zip"


@pytest.fixture
def cadres():
    unit = make_unit("甲单位")
    return [make_cadre(name=name, unit=unit) for name in ("张一", "李二", "王三")]


def download(user, path, params):
    """Return the view's own response: the test client would hide the file it streams from."""
    request = RequestFactory().get(url(path, params))
    request.user = user
    return VIEWS[path](request)


def streamed(response):
    """Return the body of a streamed file download, checking it is one of the size it announces."""
    assert response.status_code == 200, response
    assert isinstance(response, FileResponse)
    assert isinstance(response.file_to_stream, tempfile.SpooledTemporaryFile)
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    return body


def test_cadre_list_export_is_streamed_from_a_temporary_file_with_its_headers(admin_user, cadres):
    response = download(admin_user, EXPORT_URL, [AS_OF, ("columns", "name")])
    body = streamed(response)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == XLSX_DISPOSITION
    assert [row["姓名"] for row in roster_records(load_workbook(body)["干部名单"])] == ["张一", "李二", "王三"]


def test_lrmx_zip_is_streamed_and_holds_what_the_writer_makes(admin_client, admin_user, cadres):
    response = download(admin_user, ZIP_URL, [AS_OF])
    archive = zipfile.ZipFile(io.BytesIO(streamed(response)))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == ZIP_DISPOSITION
    ids = [row["id"] for row in admin_client.get(url("/cadres.json", [AS_OF])).json()["results"]]
    in_roster_order = sorted(lrmx_cadres(Cadre.objects.filter(pk__in=ids)), key=lambda cadre: ids.index(cadre.pk))
    expected = dict(
        lrmx_files(in_roster_order, as_of=datetime.date(2021, 7, 31), filled_on=timezone.localdate(), user=admin_user)
    )
    assert {name: archive.read(name) for name in archive.namelist()} == expected


@pytest.mark.parametrize("path", [EXPORT_URL, ZIP_URL])
def test_a_download_past_the_spool_size_goes_to_disk_not_memory(admin_user, cadres, monkeypatch, path):
    monkeypatch.setattr(downloads, "SPOOL_MAX_SIZE", 256)
    response = download(admin_user, path, [AS_OF])
    assert response.file_to_stream._rolled  # SpooledTemporaryFile's own flag: now a file on disk
    streamed(response)


@pytest.mark.parametrize("path", [EXPORT_URL, ZIP_URL])
def test_the_temporary_file_is_closed_with_the_response(admin_user, cadres, path):
    response = download(admin_user, path, [AS_OF])
    file = response.file_to_stream
    b"".join(response.streaming_content)
    response.close()
    assert file.closed

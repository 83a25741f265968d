"""The .lrmx pages: access (403 without permission, 404 for another unit), the age basis, the import flow."""

import io
import zipfile

import lxml.html
import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.forms import DATE_INVALID as AS_OF_INVALID
from cadres.lrmx.forms import AS_OF_DEFAULT_NOTE, UPLOAD_TOO_LARGE
from cadres.lrmx.reader import DTD_REFUSED
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, PendingUpload
from cadres.views.lrmx import DATA_CHANGED, IMPORTED, UPLOAD_EXPIRED
from tests.factories import make_full_cadre, make_unit, make_user

from .helpers import AS_OF, FILLED_ON, elements
from .test_reader import BILLION_LAUGHS

pytestmark = pytest.mark.django_db


def url(cadre, query="?as_of=2021-07-31"):
    return reverse("cadre_lrmx", args=[cadre.pk]) + query


def test_download_has_the_chosen_age_basis_and_is_audited(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    response = client.get(url(cadre))
    assert response.status_code == 200
    assert elements(response.content).findtext("JiSuanNianLingShiJian") == "20210731"
    assert "filename*=UTF-8''%E5%BC%A0%E4%B8%89.lrmx" in response.headers["Content-Disposition"]
    assert AuditEvent.objects.filter(action=CadreAction.LRMX_EXPORT, data__cadre=cadre.pk).exists()


def test_without_as_of_the_page_shows_todays_default_and_says_so(client, settings):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    response = client.get(url(cadre, ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    note = response.context["note"]
    assert note.startswith(AS_OF_DEFAULT_NOTE.split("（")[0])


def test_invalid_as_of_is_a_400_with_the_message(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    response = client.get(url(cadre, "?as_of=2021-13-01"))
    assert response.status_code == 400
    assert AS_OF_INVALID in response.content.decode()


def test_another_units_cadre_is_404(client):
    cadre = make_full_cadre()
    client.force_login(make_user("单位信息员", [make_unit("另一单位")]))
    assert client.get(url(cadre)).status_code == 404


def test_no_export_permission_is_403(client):
    cadre = make_full_cadre()
    client.force_login(make_user("只读", [cadre.unit]))
    assert client.get(url(cadre)).status_code == 403


def test_clerk_downloads_own_units_cadre(client):
    cadre = make_full_cadre()
    client.force_login(make_user("单位信息员", [cadre.unit]))
    assert client.get(url(cadre)).status_code == 200


def test_import_needs_permission(client):
    client.force_login(make_user("部领导"))
    assert client.get(reverse("lrmx_import")).status_code == 403


def lrmx_of(cadre):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None)


def test_upload_shows_the_diff_and_confirm_writes_it(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    content = lrmx_of(cadre).replace("湖北黄石".encode(), "湖北武汉".encode())
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", content)})
    assert response.status_code == 200
    [person] = response.context["plan"].people
    assert [(c.label, c.old, c.new) for c in person.changes] == [("籍贯", "湖北黄石", "湖北武汉")]
    cadre.refresh_from_db()
    assert cadre.native_place == "湖北黄石"  # nothing written before the confirmation
    response = client.post(reverse("lrmx_import"), {"confirm": response.context["fingerprint"]}, follow=True)
    cadre.refresh_from_db()
    assert cadre.native_place == "湖北武汉"
    assert IMPORTED.format(count=1, created=0, updated=1) in response.content.decode()


def test_hostile_upload_is_refused_with_the_message(client):
    client.force_login(make_user("干部科"))
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("x.lrmx", BILLION_LAUGHS)})
    assert response.status_code == 400
    assert DTD_REFUSED in response.content.decode()


def test_confirm_without_an_upload_is_refused(client):
    client.force_login(make_user("干部科"))
    response = client.post(reverse("lrmx_import"), {"confirm": "0" * 64}, follow=True)
    assert UPLOAD_EXPIRED in response.content.decode()


def test_clerk_cannot_import_another_units_cadre(client):
    cadre = make_full_cadre()
    client.force_login(make_user("单位信息员", [make_unit("另一单位")]))
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", lrmx_of(cadre))})
    assert response.status_code == 400
    assert "该干部不在您管理的单位范围内，不能导入" in response.content.decode()


def test_oversized_upload_is_refused(client, settings):
    settings.LRMX_UPLOAD_MAX_BYTES = 10
    client.force_login(make_user("干部科"))
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("x.lrmx", b"<Person>" + b" " * 20)})
    assert response.status_code == 400
    assert UPLOAD_TOO_LARGE.format(limit="0 KB") in response.content.decode()


def test_data_changed_since_the_preview_is_shown_again_not_applied(client):
    """The confirmation applies exactly what was previewed: planned again, a different plan is shown instead."""
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    content = lrmx_of(cadre).replace("湖北黄石".encode(), "湖北武汉".encode())
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", content)})
    shown = response.context["fingerprint"]
    Cadre.objects.filter(pk=cadre.pk).update(specialty="他人刚改过")
    response = client.post(reverse("lrmx_import"), {"confirm": shown})
    assert response.status_code == 409
    assert DATA_CHANGED in response.content.decode()
    cadre.refresh_from_db()
    assert (cadre.native_place, cadre.specialty) == ("湖北黄石", "他人刚改过")
    client.post(reverse("lrmx_import"), {"confirm": response.context["fingerprint"]})
    cadre.refresh_from_db()
    assert (cadre.native_place, cadre.specialty) == ("湖北武汉", "组织人事工作")


def test_the_upload_waits_in_the_database_with_only_its_key_in_the_session(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", lrmx_of(cadre))})
    assert PendingUpload.objects.get().filename == "张三.lrmx"
    session = Session.objects.get(session_key=client.session.session_key)
    assert len(session.session_data) < 1024


def test_a_confirmation_of_another_preview_is_refused(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", lrmx_of(cadre))})
    response = client.post(reverse("lrmx_import"), {"confirm": "0" * 64}, follow=True)
    assert UPLOAD_EXPIRED in response.content.decode()


def test_the_preview_gives_a_row_per_file_with_its_changes_named(client):
    unit = make_unit()
    changed = make_full_cadre(name="张三", unit=unit)
    same = make_full_cadre(name="李四", unit=unit, birth_date=AS_OF.replace(year=1991))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zip_file:
        zip_file.writestr("1.张三.lrmx", lrmx_of(changed).replace("湖北黄石".encode(), "湖北武汉".encode()))
        zip_file.writestr("2.李四.lrmx", lrmx_of(same))
    client.force_login(make_user("干部科"))

    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("两人.zip", archive.getvalue())})

    rows = lxml.html.fromstring(response.content).xpath("//table[contains(@class, 'lrmx-people')]/tbody/tr")
    cells = [[cell.text_content().strip() for cell in row.xpath("./td")] for row in rows]
    assert [row[:3] for row in cells] == [["1.张三.lrmx", "张三", "更新"], ["2.李四.lrmx", "李四", "未变"]]
    assert cells[0][3].startswith("1项：籍贯")
    assert cells[1][3] == "无变化"

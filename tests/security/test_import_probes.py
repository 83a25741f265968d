"""A clerk cannot use imports as an oracle of other units' ID numbers for free (cadres/importing/probes.py): each
row refused as another unit's cadre is audited with the user and the file, 干部科 sees the count on 校核, and
past IMPORT_OUT_OF_SCOPE_DAILY_CAP distinct numbers a day the clerk's uploads are refused unread."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.roles import CADRE_SECTION, UNIT_CLERK
from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.importing.probes import CAP_REACHED
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre
from cadres.roster_import.plan import CADRE_FORBIDDEN
from tests.factories import make_cadre, make_full_cadre, make_id_number, make_unit, make_user, person, roster_bytes

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1990, 5, 12)


@pytest.fixture
def clerk(client):
    """A clerk of 甲单位, and cadres of 乙单位 whose numbers the clerk tries; returns (client, user, others)."""
    own, other = make_unit("甲单位"), make_unit("乙单位")
    others = [
        make_cadre(unit=other, name=f"乙{i}", birth_date=BIRTH, id_number=make_id_number(BIRTH, serial=i))
        for i in range(4)
    ]
    user = make_user(UNIT_CLERK, units=[own])
    client.force_login(user)
    return client, user, others


def upload_roster(client, cadre, filename="花名册.xlsx"):
    row = person(cadre.name, unit="甲单位", birth=BIRTH, 公民身份号码=cadre.id_number)
    return client.post(reverse("roster_import"), {"file": SimpleUploadedFile(filename, roster_bytes([row]))})


def test_a_refused_row_is_audited_with_the_user_and_the_file(clerk):
    client, user, others = clerk
    response = upload_roster(client, others[0], "试探.xlsx")
    assert response.status_code == 400
    assert CADRE_FORBIDDEN in response.content.decode()
    event = AuditEvent.objects.get(action=CadreAction.IMPORT_OUT_OF_SCOPE)
    assert (event.user, event.data["file"], event.data["ids"], event.data["rows"]) == (
        user,
        "试探.xlsx",
        [others[0].id_number],
        1,
    )


def test_a_refused_lrmx_file_is_audited_too(client):
    cadre = make_full_cadre()
    user = make_user(UNIT_CLERK, [make_unit("另一单位")])
    client.force_login(user)
    content = cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=BIRTH, filled_on=BIRTH, user=None)
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", content)})
    assert response.status_code == 400
    event = AuditEvent.objects.get(action=CadreAction.IMPORT_OUT_OF_SCOPE)
    assert (event.user, event.data["file"], event.data["ids"]) == (user, "张三.lrmx", [cadre.id_number])


def test_past_the_daily_cap_the_uploads_are_refused_without_naming_any_row(clerk, settings):
    settings.IMPORT_OUT_OF_SCOPE_DAILY_CAP = 2
    client, _, others = clerk
    assert CADRE_FORBIDDEN in upload_roster(client, others[0]).content.decode()
    assert CADRE_FORBIDDEN in upload_roster(client, others[0]).content.decode()  # the same number again
    assert CADRE_FORBIDDEN in upload_roster(client, others[1]).content.decode()
    # Two distinct numbers refused today: from then on every upload is refused unread, whoever's numbers it holds.
    for cadre in others[2:]:
        refused = upload_roster(client, cadre).content.decode()
        assert CAP_REACHED.format(count=2, cap=2) in refused
        assert CADRE_FORBIDDEN not in refused
    assert AuditEvent.objects.filter(action=CadreAction.IMPORT_OUT_OF_SCOPE).count() == 3


def test_a_file_that_passes_the_cap_is_refused_whole_and_recorded(clerk, settings):
    settings.IMPORT_OUT_OF_SCOPE_DAILY_CAP = 1
    client, user, others = clerk
    rows = [person(c.name, unit="甲单位", birth=BIRTH, 公民身份号码=c.id_number, 序号=i) for i, c in enumerate(others)]
    response = client.post(reverse("roster_import"), {"file": SimpleUploadedFile("批量.xlsx", roster_bytes(rows))})
    page = response.content.decode()
    assert CAP_REACHED.format(count=4, cap=1) in page
    assert CADRE_FORBIDDEN not in page
    event = AuditEvent.objects.get(action=CadreAction.IMPORT_OUT_OF_SCOPE)
    assert (event.user, len(event.data["ids"])) == (user, 4)


def test_the_cadre_section_sees_the_count_of_refused_rows_on_the_quality_page(clerk, client):
    clerk_client, _, others = clerk
    upload_roster(clerk_client, others[0])
    upload_roster(clerk_client, others[1])
    client.force_login(make_user(CADRE_SECTION))
    page = client.get(reverse("quality")).content.decode()
    assert "近30天导入被拒：2行" in page
    assert "2次上传，1个账号" in page


def test_a_clerk_does_not_see_the_count(clerk):
    client, _, others = clerk
    upload_roster(client, others[0])
    assert "近30天导入被拒" not in client.get(reverse("quality")).content.decode()

"""After an import, a link to exactly the people it created or changed: the roster's 导入批次 filter."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, ImportBatch
from jobs.models import Job
from reports.cadre_list.filters import BATCH_UNKNOWN
from tests.factories import make_cadre, make_full_cadre, make_unit, make_user, person, roster_bytes
from tests.lrmx.helpers import AS_OF, FILLED_ON
from tests.roster_import.test_views import upload

pytestmark = pytest.mark.django_db
BIRTH = datetime.date(1990, 5, 12)


def roster_listed(client, query):
    response = client.get(reverse("cadre_list") + query)
    assert response.status_code == 200
    return response, sorted(row.record.name for row in response.context["table"].page.object_list)


def test_the_link_lists_the_created_and_changed_people_not_the_unchanged(client, section, unit):
    first, second = person("王五", birth=BIRTH), person("赵六", birth=datetime.date(1988, 3, 3))
    upload(client, roster_bytes([first, second]))
    client.post(reverse("roster_import_confirm"))
    make_cadre(name="局外人", unit=unit)
    upload(client, roster_bytes([{**first, "职务": "副科长"}, second, person("张三", birth=datetime.date(1991, 1, 1))]))

    response = client.post(reverse("roster_import_confirm"))

    batch = ImportBatch.objects.order_by("pk").last()
    assert (batch.created_count, batch.updated_count, batch.unchanged_count) == (1, 1, 1)
    assert response["Location"] == f"{reverse('roster_import')}?batch={batch.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("cadre_list")}?batch={batch.pk}"' in page
    assert "在干部名册中查看这2人" in page
    response, names = roster_listed(client, f"?batch={batch.pk}")
    assert names == ["张三", "王五"]
    chip = f"导入批次：{batch.in_words()}"
    assert chip.endswith("导入的花名册“花名册.xlsx”，2人")
    assert [c.label for c in response.context["chips"]] == [chip]


def test_the_batch_filter_keeps_to_the_users_units(client, unit):
    other = make_unit("另一单位")
    clerk = make_user("单位信息员", [unit])
    batch = ImportBatch.objects.create(user=clerk, filename="花名册.xlsx", sha256="0" * 64, created_count=2)
    batch.cadres.add(make_cadre(name="本单位", unit=unit), make_cadre(name="外单位", unit=other))
    client.force_login(clerk)
    assert roster_listed(client, f"?batch={batch.pk}")[1] == ["本单位"]


def test_a_clerk_cannot_name_another_users_import(client, unit):
    """Neither the file name nor the count of an import made elsewhere shows on a clerk's roster."""
    other = ImportBatch.objects.create(
        user=make_user("干部科", username="他人"), filename="机密调整.xlsx", sha256="0" * 64
    )
    other.cadres.add(make_cadre(name="本单位", unit=unit))
    client.force_login(make_user("单位信息员", [unit]))
    response = client.get(reverse("cadre_list") + f"?batch={other.pk}")
    assert response.status_code == 400
    assert "机密调整" not in response.content.decode()
    assert BATCH_UNKNOWN.format(value=other.pk) in response.content.decode()


def test_an_import_is_named_in_words():
    batch = ImportBatch.objects.create(filename="花名册.xlsx", sha256="0" * 64, created_count=2, updated_count=1)
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=datetime.datetime(2026, 3, 5, 1, 7, tzinfo=datetime.UTC))
    batch.refresh_from_db()
    assert batch.in_words() == "2026年3月5日 09:07 导入的花名册“花名册.xlsx”，3人"  # Asia/Shanghai
    link = batch.cadres.through(batch=batch, cadre=make_cadre(name="王五"))
    assert str(link) == "王五（2026年3月5日 09:07 导入的花名册“花名册.xlsx”）"


@pytest.mark.parametrize("value", ["²", "١٢", "abc", "-1", "9" * 30])
@pytest.mark.parametrize("page", ["roster_import", "lrmx_import"])
def test_a_strange_batch_on_an_import_page_is_ignored(client, section, page, value):
    response = client.get(reverse(page), {"batch": value})
    assert response.status_code == 200
    assert "在干部名册中查看" not in response.content.decode()


def test_an_unknown_batch_is_a_message_not_a_500(client, section):
    response = client.get(reverse("cadre_list") + "?batch=999999")
    assert response.status_code == 400
    assert BATCH_UNKNOWN.format(value="999999") in response.content.decode()


def test_another_users_import_is_not_shown_on_the_import_page(client, section, unit):
    batch = ImportBatch.objects.create(user=make_user("干部科", username="他人"), filename="x.xlsx", created_count=1)
    page = client.get(reverse("roster_import") + f"?batch={batch.pk}").content.decode()
    assert "在干部名册中查看" not in page


def test_an_lrmx_import_links_to_the_people_it_changed(client, section):
    cadre = make_full_cadre()
    known = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    content = cadre_lrmx(known, as_of=AS_OF, filled_on=FILLED_ON, user=None)
    content = content.replace("湖北黄石".encode(), "湖北武汉".encode())
    response = client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("张三.lrmx", content)})

    response = client.post(reverse("lrmx_import"), {"confirm": response.context["fingerprint"]})

    batch = ImportBatch.objects.get()
    assert (batch.kind, batch.user, batch.updated_count) == (ImportBatch.Kind.LRMX, section, 1)
    assert response["Location"] == f"{reverse('lrmx_import')}?batch={batch.pk}"
    assert f"?batch={batch.pk}" in client.get(response["Location"]).content.decode()
    assert roster_listed(client, f"?batch={batch.pk}")[1] == [cadre.name]


def test_a_background_import_offers_the_link(client, section, unit, django_capture_on_commit_callbacks):
    upload(client, roster_bytes([person()]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("job_roster_import"))
    job = Job.objects.get(pk=response["Location"].split("/")[2])
    batch = ImportBatch.objects.get()
    job.refresh_from_db()
    assert job.link == f"{reverse('cadre_list')}?batch={batch.pk}"
    assert f'href="{job.link}"' in client.get(reverse("job_detail", args=[job.pk])).content.decode()

"""A large roster upload read and previewed as a background job: a page that waits, then the preview; the
confirmation checks the same fingerprint; errors in words; nobody else's."""

import datetime

import pytest
from django.urls import reverse

from cadres.models import Cadre, PendingUpload
from cadres.roster_import.reader import CORRUPT
from cadres.views.roster_import import UPLOAD_GONE
from jobs.models import Job
from jobs.views import PREVIEW_EXPIRED
from jobs.work import PREVIEW_PROBLEMS, PREVIEW_READY
from tests.factories import make_user, person, roster_bytes
from tests.roster_import.test_views import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_threshold(settings):
    settings.ROSTER_PREVIEW_BACKGROUND_BYTES = 1000


def read_in_background(client, capture):
    with capture(execute=True):
        response = client.post(reverse("job_roster_preview"))
    assert response.status_code == 302
    return Job.objects.get(pk=response["Location"].split("/")[2])


def test_a_small_upload_is_previewed_in_the_request(client, section, unit):
    response = upload(client, roster_bytes([person()]))
    assert response.status_code == 200
    assert "将新增 <strong>1</strong> 人" in response.content.decode()
    assert not Job.objects.exists()


def test_a_large_upload_is_read_in_the_background_then_previewed(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    response = upload(client, roster_bytes([person(), person("李四", birth=datetime.date(1991, 1, 1))]))
    assert response.status_code == 202
    assert f'action="{reverse("job_roster_preview")}"' in response.content.decode()
    assert Cadre.objects.count() == 0

    job = read_in_background(client, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    message = PREVIEW_READY.format(filename="花名册.xlsx", created=2, updated=0, unchanged=0)
    assert (job.kind, job.status, job.message, job.done, job.total) == (
        Job.Kind.ROSTER_PREVIEW,
        Job.Status.DONE,
        message,
        2,
        2,
    )
    assert PendingUpload.objects.get().fingerprint  # what the preview shows, for the confirmation
    response = client.get(reverse("job_detail", args=[job.pk]))
    assert response["Location"] == reverse("job_preview", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "将新增 <strong>2</strong> 人" in page
    assert f'action="{reverse("job_roster_import")}"' in page
    assert f'action="{reverse("roster_import_confirm")}"' not in page  # too large to import in a request
    assert Cadre.objects.count() == 0


def test_the_background_preview_is_then_imported_as_shown(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    upload(client, roster_bytes([person()]))
    read_in_background(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("job_roster_import"))
    assert list(Cadre.objects.values_list("name", flat=True)) == ["张三"]


def test_a_waiting_job_page_refreshes_itself(client, section, unit, small_threshold, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    upload(client, roster_bytes([person()]))
    response = client.post(reverse("job_roster_preview"))
    page = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "排队等候" in page


def test_rows_with_errors_are_shown_and_cannot_be_imported(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    upload(client, roster_bytes([person(进入时间="明年")]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.message == PREVIEW_PROBLEMS.format(filename="花名册.xlsx", count=1)
    response = client.get(reverse("job_preview", args=[job.pk]))
    assert response.status_code == 400
    assert "有 1 处错误，不能导入" in response.content.decode()
    assert 'class="background-import"' not in response.content.decode()


def test_an_unreadable_file_fails_the_job_in_words(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    upload(client, b"PK\x03\x04" + b"\x00" * 2000)
    job = read_in_background(client, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.FAILED, CORRUPT)
    assert CORRUPT in client.get(reverse("job_detail", args=[job.pk])).content.decode()


def test_no_pending_upload_starts_nothing(client, section):
    response = client.post(reverse("job_roster_preview"), follow=True)
    assert UPLOAD_GONE in response.content.decode()
    assert not Job.objects.exists()


def test_another_users_preview_is_a_404(client, section, unit, small_threshold, django_capture_on_commit_callbacks):
    upload(client, roster_bytes([person()]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    client.force_login(make_user("干部科", username="他人"))
    assert client.get(reverse("job_preview", args=[job.pk])).status_code == 404
    assert client.get(reverse("job_detail", args=[job.pk])).status_code == 404


def test_an_expired_preview_says_so(client, section, unit, small_threshold, django_capture_on_commit_callbacks):
    upload(client, roster_bytes([person()]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    Job.objects.filter(pk=job.pk).update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    response = client.get(reverse("job_preview", args=[job.pk]), follow=True)
    assert PREVIEW_EXPIRED in response.content.decode()


def test_an_expired_preview_job_no_longer_points_to_its_preview(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    upload(client, roster_bytes([person()]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    Job.objects.filter(pk=job.pk).update(expires_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    for page in (reverse("job_detail", args=[job.pk]), reverse("job_list")):
        content = client.get(page).content.decode()
        assert PREVIEW_EXPIRED in content
        assert "请查看预览" not in content


def test_a_preview_page_confirms_its_own_upload_not_a_later_one(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks, settings
):
    """A large file X previewed in the background, then a small file Y previewed in another tab: X's page
    must not import Y."""
    upload(client, roster_bytes([person("甲甲", birth=datetime.date(1990, 1, 1))]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    x_page = client.get(reverse("job_preview", args=[job.pk])).content.decode()
    settings.ROSTER_PREVIEW_BACKGROUND_BYTES = 10**9
    upload(client, roster_bytes([person("丙丙", birth=datetime.date(1991, 1, 1))]))
    assert f'name="upload" value="{job.query}"' in x_page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("job_roster_import"), {"upload": job.query}, follow=True)

    assert UPLOAD_GONE in response.content.decode()
    assert not Cadre.objects.exists()


def test_the_small_preview_confirms_its_own_upload_not_a_later_one(client, section, unit):
    first = upload(client, roster_bytes([person("甲甲", birth=datetime.date(1990, 1, 1))]))
    key = first.context["upload_key"]
    upload(client, roster_bytes([person("丙丙", birth=datetime.date(1991, 1, 1))]))

    response = client.post(reverse("roster_import_confirm"), {"upload": key}, follow=True)

    assert UPLOAD_GONE in response.content.decode()
    assert not Cadre.objects.exists()


def test_the_preview_data_is_not_offered_as_a_download(
    client, section, unit, small_threshold, django_capture_on_commit_callbacks
):
    upload(client, roster_bytes([person()]))
    job = read_in_background(client, django_capture_on_commit_callbacks)
    assert client.get(reverse("job_download", args=[job.pk])).status_code == 404

"""Background jobs end to end (tasks run immediately): start, progress, download, expiry, another user refused."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.utils import timezone

from accounts.roles import CADRE_SECTION, READ_ONLY, UNIT_CLERK
from audit.models import AuditEvent
from jobs.models import Job
from jobs.services import job_progress
from jobs.tasks import run_job
from jobs.views import EXPIRED
from jobs.work import NOT_ALLOWED
from reports.cadre_list import export
from tests.factories import make_cadre, make_unit, make_user

pytestmark = pytest.mark.django_db

QUERY = "as_of=2021-07-31&max_age=35"


@pytest.fixture
def roster():
    unit = make_unit("甲单位")
    cadres = [make_cadre(name=f"干部{i}", unit=unit) for i in range(5)]
    make_cadre(name="他单位", unit=make_unit("乙单位"))
    return unit, cadres


def start(client, kind="roster_export", query=QUERY, capture=None, **extra):
    with capture(execute=True):
        response = client.post(f"/jobs/start/{kind}/", {"query": query, **extra})
    assert response.status_code == 302, response.content.decode()
    return Job.objects.get(pk=response["Location"].split("/")[2])


def test_roster_export_runs_and_is_offered_to_its_owner(client, roster, django_capture_on_commit_callbacks):
    user = make_user(CADRE_SECTION)
    client.force_login(user)

    job = start(client, capture=django_capture_on_commit_callbacks, columns=["name", "unit"])

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert (job.done, job.total, job.percent) == (6, 6, 100)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "已完成" in page
    assert f"/jobs/{job.pk}/download/" in page
    status = client.get(f"/jobs/{job.pk}.json").json()
    assert status["status"] == "done" and status["percent"] == 100
    response = client.get(status["download_url"])
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.iter_rows(values_only=True))
    assert len([row for row in rows[1:] if any(row)]) == 6
    assert rows[0][1] == "姓名"
    assert rows[0][2].startswith("工作单位")


def test_export_and_download_are_audited(client, roster, django_capture_on_commit_callbacks):
    user = make_user(CADRE_SECTION)
    client.force_login(user)
    job = start(client, capture=django_capture_on_commit_callbacks)

    client.get(f"/jobs/{job.pk}/download/")

    actions = list(
        AuditEvent.objects.filter(user=user)
        .exclude(action="auth.login")
        .values_list("action", flat=True)
        .order_by("pk")
    )
    assert actions == ["jobs.started", "cadres.roster.exported", "jobs.downloaded"]
    export_event = AuditEvent.objects.get(action="cadres.roster.exported")
    assert export_event.data["job"] == str(job.pk)
    assert export_event.data["rows"] == 6


def test_another_user_is_refused(client, roster, django_capture_on_commit_callbacks):
    client.force_login(make_user(CADRE_SECTION))
    job = start(client, capture=django_capture_on_commit_callbacks)

    client.force_login(make_user(CADRE_SECTION))
    for path in (f"/jobs/{job.pk}/", f"/jobs/{job.pk}.json", f"/jobs/{job.pk}/download/"):
        assert client.get(path).status_code == 404
    assert str(job.pk) not in client.get("/jobs/").content.decode()


def test_expired_file_is_gone(client, roster, settings, django_capture_on_commit_callbacks):
    client.force_login(make_user(CADRE_SECTION))
    job = start(client, capture=django_capture_on_commit_callbacks)
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get(f"/jobs/{job.pk}/download/")

    assert response.status_code == 410
    assert response.content.decode() == EXPIRED
    assert client.get(f"/jobs/{job.pk}.json").json()["download_url"] is None
    assert "已过期" in client.get(f"/jobs/{job.pk}/").content.decode()
    # The next job started empties the expired file from the database.
    start(client, capture=django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.content is None


def test_file_is_kept_for_the_configured_time(client, roster, settings, django_capture_on_commit_callbacks):
    settings.JOB_FILE_MAX_AGE = 600
    client.force_login(make_user(CADRE_SECTION))

    job = start(client, capture=django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.expires_at - job.finished_at == datetime.timedelta(seconds=600)


def test_progress_is_shown_while_queued_and_running(client, roster, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.force_login(make_user(CADRE_SECTION))
    response = client.post("/jobs/start/roster_export/", {"query": QUERY})
    job = Job.objects.get()

    page = client.get(response["Location"]).content.decode()
    assert "排队等候" in page
    assert 'http-equiv="refresh"' in page
    job_progress(job, 1500, 3000)
    status = client.get(f"/jobs/{job.pk}.json").json()
    assert (status["status"], status["done"], status["total"], status["percent"]) == ("running", 1500, 3000, 50)
    assert status["download_url"] is None
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404
    assert "50%（1500/3000）" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_progress_is_reported_chunk_by_chunk(client, roster, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(export, "CHUNK_SIZE", 2)
    seen = []
    monkeypatch.setattr("jobs.work.job_progress", lambda job, done, total=None: seen.append((done, total)))
    client.force_login(make_user(CADRE_SECTION))

    start(client, capture=django_capture_on_commit_callbacks)

    assert seen == [(0, 6), (2, None), (4, None), (6, None), (6, None)]


def test_the_owners_scope_applies(client, roster, django_capture_on_commit_callbacks):
    unit, _ = roster
    client.force_login(make_user(UNIT_CLERK, [unit]))

    job = start(client, capture=django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.total == 5


def test_lrmx_zip_in_the_background(client, roster, django_capture_on_commit_callbacks):
    client.force_login(make_user(CADRE_SECTION))

    job = start(client, "lrmx_zip", capture=django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.filename == "任免审批表_2021-07-31.zip"
    names = zipfile.ZipFile(io.BytesIO(bytes(job.content))).namelist()
    assert len(names) == 6
    assert AuditEvent.objects.filter(action="cadres.lrmx.exported", data__job=str(job.pk)).exists()


def test_lrmx_zip_needs_the_age_basis(client, roster, django_capture_on_commit_callbacks):
    client.force_login(make_user(CADRE_SECTION))

    job = start(client, "lrmx_zip", query="max_age=35", capture=django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "请指定计算年龄的日期" in job.message
    assert "请指定计算年龄的日期" in client.get(f"/jobs/{job.pk}/").content.decode()


def test_export_permission_is_needed_to_start_and_when_run(client, roster, django_capture_on_commit_callbacks):
    unit, _ = roster
    client.force_login(make_user(READ_ONLY, [unit]))
    assert client.post("/jobs/start/roster_export/", {"query": QUERY}).status_code == 403

    user = make_user(CADRE_SECTION)
    job = Job.objects.create(owner=user, kind=Job.Kind.ROSTER_EXPORT, query=QUERY)
    user.is_active = False
    user.save()
    run_job.enqueue(str(job.pk))
    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.FAILED, NOT_ALLOWED)


def test_unknown_kind_is_404(client):
    client.force_login(make_user(CADRE_SECTION))
    assert client.post("/jobs/start/nothing/", {"query": QUERY}).status_code == 404


def test_the_list_page_offers_the_background_exports(client, roster):
    client.force_login(make_user(CADRE_SECTION))

    html = client.get("/cadres/?as_of=2021-07-31&max_age=35&page=1").content.decode()

    assert 'action="/jobs/start/roster_export/"' in html
    assert 'name="query" value="as_of=2021-07-31&amp;max_age=35"' in html
    assert 'action="/jobs/start/lrmx_zip/"' in html

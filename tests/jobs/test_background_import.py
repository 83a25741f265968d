"""A previewed roster import confirmed as a background job: applied exactly as previewed, or refused in words."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.models import Cadre, ImportBatch, PendingUpload
from cadres.roster_import.services import IMPORTED
from cadres.views.roster_import import UPLOAD_GONE
from jobs.models import Job
from jobs.work import CHANGED_SINCE_PREVIEW
from tests.factories import make_cadre, make_id_number, make_user, person, roster_bytes
from tests.roster_import.test_views import upload

pytestmark = pytest.mark.django_db


def confirm_in_background(client, capture):
    with capture(execute=True):
        response = client.post(reverse("job_roster_import"))
    assert response.status_code == 302
    return Job.objects.get(pk=response["Location"].split("/")[2])


def test_preview_then_import_in_the_background(client, section, unit, django_capture_on_commit_callbacks):
    response = upload(client, roster_bytes([person(), person("李四", birth=datetime.date(1991, 1, 1))]))
    assert 'action="/jobs/start/roster-import/"' in response.content.decode()

    job = confirm_in_background(client, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    message = IMPORTED.format(filename="花名册.xlsx", created=2, updated=0, unchanged=0)
    assert (job.status, job.message, job.done, job.total) == (Job.Status.DONE, message, 2, 2)
    assert Cadre.objects.count() == 2
    assert ImportBatch.objects.get().user == section
    assert AuditEvent.objects.get(action=CadreAction.ROSTER_IMPORT).username == section.username
    assert PendingUpload.objects.count() == 0
    assert message in client.get(f"/jobs/{job.pk}/").content.decode()
    assert job.content is None and job.expires_at is None


def test_data_changed_since_the_preview_is_refused(client, section, unit, django_capture_on_commit_callbacks):
    birth = datetime.date(1990, 5, 12)
    number = make_id_number(birth)
    cadre = make_cadre(name="张三", birth_date=birth, id_number=number, unit=unit, post="科员")
    upload(client, roster_bytes([person(公民身份号码=number, 职务="副科长")]))
    cadre.notes = "他人刚改过"
    cadre.save()

    job = confirm_in_background(client, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert (job.status, job.message) == (Job.Status.FAILED, CHANGED_SINCE_PREVIEW)
    cadre.refresh_from_db()
    assert cadre.post == "科员"


def test_no_pending_upload(client, section):
    response = client.post(reverse("job_roster_import"), follow=True)

    assert UPLOAD_GONE in response.content.decode()
    assert not Job.objects.exists()


def test_import_permission_is_needed(client):
    client.force_login(make_user("只读"))
    assert client.post(reverse("job_roster_import")).status_code == 403

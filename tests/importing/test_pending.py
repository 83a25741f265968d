"""Uploads waiting for confirmation: in the database, with an owner, an expiry and a size cap; a key in the session."""

import datetime
import secrets
import tempfile

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cadres.importing.pending import (
    SESSION_KEYS,
    TOO_LARGE,
    pending_discard,
    pending_get,
    pending_previewed,
    pending_store,
)
from cadres.importing.problems import ImportRefused
from cadres.models import Cadre, PendingUpload
from tests.factories import HEADERS, make_unit, make_user, person, roster_bytes

pytestmark = pytest.mark.django_db


class FakeSession(dict):
    pass


def request_of(user):
    request = RequestFactory().post("/")
    request.user, request.session = user, FakeSession()
    return request


def test_an_upload_is_kept_for_its_owner_with_only_its_key_in_the_session():
    request = request_of(make_user("干部科"))
    upload = pending_store(request=request, kind="roster", filename="名册.xlsx", data=b"x" * 1000)
    assert request.session == {SESSION_KEYS["roster"]: upload.key}
    assert bytes(pending_get(request, "roster").data) == b"x" * 1000


def test_another_user_with_the_same_key_finds_nothing():
    request = request_of(make_user("干部科"))
    upload = pending_store(request=request, kind="roster", filename="名册.xlsx", data=b"x")
    intruder = request_of(make_user("干部科"))
    intruder.session[SESSION_KEYS["roster"]] = upload.key
    assert pending_get(intruder, "roster") is None


def test_an_expired_upload_is_gone_and_removed_by_the_next_upload(settings):
    request = request_of(make_user("干部科"))
    pending_store(request=request, kind="roster", filename="名册.xlsx", data=b"x")
    PendingUpload.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert pending_get(request, "roster") is None
    pending_store(request=request_of(make_user("干部科")), kind="lrmx", filename="a.lrmx", data=b"y")
    assert list(PendingUpload.objects.values_list("filename", flat=True)) == ["a.lrmx"]


def test_the_owners_next_upload_replaces_the_previous_one_of_that_kind():
    request = request_of(make_user("干部科"))
    pending_store(request=request, kind="roster", filename="旧.xlsx", data=b"x")
    pending_store(request=request, kind="lrmx", filename="表.lrmx", data=b"x")
    pending_store(request=request, kind="roster", filename="新.xlsx", data=b"x")
    assert sorted(PendingUpload.objects.values_list("filename", flat=True)) == ["新.xlsx", "表.lrmx"]


def test_an_upload_over_the_cap_is_refused(settings):
    settings.PENDING_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ImportRefused) as refused:
        pending_store(request=request_of(make_user("干部科")), kind="roster", filename="大.xlsx", data=b"x" * 2048)
    assert str(refused.value) == TOO_LARGE.format(size="2 KB", limit="1 KB")
    assert not PendingUpload.objects.exists()


def test_the_fingerprint_of_the_preview_is_kept_and_discard_removes_all():
    request = request_of(make_user("干部科"))
    upload = pending_store(request=request, kind="roster", filename="名册.xlsx", data=b"x")
    pending_previewed(upload, "abc")
    assert pending_get(request, "roster").fingerprint == "abc"
    pending_discard(request, "roster")
    assert (request.session, PendingUpload.objects.count()) == ({}, 0)


def large_roster():
    """A roster of over 1 MB: 700 people with a long note each in a column the import ignores."""
    people = [person(f"干部{i}", birth=datetime.date(1985, 1, 1) + datetime.timedelta(days=i)) for i in range(700)]
    for row in people:
        row["说明"] = secrets.token_hex(1500)
    return roster_bytes(people, headers=[*HEADERS, "说明"])


def test_the_session_stays_small_with_a_large_preview_pending(client, monkeypatch, tmp_path):
    """A previewed upload used to sit in the session, rewritten on every request (SESSION_SAVE_EVERY_REQUEST)."""
    make_unit("下陆区委组织部")
    client.force_login(make_user("干部科"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    data = large_roster()
    assert len(data) > 1024 * 1024
    response = client.post(reverse("roster_import"), {"file": SimpleUploadedFile("花名册.xlsx", data)})
    assert response.status_code == 200
    client.get(reverse("home"))
    session = Session.objects.get(session_key=client.session.session_key)
    assert len(session.session_data) < 1024
    assert PendingUpload.objects.get().size == len(data)
    client.post(reverse("roster_import_confirm"))
    assert Cadre.objects.count() == 700
    assert (PendingUpload.objects.count(), list(tmp_path.iterdir())) == (0, [])

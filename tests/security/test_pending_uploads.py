"""Uploads waiting for confirmation are kept in the database, not in the session (cadres/importing/pending.py):
with a large .lrmx zip pending, the session stays small and pages stay fast; an upload on its way leaves no
file that other accounts of the server can read, and none at all afterwards."""

import io
import os
import stat
import statistics
import tempfile
import time
import zipfile

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cadres.models import PendingUpload
from cadres.views import roster_import
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LARGE = 6 * 1024 * 1024


def large_lrmx_zip():
    """A zip of over 6 MB that does not compress: what used to be copied into the session."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("张三.lrmx", os.urandom(LARGE))
    return buffer.getvalue()


def page_time(client, times=5):
    """Return the median seconds of the home page."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        assert client.get(reverse("home")).status_code == 200
        spent.append(time.perf_counter() - start)
    return statistics.median(spent)


def test_a_large_lrmx_preview_pending_keeps_the_session_small_and_pages_fast(client):
    client.force_login(make_user("干部科"))
    before = page_time(client)
    data = large_lrmx_zip()
    client.post(reverse("lrmx_import"), {"file": SimpleUploadedFile("全区.zip", data)})
    assert PendingUpload.objects.get().size == len(data)
    after = page_time(client)
    session = Session.objects.get(session_key=client.session.session_key)
    assert len(session.session_data) < 1024
    # The session was rewritten with the upload on every request: pages took 50 times as long.
    assert after < before * 3 + 0.05


def test_an_upload_on_its_way_is_not_readable_by_other_accounts_and_is_gone_after(client, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen = []
    store = roster_import.pending_store

    def watching_store(**kwargs):
        seen.extend((path.name, stat.S_IMODE(path.stat().st_mode)) for path in tmp_path.iterdir())
        return store(**kwargs)

    monkeypatch.setattr(roster_import, "pending_store", watching_store)
    client.force_login(make_user("干部科"))
    # Larger than FILE_UPLOAD_MAX_MEMORY_SIZE: Django streams it to a temporary file.
    client.post(reverse("roster_import"), {"file": SimpleUploadedFile("花名册.xlsx", os.urandom(3 * 1024 * 1024))})
    assert seen, "the upload went through a temporary file"
    assert [(name, mode) for name, mode in seen if mode & 0o077] == []
    assert list(tmp_path.iterdir()) == []

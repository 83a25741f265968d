"""Uploads waiting between their preview and their owner's confirmation, kept in the database.

Every app server behind a load balancer sees the same database, where local files would not;
the session holds only the key (a large upload in the session would be rewritten on every later
request). A pending upload has an owner, an expiry and a size cap; an owner's next upload of the
same kind, and any expired upload, removes it. `fingerprint` is what the preview showed: the
confirmation plans the upload again and applies it only if the plan is the same.
"""

import datetime
import secrets

from django.conf import settings
from django.utils import timezone

from ..models import PendingUpload
from .problems import ImportRefused

TOO_LARGE = "文件过大（{size}），待确认的导入不能超过{limit}"
SESSION_KEYS = {"roster": "roster_import", "lrmx": "lrmx_import"}


def megabytes(size):
    """Return a size as people read it: 20 MB, 512 KB."""
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def pending_store(*, request, kind, filename, data, options=None):
    """Keep `data` for `request.user` until confirmed or expired, and put its key in the session.

    Remove on the way the owner's previous upload of this kind and every expired upload. Raise
    ImportRefused when `data` is over the cap (PENDING_UPLOAD_MAX_BYTES).
    """
    limit = settings.PENDING_UPLOAD_MAX_BYTES
    if len(data) > limit:
        raise ImportRefused(TOO_LARGE.format(size=megabytes(len(data)), limit=megabytes(limit)))
    now = timezone.now()
    PendingUpload.objects.filter(expires_at__lte=now).delete()
    PendingUpload.objects.filter(owner=request.user, kind=kind).delete()
    upload = PendingUpload.objects.create(
        key=secrets.token_urlsafe(32),
        owner=request.user,
        kind=kind,
        filename=filename[:255],
        data=data,
        size=len(data),
        options=options or {},
        expires_at=now + datetime.timedelta(seconds=settings.PENDING_UPLOAD_MAX_AGE),
    )
    request.session[SESSION_KEYS[kind]] = upload.key
    return upload


def pending_get(request, kind):
    """Return the user's pending upload of `kind` named by the session, or None if gone or expired.

    A confirmation form names the upload its page previewed (`upload`): when a later upload (another tab)
    has taken its place in the session, that page must not confirm the later one.
    """
    key = request.session.get(SESSION_KEYS[kind])
    if not isinstance(key, str):
        return None
    if request.method == "POST" and request.POST.get("upload", key) != key:
        return None
    return PendingUpload.objects.filter(key=key, owner=request.user, kind=kind, expires_at__gt=timezone.now()).first()


def pending_previewed(upload, fingerprint):
    """Record what the preview of `upload` showed."""
    upload.fingerprint = fingerprint
    PendingUpload.objects.filter(pk=upload.pk).update(fingerprint=fingerprint)


def pending_discard(request, kind):
    """Remove the user's pending upload of `kind` and its key in the session."""
    key = request.session.pop(SESSION_KEYS[kind], None)
    if isinstance(key, str):
        PendingUpload.objects.filter(key=key, owner=request.user).delete()

"""Where an uploaded roster waits between its preview and the clerk's confirmation."""

import secrets
import time
from pathlib import Path

from django.conf import settings

SESSION_KEY = "roster_import"
MAX_AGE_SECONDS = 24 * 60 * 60


def _folder():
    folder = Path(settings.ROSTER_IMPORT_DIR)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def upload_store(data):
    """Keep `data` and return its token; uploads older than a day are removed on the way."""
    folder = _folder()
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in folder.glob("*.upload"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = secrets.token_hex(16)
    (folder / f"{token}.upload").write_bytes(data)
    return token


def upload_load(token):
    """Return the bytes kept under `token`, or None if they are gone (or the token is not ours)."""
    if not isinstance(token, str) or len(token) != 32 or not all(c in "0123456789abcdef" for c in token):
        return None
    path = _folder() / f"{token}.upload"
    return path.read_bytes() if path.exists() else None


def upload_delete(token):
    if upload_load(token) is not None:
        (_folder() / f"{token}.upload").unlink(missing_ok=True)

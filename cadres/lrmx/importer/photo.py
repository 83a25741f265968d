"""The photo of a file (ZhaoPian): checked like an upload, and a diff line when it differs."""

from django.core.exceptions import ValidationError

from ...importing.outcome import Change
from ...photos import photo_bytes, photo_from_base64

PHOTO_LABEL = "照片"
PHOTO_KEPT = "已有照片"
PHOTO_NONE = "（空）"
PHOTO_UPDATE = "将更新"


def read_photo(parsed, cadre, created, error):
    """Return (Photo, Change) when the file's photo is new for `cadre`, else (None, None).

    An empty or absent ZhaoPian leaves the stored photo as it is; an invalid one is an error.
    """
    text = parsed.get("ZhaoPian")
    if not text:
        return None, None
    try:
        photo = photo_from_base64(text)
    except ValidationError as invalid:
        error("ZhaoPian", invalid.messages[0])
        return None, None
    stored = b"" if created else photo_bytes(cadre)
    if photo.jpeg == stored:
        return None, None
    return photo, Change(PHOTO_LABEL, PHOTO_KEPT if stored else PHOTO_NONE, PHOTO_UPDATE, "photo")

"""Cadre photos: check an uploaded or imported image and keep it as a small JPEG without metadata.

Photos come from phones and scanners as well as from the editor's files: the EXIF of a phone
photo may hold where it was taken (GPS), so nothing but the pixels is kept.
"""

import base64
import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import CadrePhoto

MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_HEIGHT = 600
# A small file can still decode to a huge bitmap: refuse before decoding (Pillow's own limit is far higher).
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = ("JPEG", "PNG")
JPEG_QUALITY = 85

PHOTO_TOO_LARGE = "照片文件超过{limit}MB，请压缩后再上传"
PHOTO_NOT_IMAGE = "照片不是有效的JPEG或PNG图片"
PHOTO_TOO_MANY_PIXELS = "照片像素过多（超过{limit}万像素），请缩小后再上传"
PHOTO_NOT_BASE64 = "照片不是有效的base64编码"

SOI, EOI = b"\xff\xd8", b"\xff\xd9"
START_OF_SCAN = 0xDA
COMMENT = 0xFE
# APP1–APP15 carry EXIF (with GPS), XMP, ICC profiles, Photoshop data; APP0 is the plain JFIF header.
METADATA_MARKERS = range(0xE1, 0xF0)


@dataclass(frozen=True)
class Photo:
    """A checked photo: JPEG bytes with no metadata, at most MAX_HEIGHT pixels high."""

    jpeg: bytes
    width: int
    height: int

    @property
    def sha256(self):
        return hashlib.sha256(self.jpeg).hexdigest()


def photo_from_bytes(data):
    """Return the Photo of an uploaded JPEG or PNG; ValidationError (Chinese) for anything else.

    A JPEG that is already small enough and carries no metadata is kept byte for byte, so a photo
    read back from an exported .lrmx is the same photo; any other image is re-encoded.
    """
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError(PHOTO_TOO_LARGE.format(limit=MAX_PHOTO_BYTES >> 20), code="too_large")
    too_many_pixels = ValidationError(PHOTO_TOO_MANY_PIXELS.format(limit=MAX_PIXELS // 10_000), code="too_many_pixels")
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its two limits; such an image is refused all the same.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as probe:
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise too_many_pixels
                probe.verify()
        # verify() leaves the image unusable: decode it again, in full, to catch truncated data.
        with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
            image.load()
            if image.format == "JPEG" and image.mode == "RGB" and height <= MAX_HEIGHT and is_plain_jpeg(data):
                return Photo(data, width, height)
            return normalized(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(PHOTO_NOT_IMAGE, code="not_image") from None


def photo_from_base64(text):
    """Return the Photo of a base64 text (line breaks allowed, as some writers wrap it)."""
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
    except ValueError:  # binascii.Error, or a character outside ASCII
        raise ValidationError(PHOTO_NOT_BASE64, code="not_base64") from None
    return photo_from_bytes(data)


def normalized(image):
    """Return `image` upright, on white where transparent, at most MAX_HEIGHT high, as a bare JPEG."""
    # The orientation lives in the EXIF that is dropped: turn the pixels first.
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    if image.height > MAX_HEIGHT:
        width = max(1, round(image.width * MAX_HEIGHT / image.height))
        image = image.resize((width, MAX_HEIGHT), Image.Resampling.LANCZOS)
    # A new image carries no info dict: no EXIF, XMP, ICC profile or comment can reach the file.
    bare = Image.new("RGB", image.size, "white")
    bare.paste(image, (0, 0), image if has_alpha else None)
    buffer = io.BytesIO()
    bare.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Photo(buffer.getvalue(), bare.width, bare.height)


def is_plain_jpeg(data):
    """Return whether the JPEG `data` has no metadata segment (APP1–15, comment) and nothing after its end."""
    if not data.startswith(SOI) or not data.endswith(EOI):
        return False
    position = len(SOI)
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker == 0xFF:  # a fill byte before the marker
            position += 1
            continue
        if marker == START_OF_SCAN:
            return True
        if marker in METADATA_MARKERS or marker == COMMENT:
            return False
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    return False


def photo_of(cadre):
    """Return the CadrePhoto of `cadre`, or None when it has none."""
    try:
        return cadre.photo
    except CadrePhoto.DoesNotExist:
        return None


def photo_bytes(cadre):
    """Return the JPEG of `cadre`'s photo, or b"" (PostgreSQL gives a memoryview: always bytes here)."""
    photo = photo_of(cadre)
    return bytes(photo.jpeg) if photo is not None else b""


def cadre_photo_save(*, cadre, photo):
    """Give `cadre` the checked `photo`, replacing any it had; return the CadrePhoto."""
    with transaction.atomic():
        stored = CadrePhoto.objects.filter(cadre=cadre).first() or CadrePhoto(cadre=cadre)
        stored.jpeg, stored.width, stored.height, stored.sha256 = photo.jpeg, photo.width, photo.height, photo.sha256
        stored.full_clean()
        stored.save()
    return stored

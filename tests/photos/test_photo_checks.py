"""Checking a photo (cadres/photos.py): JPEG or PNG only, at most 2 MB, kept as a bare JPEG ≤ 600 px high."""

import base64
import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from PIL import ExifTags, Image

from cadres.photos import (
    MAX_PHOTO_BYTES,
    MAX_PIXELS,
    PHOTO_NOT_BASE64,
    PHOTO_NOT_IMAGE,
    PHOTO_TOO_LARGE,
    PHOTO_TOO_MANY_PIXELS,
    photo_from_base64,
    photo_from_bytes,
)
from tests.factories import image_bytes


def opened(photo):
    return Image.open(io.BytesIO(photo.jpeg))


def refusal(data):
    with pytest.raises(ValidationError) as refused:
        photo_from_bytes(data)
    return refused.value.messages


def phone_exif(orientation=1):
    """Return the EXIF of a phone photo: maker, orientation and where it was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (30.0, 12.0, 5.0)
    return exif


def png_claiming(width, height):
    """Return a tiny PNG file whose header claims `width` × `height` pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_plain_jpeg_600_high_is_kept_byte_for_byte():
    data = image_bytes(size=(450, 600))
    photo = photo_from_bytes(data)
    assert (photo.jpeg, photo.width, photo.height) == (data, 450, 600)


def test_photo_601_high_is_scaled_to_600_keeping_its_shape():
    photo = photo_from_bytes(image_bytes(size=(1202, 1603)))
    assert (photo.width, photo.height) == (450, 600)
    assert opened(photo).size == (450, 600)


def test_png_is_kept_as_jpeg():
    photo = photo_from_bytes(image_bytes("PNG", size=(300, 400)))
    assert opened(photo).format == "JPEG"
    assert (photo.width, photo.height) == (300, 400)


def test_transparent_png_is_put_on_white():
    photo = photo_from_bytes(image_bytes("PNG", size=(30, 40), color=(0, 0, 0, 0), mode="RGBA"))
    red, green, blue = opened(photo).getpixel((15, 20))
    assert min(red, green, blue) > 245


def test_cmyk_jpeg_is_kept_as_rgb():
    photo = photo_from_bytes(image_bytes(size=(30, 40), color=(0, 0, 0, 0), mode="CMYK"))
    assert opened(photo).mode == "RGB"


def test_gps_and_camera_data_are_removed():
    photo = photo_from_bytes(image_bytes(size=(300, 400), exif=phone_exif()))
    assert dict(opened(photo).getexif()) == {}
    assert b"PhoneMaker" not in photo.jpeg
    assert b"Exif" not in photo.jpeg


def test_comment_is_removed():
    photo = photo_from_bytes(image_bytes(size=(300, 400), comment=b"secret note"))
    assert b"secret note" not in photo.jpeg


def test_orientation_is_applied_before_the_exif_is_removed():
    # Stored sideways with "turn 90°" in the EXIF, as phones do: kept upright, since the EXIF goes.
    photo = photo_from_bytes(image_bytes(size=(400, 300), exif=phone_exif(orientation=6)))
    assert (photo.width, photo.height) == (300, 400)


def test_gif_is_refused():
    assert refusal(image_bytes("GIF", size=(30, 40), mode="P", color=1)) == [PHOTO_NOT_IMAGE]


def test_text_is_refused():
    assert refusal("不是图片".encode()) == [PHOTO_NOT_IMAGE]


def test_truncated_jpeg_is_refused():
    data = image_bytes(size=(300, 400))
    assert refusal(data[: len(data) // 2]) == [PHOTO_NOT_IMAGE]


def test_file_over_2mb_is_refused_unread():
    assert refusal(b"\xff\xd8" + b"\0" * MAX_PHOTO_BYTES) == [PHOTO_TOO_LARGE.format(limit=2)]


def test_huge_image_in_a_small_file_is_refused_before_decoding():
    assert refusal(png_claiming(7000, 7000)) == [PHOTO_TOO_MANY_PIXELS.format(limit=MAX_PIXELS // 10_000)]


def test_image_past_pillows_own_warning_limit_is_refused_the_same_way():
    assert refusal(png_claiming(10000, 10000)) == [PHOTO_TOO_MANY_PIXELS.format(limit=MAX_PIXELS // 10_000)]


def test_base64_with_line_breaks_is_read():
    data = image_bytes(size=(300, 400))
    text = base64.encodebytes(data).decode("ascii")  # wrapped every 76 characters
    assert "\n" in text.strip()
    assert photo_from_base64(text).jpeg == data


def test_invalid_base64_is_refused():
    with pytest.raises(ValidationError) as refused:
        photo_from_base64("这不是base64!")
    assert refused.value.messages == [PHOTO_NOT_BASE64]


def test_base64_of_something_else_is_refused():
    with pytest.raises(ValidationError) as refused:
        photo_from_base64(base64.b64encode(b"<html></html>").decode("ascii"))
    assert refused.value.messages == [PHOTO_NOT_IMAGE]

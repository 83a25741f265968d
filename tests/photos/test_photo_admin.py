"""Adding, replacing and removing a photo in the cadre's admin form, checked, scoped and in the history."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from accounts.roles import UNIT_CLERK
from cadres.models import Cadre, CadrePhoto
from cadres.photos import MAX_PHOTO_BYTES, PHOTO_NOT_IMAGE, PHOTO_TOO_LARGE
from tests.access.helpers import admin_url, change_form_data
from tests.factories import image_bytes, make_cadre, make_photo, make_user

pytestmark = pytest.mark.django_db


def upload(data, name="照片.png"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def post_form(client, cadre, **changes):
    url = admin_url("change", cadre.pk)
    data = change_form_data(client.get(url), **changes)
    return client.post(url, data)


def stored(cadre):
    return CadrePhoto.objects.filter(cadre=cadre).first()


def test_upload_stores_the_photo_as_a_bare_jpeg(admin_client):
    cadre = make_cadre()
    response = post_form(admin_client, cadre, **{"photo-0-upload": upload(image_bytes("PNG", size=(900, 1200)))})
    assert response.status_code == 302
    photo = stored(cadre)
    assert (photo.width, photo.height) == (450, 600)
    assert Image.open(io.BytesIO(bytes(photo.jpeg))).format == "JPEG"


def test_upload_replaces_the_photo(admin_client):
    cadre = make_cadre()
    old = bytes(make_photo(cadre, color=(0, 0, 200)).jpeg)
    post_form(admin_client, cadre, **{"photo-0-upload": upload(image_bytes(color=(0, 200, 0)), "新.jpg")})
    assert CadrePhoto.objects.filter(cadre=cadre).count() == 1
    assert bytes(stored(cadre).jpeg) != old


def test_delete_removes_the_photo(admin_client):
    cadre = make_cadre()
    make_photo(cadre)
    assert post_form(admin_client, cadre, **{"photo-0-DELETE": "on"}).status_code == 302
    assert stored(cadre) is None


def test_saving_without_an_upload_keeps_the_photo(admin_client):
    cadre = make_cadre()
    photo = make_photo(cadre)
    post_form(admin_client, cadre, notes="备注")
    assert bytes(stored(cadre).jpeg) == bytes(photo.jpeg)


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_saved(admin_client):
    cadre = make_cadre(notes="")
    photo = make_photo(cadre)
    response = post_form(admin_client, cadre, notes="改了", **{"photo-0-upload": upload("简历".encode(), "a.jpg")})
    assert response.status_code == 200
    assert PHOTO_NOT_IMAGE in response.content.decode()
    assert bytes(stored(cadre).jpeg) == bytes(photo.jpeg)
    assert Cadre.objects.get(pk=cadre.pk).notes == ""


def test_a_file_over_2mb_is_refused(admin_client):
    cadre = make_cadre()
    response = post_form(admin_client, cadre, **{"photo-0-upload": upload(b"\xff\xd8" + b"\0" * MAX_PHOTO_BYTES)})
    assert PHOTO_TOO_LARGE.format(limit=2) in response.content.decode()
    assert stored(cadre) is None


def test_ticking_delete_on_the_empty_form_is_not_an_error(admin_client):
    cadre = make_cadre()
    assert post_form(admin_client, cadre, **{"photo-0-DELETE": "on"}).status_code == 302
    assert stored(cadre) is None


def test_change_form_shows_the_photo_through_the_scoped_url(admin_client):
    cadre = make_cadre()
    make_photo(cadre)
    page = admin_client.get(admin_url("change", cadre.pk)).content.decode()
    assert f'src="/cadres/{cadre.pk}/photo.jpg"' in page
    assert "/media/" not in page


def test_unit_clerk_may_upload_for_a_cadre_of_their_unit(client):
    cadre = make_cadre()
    client.force_login(make_user(UNIT_CLERK, [cadre.unit]))
    response = post_form(client, cadre, **{"photo-0-upload": upload(image_bytes(), "a.jpg")})
    assert response.status_code == 302
    assert stored(cadre) is not None


def test_photo_changes_are_in_the_history_without_the_image(admin_client, admin_user):
    cadre = make_cadre()
    post_form(admin_client, cadre, **{"photo-0-upload": upload(image_bytes(color=(1, 2, 3)), "a.jpg")})
    post_form(admin_client, cadre, **{"photo-0-upload": upload(image_bytes(color=(9, 9, 9)), "b.jpg")})
    post_form(admin_client, cadre, **{"photo-0-DELETE": "on"})
    history = list(CadrePhoto.history.filter(cadre=cadre).order_by("history_date", "history_id"))
    assert [(h.history_type, h.history_user) for h in history] == [
        ("+", admin_user),
        ("~", admin_user),
        ("-", admin_user),
    ]
    assert history[0].sha256 != history[1].sha256
    assert "jpeg" not in {f.name for f in CadrePhoto.history.model._meta.fields}

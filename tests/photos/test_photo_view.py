"""/cadres/<id>/photo.jpg: scoped like the profile, never cached; the profile shows it or a placeholder."""

import pytest

from accounts.roles import CADRE_SECTION, READ_ONLY, UNIT_CLERK
from tests.factories import make_cadre, make_photo, make_unit, make_user

pytestmark = pytest.mark.django_db


def photo_url(cadre):
    return f"/cadres/{cadre.pk}/photo.jpg"


@pytest.fixture
def cadre_with_photo():
    cadre = make_cadre(unit=make_unit("区委组织部"))
    make_photo(cadre)
    return cadre


def test_photo_is_served_as_jpeg_that_no_cache_keeps(client, cadre_with_photo):
    client.force_login(make_user(CADRE_SECTION))
    response = client.get(photo_url(cadre_with_photo))
    assert response.status_code == 200
    assert response.content == bytes(cadre_with_photo.photo.jpeg)
    assert response["Content-Type"] == "image/jpeg"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("role", [UNIT_CLERK, READ_ONLY])
def test_user_of_the_cadres_unit_gets_the_photo(client, cadre_with_photo, role):
    client.force_login(make_user(role, [cadre_with_photo.unit]))
    assert client.get(photo_url(cadre_with_photo)).status_code == 200


@pytest.mark.parametrize("role", [UNIT_CLERK, READ_ONLY])
def test_user_of_another_unit_gets_404(client, cadre_with_photo, role):
    client.force_login(make_user(role, [make_unit("另一单位")]))
    assert client.get(photo_url(cadre_with_photo)).status_code == 404


def test_user_without_a_role_is_refused(client, cadre_with_photo):
    client.force_login(make_user(None))
    assert client.get(photo_url(cadre_with_photo)).status_code == 403


def test_anonymous_user_is_sent_to_the_login_page(client, cadre_with_photo):
    response = client.get(photo_url(cadre_with_photo))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_cadre_without_a_photo_is_404(client):
    client.force_login(make_user(CADRE_SECTION))
    assert client.get(photo_url(make_cadre())).status_code == 404


def test_profile_shows_the_photo(client, cadre_with_photo):
    client.force_login(make_user(CADRE_SECTION))
    page = client.get(f"/cadres/{cadre_with_photo.pk}/").content.decode()
    assert f'<img src="{photo_url(cadre_with_photo)}"' in page
    assert "暂无照片" not in page


def test_profile_shows_a_placeholder_without_a_photo(client):
    client.force_login(make_user(CADRE_SECTION))
    cadre = make_cadre()
    page = client.get(f"/cadres/{cadre.pk}/").content.decode()
    assert "暂无照片" in page
    assert photo_url(cadre) not in page

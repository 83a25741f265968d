"""Optimistic locking: of two people editing one cadre, the first save wins and the second is
refused with STALE_EDIT, never silently overwriting (cadres/models/records.py Cadre.save,
cadres/admin.py CadreForm; TRAPS.md: no select_for_update on SQLite)."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from accounts.roles import CADRE_SECTION, UNIT_CLERK
from cadres.admin import CadreForm
from cadres.models import Cadre, StaleEditError
from cadres.models.records import STALE_EDIT
from tests.factories import make_cadre, make_unit, make_user

from .helpers import admin_url, change_form_data

pytestmark = pytest.mark.django_db


def test_stale_edit_message_is_chinese():
    assert STALE_EDIT.startswith("该干部信息已被他人修改")
    assert str(StaleEditError()) == STALE_EDIT


def test_first_save_wins_and_second_copy_is_refused():
    cadre = make_cadre(post="科员")
    first, second = Cadre.objects.get(pk=cadre.pk), Cadre.objects.get(pk=cadre.pk)
    first.post = "副主任"
    first.save()
    second.post = "主任"
    with pytest.raises(StaleEditError):
        second.save()
    cadre.refresh_from_db()
    assert cadre.post == "副主任"


def test_refused_save_leaves_no_history_record():
    cadre = make_cadre(post="科员")
    first, second = Cadre.objects.get(pk=cadre.pk), Cadre.objects.get(pk=cadre.pk)
    first.post = "副主任"
    first.save()
    second.post = "主任"
    with pytest.raises(StaleEditError):
        second.save()
    assert [record.post for record in cadre.history.order_by("history_id")] == ["科员", "副主任"]


def test_each_save_moves_the_version_on():
    cadre = make_cadre()
    start = cadre.version
    cadre.save()
    cadre.save()
    assert cadre.version == start + 2
    assert Cadre.objects.get(pk=cadre.pk).version == start + 2


def test_copy_reloaded_after_the_first_save_may_save():
    cadre = make_cadre(post="科员")
    first = Cadre.objects.get(pk=cadre.pk)
    first.post = "副主任"
    first.save()
    second = Cadre.objects.get(pk=cadre.pk)
    second.post = "主任"
    second.save()
    assert Cadre.objects.get(pk=cadre.pk).post == "主任"


def change_data_of(cadre):
    """Return the data of the cadre form as opened on `cadre`."""
    form = CadreForm(instance=cadre)
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def test_form_opened_before_a_save_is_invalid():
    cadre = make_cadre(post="科员")
    form_data = change_data_of(cadre)
    Cadre.objects.get(pk=cadre.pk).save()
    form = CadreForm(data={**form_data, "post": "主任"}, instance=Cadre.objects.get(pk=cadre.pk))
    assert not form.is_valid()
    assert form.non_field_errors() == [STALE_EDIT]


@pytest.mark.parametrize("two_people", [True, False], ids=["two-people", "one-person-two-tabs"])
def test_admin_second_form_posted_with_the_old_version_is_refused(two_people):
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    first_user = make_user(CADRE_SECTION)
    second_user = make_user(UNIT_CLERK, units=[unit]) if two_people else first_user
    first, second = Client(), Client()
    first.force_login(first_user)
    second.force_login(second_user)
    url = admin_url("change", cadre.pk)
    first_form, second_form = first.get(url), second.get(url)

    response = first.post(url, change_form_data(first_form, post="副主任"))
    assert response.status_code == 302

    response = second.post(url, change_form_data(second_form, post="主任"))
    assert response.status_code == 200
    assert STALE_EDIT in response.content.decode()
    cadre.refresh_from_db()
    assert cadre.post == "副主任"


def test_admin_save_raced_between_check_and_write_is_rolled_back_with_the_message(client, monkeypatch):
    # Someone saves after this form's version check and before its UPDATE: Cadre.save refuses.
    unit = make_unit()
    cadre = make_cadre(unit=unit, post="科员")
    client.force_login(make_user(CADRE_SECTION))
    url = admin_url("change", cadre.pk)
    opened = client.get(url)
    checked = CadreForm.clean

    def clean_then_someone_saves(form):
        cleaned = checked(form)
        other = Cadre.objects.get(pk=cadre.pk)
        other.notes = "他人的修改"
        other.save()
        return cleaned

    monkeypatch.setattr(CadreForm, "clean", clean_then_someone_saves)
    # The whole change view is one transaction, so the simulated other save is rolled back too.
    response = client.post(url, change_form_data(opened, post="主任"))
    assert response.status_code == 302
    assert response["Location"] == url
    assert [str(message) for message in get_messages(response.wsgi_request)] == [STALE_EDIT]
    cadre.refresh_from_db()
    assert cadre.post == "科员"

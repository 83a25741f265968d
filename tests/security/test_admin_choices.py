"""Every unit or cadre a scoped user sets in the admin, inlines included, is checked on the server against
`visible_to` (cadres/admin.py, scoped_choices_form): an id posted by hand outside the clerk's units is refused,
although the autocomplete never offered it; a value a record already held stays when left unchanged."""

import datetime

import pytest

from accounts.roles import UNIT_CLERK
from cadres.admin import CHOICE_NOT_VISIBLE
from cadres.models import Secondment, Unit, WorkRecord
from staffing.models import Section
from tests.access.helpers import admin_url, change_form_data
from tests.factories import make_cadre, make_unit, make_user, make_work_record

pytestmark = pytest.mark.django_db

UNIT_REFUSED = CHOICE_NOT_VISIBLE.format(name=Unit._meta.verbose_name)


@pytest.fixture
def clerk(client):
    """A clerk of unit 甲 with one cadre; returns (client, own unit, cadre, another unit)."""
    own, other = make_unit("甲单位"), make_unit("乙单位")
    cadre = make_cadre(unit=own)
    client.force_login(make_user(UNIT_CLERK, units=[own]))
    return client, own, cadre, other


def post_change(client, cadre, **changes):
    opened = client.get(admin_url("change", cadre.pk))
    return client.post(admin_url("change", cadre.pk), change_form_data(opened, **changes))


def work_row(unit, index=0):
    prefix = f"work_records-{index}"
    return {
        "work_records-TOTAL_FORMS": str(index + 1),
        f"{prefix}-start_date": "2019-01-01",
        f"{prefix}-end_date": "2020-01-01",
        f"{prefix}-unit": str(unit.pk),
        f"{prefix}-post": "科员",
    }


def errors_of(response):
    return [error for formset in response.context["inline_admin_formsets"] for error in formset.formset.errors]


def test_a_work_record_in_another_unit_posted_by_hand_is_refused(clerk):
    client, _, cadre, other = clerk
    response = post_change(client, cadre, **work_row(other))
    assert response.status_code == 200
    assert {"unit": [UNIT_REFUSED]} in errors_of(response)
    assert not WorkRecord.objects.exists()


def test_a_work_record_in_own_unit_is_accepted(clerk):
    client, own, cadre, _ = clerk
    response = post_change(client, cadre, **work_row(own))
    assert response.status_code == 302
    assert WorkRecord.objects.get().unit == own


def test_a_secondment_to_another_unit_posted_by_hand_is_refused(clerk):
    client, _, cadre, other = clerk
    row = {
        "secondments-TOTAL_FORMS": "1",
        "secondments-0-kind": Secondment._meta.get_field("kind").choices[0][0],
        "secondments-0-start_date": "2020-01-01",
        "secondments-0-to_unit": str(other.pk),
        "secondments-0-post": "挂职",
    }
    response = post_change(client, cadre, **row)
    assert response.status_code == 200
    assert any("to_unit" in errors and errors["to_unit"] == [UNIT_REFUSED] for errors in errors_of(response))
    assert not Secondment.objects.exists()


def test_a_past_work_record_in_another_unit_stays_when_the_cadre_is_saved(clerk):
    client, _, cadre, other = clerk
    make_work_record(cadre, datetime.date(2012, 1, 1), datetime.date(2014, 1, 1), unit=other)
    response = post_change(client, cadre, post="副科长")
    assert response.status_code == 302
    assert WorkRecord.objects.get().unit == other


def test_a_section_in_another_unit_posted_by_hand_is_refused(clerk):
    client, _, _, other = clerk
    data = {"unit": str(other.pk), "name": "外单位科室", "sort_order": "0"}
    for prefix in ("offices", "members"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post("/admin/staffing/section/add/", data)
    assert response.status_code == 200
    assert "unit" in response.context["adminform"].form.errors
    assert not Section.objects.exists()

"""The staffing records in Django admin, scoped like the rest: a 单位信息员 sees and chooses only their units'
sections and what hangs from them, history included; an approved leave's dates stay as approved."""

import datetime

import pytest
from django.urls import reverse

from accounts.roles import READ_ONLY, UNIT_CLERK
from staffing.models import Leave
from tests.factories import inline_data, make_leave, make_unit, make_user, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date
MODELS = ["section", "pairing", "sectionmember", "pairingreview", "leave", "secondmentplacement"]


@pytest.fixture
def sections():
    """The department's 人才科 and another unit's 办公室."""
    department, other = make_unit("中共下陆区委组织部"), make_unit("下陆区财政局")
    return staffed_section("人才科", staff=1, unit=department)[0], staffed_section("办公室", unit=other)[0]


def url(model, view, *args):
    return reverse(f"admin:staffing_{model}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS)
def test_a_superuser_opens_every_list(admin_client, sections, model):
    assert admin_client.get(url(model, "changelist")).status_code == 200


def test_a_clerk_lists_only_their_units_sections(client, sections):
    own, _ = sections
    client.force_login(make_user(UNIT_CLERK, [own.unit]))
    listed = client.get(url("section", "changelist"))
    assert list(listed.context["cl"].result_list) == [own]


def test_another_units_section_and_its_history_are_not_found_by_a_clerk(client, sections):
    own, other = sections
    client.force_login(make_user(UNIT_CLERK, [own.unit]))
    assert client.get(url("section", "change", other.pk)).status_code == 404
    assert client.get(url("section", "history", other.pk)).status_code == 404
    assert client.get(url("pairing", "change", other.pairings.get().pk)).status_code == 404
    assert client.get(url("section", "change", own.pk)).status_code == 200


def test_a_clerk_is_offered_only_their_units_people_and_sections(client, sections):
    own, _other = sections
    client.force_login(make_user(UNIT_CLERK, [own.unit]))
    form = client.get(url("pairing", "add")).context["adminform"].form
    assert list(form.fields["section"].queryset) == [own]
    assert set(form.fields["a"].queryset) == {own.members.get().cadre}


def test_a_read_only_user_cannot_add(client, sections):
    own, _ = sections
    client.force_login(make_user(READ_ONLY, [own.unit]))
    assert client.get(url("section", "changelist")).status_code == 200
    assert client.get(url("section", "add")).status_code == 403


def test_an_approved_leaves_dates_cannot_be_changed_in_admin(admin_client, sections):
    own, _ = sections
    leave = make_leave(own.members.get().cadre, D(2025, 7, 1), D(2025, 7, 3))
    opened = admin_client.get(url("leave", "change", leave.pk))
    data = {
        **inline_data(opened),
        "cadre": leave.cadre_id,
        "kind": "休假",
        "start_date": "2025-06-01",
        "end_date": "2025-09-30",
        "reason": "改过",
        "handover": "",
        "handover_on": "",
        "returned_on": "",
        "handback": "",
    }
    assert admin_client.post(url("leave", "change", leave.pk), data).status_code == 302
    leave = Leave.objects.get()
    assert (leave.start_date, leave.end_date, leave.reason) == (D(2025, 7, 1), D(2025, 7, 3), "改过")

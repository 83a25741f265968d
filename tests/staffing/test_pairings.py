"""A change of pairing is approved and recorded (staffing/services/pairings.py): the old one ends the day
before, B from another section needs its approval written, and the arrangement of any past day stays."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import CADRE_SECTION
from audit.models import AuditEvent
from staffing.audit_actions import StaffingAction
from staffing.models import Pairing
from staffing.services.pairings import pairing_change
from tests.factories import add_member, make_section, make_user, second_into, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date
CHANGE_DAY = D(2025, 6, 16)


@pytest.fixture
def user():
    return make_user(CADRE_SECTION)


def change(section, a, b, user, start=CHANGE_DAY, cross=""):
    return pairing_change(
        section=section,
        a=a,
        b=b,
        start_date=start,
        approved_by="部务会",
        approved_on=D(2025, 6, 13),
        reason="调整B角",
        cross_section_approval=cross,
        user=user,
    )


def test_a_change_ends_the_pairing_in_force_the_day_before(user):
    section, a, b = staffed_section("干部科")
    new_b = add_member(section)
    pairing = change(section, a, new_b, user)
    assert list(Pairing.objects.order_by("start_date").values_list("b", "start_date", "end_date")) == [
        (b.pk, D(2025, 1, 1), D(2025, 6, 15)),
        (new_b.pk, CHANGE_DAY, None),
    ]
    assert (pairing.recorded_by, pairing.approved_by) == (user, "部务会")
    assert Pairing.objects.on(D(2025, 6, 15)).get().b == b
    assert Pairing.objects.on(CHANGE_DAY).get().b == new_b


def test_a_change_is_audited_in_words(user):
    section, a, _ = staffed_section("干部科")
    new_b = add_member(section)
    change(section, a, new_b, user)
    event = AuditEvent.objects.get(action=StaffingAction.PAIRING_CHANGED)
    assert event.summary == f"“干部科”A、B角：A角{a.name}，B角{new_b.name}（2025-06-16起，部务会批准）"


def test_a_change_dated_on_or_before_the_pairing_in_force_began_is_refused(user):
    section, a, b = staffed_section("干部科", start=CHANGE_DAY)
    with pytest.raises(ValidationError) as refused:
        change(section, b, a, user)
    assert refused.value.messages == ["“干部科”2025-06-16起已有A、B角配备，新的配备须晚于它开始"]
    assert Pairing.objects.get().end_date is None


def test_a_b_from_another_section_needs_the_approval_written(user):
    section, a, _ = staffed_section("干部监督科", staff=1)
    other = add_member(make_section("公务员管理科", unit=section.unit))
    with pytest.raises(ValidationError) as refused:
        change(section, a, other, user)
    assert refused.value.message_dict == {
        "cross_section_approval": [f"{other.name}不是“干部监督科”的人员：由其他科室人员担任B角须经批准，请填写批准情况"]
    }
    assert Pairing.objects.count() == 1
    pairing = change(section, a, other, user, cross="部务会研究同意")
    assert pairing.cross_section_approval == "部务会研究同意"


def test_a_young_cadre_seconded_into_the_section_is_of_the_section(user):
    section, a, _ = staffed_section("人才科", staff=1)
    secondee = add_member(make_section("组织科"))
    second_into(section, secondee, D(2025, 6, 1), D(2025, 8, 31))
    assert change(section, a, secondee, user).b == secondee


def test_a_cannot_be_b(user):
    section, a, _ = staffed_section("干部科")
    with pytest.raises(ValidationError) as refused:
        change(section, a, a, user)
    assert refused.value.messages == ["A角和B角不能是同一人"]
    assert Pairing.objects.get().end_date is None

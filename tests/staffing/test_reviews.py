"""The six-monthly review of the pairings: the board's reminder at its edges (staffing/board.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import CADRE_SECTION
from staffing.board import ReviewState, review_reminders
from staffing.models import PairingReview
from staffing.periods import add_months
from staffing.services.pairings import pairing_review_publish
from tests.factories import make_unit, make_user

pytestmark = pytest.mark.django_db
D = datetime.date
PUBLISHED = D(2025, 1, 6)


@pytest.fixture
def unit():
    return make_unit("中共下陆区委组织部")


def publish(unit, day=PUBLISHED):
    return pairing_review_publish(unit=unit, published_on=day, approved_by="部务会", user=make_user(CADRE_SECTION))


def reminder_on(unit, day):
    (reminder,) = review_reminders([unit], day)
    return reminder.state, reminder.text


def test_a_unit_never_reviewed_is_reminded(unit):
    assert reminder_on(unit, D(2025, 7, 1)) == (
        ReviewState.NEVER,
        "中共下陆区委组织部尚未复核发布A、B角配备（应每6个月复核发布一次）",
    )


def test_31_days_before_the_review_is_due_no_reminder(unit):
    publish(unit)
    assert reminder_on(unit, D(2025, 6, 5))[0] == ReviewState.OK


def test_30_days_before_the_review_is_due_it_is_due_soon(unit):
    publish(unit)
    assert reminder_on(unit, D(2025, 6, 6)) == (
        ReviewState.DUE_SOON,
        "中共下陆区委组织部的A、B角配备应于2025-07-06前复核发布（上次：2025-01-06）",
    )


def test_on_the_day_the_review_is_due_it_is_not_yet_overdue(unit):
    publish(unit)
    assert reminder_on(unit, D(2025, 7, 6))[0] == ReviewState.DUE_SOON


def test_the_day_after_the_review_was_due_it_is_overdue(unit):
    publish(unit)
    assert reminder_on(unit, D(2025, 7, 7)) == (
        ReviewState.OVERDUE,
        "中共下陆区委组织部的A、B角配备上次于2025-01-06复核发布，应于2025-07-06前再次复核发布，已逾期",
    )


def test_the_latest_review_published_by_the_day_counts(unit):
    publish(unit)
    publish(unit, D(2025, 7, 1))
    assert reminder_on(unit, D(2025, 6, 30))[0] == ReviewState.DUE_SOON
    assert reminder_on(unit, D(2025, 7, 2))[0] == ReviewState.OK


def test_the_review_period_is_a_setting(unit, settings):
    settings.STAFFING_REVIEW_MONTHS = 3
    publish(unit)
    assert reminder_on(unit, D(2025, 4, 7))[0] == ReviewState.OVERDUE


def test_six_months_after_the_31st_of_august_is_the_last_day_of_february():
    assert add_months(D(2025, 8, 31), 6) == D(2026, 2, 28)


def test_a_review_cannot_be_published_in_the_future(unit):
    with pytest.raises(ValidationError) as refused:
        publish(unit, D(2999, 1, 1))
    assert refused.value.message_dict == {"published_on": [f"日期不能晚于今天（{timezone.localdate().isoformat()}）"]}
    assert not PairingReview.objects.exists()

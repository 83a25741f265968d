"""The demo's own department (fixtures/demo_staffing.py) shows something true on the board, the calendar and
the planner: the risks it was built with, the leave across the June/July 2025 month end, young cadres to
rotate in."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command

from cadres.models import Cadre
from staffing.board import ReviewState, RiskKind, staffing_board
from staffing.cover import cover_calendar
from staffing.models import Section
from staffing.rotation import rotation_plan

pytestmark = pytest.mark.django_db
D = datetime.date
DEMO_FIXTURE = settings.BASE_DIR / "fixtures" / "demo.json"


@pytest.fixture
def demo(db):
    call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)


def test_the_demo_board_shows_each_kind_of_risk_but_no_pairing(demo):
    board = staffing_board(Section.objects.all(), D(2025, 7, 2))
    risks = {row.section.name: [risk.kind for risk in row.risks] for row in board.rows if row.risks}
    assert risks == {
        "干部科": [RiskKind.A_AND_B_AWAY],
        "干部监督科": [RiskKind.B_OVERLOADED],
        "人才科": [RiskKind.ALONE_WITHOUT_B],
    }
    assert [reminder.state for reminder in board.reminders] == [ReviewState.DUE_SOON]


def test_the_demo_calendar_leaves_one_section_uncovered_up_to_the_month_end(demo):
    calendar = cover_calendar(Section.objects.all(), D(2025, 6, 20), D(2025, 7, 20))
    assert [(item.section.name, item.days_text) for item in calendar.uncovered_sections()] == [
        ("人才科", "2025-06-27至2025-06-30")
    ]


def test_the_demo_planner_has_young_cadres_to_rotate_in(demo):
    plan = rotation_plan(Cadre.objects.all(), Section.objects.all(), start=D(2025, 9, 1), end=D(2026, 2, 28), places=2)
    assert len(plan.candidates) > 20
    assert {item.section.name for item in plan.at_risk} == {"干部监督科", "人才科"}

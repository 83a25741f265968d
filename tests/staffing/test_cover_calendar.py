"""The cover calendar (staffing/cover.py): who takes over a section whose A is away, day by day, across month
ends; and the sections left with nobody."""

import datetime

import pytest

from staffing.choices import CoverKind
from staffing.cover import cover_calendar
from staffing.models import Section
from tests.factories import add_member, make_leave, make_pairing, make_section, second_into, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date


def cover(start, end):
    """Return {day: [(section, how, who) or (section, None, None) if uncovered]} of every section."""
    calendar = cover_calendar(Section.objects.all(), start, end)
    return {
        day.day: [(e.section.name, e.how, e.by.name if e.by else None) for e in day.entries] for day in calendar.days
    }


def test_an_a_away_across_the_month_end_is_covered_by_the_b_on_each_day():
    _section, a, b = staffed_section("干部科")
    make_leave(a, D(2025, 6, 29), D(2025, 7, 2))
    days = cover(D(2025, 6, 28), D(2025, 7, 3))
    assert days == {
        D(2025, 6, 28): [],
        D(2025, 6, 29): [("干部科", CoverKind.B, b.name)],
        D(2025, 6, 30): [("干部科", CoverKind.B, b.name)],
        D(2025, 7, 1): [("干部科", CoverKind.B, b.name)],
        D(2025, 7, 2): [("干部科", CoverKind.B, b.name)],
        D(2025, 7, 3): [],
    }


def test_a_section_without_a_b_is_uncovered_on_each_day_its_a_is_away_across_the_month_end():
    section, a, _ = staffed_section("人才科", staff=1)
    make_leave(a, D(2025, 6, 27), D(2025, 7, 4))
    calendar = cover_calendar(Section.objects.all(), D(2025, 6, 20), D(2025, 7, 10))
    (uncovered,) = calendar.uncovered_sections()
    assert (uncovered.section, uncovered.days_text) == (section, "2025-06-27至2025-07-04")
    assert [(month, len(days)) for month, days in calendar.months()] == [(D(2025, 6, 1), 11), (D(2025, 7, 1), 10)]


def test_the_head_covers_when_recorded_on_the_leave_that_took_away_a_and_b():
    section, a, b = staffed_section("干部科")
    section.head = add_member(make_section("办公室", unit=section.unit))
    section.save()
    make_leave(a, D(2025, 6, 30), D(2025, 7, 2))
    make_leave(b, D(2025, 7, 1), D(2025, 7, 1), head_cover_sections=[section])
    assert cover(D(2025, 6, 30), D(2025, 7, 2)) == {
        D(2025, 6, 30): [("干部科", CoverKind.B, b.name)],
        D(2025, 7, 1): [("干部科", CoverKind.HEAD, section.head.name)],
        D(2025, 7, 2): [("干部科", CoverKind.B, b.name)],
    }


def test_a_secondee_covers_only_while_the_secondment_runs_to_its_planned_end():
    section, a, _ = staffed_section("人才科", staff=1)
    secondee = add_member(make_section("组织科"))
    second_into(section, secondee, D(2025, 7, 1), D(2025, 7, 31))
    make_leave(a, D(2025, 6, 30), D(2025, 8, 1))
    days = cover(D(2025, 6, 30), D(2025, 8, 1))
    assert days[D(2025, 6, 30)] == [("人才科", None, None)]
    assert days[D(2025, 7, 1)] == days[D(2025, 7, 31)] == [("人才科", CoverKind.SECONDEE, secondee.name)]
    assert days[D(2025, 8, 1)] == [("人才科", None, None)]


def test_a_secondment_back_early_stops_covering_at_its_actual_end():
    section, a, _ = staffed_section("人才科", staff=1)
    secondee = add_member(make_section("组织科"))
    second_into(section, secondee, D(2025, 7, 1), D(2025, 9, 30), end=D(2025, 7, 15))
    make_leave(a, D(2025, 7, 15), D(2025, 7, 16))
    days = cover(D(2025, 7, 15), D(2025, 7, 16))
    assert days == {
        D(2025, 7, 15): [("人才科", CoverKind.SECONDEE, secondee.name)],
        D(2025, 7, 16): [("人才科", None, None)],
    }


def test_the_cover_follows_a_pairing_changed_during_the_range():
    section, a, b = staffed_section("干部科")
    new_b = add_member(section)
    pairing = section.pairings.get()
    pairing.end_date = D(2025, 7, 15)
    pairing.save()
    make_pairing(section, a, new_b, start=D(2025, 7, 16))
    make_leave(a, D(2025, 7, 15), D(2025, 7, 16))
    assert cover(D(2025, 7, 15), D(2025, 7, 16)) == {
        D(2025, 7, 15): [("干部科", CoverKind.B, b.name)],
        D(2025, 7, 16): [("干部科", CoverKind.B, new_b.name)],
    }


def test_a_pending_leave_counts_only_when_previewed_as_approved():
    section, a, _ = staffed_section("人才科", staff=1)
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 1), approve=False)
    assert cover(D(2025, 7, 1), D(2025, 7, 1)) == {D(2025, 7, 1): []}
    previewed = cover_calendar(Section.objects.all(), D(2025, 7, 1), D(2025, 7, 1), assume_approved=leave)
    assert [e.section for e in previewed.days[0].uncovered] == [section]


def test_the_calendar_reads_the_same_queries_for_a_week_and_for_three_months(django_assert_num_queries):
    for name in ("干部科", "人才科"):
        _section, a, _b = staffed_section(name)
        make_leave(a, D(2025, 6, 20), D(2025, 7, 10))
    with django_assert_num_queries(5):
        cover_calendar(Section.objects.all(), D(2025, 7, 1), D(2025, 7, 7))
    with django_assert_num_queries(5):
        cover_calendar(Section.objects.all(), D(2025, 6, 1), D(2025, 8, 31))

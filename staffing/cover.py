"""Cover on a date or over a range (代岗日历): for each day, the sections whose A is away, who takes over, and
the sections left with nobody — what a department head looks at before approving a leave.

Who takes over a section whose A is away is looked for in this order:
1. its B, when not away that day;
2. the head recorded as cover on the A's or the B's leave (HeadCover), when not away;
3. a young cadre seconded into the section (SecondmentPlacement), in progress that day and not away;
otherwise nobody: the section is uncovered that day.
"""

from dataclasses import dataclass, field

from .absences import Absences
from .choices import CoverKind
from .models import HeadCover, Leave
from .periods import days_between, days_text, holds_on


@dataclass
class CoverEntry:
    section: object
    a: object  # Cadre
    leave: object  # the A's Leave
    b: object = None  # the B that day, if any
    by: object = None  # Cadre covering, None: nobody
    how: CoverKind = None

    @property
    def covered(self):
        return self.by is not None


@dataclass
class CoverDay:
    day: object
    entries: list = field(default_factory=list)

    @property
    def covered(self):
        return [entry for entry in self.entries if entry.covered]

    @property
    def uncovered(self):
        return [entry for entry in self.entries if not entry.covered]


@dataclass
class UncoveredSection:
    section: object
    days: list
    first: CoverEntry  # the entry of its first uncovered day

    @property
    def days_text(self):
        return days_text(self.days)


@dataclass
class CoverCalendar:
    start: object
    end: object
    days: list

    def months(self):
        """Return [(first day of the month, [CoverDay, …]), …]: the calendar cut at each month's end."""
        found = []
        for cover_day in self.days:
            month = cover_day.day.replace(day=1)
            if not found or found[-1][0] != month:
                found.append((month, []))
            found[-1][1].append(cover_day)
        return found

    def uncovered_sections(self):
        """Return each section left with nobody on some day, with those days, in the sections' order."""
        found = {}
        for cover_day in self.days:
            for entry in cover_day.uncovered:
                item = found.setdefault(entry.section.pk, UncoveredSection(entry.section, [], entry))
                item.days.append(cover_day.day)
        return list(found.values())


def cover_calendar(sections, start, end, *, assume_approved=None):
    """Return the cover of `sections` (a Section queryset, already scoped) on each day from `start` to `end`.

    `assume_approved`: a leave waiting for approval, counted as approved (the preview before approving it).
    A fixed number of queries, whatever the length of the range.
    """
    sections = list(sections.with_arrangement_between(start, end))
    leaves = list(Leave.objects.away_between(start, end).select_related("cadre"))
    if assume_approved is not None and all(leave.pk != assume_approved.pk for leave in leaves):
        leaves.append(assume_approved)
    head_covers = HeadCover.objects.filter(leave__in=[leave.pk for leave in leaves], section__in=sections)
    absences = Absences(leaves, head_covers.select_related("head"))
    days = []
    for day in days_between(start, end):
        entries = [cover_of(section, day, absences) for section in sections]
        days.append(CoverDay(day, [entry for entry in entries if entry is not None]))
    return CoverCalendar(start, end, days)


def cover_of(section, day, absences):
    """Return who covers `section` on `day` (a CoverEntry), or None when its A is not away (or it has no A)."""
    pairing = next((pairing for pairing in section.pairings_between if holds_on(pairing, day)), None)
    a_leave = absences.leave_of(pairing.a, day) if pairing else None
    if a_leave is None:
        return None
    entry = CoverEntry(section, pairing.a, a_leave, pairing.b)
    b_leave = absences.leave_of(pairing.b, day) if pairing.b else None
    if pairing.b is not None and b_leave is None:
        entry.by, entry.how = pairing.b, CoverKind.B
        return entry
    head = absences.head_cover(section, a_leave, b_leave)
    if head is not None and not absences.away(head, day):
        entry.by, entry.how = head, CoverKind.HEAD
        return entry
    for placement in section.placements_between:
        secondee = placement.secondment.cadre
        if placement_runs_on(placement, day) and not absences.away(secondee, day):
            entry.by, entry.how = secondee, CoverKind.SECONDEE
            return entry
    return entry


def placement_runs_on(placement, day):
    """Return whether a placement's secondment (annotated with its `last_day`) is in progress on `day`."""
    return placement.secondment.start_date <= day and (placement.last_day is None or placement.last_day >= day)

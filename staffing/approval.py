"""What approving a leave would do, worked out before it is approved (the page's preview) and when it is.

- Conflicts: sections where the person on leave is the A or the B and the other is away on some of the
  same days. The rules say A and B may not be away together: approval is refused unless the section's head
  is recorded as cover (on this leave, or already on the other's).
- Uncovered: sections whose A would be away with nobody to take over (cover.py): approval goes ahead, with a
  warning naming them.
"""

from dataclasses import dataclass

from .absences import Absences
from .cover import cover_calendar
from .models import HeadCover, Leave, Pairing, Section
from .periods import days_between, days_text, holds_on

UNCOVERED = "注意：批准后“{section}”{days}无人接手（A角{a}不在岗，{b}）"
B_AWAY = "B角{b}也不在岗"
NO_B = "未设B角"


@dataclass
class Conflict:
    section: object
    partner: object  # the other of the A and B
    days: list

    @property
    def days_text(self):
        return days_text(self.days)


@dataclass
class ApprovalCheck:
    leave: object
    conflicts: list  # Conflict
    uncovered: list  # cover.UncoveredSection

    @property
    def warnings(self):
        return uncovered_warnings(self.uncovered)


def held_pairings(leave):
    """Return the pairings in which the person on `leave` is the A or the B on some day of it."""
    return list(
        Pairing.objects.held_by(leave.cadre_id)
        .overlapping(leave.start_date, leave.end_date)
        .select_related("section__head", "a", "b")
    )


def approval_conflicts(leave):
    """Return the sections where approving `leave` would take away their A and B on the same days.

    A day already covered by the head on the other's leave is no conflict.
    """
    pairings = held_pairings(leave)
    partners = {pairing.a_id if pairing.b_id == leave.cadre_id else pairing.b_id for pairing in pairings}
    others = list(
        Leave.objects.away_between(leave.start_date, leave.end_date).exclude(pk=leave.pk).filter(cadre__in=partners)
    )
    absences = Absences(others, HeadCover.objects.filter(leave__in=others).select_related("head"))
    found = {}
    for day in days_between(leave.start_date, leave.end_date):
        for pairing in pairings:
            if not holds_on(pairing, day):
                continue
            partner = pairing.b if pairing.a_id == leave.cadre_id else pairing.a
            partner_leave = absences.leave_of(partner, day) if partner else None
            if partner_leave and absences.head_cover(pairing.section, partner_leave) is None:
                found.setdefault(pairing.section_id, Conflict(pairing.section, partner, [])).days.append(day)
    return list(found.values())


def approval_uncovered(leave):
    """Return the sections the person on `leave` holds a post in that would be left with nobody (as approved)."""
    sections = Section.objects.filter(pk__in={pairing.section_id for pairing in held_pairings(leave)})
    return cover_calendar(sections, leave.start_date, leave.end_date, assume_approved=leave).uncovered_sections()


def approval_check(leave):
    """Return the conflicts and the uncovered sections of approving `leave` (the preview)."""
    return ApprovalCheck(leave, approval_conflicts(leave), approval_uncovered(leave))


def uncovered_warnings(uncovered):
    """Return the warning naming each uncovered section, its days and why nobody takes over."""
    return [
        UNCOVERED.format(
            section=item.section,
            days=item.days_text,
            a=item.first.a,
            b=B_AWAY.format(b=item.first.b) if item.first.b else NO_B,
        )
        for item in uncovered
    ]

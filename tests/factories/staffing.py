"""Builders of the department's staffing: sections and their people and pairings, leave (recorded and
approved through the services, so the A/B rule holds), and young cadres seconded into a section."""

import datetime

from accounts.roles import CADRE_SECTION
from cadres.models import Secondment
from staffing.models import Pairing, SecondmentPlacement, Section, SectionMember, UpperOffice
from staffing.services.leaves import leave_approve, leave_request_create

from .records import make_cadre, make_unit, make_user

D = datetime.date
ARRANGED = D(2025, 1, 1)


def make_section(name="干部科", *, unit=None, head=None, offices=(), fit_keywords="", **fields):
    """Create a section of `unit` (a new 党政机关 unit if None) answering to `offices` (names, 市级)."""
    section = Section(unit=unit or make_unit(), name=name, head=head, fit_keywords=fit_keywords, **fields)
    section.full_clean()
    section.save()
    for order, office in enumerate(offices, start=1):
        UpperOffice.objects.create(section=section, name=office, level="市级", sort_order=order)
    return section


def add_member(section, cadre=None, *, start=ARRANGED, end=None, post="科员", **cadre_fields):
    """Put `cadre` (a new cadre of the section's unit if None) in `section` from `start`; return the cadre."""
    cadre = cadre or make_cadre(unit=section.unit, **cadre_fields)
    member = SectionMember(section=section, cadre=cadre, post=post, start_date=start, end_date=end)
    member.full_clean()
    member.save()
    return cadre


def make_pairing(section, a, b=None, *, start=ARRANGED, end=None, cross_section_approval=""):
    """Record `a` as the A and `b` as the B of `section` from `start` to `end` (as admin would correct it)."""
    pairing = Pairing(
        section=section,
        a=a,
        b=b,
        start_date=start,
        end_date=end,
        approved_by="部务会",
        approved_on=start,
        cross_section_approval=cross_section_approval,
    )
    pairing.full_clean()
    pairing.save()
    return pairing


def staffed_section(name="干部科", *, staff=2, with_b=True, unit=None, start=ARRANGED, **fields):
    """Create a section with `staff` members; the first is its A, the second (if `with_b`) its B.

    Return (section, A, B or None).
    """
    section = make_section(name, unit=unit, **fields)
    people = [add_member(section, start=start) for _ in range(staff)]
    b = people[1] if with_b and staff > 1 else None
    make_pairing(section, people[0], b, start=start)
    return section, people[0], b


def make_leave(cadre, start, end, *, kind="休假", approve=True, user=None, head_cover_sections=()):
    """Record `cadre`'s leave and (by default) approve it through the service; return the Leave."""
    user = user or make_user(CADRE_SECTION)
    leave = leave_request_create(cadre=cadre, kind=kind, start_date=start, end_date=end, reason="测试", user=user)
    if approve:
        leave = leave_approve(leave=leave, user=user, head_cover_sections=head_cover_sections).leave
    return leave


def second_into(section, cadre, start, planned_end=None, *, end=None, kind="跟班学习"):
    """Second `cadre` into `section` from `start` (to `planned_end`, back on `end`); return the Secondment."""
    secondment = Secondment(
        cadre=cadre,
        kind=kind,
        from_unit=cadre.unit,
        to_unit=section.unit,
        start_date=start,
        planned_end_date=planned_end,
        end_date=end,
    )
    secondment.full_clean()
    secondment.save()
    SecondmentPlacement.objects.create(secondment=secondment, section=section)
    return secondment

"""The stored experience summary against the rule it replaces, on random careers (hypothesis).

The rule (cadres/experience.py, as before the summary): a cadre has 基层经验 on `as_of` when their
grassroots periods begun by then, cut at `as_of` and merged, make GRASSROOTS_MONTHS months by
months_served; 机关阅历 when a period in a 党政机关 unit has begun by then. The lists, filters and
statistics read instead the stored day from which each holds (CadreExperience): for any set of
periods, any date, any months required and after any edit they must say the same.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.experience import grassroots_periods, months_served
from cadres.models import Cadre, CadreExperience, Secondment, Unit, WorkRecord
from tests.factories import make_cadre

pytestmark = pytest.mark.django_db

D = datetime.date
BASE = D(2012, 1, 1)
SPAN = 12 * 366  # periods and dates fall in 2012-2023, across leap days and month ends
GRASSROOTS = ["乡镇", "街道", "村", "社区"]
KINDS = [*GRASSROOTS, "党政机关", "事业单位"]


@contextmanager
def rolled_back():
    """Run one example in a transaction rolled back at its end (pytest-django sets up once per test)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@st.composite
def periods(draw):
    """A record: (work or secondment, in a district unit or outside, kind, start, last day or None)."""
    start = BASE + datetime.timedelta(days=draw(st.integers(0, SPAN)))
    length = draw(st.one_of(st.none(), st.integers(0, 40), st.integers(0, 1500)))
    end = None if length is None else start + datetime.timedelta(days=length)
    return draw(st.sampled_from(["work", "secondment"])), draw(st.booleans()), draw(st.sampled_from(KINDS)), start, end


def near(records):
    """Dates where the answer may turn: the records' first and last days, and a day either side."""
    days = set()
    for *_rest, start, end in records:
        for day in (start, end):
            if day is not None:
                days.update(day + datetime.timedelta(days=shift) for shift in (-1, 0, 1))
    return sorted(days)


def create(cadre, units, record):
    source, in_district, kind, start, end = record
    where = {"unit": units[kind]} if in_district else {"unit_name": "区外某单位", "unit_kind": kind}
    if source == "work":
        return WorkRecord.objects.create(cadre=cadre, post="科员", start_date=start, end_date=end, **where)
    where = {"to_" + key: value for key, value in where.items()}
    return Secondment.objects.create(cadre=cadre, kind="挂职", start_date=start, end_date=end, **where)


def rule_says(cadre, dates, months):
    """Return {as_of: (基层经验, 机关阅历)} of `cadre` by the rule as written in Python."""
    # The periods read as the rule reads them, not cut yet (an open one runs to a far date), and then
    # cut at each date: what grassroots_periods(cadres, as_of) returns for that date.
    far = D(9999, 1, 1)
    uncut = grassroots_periods(Cadre.objects.filter(pk=cadre.pk), far).get(cadre.pk)
    records = [*cadre.work_records.select_related("unit"), *cadre.secondments.select_related("to_unit")]
    answers = {}
    for as_of in dates:
        begun = [(start, min(end, as_of)) for start, end in uncut or () if start <= as_of]
        has_grassroots = bool(begun) and months_served(begun) >= months
        has_organ = any(record.start_date <= as_of and served_kind(record) == "党政机关" for record in records)
        answers[as_of] = (has_grassroots, has_organ)
    return answers


def served_kind(record):
    if isinstance(record, WorkRecord):
        return record.unit.kind if record.unit_id else record.unit_kind
    return record.to_unit.kind if record.to_unit_id else record.to_unit_kind


def database_says(cadre, as_of):
    """Return (基层经验, 机关阅历) of `cadre` on `as_of` as the lists and statistics read them."""
    return Cadre.objects.filter(pk=cadre.pk).with_flags_on(as_of).values_list("has_grassroots", "has_organ").get()


def filters_say(cadre, as_of):
    """Return the same as the roster's filters read it, both ways."""
    one = Cadre.objects.filter(pk=cadre.pk)
    flags = one.with_grassroots_experience(as_of).exists(), one.with_organ_experience(as_of).exists()
    lacking = one.lacking_grassroots_experience(as_of).exists(), one.lacking_organ_experience(as_of).exists()
    assert flags == (not lacking[0], not lacking[1])
    return flags


def check_every_date(cadre, records, extra_days, months):
    # The stored days themselves and the day before: where the stored answer turns, the rule must too.
    stored = CadreExperience.objects.filter(cadre=cadre).values_list("grassroots_since", "organ_since").first()
    turns = [day + datetime.timedelta(days=shift) for day in stored or () if day for shift in (-1, 0)]
    dates = [*near(records), *turns, *extra_days]
    expected = rule_says(cadre, dates, months)
    for as_of in dates:
        assert database_says(cadre, as_of) == expected[as_of], as_of
    for as_of in extra_days:
        assert filters_say(cadre, as_of) == expected[as_of], as_of


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(periods(), max_size=6),
    extra_days=st.lists(st.integers(0, SPAN + 400).map(lambda days: BASE + datetime.timedelta(days=days)), max_size=3),
    months=st.sampled_from([0, 1, 11, 12, 24, 25, 36]),
    edit=st.sampled_from(["none", "delete", "shorten", "reopen", "unit kind", "move"]),
    pick=st.integers(0, 5),
)
def test_stored_summary_says_what_the_rule_says_on_any_date_after_any_edit(records, extra_days, months, edit, pick):
    with rolled_back(), override_settings(GRASSROOTS_MONTHS=months):
        units = {kind: Unit.objects.create(name=f"测试{kind}", kind=kind) for kind in KINDS}
        cadre, other = make_cadre(name="甲"), make_cadre(name="乙")
        saved = [create(cadre, units, record) for record in records]
        check_every_date(cadre, records, extra_days, months)
        if not saved or edit == "none":
            return
        target = saved[pick % len(saved)]
        if edit == "delete":
            target.delete()
        elif edit == "shorten":
            target.end_date = target.start_date + datetime.timedelta(days=pick * 40)
            target.save()
        elif edit == "reopen":
            target.end_date = None
            target.save()
        elif edit == "move":
            target.cadre = other
            target.save()
        else:
            unit = units[KINDS[pick % len(KINDS)]]
            unit.kind = "党政机关" if unit.kind in GRASSROOTS else "社区"
            unit.save()
        for person in (cadre, other):
            check_every_date(person, records, extra_days, months)

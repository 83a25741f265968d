"""The forecast's grouped counts against the age rule applied person by person (hypothesis).

The forecast counts each month's leavers and the reserve's size by channel and unit in one grouped
query and adds the rows up in one pass. For any roster and any date, each month must hold exactly
the people who are counted on its eve (on the roster, 周岁 ≤ max_age) and no longer young on its
last day, by group and by unit, and the size those counted on its last day: cadres.dates.age_on
person by person, the rule of DESIGN.md.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.dates import age_on, years_before
from reports.forecast import age_out_forecast
from reports.params import StatsParams
from tests.factories import make_cadre, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
CHANNELS = {"xuandiao": "选调生", "gongwuyuan": "公务员", "zhuanli": "其他方式", "diaoru": "其他方式"}
MONTHS = 6


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def day_between(first, last):
    return st.integers(0, (last - first).days).map(lambda days: first + datetime.timedelta(days=days))


people = st.lists(
    st.tuples(
        st.integers(-40, 200),  # days from as_of to the day they turn max_age + 1: most in the coming months
        day_between(D(2010, 1, 1), D(2024, 12, 31)),  # entry, sometimes after the date
        st.one_of(st.none(), day_between(D(2020, 1, 1), D(2025, 12, 31))),  # leave
        st.sampled_from(sorted(CHANNELS)),
        st.integers(0, 1),  # unit
    ),
    min_size=10,
    max_size=25,
)


def young_on(person, day, max_age):
    birth, entry, leave, *_ = person
    on_roster = entry <= day and (leave is None or leave > day)
    return on_roster and age_on(birth, day) <= max_age


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    roster=people,
    as_of=day_between(D(2022, 10, 1), D(2024, 2, 29)),
    max_age=st.sampled_from([34, 35]),
)
def test_each_month_holds_the_people_the_age_rule_names(roster, as_of, max_age):
    with rolled_back():
        units = [make_unit(f"单位{number}", sort_order=number) for number in range(2)]
        last_young = years_before(as_of, max_age + 1)
        roster = [
            (last_young + datetime.timedelta(days=days), entry, leave if leave is not None and leave > entry else None,
             channel, unit) for days, entry, leave, channel, unit in roster
        ]  # fmt: skip
        for birth, entry, leave, channel, unit in roster:
            make_cadre(birth_date=birth, entry_date=entry, leave_date=leave, channel=channel, unit=units[unit])

        result = age_out_forecast(StatsParams(as_of=as_of, max_age=max_age), months=MONTHS)

        counted = [person for person in roster if young_on(person, as_of, max_age)]
        assert result.total == len(counted)
        for month in result.months:
            leaving = [p for p in counted if age_on(p[0], month.after) <= max_age < age_on(p[0], month.until)]
            assert month.leaving == len(leaving)
            assert month.size == sum(young_on(person, month.until, max_age) for person in counted)
            by_group, by_unit = {}, {}
            for *_, channel, unit in leaving:
                by_group[CHANNELS[channel]] = by_group.get(CHANNELS[channel], 0) + 1
                by_unit[units[unit].pk] = by_unit.get(units[unit].pk, 0) + 1
            assert month.by_group == by_group
            assert month.by_unit == by_unit

"""The counting rules of DESIGN.md on the Cadre and Unit QuerySets, boundary by boundary, and against
a plain-Python recount of a seeded random population."""

import datetime
import itertools
import random
from types import SimpleNamespace

import pytest
from django.db.models import Count, Q

from cadres.dates import age_on
from cadres.models import Cadre, Unit
from tests.factories import make_cadre, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
AS_OF = D(2021, 7, 31)
LEAP_AS_OF = D(2024, 2, 29)


def pks(queryset):
    return set(queryset.values_list("pk", flat=True))


# --- on the roster ------------------------------------------------------------------------------


def test_entry_on_as_of_is_on_roster():
    cadre = make_cadre(entry_date=AS_OF)
    assert pks(Cadre.objects.on_roster(AS_OF)) == {cadre.pk}


def test_entry_the_day_after_as_of_is_not_on_roster():
    make_cadre(entry_date=D(2021, 8, 1))
    assert not Cadre.objects.on_roster(AS_OF).exists()


def test_entry_before_as_of_without_leave_is_on_roster():
    cadre = make_cadre(entry_date=D(2015, 8, 1))
    assert pks(Cadre.objects.on_roster(AS_OF)) == {cadre.pk}


def test_leave_the_day_before_as_of_is_not_on_roster():
    make_cadre(entry_date=D(2015, 8, 1), leave_date=D(2021, 7, 30))
    assert not Cadre.objects.on_roster(AS_OF).exists()


def test_leave_on_as_of_is_not_on_roster():
    make_cadre(entry_date=D(2015, 8, 1), leave_date=AS_OF)
    assert not Cadre.objects.on_roster(AS_OF).exists()


def test_leave_the_day_after_as_of_is_on_roster():
    cadre = make_cadre(entry_date=D(2015, 8, 1), leave_date=D(2021, 8, 1))
    assert pks(Cadre.objects.on_roster(AS_OF)) == {cadre.pk}


def test_pending_recruit_is_never_on_roster():
    make_cadre(entry_date=None)
    for as_of in (D(1990, 1, 1), AS_OF, D(2100, 12, 31)):
        assert not Cadre.objects.on_roster(as_of).exists()


# --- young: 周岁 ≤ max_age, 以下 includes the number -----------------------------------------------


def test_age_35_the_day_before_36th_birthday_is_young():
    cadre = make_cadre(birth_date=D(1985, 8, 1))
    assert pks(Cadre.objects.young(AS_OF)) == {cadre.pk}


def test_age_36_on_birthday_is_not_young():
    make_cadre(birth_date=D(1985, 7, 31))
    assert not Cadre.objects.young(AS_OF).exists()


def test_age_exactly_35_on_birthday_is_young():
    cadre = make_cadre(birth_date=D(1986, 7, 31))
    assert pks(Cadre.objects.young(AS_OF)) == {cadre.pk}


def test_max_age_parameter_moves_the_limit_up():
    cadre = make_cadre(birth_date=D(1984, 8, 1))  # 36 on AS_OF
    make_cadre(birth_date=D(1984, 7, 31))  # 37 on AS_OF
    assert pks(Cadre.objects.young(AS_OF, max_age=36)) == {cadre.pk}


def test_max_age_parameter_moves_the_limit_down():
    cadre = make_cadre(birth_date=D(1990, 8, 1))  # 30 on AS_OF
    make_cadre(birth_date=D(1990, 7, 31))  # 31 on AS_OF
    assert pks(Cadre.objects.young(AS_OF, max_age=30)) == {cadre.pk}


def test_born_29_february_is_still_young_on_28_february_before_birthday_in_leap_year():
    cadre = make_cadre(birth_date=D(1988, 2, 29))  # 35 on 2024-02-28
    assert pks(Cadre.objects.young(D(2024, 2, 28))) == {cadre.pk}


def test_born_29_february_is_not_young_on_36th_birthday_29_february():
    make_cadre(birth_date=D(1988, 2, 29))
    assert not Cadre.objects.young(LEAP_AS_OF).exists()


def test_born_29_february_is_still_younger_on_28_february_of_common_year():
    cadre = make_cadre(birth_date=D(1988, 2, 29))  # 34 on 2023-02-28, 35th birthday on 1 March
    assert pks(Cadre.objects.young(D(2023, 2, 28), max_age=34)) == {cadre.pk}


def test_born_29_february_is_older_on_1_march_of_common_year():
    make_cadre(birth_date=D(1988, 2, 29))  # 35 on 2023-03-01
    assert not Cadre.objects.young(D(2023, 3, 1), max_age=34).exists()


def test_born_1_march_is_not_yet_older_on_29_february():
    cadre = make_cadre(birth_date=D(1989, 3, 1))  # 34 on 2024-02-29, 35 the next day
    assert pks(Cadre.objects.young(LEAP_AS_OF, max_age=34)) == {cadre.pk}


def test_born_28_february_is_older_on_29_february():
    make_cadre(birth_date=D(1989, 2, 28))  # 35 on 2024-02-29
    assert not Cadre.objects.young(LEAP_AS_OF, max_age=34).exists()


# --- recent (近三年): as_of − N years < entry_date ≤ as_of ------------------------------------------


def test_entry_exactly_three_years_before_as_of_is_not_recent():
    make_cadre(entry_date=D(2018, 7, 31))
    assert not Cadre.objects.recent(AS_OF).exists()


def test_entry_the_day_after_three_years_before_as_of_is_recent():
    cadre = make_cadre(entry_date=D(2018, 8, 1))
    assert pks(Cadre.objects.recent(AS_OF)) == {cadre.pk}


def test_entry_on_as_of_is_recent():
    cadre = make_cadre(entry_date=AS_OF)
    assert pks(Cadre.objects.recent(AS_OF)) == {cadre.pk}


def test_entry_after_as_of_is_not_recent():
    make_cadre(entry_date=D(2021, 8, 1))
    assert not Cadre.objects.recent(AS_OF).exists()


def test_pending_recruit_is_never_recent():
    make_cadre(entry_date=None)
    assert not Cadre.objects.recent(AS_OF).exists()


def test_window_from_29_february_starts_1_march_which_is_not_recent():
    make_cadre(entry_date=D(2021, 3, 1))
    assert not Cadre.objects.recent(LEAP_AS_OF).exists()


def test_window_from_29_february_includes_2_march():
    cadre = make_cadre(entry_date=D(2021, 3, 2))
    assert pks(Cadre.objects.recent(LEAP_AS_OF)) == {cadre.pk}


def test_window_from_29_february_excludes_28_february():
    make_cadre(entry_date=D(2021, 2, 28))
    assert not Cadre.objects.recent(LEAP_AS_OF).exists()


def test_recent_years_parameter_widens_the_window():
    cadre = make_cadre(entry_date=D(2016, 8, 1))
    make_cadre(entry_date=D(2016, 7, 31))
    assert pks(Cadre.objects.recent(AS_OF, years=5)) == {cadre.pk}


def test_recent_years_parameter_narrows_the_window():
    cadre = make_cadre(entry_date=D(2020, 8, 1))
    make_cadre(entry_date=D(2020, 7, 31))
    assert pks(Cadre.objects.recent(AS_OF, years=1)) == {cadre.pk}


def test_recent_flag_counts_in_an_aggregate_as_recent_does():
    make_cadre(entry_date=D(2018, 7, 31))
    make_cadre(entry_date=D(2018, 8, 1))
    make_cadre(entry_date=AS_OF)
    flagged = Cadre.objects.with_recent_flag(AS_OF, 3)
    counts = flagged.aggregate(recent=Count("pk", filter=Q(is_recent=True)), total=Count("pk"))
    assert counts == {"recent": 2, "total": 3}
    assert pks(flagged.filter(is_recent=True)) == pks(Cadre.objects.recent(AS_OF, 3))


# --- excluded intakes: (entry year, channel) pairs ----------------------------------------------


def test_intake_of_matching_year_and_channel_is_excluded():
    make_cadre(entry_date=D(2021, 3, 1), channel="gongwuyuan")
    assert not Cadre.objects.excluding_intakes([(2021, "gongwuyuan")]).exists()


def test_intake_on_first_and_last_day_of_the_year_is_excluded():
    make_cadre(entry_date=D(2021, 1, 1), channel="gongwuyuan")
    make_cadre(entry_date=D(2021, 12, 31), channel="gongwuyuan")
    assert not Cadre.objects.excluding_intakes([(2021, "gongwuyuan")]).exists()


def test_intake_of_same_year_other_channel_is_kept():
    cadre = make_cadre(entry_date=D(2021, 3, 1), channel="xuandiao")
    assert pks(Cadre.objects.excluding_intakes([(2021, "gongwuyuan")])) == {cadre.pk}


def test_intake_of_same_channel_other_year_is_kept():
    before = make_cadre(entry_date=D(2020, 12, 31), channel="gongwuyuan")
    after = make_cadre(entry_date=D(2022, 1, 1), channel="gongwuyuan")
    assert pks(Cadre.objects.excluding_intakes([(2021, "gongwuyuan")])) == {before.pk, after.pk}


def test_several_intakes_are_each_excluded():
    make_cadre(entry_date=D(2021, 3, 1), channel="gongwuyuan")
    make_cadre(entry_date=D(2021, 6, 1), channel="shiye")
    kept = {
        make_cadre(entry_date=D(2021, 3, 1), channel="xuandiao").pk,
        make_cadre(entry_date=D(2020, 6, 1), channel="shiye").pk,
        make_cadre(entry_date=D(2020, 6, 1), channel="gongwuyuan").pk,
    }
    assert pks(Cadre.objects.excluding_intakes([(2021, "gongwuyuan"), (2021, "shiye")])) == kept


def test_empty_intake_list_keeps_everyone():
    everyone = {
        make_cadre(entry_date=D(2021, 3, 1), channel="gongwuyuan").pk,
        make_cadre(entry_date=None, channel="gongwuyuan").pk,
    }
    assert pks(Cadre.objects.excluding_intakes([])) == everyone


def test_pending_recruit_of_an_excluded_channel_is_kept():
    # No entry date means no entry year: an excluded intake cannot match it.
    cadre = make_cadre(entry_date=None, channel="gongwuyuan")
    assert pks(Cadre.objects.excluding_intakes([(2021, "gongwuyuan")])) == {cadre.pk}


# --- units: a unit counts with the units below it ----------------------------------------------


def test_in_unit_includes_the_unit_and_every_unit_below_it():
    top = make_unit()
    child = make_unit(parent=top)
    grandchild = make_unit(parent=child)
    inside = {make_cadre(unit=unit).pk for unit in (top, child, grandchild)}
    make_cadre(unit=make_unit())
    assert pks(Cadre.objects.in_unit(top)) == inside


def test_in_unit_leaves_out_the_units_above_and_beside():
    top = make_unit()
    child = make_unit(parent=top)
    make_unit(parent=top)
    make_cadre(unit=top)
    make_cadre(unit=make_unit(parent=top))
    cadre = make_cadre(unit=child)
    assert pks(Cadre.objects.in_unit(child)) == {cadre.pk}


def test_in_unit_accepts_a_unit_id():
    top = make_unit()
    cadre = make_cadre(unit=make_unit(parent=top))
    assert pks(Cadre.objects.in_unit(top.pk)) == {cadre.pk}


def test_subtree_ids_are_the_roots_and_all_below_sorted(django_assert_num_queries):
    top = make_unit()
    child = make_unit(parent=top)
    grandchild = make_unit(parent=child)
    other = make_unit()
    other_child = make_unit(parent=other)
    make_unit()
    with django_assert_num_queries(1):
        ids = Unit.objects.subtree_ids(top, other.pk)
    assert ids == sorted([top.pk, child.pk, grandchild.pk, other.pk, other_child.pk])


def test_subtree_ids_of_a_leaf_is_the_leaf():
    leaf = make_unit(parent=make_unit())
    assert Unit.objects.subtree_ids(leaf) == [leaf.pk]


def test_subtree_ids_stops_at_a_parent_cycle_entered_by_hand():
    first = make_unit()
    second = make_unit(parent=first)
    Unit.objects.filter(pk=first.pk).update(parent=second)  # past Unit.clean, as a raw edit would
    assert Unit.objects.subtree_ids(first) == sorted([first.pk, second.pk])


# --- the rules together, against a recount in plain Python --------------------------------------

AS_OFS = [AS_OF, LEAP_AS_OF, D(2024, 2, 28), D(2024, 3, 1), D(2023, 2, 28), D(2023, 3, 1), D(2020, 2, 29)]
MAX_AGES = [35, 34, 30]
RECENT_YEARS = [3, 1, 5]
INTAKE_LISTS = [[], [(2021, "gongwuyuan"), (2021, "shiye")], [(2020, "xuandiao")], [(2023, "shequ")]]
CHANNELS = ["xuandiao", "gongwuyuan", "zhaoshuo", "shiye", "shequ", "zhuanli", "diaoru", "tuiwu", "qita"]


def near(day):
    return [day + datetime.timedelta(days=n) for n in (-1, 0, 1)]


def boundary_birth_dates():
    """Birth dates on and beside each age cutoff used below, 29 February births included."""
    days = {D(year, 2, 29) for year in (1984, 1988, 1992)}
    for as_of in AS_OFS:
        for max_age in MAX_AGES:
            year = as_of.year - max_age - 1
            days.update(near(D(year, as_of.month, min(as_of.day, 28))))
            if as_of.month == 2:
                days.update(near(D(year, 3, 1)))
    return sorted(days)


def boundary_entry_dates():
    """Entry dates on and beside each as_of and each recent-window start, and the intake years' edges."""
    days = set()
    for as_of in AS_OFS:
        days.update(near(as_of))
        for years in RECENT_YEARS:
            days.update(near(window_start(as_of, years)))
    for year in (2020, 2021, 2023):
        days.update({D(year, 1, 1), D(year, 12, 31), D(year - 1, 12, 31), D(year + 1, 1, 1)})
    return sorted(days)


def random_day(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def make_population(seed, size=60):
    """Create `size` cadres in a small unit tree, most dates on a boundary; return them and the units."""
    rng = random.Random(seed)
    top = make_unit()
    child = make_unit(parent=top)
    units = [top, child, make_unit(parent=child), make_unit(parent=top), make_unit()]
    births, entries = boundary_birth_dates(), boundary_entry_dates()
    cadres = []
    for _ in range(size):
        birth = rng.choice(births) if rng.random() < 0.6 else random_day(rng, D(1980, 1, 1), D(1995, 12, 31))
        if rng.random() < 0.1:
            entry = None
        else:
            entry = rng.choice(entries) if rng.random() < 0.6 else random_day(rng, D(2012, 1, 1), D(2024, 12, 31))
        leave = None
        if entry and rng.random() < 0.35:
            later = [day for day in entries if day > entry]
            if later and rng.random() < 0.6:
                leave = rng.choice(later)
            else:
                leave = entry + datetime.timedelta(days=rng.randrange(1, 3000))
        cadres.append(
            make_cadre(
                birth_date=birth,
                entry_date=entry,
                leave_date=leave,
                channel=rng.choice(CHANNELS),
                unit=rng.choice(units),
            )
        )
    return cadres, units


def python_on_roster(cadre, as_of):
    return (
        cadre.entry_date is not None
        and cadre.entry_date <= as_of
        and (cadre.leave_date is None or cadre.leave_date > as_of)
    )


def python_young(cadre, as_of, max_age):
    return age_on(cadre.birth_date, as_of) <= max_age


def window_start(as_of, years):
    """`years` before `as_of`, a 29 February becoming 1 March (DESIGN.md), without cadres.dates."""
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:
        return D(as_of.year - years, 3, 1)


def python_recent(cadre, as_of, years):
    return cadre.entry_date is not None and window_start(as_of, years) < cadre.entry_date <= as_of


def python_excluded(cadre, intakes):
    return cadre.entry_date is not None and (cadre.entry_date.year, cadre.channel.code) in intakes


def python_in_unit(cadre, unit):
    current = cadre.unit
    while current is not None:
        if current.pk == unit.pk:
            return True
        current = current.parent
    return False


def select(cadres, rule, *args):
    """The pks of the cadres for which `rule(cadre, *args)` holds."""
    return {cadre.pk for cadre in cadres if rule(cadre, *args)}


def python_kept(cadre, intakes):
    return not python_excluded(cadre, intakes)


@pytest.mark.parametrize("seed", [2021, 731, 35])
def test_each_rule_in_sql_agrees_with_a_python_recount(seed):
    cadres, units = make_population(seed)
    objects = Cadre.objects
    for as_of in AS_OFS:
        assert pks(objects.on_roster(as_of)) == select(cadres, python_on_roster, as_of), as_of
        for max_age in MAX_AGES:
            expected = select(cadres, python_young, as_of, max_age)
            assert pks(objects.young(as_of, max_age)) == expected, (as_of, max_age)
        for years in RECENT_YEARS:
            expected = select(cadres, python_recent, as_of, years)
            assert pks(objects.recent(as_of, years)) == expected, (as_of, years)
    for intakes in INTAKE_LISTS:
        expected = select(cadres, python_kept, intakes)
        assert pks(objects.excluding_intakes(intakes)) == expected, intakes
    for unit in units:
        assert pks(objects.in_unit(unit)) == select(cadres, python_in_unit, unit), unit


def python_young_cadre(cadre, params):
    """The young-cadre statistics' rule: on the roster, young, not an excluded intake, in the unit."""
    return (
        python_on_roster(cadre, params.as_of)
        and python_young(cadre, params.as_of, params.max_age)
        and not python_excluded(cadre, params.excluded)
        and (params.unit is None or python_in_unit(cadre, params.unit))
    )


@pytest.mark.parametrize("seed", [2021, 731, 35])
def test_chained_rules_in_sql_agree_with_a_python_recount(seed):
    cadres, units = make_population(seed)
    index = by_pk(cadres)
    for as_of, max_age, intakes, unit in itertools.product(AS_OFS, MAX_AGES, INTAKE_LISTS, [None, *units]):
        params = SimpleNamespace(as_of=as_of, max_age=max_age, excluded=intakes, unit=unit)
        young = Cadre.objects.young_cadres(params)
        expected = select(cadres, python_young_cadre, params)
        assert pks(young) == expected, params
        expected_recent = {pk for pk in expected if python_recent(index[pk], as_of, 3)}
        assert pks(young.recent(as_of)) == expected_recent, params


def by_pk(cadres):
    return {cadre.pk: cadre for cadre in cadres}


def test_random_population_reaches_the_boundaries():
    # Guards the recount tests: a population that missed every boundary would prove nothing.
    cadres, _ = make_population(2021)
    assert any(cadre.birth_date.month == 2 and cadre.birth_date.day == 29 for cadre in cadres)
    assert any(cadre.entry_date is None for cadre in cadres)
    assert any(cadre.leave_date is not None for cadre in cadres)
    young = [python_young(cadre, AS_OF, 35) for cadre in cadres]
    assert any(young) and not all(young)
    assert any(age_on(cadre.birth_date, AS_OF) == 35 for cadre in cadres)
    assert any(age_on(cadre.birth_date, AS_OF) == 36 for cadre in cadres)
    assert any(python_recent(cadre, AS_OF, 3) for cadre in cadres)


# --- ages on a date and the complement of recent, as the cadre list filters by them ------------


def test_aged_at_least_includes_the_birthday_itself():
    cadre = make_cadre(birth_date=D(1985, 7, 31))  # 36 on AS_OF
    assert pks(Cadre.objects.aged_at_least(AS_OF, 36)) == {cadre.pk}


def test_aged_at_least_excludes_the_day_before_the_birthday():
    make_cadre(birth_date=D(1985, 8, 1))  # 35 on AS_OF, 36 the next day
    assert not Cadre.objects.aged_at_least(AS_OF, 36).exists()


def test_aged_at_most_is_young():
    cadres = [make_cadre(birth_date=D(1985, 7, 31)), make_cadre(birth_date=D(1985, 8, 1))]
    assert pks(Cadre.objects.aged_at_most(AS_OF, 35)) == pks(Cadre.objects.young(AS_OF, 35)) == {cadres[1].pk}


def test_aged_at_least_on_1_march_includes_a_29_february_birth_in_a_common_year():
    cadre = make_cadre(birth_date=D(2000, 2, 29), entry_date=D(2022, 8, 1))
    assert pks(Cadre.objects.aged_at_least(D(2021, 3, 1), 21)) == {cadre.pk}
    assert not Cadre.objects.aged_at_least(D(2021, 2, 28), 21).exists()


def test_not_recent_is_the_complement_of_recent():
    make_cadre(entry_date=D(2018, 7, 31))
    make_cadre(entry_date=D(2018, 8, 1))
    make_cadre(entry_date=None)
    recent, not_recent = pks(Cadre.objects.recent(AS_OF)), pks(Cadre.objects.not_recent(AS_OF))
    assert recent.isdisjoint(not_recent)
    assert recent | not_recent == pks(Cadre.objects.all())
    assert len(recent) == 1

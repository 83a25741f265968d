"""The calendar rules of DESIGN.md: 周岁, 29 February, "N years before", the birth-date cutoff."""

import calendar
import datetime
import itertools

from cadres.dates import age_on, latest_birth_date_aged, month_end, shift_years, years_before

D = datetime.date


def days_between(first, last):
    """Every day from `first` to `last`, both included."""
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def around_leap_day(year):
    """Every day from 25 February to 5 March of `year` (29 February only in a leap year)."""
    return days_between(D(year, 2, 25), D(year, 3, 5))


def reference_age(birth_date, as_of):
    """周岁 computed another way: whole years, minus one before the birthday; 29 Feb → 1 Mar."""
    birthday = (birth_date.month, birth_date.day)
    if birthday == (2, 29) and not calendar.isleap(as_of.year):
        birthday = (3, 1)
    return as_of.year - birth_date.year - ((as_of.month, as_of.day) < birthday)


# --- age_on -------------------------------------------------------------------------------------


def test_age_after_birthday_this_year_counts_the_year():
    assert age_on(D(1985, 3, 15), D(2021, 7, 31)) == 36


def test_age_before_birthday_this_year_does_not_count_the_year():
    assert age_on(D(1985, 8, 1), D(2021, 7, 31)) == 35


def test_age_on_birthday_counts_the_year():
    assert age_on(D(1985, 7, 31), D(2021, 7, 31)) == 36


def test_age_the_day_before_birthday_is_one_less():
    assert age_on(D(1985, 7, 31), D(2021, 7, 30)) == 35


def test_age_on_day_of_birth_is_zero():
    assert age_on(D(2000, 1, 1), D(2000, 1, 1)) == 0


def test_age_of_29_february_birth_on_28_february_of_common_year_is_still_younger():
    assert age_on(D(2000, 2, 29), D(2021, 2, 28)) == 20


def test_age_of_29_february_birth_on_1_march_of_common_year_is_older():
    assert age_on(D(2000, 2, 29), D(2021, 3, 1)) == 21


def test_age_of_29_february_birth_on_29_february_of_leap_year_is_older():
    assert age_on(D(2000, 2, 29), D(2024, 2, 29)) == 24


def test_age_of_29_february_birth_on_28_february_of_leap_year_is_still_younger():
    assert age_on(D(2000, 2, 29), D(2024, 2, 28)) == 23


def test_age_of_1_march_birth_on_29_february_is_still_younger():
    assert age_on(D(2001, 3, 1), D(2024, 2, 29)) == 22


def test_age_of_28_february_birth_on_28_february_is_older():
    assert age_on(D(2001, 2, 28), D(2023, 2, 28)) == 22


def test_age_of_29_february_birth_in_2100_which_is_not_leap_falls_on_1_march():
    assert age_on(D(2096, 2, 29), D(2100, 2, 28)) == 3
    assert age_on(D(2096, 2, 29), D(2100, 3, 1)) == 4


def test_age_on_matches_an_independent_count_around_28_february_and_1_march():
    births = [*around_leap_day(1996), *around_leap_day(1997), *around_leap_day(2000)]
    as_ofs = [*around_leap_day(2021), *around_leap_day(2023), *around_leap_day(2024), D(2021, 7, 31)]
    for birth_date, as_of in itertools.product(births, as_ofs):
        assert age_on(birth_date, as_of) == reference_age(birth_date, as_of), (birth_date, as_of)


# --- shift_years / years_before -----------------------------------------------------------------


def test_shift_years_keeps_month_and_day():
    assert shift_years(D(2021, 7, 31), -3) == D(2018, 7, 31)
    assert shift_years(D(2018, 7, 31), 3) == D(2021, 7, 31)


def test_shift_years_from_29_february_to_common_year_is_1_march():
    assert shift_years(D(2020, 2, 29), 1) == D(2021, 3, 1)
    assert shift_years(D(2020, 2, 29), -1) == D(2019, 3, 1)


def test_shift_years_from_29_february_to_leap_year_stays_29_february():
    assert shift_years(D(2020, 2, 29), 4) == D(2024, 2, 29)
    assert shift_years(D(2020, 2, 29), -4) == D(2016, 2, 29)


def test_shift_years_by_zero_is_the_same_day():
    assert shift_years(D(2024, 2, 29), 0) == D(2024, 2, 29)


def test_years_before_is_the_same_day_years_earlier():
    assert years_before(D(2021, 7, 31), 3) == D(2018, 7, 31)


def test_years_before_29_february_into_common_year_is_1_march():
    assert years_before(D(2024, 2, 29), 3) == D(2021, 3, 1)


def test_years_before_29_february_into_leap_year_is_29_february():
    assert years_before(D(2024, 2, 29), 4) == D(2020, 2, 29)


def test_years_before_28_february_and_1_march_are_unchanged():
    assert years_before(D(2024, 2, 28), 3) == D(2021, 2, 28)
    assert years_before(D(2024, 3, 1), 3) == D(2021, 3, 1)


# --- latest_birth_date_aged ----------------------------------------------------------------------


def test_latest_birth_date_aged_36_on_2021_07_31_is_1985_07_31():
    assert latest_birth_date_aged(D(2021, 7, 31), 36) == D(1985, 7, 31)


def test_latest_birth_date_aged_on_29_february_into_common_year_is_28_february():
    # Someone born 1 March 2003 is still 20 on 29 February 2024.
    assert latest_birth_date_aged(D(2024, 2, 29), 21) == D(2003, 2, 28)


def test_latest_birth_date_aged_on_29_february_into_leap_year_is_29_february():
    assert latest_birth_date_aged(D(2024, 2, 29), 24) == D(2000, 2, 29)


def test_latest_birth_date_aged_on_28_february_excludes_a_29_february_birth():
    # Born 29 February 2000, on 28 February 2021 one is 20, not yet 21.
    assert latest_birth_date_aged(D(2021, 2, 28), 21) == D(2000, 2, 28)


def test_latest_birth_date_aged_on_1_march_includes_a_29_february_birth():
    assert latest_birth_date_aged(D(2021, 3, 1), 21) == D(2000, 3, 1)


def test_birth_date_cutoff_agrees_with_age_on_for_every_day_around_leap_day():
    """`birth_date > latest_birth_date_aged(as_of, n + 1)` ⇔ `age_on(birth_date, as_of) <= n`."""
    births = [
        *itertools.chain.from_iterable(around_leap_day(year) for year in range(1984, 2001)),
        *days_between(D(1985, 7, 25), D(1985, 8, 5)),
        D(1900, 2, 28),
        D(1900, 3, 1),
    ]
    as_ofs = [
        *itertools.chain.from_iterable(around_leap_day(year) for year in (2019, 2020, 2021, 2023, 2024, 2025)),
        *days_between(D(2021, 7, 25), D(2021, 8, 5)),
        D(2100, 2, 28),
        D(2100, 3, 1),
        D(2000, 2, 29),
    ]
    checked = 0
    for birth_date, as_of in itertools.product(births, as_ofs):
        if birth_date > as_of:
            continue
        age = age_on(birth_date, as_of)
        for n in {max(age - 2, 0), max(age - 1, 0), age, age + 1, age + 2, 35}:
            young = birth_date > latest_birth_date_aged(as_of, n + 1)
            assert young == (age <= n), (birth_date, as_of, n)
            checked += 1
    assert checked > 50_000


# --- month_end ----------------------------------------------------------------------------------


def test_month_end_of_february_in_leap_year_is_29th():
    assert month_end(2024, 2) == D(2024, 2, 29)


def test_month_end_of_february_in_common_year_is_28th():
    assert month_end(2021, 2) == D(2021, 2, 28)


def test_month_end_of_july_is_31st():
    assert month_end(2021, 7) == D(2021, 7, 31)

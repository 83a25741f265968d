"""Calendar rules of the counting rules (DESIGN.md): 周岁, anniversaries, year windows.

A 29 February falls on 1 March in a year that has none; this one rule serves birthdays and
"N years before" alike.
"""

import calendar
import datetime


def month_in_words(day):
    """Return the month of a date as people write it: 2021年7月."""
    return f"{day.year}年{day.month}月"


def day_in_words(day):
    """Return a date as people write it: 2021年7月31日."""
    return f"{day.year}年{day.month}月{day.day}日"


def shift_years(day, years):
    """Return `day` moved by `years` (negative for earlier), 29 February becoming 1 March."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 3, 1)
    return day.replace(year=year)


def years_before(day, years):
    """Return the date `years` before `day` (29 February → 1 March), the start of a recent window."""
    return shift_years(day, -years)


def age_on(birth_date, as_of):
    """Return the age in completed years (周岁) on `as_of`.

    One year more on each birthday; a 29 February birthday is on 1 March in other years.
    """
    age = as_of.year - birth_date.year
    if shift_years(birth_date, age) > as_of:
        age -= 1
    return age


def latest_birth_date_aged(as_of, age):
    """Return the latest birth date of anyone aged at least `age` on `as_of`.

    So "aged ≤ N on D" is `birth_date > latest_birth_date_aged(D, N + 1)`, a plain comparison the
    database can answer from an index on SQLite and PostgreSQL alike (TRAPS.md). On 29 February
    the answer in a common year is 28 February: someone born 1 March has not had that birthday yet.
    """
    year = as_of.year - age
    if as_of.month == 2 and as_of.day == 29 and not calendar.isleap(year):
        return datetime.date(year, 2, 28)
    return as_of.replace(year=year)


def month_end(year, month):
    """Return the last day of the month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])

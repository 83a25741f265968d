"""三龄 on a date (cadres/profile.py): 周岁, 党龄 from 转正时间, 工龄 from 参加工作时间, in completed years."""

import datetime

from cadres.models import Cadre
from cadres.profile import three_ages

D = datetime.date


def cadre(**fields):
    fields.setdefault("birth_date", D(1990, 7, 31))
    return Cadre(**fields)


def test_age_turns_on_the_birthday_not_the_day_before():
    assert three_ages(cadre(), D(2021, 7, 30)).age == 30
    assert three_ages(cadre(), D(2021, 7, 31)).age == 31


def test_age_of_29_february_birth_turns_on_1_march_in_a_common_year():
    person = cadre(birth_date=D(1992, 2, 29))
    assert three_ages(person, D(2021, 2, 28)).age == 28
    assert three_ages(person, D(2021, 3, 1)).age == 29


def test_party_years_count_from_confirmation_on_its_anniversary():
    person = cadre(party_joined_date=D(2011, 5, 1), party_confirmed_date=D(2012, 5, 1))
    assert three_ages(person, D(2021, 4, 30)).party_years == 8
    assert three_ages(person, D(2021, 5, 1)).party_years == 9


def test_party_years_ignore_the_joining_date():
    person = cadre(party_joined_date=D(2011, 5, 1), party_confirmed_date=None)
    assert three_ages(person, D(2021, 7, 31)).party_years is None


def test_party_years_before_confirmation_are_none():
    person = cadre(party_joined_date=D(2020, 9, 1), party_confirmed_date=D(2021, 9, 1))
    assert three_ages(person, D(2021, 7, 31)).party_years is None


def test_party_years_on_the_confirmation_day_are_zero():
    person = cadre(party_confirmed_date=D(2021, 7, 31))
    assert three_ages(person, D(2021, 7, 31)).party_years == 0


def test_work_years_count_from_first_work_date_on_its_anniversary():
    person = cadre(first_work_date=D(2012, 7, 15))
    assert three_ages(person, D(2021, 7, 14)).work_years == 8
    assert three_ages(person, D(2021, 7, 15)).work_years == 9


def test_work_years_unknown_without_first_work_date():
    assert three_ages(cadre(first_work_date=None), D(2021, 7, 31)).work_years is None

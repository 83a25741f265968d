"""The one rule for "the same person" (Identities, built by Cadre.objects.identities)."""

import datetime

import pytest

from cadres.importing.identity import Identities
from cadres.models import Cadre
from tests.factories import make_cadre, make_id_number, make_unit

D = datetime.date
BIRTH = D(1990, 5, 12)
NUMBER = make_id_number(BIRTH)


def index(*people):
    found = Identities()
    for item, details in people:
        found.add(item, **details)
    return found


def test_the_id_number_decides_whatever_the_name():
    people = index(("甲", {"id_number": NUMBER, "name": "张三", "birth_date": BIRTH}))
    assert people.find(id_number=NUMBER, name="张叁", birth_date=BIRTH) == ["甲"]


def test_without_the_number_name_and_birth_date_decide():
    people = index(("甲", {"id_number": NUMBER, "name": "张三", "birth_date": BIRTH}))
    assert people.find(name="张三", birth_date=BIRTH) == ["甲"]


def test_a_stored_number_that_differs_is_another_person():
    other = make_id_number(BIRTH, serial=7)
    people = index(("甲", {"id_number": NUMBER, "name": "张三", "birth_date": BIRTH}))
    assert people.find(id_number=other, name="张三", birth_date=BIRTH) == []


def test_a_birth_month_matches_any_day_of_that_month():
    people = index(("甲", {"id_number": "", "name": "张三", "birth_date": BIRTH}))
    assert people.find(name="张三", birth_date=D(1990, 5, 1), month_only=True) == ["甲"]


def test_a_stored_birth_month_matches_any_day_of_that_month():
    people = index(("甲", {"id_number": "", "name": "张三", "birth_date": D(1990, 5, 1), "month_only": True}))
    assert people.find(name="张三", birth_date=BIRTH) == ["甲"]


def test_two_full_dates_must_be_the_same_day():
    people = index(("甲", {"id_number": "", "name": "张三", "birth_date": BIRTH}))
    assert people.find(name="张三", birth_date=D(1990, 5, 13)) == []


def test_the_unit_decides_when_the_source_names_one():
    people = index(("甲", {"id_number": "", "name": "张三", "birth_date": BIRTH, "unit": 1}))
    assert (people.find(name="张三", birth_date=BIRTH, unit=2), people.find(name="张三", birth_date=BIRTH)) == (
        [],
        ["甲"],
    )


def test_several_candidates_are_all_returned_for_the_caller_to_call_ambiguous():
    people = index(
        ("甲", {"id_number": "", "name": "张三", "birth_date": BIRTH, "unit": 1}),
        ("乙", {"id_number": "", "name": "张三", "birth_date": BIRTH, "unit": 2}),
    )
    assert people.find(name="张三", birth_date=D(1990, 5, 1), month_only=True) == ["甲", "乙"]


@pytest.mark.django_db
def test_the_queryset_indexes_cadres_or_value_rows(django_assert_num_queries):
    unit = make_unit("甲单位")
    cadre = make_cadre(name="张三", birth_date=BIRTH, id_number=NUMBER, unit=unit)
    with django_assert_num_queries(1):
        rows = Cadre.objects.identities("id", "name")
    with django_assert_num_queries(1):
        cadres = Cadre.objects.identities()
    assert rows.find(id_number=NUMBER, name="张三") == [(cadre.pk, "张三")]
    assert cadres.find(name="张三", birth_date=BIRTH, unit=unit.pk) == [cadre]

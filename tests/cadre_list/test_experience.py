"""基层经验 and 机关阅历 (cadres/experience.py): counted from dated records as of a date."""

import datetime

import pytest

from cadres.experience import merge_periods, months_served
from cadres.models import Cadre
from tests.factories import make_cadre, make_secondment, make_unit, make_work_record

from .helpers import AS_OF

pytestmark = pytest.mark.django_db

D = datetime.date


def has_grassroots(cadre, as_of=AS_OF):
    return Cadre.objects.with_grassroots_experience(as_of).filter(pk=cadre.pk).exists()


def has_organ(cadre, as_of=AS_OF):
    return Cadre.objects.with_organ_experience(as_of).filter(pk=cadre.pk).exists()


@pytest.fixture
def township():
    return make_unit("团城山街道", kind="街道")


def test_exactly_24_months_in_a_township_is_grassroots_experience(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), D(2021, 7, 31), unit=township)

    assert has_grassroots(cadre)


def test_one_day_short_of_24_months_is_not_grassroots_experience(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 2), D(2021, 7, 31), unit=township)

    assert not has_grassroots(cadre)


def test_an_open_post_counts_up_to_as_of(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), unit=township)

    assert has_grassroots(cadre, D(2021, 7, 31))
    assert not has_grassroots(cadre, D(2021, 7, 30))


def test_service_after_as_of_does_not_count(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), D(2023, 1, 1), unit=township)

    assert not has_grassroots(cadre, D(2021, 7, 30))


def test_overlapping_periods_count_once(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2020, 1, 1), D(2021, 7, 31), unit=township)
    make_secondment(cadre, D(2020, 1, 1), D(2021, 7, 31), to_unit=make_unit(kind="村"))

    assert not has_grassroots(cadre)  # 19 months, not 38


def test_post_and_secondment_add_up(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2018, 1, 1), D(2018, 12, 31), unit=township)
    make_secondment(cadre, D(2020, 8, 1), D(2021, 7, 31), to_unit_name="某县某村", to_unit_kind="村")

    assert has_grassroots(cadre)


def test_a_unit_outside_the_district_counts_by_the_kind_written():
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), D(2021, 7, 31), unit_name="外省某乡政府", unit_kind="乡镇")

    assert has_grassroots(cadre)


def test_service_in_an_organ_is_not_grassroots():
    cadre = make_cadre()
    make_work_record(cadre, D(2010, 1, 1), unit=make_unit(kind="党政机关"))

    assert not has_grassroots(cadre)


def test_grassroots_months_is_a_setting(settings, township):
    settings.GRASSROOTS_MONTHS = 12
    cadre = make_cadre()
    make_work_record(cadre, D(2020, 8, 1), D(2021, 7, 31), unit=township)

    assert has_grassroots(cadre)


def test_a_post_in_a_party_or_government_organ_is_organ_experience():
    cadre = make_cadre()
    make_work_record(cadre, D(2021, 7, 31), unit=make_unit(kind="党政机关"))

    assert has_organ(cadre)
    assert not has_organ(cadre, D(2021, 7, 30))


def test_a_secondment_to_an_organ_is_organ_experience():
    cadre = make_cadre()
    make_secondment(cadre, D(2020, 3, 1), D(2020, 9, 1), to_unit_name="市委组织部", to_unit_kind="党政机关")

    assert has_organ(cadre)


def test_no_records_means_neither_experience():
    cadre = make_cadre(unit=make_unit(kind="党政机关"))

    assert not has_organ(cadre)
    assert not has_grassroots(cadre)


def test_touching_periods_merge():
    assert merge_periods([(D(2020, 1, 1), D(2020, 6, 30)), (D(2020, 7, 1), D(2020, 12, 31))]) == [
        (D(2020, 1, 1), D(2020, 12, 31))
    ]


def test_spare_days_of_separate_periods_pool_at_31_a_month():
    # 15 + 16 spare days of two periods make one more month; 30 would not.
    assert months_served([(D(2020, 1, 1), D(2020, 1, 15)), (D(2020, 3, 1), D(2020, 3, 16))]) == 1
    assert months_served([(D(2020, 1, 1), D(2020, 1, 15)), (D(2020, 3, 1), D(2020, 3, 15))]) == 0


def test_a_month_from_the_31st_ends_on_the_last_day_of_the_next_month():
    assert months_served([(D(2021, 1, 31), D(2021, 2, 28))]) == 1
    assert months_served([(D(2021, 1, 31), D(2021, 2, 27))]) == 0

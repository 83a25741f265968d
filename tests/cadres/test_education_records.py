"""EducationRecord dates: 入学时间 may be unknown (rosters give none), an end never precedes a known
start, and undated records sort first on every database."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cadres.models import EducationRecord
from cadres.models.career import END_BEFORE_START
from tests.factories import make_cadre

pytestmark = pytest.mark.django_db

D = datetime.date


def record(cadre, start, end, school="武汉大学"):
    return EducationRecord(cadre=cadre, mode="全日制", school=school, start_date=start, end_date=end)


def test_record_without_any_date_passes_full_clean_and_saves():
    education = record(make_cadre(), None, None)
    education.full_clean()
    education.save()
    assert EducationRecord.objects.get(pk=education.pk).start_date is None


def test_record_with_only_a_graduation_date_passes_full_clean():
    record(make_cadre(), None, D(2012, 7, 1)).full_clean()


def test_end_before_a_known_start_is_still_refused_by_full_clean():
    with pytest.raises(ValidationError) as error:
        record(make_cadre(), D(2012, 9, 1), D(2012, 7, 1)).full_clean()
    assert END_BEFORE_START in error.value.messages


def test_database_refuses_end_before_a_known_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        record(make_cadre(), D(2012, 9, 1), D(2012, 7, 1)).save()


def test_database_allows_an_end_without_a_start():
    record(make_cadre(), None, D(2012, 7, 1)).save()
    assert EducationRecord.objects.filter(start_date__isnull=True).count() == 1


def test_undated_records_come_first_then_by_start_date():
    cadre = make_cadre()
    record(cadre, D(2012, 9, 1), None, school="乙").save()
    record(cadre, None, None, school="甲").save()
    record(cadre, D(2008, 9, 1), D(2012, 7, 1), school="丙").save()
    assert [r.school for r in cadre.education_records.all()] == ["甲", "丙", "乙"]

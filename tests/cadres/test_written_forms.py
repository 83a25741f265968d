"""What a file wrote where the stored choice is coarser: kept, checked against the choice, and counted by level."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cadres.models import Cadre, EducationRecord
from cadres.models.records import WRITTEN_MISMATCH, WRITTEN_UNKNOWN
from tests.factories import make_cadre

pytestmark = pytest.mark.django_db


def errors_of(record):
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    return error.value.message_dict


def test_a_written_form_that_reads_as_the_choice_is_valid():
    cadre = make_cadre(
        political_status="民主党派",
        political_status_written="九三学社社员",
        education="硕士研究生",
        education_written="省委党校研究生",
        education_mode="党校",
        degree="硕士",
        degree_written="公共管理硕士（MPA）",
    )
    cadre.full_clean()


def test_a_written_form_that_reads_as_another_choice_is_an_error():
    cadre = make_cadre(education="大学本科")
    cadre.education_written = "硕士研究生毕业"
    assert errors_of(cadre)["education_written"] == [
        WRITTEN_MISMATCH.format(written="硕士研究生毕业", label="最高学历", value="大学本科")
    ]


def test_a_written_form_no_vocabulary_reads_is_an_error():
    cadre = make_cadre(political_status="群众")
    cadre.political_status_written = "外星人协会"
    assert errors_of(cadre)["political_status_written"] == [
        WRITTEN_UNKNOWN.format(written="外星人协会", label="政治面貌")
    ]


def test_a_party_school_education_must_be_of_the_party_school_mode():
    cadre = make_cadre(education="大学本科")
    cadre.education_written = "省委党校大学"
    assert errors_of(cadre)["education_written"] == [
        WRITTEN_MISMATCH.format(written="省委党校大学", label="最高学历类别", value="全日制教育")
    ]


def test_an_education_record_checks_its_written_forms_too():
    record = EducationRecord(
        cadre=make_cadre(), mode="全日制", school="某大学", education="大学本科", education_written="大专毕业"
    )
    assert errors_of(record)["education_written"] == [
        WRITTEN_MISMATCH.format(written="大专毕业", label="学历", value="大学本科")
    ]


def test_the_level_counts_whatever_was_written():
    make_cadre(name="本科毕业", education="大学本科", education_written="大学本科毕业")
    make_cadre(name="党校大学", education="大学本科", education_written="省委党校大学", education_mode="党校")
    make_cadre(name="在职大专", education="大学专科", education_written="在职大专", education_mode="在职")
    make_cadre(name="中专", education="中专")
    names = set(Cadre.objects.education_at_least("大学专科").values_list("name", flat=True))
    assert names == {"本科毕业", "党校大学", "在职大专"}


def test_party_school_education_can_be_counted_apart():
    make_cadre(name="本科毕业", education="大学本科", education_written="大学本科毕业")
    make_cadre(name="党校大学", education="大学本科", education_written="省委党校大学", education_mode="党校")
    found = Cadre.objects.education_at_least("大学本科", party_school=False)
    assert list(found.values_list("name", flat=True)) == ["本科毕业"]


def test_month_precision_is_recorded_per_date():
    cadre = make_cadre(entry_date=datetime.date(2015, 8, 1), entry_month_only=True)
    assert Cadre.objects.get(pk=cadre.pk).entry_month_only

"""Each 校核 rule with a record that breaks it and one that does not."""

import datetime

import pytest

from cadres.models import Cadre, EducationRecord, WorkRecord
from cadres.quality import (
    ENTRY_BEFORE_WORK,
    GAP,
    ID_BIRTH,
    MISSING,
    PARTY_TOO_YOUNG,
    WORK_TOO_YOUNG,
    check_cadre,
    check_cadres,
)
from cadres.validators import id_check_char
from tests.factories import make_cadre, make_id_number

pytestmark = pytest.mark.django_db
BIRTH = datetime.date(1990, 3, 15)


def complete_cadre(**fields):
    """A cadre that passes every rule unless `fields` break one."""
    values = {
        "birth_date": BIRTH,
        "id_number": make_id_number(BIRTH, "男"),
        "native_place": "湖北黄石",
        "birthplace": "湖北大冶",
        "first_work_date": datetime.date(2012, 7, 1),
        "entry_date": datetime.date(2012, 7, 1),
        "party_joined_date": datetime.date(2010, 6, 1),
        "health": "健康",
    }
    values.update(fields)
    return make_cadre(**values)


def rules(cadre):
    cadre = Cadre.objects.prefetch_related("work_records").get(pk=cadre.pk)
    return [(f.rule, f.message) for f in check_cadre(cadre)]


def force(cadre, **fields):
    """Store values the model's own validation would refuse, as old or bulk-loaded data may hold."""
    Cadre.objects.filter(pk=cadre.pk).update(**fields)
    return cadre


def test_complete_record_has_no_findings():
    assert rules(complete_cadre()) == []


def test_wrong_check_digit_is_found():
    cadre = complete_cadre()
    number = cadre.id_number[:17] + ("0" if cadre.id_number[17] != "0" else "1")
    force(cadre, id_number=number)
    expected = id_check_char(number[:17])
    assert rules(cadre) == [("id_invalid", f"公民身份号码校验位错误：最后一位应为“{expected}”，实际为“{number[17]}”")]


def test_id_birth_date_mismatch_is_found():
    cadre = force(complete_cadre(), birth_date=datetime.date(1990, 3, 16))
    assert rules(cadre) == [("id_mismatch", ID_BIRTH.format(id_date=BIRTH, birth=datetime.date(1990, 3, 16)))]


def test_id_gender_mismatch_is_found():
    cadre = force(complete_cadre(), gender="女")
    assert rules(cadre) == [("id_mismatch", "公民身份号码中的性别为男，登记的性别为女")]


def test_party_joined_the_day_before_18th_birthday_is_found():
    joined = datetime.date(2008, 3, 14)
    cadre = complete_cadre(party_joined_date=joined)
    assert rules(cadre) == [("party_too_young", PARTY_TOO_YOUNG.format(joined=joined, birth=BIRTH))]


def test_party_joined_on_18th_birthday_is_fine():
    assert rules(complete_cadre(party_joined_date=datetime.date(2008, 3, 15))) == []


def test_work_before_16_is_found():
    work = datetime.date(2006, 3, 14)
    cadre = complete_cadre(first_work_date=work, entry_date=datetime.date(2012, 7, 1))
    assert rules(cadre) == [("work_too_young", WORK_TOO_YOUNG.format(work=work, birth=BIRTH))]


def test_work_on_16th_birthday_is_fine():
    assert rules(complete_cadre(first_work_date=datetime.date(2006, 3, 15))) == []


def test_entry_before_first_work_is_found():
    cadre = complete_cadre(entry_date=datetime.date(2012, 6, 30))
    work = datetime.date(2012, 7, 1)
    assert rules(cadre) == [
        ("entry_before_work", ENTRY_BEFORE_WORK.format(entry=datetime.date(2012, 6, 30), work=work))
    ]


def work(cadre, start, end, post="科员"):
    return WorkRecord.objects.create(cadre=cadre, unit_name="某单位", post=post, start_date=start, end_date=end)


def test_overlapping_work_records_are_found():
    cadre = complete_cadre()
    work(cadre, datetime.date(2012, 7, 1), datetime.date(2016, 8, 31))
    work(cadre, datetime.date(2016, 8, 1), None, "副科长")
    assert [rule for rule, _ in rules(cadre)] == ["work_overlap"]


def test_ongoing_record_followed_by_another_is_an_overlap():
    cadre = complete_cadre()
    work(cadre, datetime.date(2012, 7, 1), None)
    work(cadre, datetime.date(2016, 8, 1), None, "副科长")
    assert [rule for rule, _ in rules(cadre)] == ["work_overlap"]


def test_posts_sharing_a_boundary_month_are_fine():
    cadre = complete_cadre()
    work(cadre, datetime.date(2012, 7, 1), datetime.date(2016, 8, 1))
    work(cadre, datetime.date(2016, 8, 1), None, "副科长")
    assert rules(cadre) == []


def test_next_month_start_is_fine():
    cadre = complete_cadre()
    work(cadre, datetime.date(2012, 7, 1), datetime.date(2016, 7, 31))
    work(cadre, datetime.date(2016, 8, 1), None, "副科长")
    assert rules(cadre) == []


def test_gap_of_a_month_is_found():
    cadre = complete_cadre()
    first = work(cadre, datetime.date(2012, 7, 1), datetime.date(2016, 7, 31))
    second = work(cadre, datetime.date(2016, 9, 1), None, "副科长")
    message = GAP.format(first=first, end=first.end_date, second=second, start=second.start_date, months=1)
    assert rules(cadre) == [("work_gap", message)]


def test_undated_education_record_is_no_finding():
    # Roster imports make these for every cadre (no 入学时间 on a 花名册); 校核 must not flag them all.
    cadre = complete_cadre()
    EducationRecord.objects.create(cadre=cadre, mode="全日制", school="武汉大学")
    work(cadre, datetime.date(2012, 7, 1), None)
    assert rules(cadre) == []


def test_missing_required_fields_are_listed():
    cadre = complete_cadre(id_number="", native_place="", party_joined_date=None)
    assert rules(cadre) == [("missing", MISSING.format(fields="公民身份号码、籍贯、入党时间"))]


def test_party_date_not_required_of_non_members():
    assert rules(complete_cadre(party_joined_date=None, political_status="群众")) == []


def test_checking_a_list_costs_a_fixed_number_of_queries(django_assert_num_queries):
    for _ in range(4):
        cadre = complete_cadre()
        work(cadre, datetime.date(2012, 7, 1), None)
    with django_assert_num_queries(2):
        check_cadres(Cadre.objects.all())

"""Cadre.full_clean (ID number vs birth date and gender, status vs dates), the database constraints
that back it, and Unit.clean."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from cadres.models import Cadre, Channel
from cadres.models.records import (
    BIRTH_AFTER_ENTRY,
    BIRTH_AFTER_WORK,
    BIRTH_DATE_REQUIRED,
    ENTRY_REQUIRED,
    GENDER_REQUIRED,
    ID_BIRTH_MISMATCH,
    ID_GENDER_MISMATCH,
    LEAVE_BEFORE_ENTRY,
    LEAVE_DATE_REQUIRED,
    LEAVE_ONLY_WHEN_LEFT,
    LEAVE_REASON_REQUIRED,
    PENDING_HAS_ENTRY,
    UNIT_PARENT_CYCLE,
)
from cadres.validators import CONTROL_CHARACTERS, ID_CHECK_DIGIT
from tests.factories import make_cadre, make_id_number, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
DUPLICATE_ID = "已有干部使用该公民身份号码"


def build_cadre(**fields):
    """An unsaved cadre that passes full_clean unless `fields` break a rule."""
    values = {
        "name": "张三",
        "gender": "男",
        "birth_date": D(1990, 1, 1),
        "political_status": "中共党员",
        "education": "大学本科",
        "degree": "学士",
        "status": "在职",
        "entry_date": D(2015, 8, 1),
    }
    values.update(fields)
    if "unit" not in values:
        values["unit"] = make_unit()
    if "channel" not in values:
        values["channel"] = Channel.objects.get(code="xuandiao")
    return Cadre(**values)


def create_raw(**fields):
    """Insert a cadre with Cadre.objects.create, bypassing full_clean: only the database checks it."""
    cadre = build_cadre(**fields)
    return Cadre.objects.create(
        **{f.name: getattr(cadre, f.name) for f in Cadre._meta.concrete_fields if f.name != "id"}
    )


def errors_of(cadre):
    with pytest.raises(ValidationError) as excinfo:
        cadre.full_clean()
    return excinfo.value.message_dict


# --- 公民身份号码 vs birth date and gender (GB 11643) ---------------------------------------------


def test_valid_cadre_passes_full_clean():
    build_cadre(id_number=make_id_number(D(1990, 1, 1), "男")).full_clean()


def test_birth_date_contradicting_id_number_is_an_error_on_birth_date():
    cadre = build_cadre(id_number=make_id_number(D(1990, 1, 1)), birth_date=D(1990, 1, 2))
    assert errors_of(cadre)["birth_date"] == [ID_BIRTH_MISMATCH.format(date="1990-01-01")]


def test_birth_date_contradicting_id_number_is_not_overwritten():
    cadre = build_cadre(id_number=make_id_number(D(1990, 1, 1)), birth_date=D(1990, 1, 2))
    errors_of(cadre)
    assert cadre.birth_date == D(1990, 1, 2)


def test_gender_contradicting_id_number_is_an_error_on_gender():
    cadre = build_cadre(id_number=make_id_number(D(1990, 1, 1), "女"), gender="男")
    assert errors_of(cadre)["gender"] == [ID_GENDER_MISMATCH.format(gender="女")]


def test_male_id_number_with_female_gender_is_an_error_on_gender():
    cadre = build_cadre(id_number=make_id_number(D(1990, 1, 1), "男"), gender="女")
    assert errors_of(cadre)["gender"] == [ID_GENDER_MISMATCH.format(gender="男")]


def test_blank_birth_date_and_gender_are_taken_from_id_number():
    cadre = build_cadre(id_number=make_id_number(D(1988, 2, 29), "女"), birth_date=None, gender="")
    cadre.full_clean()
    assert cadre.birth_date == D(1988, 2, 29)
    assert cadre.gender == "女"


def test_blank_birth_date_alone_is_taken_from_id_number():
    cadre = build_cadre(id_number=make_id_number(D(1991, 6, 15), "男"), birth_date=None, gender="男")
    cadre.full_clean()
    assert cadre.birth_date == D(1991, 6, 15)


def test_lowercase_x_in_id_number_is_stored_uppercase():
    number = "11010519491231002X"
    cadre = build_cadre(id_number=number.lower(), birth_date=None, gender="", entry_date=D(1975, 1, 1))
    cadre.full_clean()
    assert cadre.id_number == number


def test_invalid_id_number_is_an_error_on_id_number():
    number = make_id_number(D(1990, 1, 1))
    wrong = number[:17] + ("1" if number[17] != "1" else "2")
    cadre = build_cadre(id_number=wrong)
    assert errors_of(cadre)["id_number"] == [ID_CHECK_DIGIT.format(expected=number[17], actual=wrong[17])]


def test_invalid_id_number_fills_nothing():
    number = make_id_number(D(1990, 1, 1))
    wrong = number[:17] + ("1" if number[17] != "1" else "2")
    errors = errors_of(build_cadre(id_number=wrong, birth_date=None, gender=""))
    assert errors["birth_date"] == [BIRTH_DATE_REQUIRED]
    assert errors["gender"] == [GENDER_REQUIRED]


def test_neither_birth_date_nor_id_number_requires_birth_date():
    assert errors_of(build_cadre(birth_date=None))["birth_date"] == [BIRTH_DATE_REQUIRED]


def test_neither_gender_nor_id_number_requires_gender():
    assert errors_of(build_cadre(gender=""))["gender"] == [GENDER_REQUIRED]


def test_duplicate_id_number_is_refused_by_full_clean():
    number = make_id_number(D(1990, 1, 1))
    make_cadre(id_number=number)
    assert DUPLICATE_ID in errors_of(build_cadre(id_number=number))[NON_FIELD_ERRORS]


def test_duplicate_id_number_typed_with_lowercase_x_is_refused_by_full_clean():
    make_cadre(id_number="11010519491231002X", birth_date=D(1949, 12, 31), gender="女", entry_date=D(1975, 1, 1))
    cadre = build_cadre(id_number="11010519491231002x", birth_date=None, gender="", entry_date=D(1975, 1, 1))
    assert DUPLICATE_ID in errors_of(cadre)[NON_FIELD_ERRORS]


def test_same_id_number_in_full_width_digits_is_not_a_second_cadre():
    # The same person typed with a Chinese IME in full-width mode must not pass as a new record.
    make_cadre(id_number="11010519491231002X", birth_date=D(1949, 12, 31), gender="女", entry_date=D(1975, 1, 1))
    full_width = "11" + "０１０５１９４９１２３１００２" + "X"
    cadre = build_cadre(id_number=full_width, birth_date=None, gender="", entry_date=D(1975, 1, 1))
    with pytest.raises(ValidationError):
        cadre.full_clean()


def test_two_cadres_without_id_number_pass_full_clean():
    make_cadre(id_number="")
    build_cadre(id_number="").full_clean()


def test_control_character_in_name_is_refused():
    assert errors_of(build_cadre(name="张\x07三"))["name"] == [CONTROL_CHARACTERS]


# --- status vs dates ----------------------------------------------------------------------------


def test_pending_recruit_without_entry_date_is_valid():
    build_cadre(status="拟录用", entry_date=None).full_clean()


def test_pending_recruit_with_entry_date_is_refused():
    assert errors_of(build_cadre(status="拟录用"))["entry_date"] == [PENDING_HAS_ENTRY]


def test_active_cadre_without_entry_date_is_refused():
    assert errors_of(build_cadre(status="在职", entry_date=None))["entry_date"] == [ENTRY_REQUIRED]


def test_departed_cadre_without_entry_date_is_refused():
    cadre = build_cadre(status="已离开", entry_date=None, leave_date=D(2020, 1, 1), leave_reason="调出")
    assert errors_of(cadre)["entry_date"] == [ENTRY_REQUIRED]


def test_departed_cadre_with_leave_date_and_reason_is_valid():
    build_cadre(status="已离开", leave_date=D(2020, 1, 1), leave_reason="调出").full_clean()


def test_departed_cadre_without_leave_date_is_refused():
    cadre = build_cadre(status="已离开", leave_reason="调出")
    assert errors_of(cadre)["leave_date"] == [LEAVE_DATE_REQUIRED]


def test_departed_cadre_without_leave_reason_is_refused():
    cadre = build_cadre(status="已离开", leave_date=D(2020, 1, 1))
    assert errors_of(cadre)["leave_reason"] == [LEAVE_REASON_REQUIRED]


def test_leave_date_without_departed_status_is_refused():
    cadre = build_cadre(status="在职", leave_date=D(2020, 1, 1))
    assert errors_of(cadre)["status"] == [LEAVE_ONLY_WHEN_LEFT]


def test_leave_reason_without_departed_status_is_refused():
    cadre = build_cadre(status="在职", leave_reason="调出")
    assert errors_of(cadre)["status"] == [LEAVE_ONLY_WHEN_LEFT]


def test_leave_date_on_entry_date_is_refused():
    cadre = build_cadre(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 8, 1), leave_reason="辞职")
    assert errors_of(cadre)["leave_date"] == [LEAVE_BEFORE_ENTRY]


def test_leave_date_before_entry_date_is_refused():
    cadre = build_cadre(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 7, 31), leave_reason="辞职")
    assert errors_of(cadre)["leave_date"] == [LEAVE_BEFORE_ENTRY]


def test_leave_date_the_day_after_entry_date_is_valid():
    cadre = build_cadre(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 8, 2), leave_reason="辞职")
    cadre.full_clean()


def test_birth_date_on_entry_date_is_refused():
    cadre = build_cadre(birth_date=D(2015, 8, 1), entry_date=D(2015, 8, 1))
    assert errors_of(cadre)["entry_date"] == [BIRTH_AFTER_ENTRY]


def test_birth_date_on_first_work_date_is_refused():
    cadre = build_cadre(birth_date=D(1990, 1, 1), first_work_date=D(1990, 1, 1))
    assert errors_of(cadre)["first_work_date"] == [BIRTH_AFTER_WORK]


# --- the database constraints themselves, without full_clean ------------------------------------


def test_database_refuses_duplicate_non_empty_id_number():
    number = make_id_number(D(1990, 1, 1))
    create_raw(id_number=number)
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(id_number=number)


def test_database_allows_two_empty_id_numbers():
    create_raw(id_number="")
    create_raw(id_number="")
    assert Cadre.objects.filter(id_number="").count() == 2


def test_database_refuses_leave_date_before_entry_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 7, 31), leave_reason="辞职")


def test_database_refuses_leave_date_on_entry_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 8, 1), leave_reason="辞职")


def test_database_allows_leave_date_the_day_after_entry_date():
    create_raw(status="已离开", entry_date=D(2015, 8, 1), leave_date=D(2015, 8, 2), leave_reason="辞职")


def test_database_refuses_blank_gender():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(gender="")


def test_database_refuses_pending_recruit_with_entry_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="拟录用", entry_date=D(2015, 8, 1))


def test_database_refuses_active_cadre_without_entry_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="在职", entry_date=None)


def test_database_refuses_leave_date_without_departed_status():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="在职", leave_date=D(2020, 1, 1))


def test_database_refuses_departed_status_without_leave_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_raw(status="已离开", leave_reason="调出")


# --- Unit.clean ---------------------------------------------------------------------------------


def test_unit_cannot_be_its_own_parent():
    unit = make_unit()
    unit.parent = unit
    with pytest.raises(ValidationError) as excinfo:
        unit.full_clean()
    assert excinfo.value.message_dict["parent"] == [UNIT_PARENT_CYCLE]


def test_unit_cannot_move_under_its_child():
    parent = make_unit()
    child = make_unit(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as excinfo:
        parent.full_clean()
    assert excinfo.value.message_dict["parent"] == [UNIT_PARENT_CYCLE]


def test_unit_cannot_move_under_its_grandchild():
    top = make_unit()
    grandchild = make_unit(parent=make_unit(parent=top))
    top.parent = grandchild
    with pytest.raises(ValidationError) as excinfo:
        top.full_clean()
    assert excinfo.value.message_dict["parent"] == [UNIT_PARENT_CYCLE]


def test_unit_may_move_under_a_unit_outside_its_subtree():
    top = make_unit()
    child = make_unit(parent=top)
    other = make_unit()
    child.parent = other
    child.full_clean()


def test_id_number_with_spaces_inside_is_folded_before_the_length_check():
    cadre = build_cadre(id_number=" 110105 19491231 002x ", birth_date=None, gender="", entry_date=D(1975, 1, 1))

    cadre.full_clean()

    assert cadre.id_number == "11010519491231002X"

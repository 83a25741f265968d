"""公民身份号码 (GB 11643) and control characters, with the exact Chinese messages a person sees."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cadres.validators import (
    CONTROL_CHARACTERS,
    ID_CHECK_DIGIT,
    ID_DATE,
    ID_DATE_RANGE,
    ID_FORMAT,
    ID_LENGTH,
    ID_REGION,
    normalize_id_number,
    parse_id_number,
    validate_id_number,
    validate_no_control_characters,
)

D = datetime.date
TODAY = D(2021, 7, 31)

# Computed here from GB 11643 rather than imported, so the test checks the product's table.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"


def check_char(first17):
    return CHECK_CHARS[sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True)) % 11]


def id_number(region="420204", birth="19900101", serial="123"):
    """A number with a correct check character for the given parts."""
    first17 = region + birth + serial
    return first17 + check_char(first17)


def messages_of(call):
    with pytest.raises(ValidationError) as excinfo:
        call()
    return excinfo.value.messages


# --- valid numbers ------------------------------------------------------------------------------


def test_published_example_number_is_valid():
    # The example of GB 11643-1999 itself.
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.region_code == "110105"
    assert info.birth_date == D(1949, 12, 31)
    assert info.gender == "女"


def test_independent_check_digit_agrees_with_the_published_example():
    assert check_char("11010519491231002") == "X"


def test_valid_number_gives_region_birth_date_and_gender():
    number = id_number(region="420204", birth="19850801", serial="017")
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.region_code == "420204"
    assert info.birth_date == D(1985, 8, 1)
    assert info.gender == "男"


def test_every_check_character_is_accepted_when_correct():
    seen = set()
    for serial in range(1000):
        number = id_number(serial=f"{serial:03d}")
        parse_id_number(number, today=TODAY)
        seen.add(number[-1])
    assert seen == set(CHECK_CHARS)


def test_lowercase_x_is_accepted_and_normalized_to_uppercase():
    info = parse_id_number("11010519491231002x", today=TODAY)
    assert info.number == "11010519491231002X"


def test_spaces_around_and_inside_are_removed():
    assert normalize_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert parse_id_number(" 110105 19491231 002X ", today=TODAY).number == "11010519491231002X"


def test_odd_17th_digit_is_male():
    for digit in "13579":
        assert parse_id_number(id_number(serial="00" + digit), today=TODAY).gender == "男"


def test_even_17th_digit_is_female():
    for digit in "02468":
        assert parse_id_number(id_number(serial="00" + digit), today=TODAY).gender == "女"


def test_unknown_county_code_with_valid_province_is_accepted():
    info = parse_id_number(id_number(region="429999"), today=TODAY)
    assert info.region_code == "429999"


def test_hong_kong_macao_taiwan_province_codes_are_accepted():
    for code in ("71", "81", "82"):
        assert parse_id_number(id_number(region=code + "0000"), today=TODAY).region_code == code + "0000"


def test_birth_date_on_today_is_accepted():
    assert parse_id_number(id_number(birth="20210731"), today=TODAY).birth_date == TODAY


def test_birth_date_1900_01_01_is_accepted():
    assert parse_id_number(id_number(birth="19000101"), today=TODAY).birth_date == D(1900, 1, 1)


def test_29_february_of_leap_year_is_a_valid_birth_date():
    assert parse_id_number(id_number(birth="20000229"), today=TODAY).birth_date == D(2000, 2, 29)


# --- refused numbers ----------------------------------------------------------------------------


def test_number_shorter_than_18_is_refused_with_its_length():
    assert messages_of(lambda: parse_id_number("1101051949123100", today=TODAY)) == [ID_LENGTH.format(length=16)]


def test_number_longer_than_18_is_refused_with_its_length():
    number = id_number() + "1"
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_LENGTH.format(length=19)]


def test_empty_number_is_refused_with_length_zero():
    assert messages_of(lambda: parse_id_number("", today=TODAY)) == [ID_LENGTH.format(length=0)]


def test_15_digit_first_generation_number_is_refused():
    assert messages_of(lambda: parse_id_number("110105491231002", today=TODAY)) == [ID_LENGTH.format(length=15)]


def test_letter_among_first_17_is_refused_as_format():
    assert messages_of(lambda: parse_id_number("1101051949123100AX", today=TODAY)) == [ID_FORMAT]


def test_x_before_the_last_position_is_refused_as_format():
    assert messages_of(lambda: parse_id_number("1101051949123100X2", today=TODAY)) == [ID_FORMAT]


def test_last_character_other_than_digit_or_x_is_refused_as_format():
    assert messages_of(lambda: parse_id_number("11010519491231002Y", today=TODAY)) == [ID_FORMAT]


@pytest.mark.parametrize(
    "number",
    [
        "11" + "０１０５１９４９１２３１００２" + "X",
        "11010519491231002Ｘ",
        "11" + "٠١٠٥١٩٤٩١٢٣١٠٠٢" + "X",
    ],
    ids=["full-width-digits", "full-width-x", "arabic-indic-digits"],
)
def test_non_ascii_characters_are_never_kept_in_the_number(number):
    # GB 11643 uses 0-9 and X. A number typed with a Chinese IME in full-width mode must either be
    # refused or become the ASCII number; kept as typed, the same person could be entered twice past
    # the unique constraint and would not be found by a search for the real number.
    try:
        info = parse_id_number(number, today=TODAY)
    except ValidationError as error:
        assert error.messages == [ID_FORMAT]
    else:
        assert info.number == "11010519491231002X"
        assert info.region_code == "110105"


def test_unknown_province_code_is_refused():
    number = id_number(region="990101")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_REGION.format(code="99")]


def test_province_code_00_is_refused():
    number = id_number(region="000000")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_REGION.format(code="00")]


def test_30_february_is_refused_as_impossible_date():
    number = id_number(birth="19900230")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_DATE.format(text="19900230")]


def test_29_february_of_common_year_is_refused_as_impossible_date():
    number = id_number(birth="19900229")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_DATE.format(text="19900229")]


def test_month_13_is_refused_as_impossible_date():
    number = id_number(birth="19901301")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_DATE.format(text="19901301")]


def test_birth_date_after_today_is_refused():
    number = id_number(birth="20210801")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_DATE_RANGE.format(date="2021-08-01")]


def test_birth_date_before_1900_is_refused():
    number = id_number(birth="18991231")
    assert messages_of(lambda: parse_id_number(number, today=TODAY)) == [ID_DATE_RANGE.format(date="1899-12-31")]


def test_wrong_check_digit_is_refused_with_expected_and_actual():
    message = ID_CHECK_DIGIT.format(expected="X", actual="1")
    assert messages_of(lambda: parse_id_number("110105194912310021", today=TODAY)) == [message]


def test_one_changed_digit_is_caught_by_the_check_digit():
    number = id_number(birth="19900101", serial="123")
    changed = number[:10] + "1" + number[11:]  # month 01 → 11, still a valid date
    expected = check_char(changed[:17])
    assert expected != number[-1]
    message = ID_CHECK_DIGIT.format(expected=expected, actual=number[-1])
    assert messages_of(lambda: parse_id_number(changed, today=TODAY)) == [message]


def test_refusals_carry_their_codes():
    cases = {
        "1101051949123100": "id_length",
        "1101051949123100AX": "id_format",
        id_number(region="990101"): "id_region",
        id_number(birth="19900230"): "id_date",
        id_number(birth="20210801"): "id_date_range",
        "110105194912310021": "id_check_digit",
    }
    for number, code in cases.items():
        with pytest.raises(ValidationError) as excinfo:
            parse_id_number(number, today=TODAY)
        assert excinfo.value.code == code, number


# --- the model-field validator, which checks against today --------------------------------------


def test_field_validator_accepts_a_valid_number():
    validate_id_number("11010519491231002X")


def test_field_validator_refuses_birth_date_after_today():
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    number = id_number(birth=f"{tomorrow:%Y%m%d}")
    message = ID_DATE_RANGE.format(date=tomorrow.isoformat())
    assert messages_of(lambda: validate_id_number(number)) == [message]


def test_field_validator_accepts_birth_date_today():
    today = datetime.date.today()
    validate_id_number(id_number(birth=f"{today:%Y%m%d}"))


# --- control characters -------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f"])
def test_control_character_is_refused(char):
    assert messages_of(lambda: validate_no_control_characters(f"张{char}三")) == [CONTROL_CHARACTERS]


@pytest.mark.parametrize("text", ["", "张三", "第一行\n第二行", "制表\t符", "回车\r\n换行", "=SUM(A1)", "Ａ·Ｂ"])
def test_text_without_control_characters_is_accepted(text):
    validate_no_control_characters(text)


def test_none_is_accepted_by_control_character_validator():
    validate_no_control_characters(None)

"""The one date parser of every reader: each written form, precision, and the month-precision rule."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadres.importing.dates import (
    DATE_INVALID,
    EARLIEST,
    LATEST,
    MONTH_AMBIGUOUS,
    AmbiguousMonth,
    ParsedDate,
    merged_date,
    month_text,
    parse_date,
)
from cadres.importing.problems import Unreadable

D = datetime.date
DAY = ParsedDate(D(1985, 12, 4))
MONTH = ParsedDate(D(1985, 12, 1), month_only=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985-12-04", DAY),
        ("1985.12.04", DAY),
        ("1985/12/04", DAY),
        ("19851204", DAY),
        ("1985年12月4日", DAY),
        ("1985年12月04日", DAY),
        ("1985.12.4", DAY),
        ("１９８５年１２月４日", DAY),
        (" 1985-12-04 00:00:00 ", DAY),
        ("1985-12", MONTH),
        ("1985.12", MONTH),
        ("1985/12", MONTH),
        ("198512", MONTH),
        ("1985年12月", MONTH),
        ("1985.1", ParsedDate(D(1985, 1, 1), month_only=True)),
        ("1985-1", ParsedDate(D(1985, 1, 1), month_only=True)),
        (19851204.0, DAY),
        (198512.0, MONTH),
        (1985.12, MONTH),
        (1985.05, ParsedDate(D(1985, 5, 1), month_only=True)),
        (1985.5, ParsedDate(D(1985, 5, 1), month_only=True)),
        (31385.0, DAY),
        (datetime.datetime(1985, 12, 4, 8, 30), DAY),
        (D(1985, 12, 4), DAY),
    ],
)
def test_each_written_form_is_read_with_its_precision(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "\u3000 "])
def test_blank_is_none(value):
    assert parse_date(value) is None


def test_a_number_1985_1_is_ambiguous_and_the_message_says_why():
    """Excel stores a typed 1985.10 as 1985.1: the number alone cannot say January or October."""
    with pytest.raises(AmbiguousMonth) as error:
        parse_date(1985.1)
    assert str(error.value) == MONTH_AMBIGUOUS.format(value="1985.1", year=1985, first=1, second=10)


def test_a_number_1985_1_shown_with_two_decimals_is_october():
    assert parse_date(1985.1, two_decimals=True) == ParsedDate(D(1985, 10, 1), month_only=True)


def test_text_1985_1_is_january():
    assert parse_date("1985.1") == ParsedDate(D(1985, 1, 1), month_only=True)


@pytest.mark.parametrize(
    "value", ["1990-02-30", "1990.13", "明年", "19901345", 1990.123, 5.5, True, "2101-01-01", 1985.13]
)
def test_impossible_dates_are_refused_with_a_reason(value):
    with pytest.raises(Unreadable):
        parse_date(value)


def test_unrecognised_date_message_names_the_value():
    with pytest.raises(Unreadable) as error:
        parse_date("明年")
    assert str(error.value) == DATE_INVALID.format(value="明年")


def test_a_month_never_overwrites_a_finer_date_of_the_same_month():
    assert merged_date(D(1985, 12, 17), False, MONTH) == (D(1985, 12, 17), False)


def test_a_month_replaces_a_date_of_another_month():
    assert merged_date(D(1985, 11, 17), False, MONTH) == (D(1985, 12, 1), True)


def test_a_full_date_replaces_a_month():
    assert merged_date(D(1985, 12, 1), True, DAY) == (D(1985, 12, 4), False)


def test_nothing_clears():
    assert merged_date(D(1985, 12, 4), False, None) == (None, False)


def test_a_month_is_printed_as_a_month():
    assert month_text(D(1985, 1, 1)) == "1985.01"


cell_values = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@given(cell_values)
def test_any_value_is_a_date_none_or_a_clean_error(value):
    try:
        result = parse_date(value)
    except Unreadable as error:
        assert str(error)
    else:
        assert result is None or EARLIEST <= result.date <= LATEST

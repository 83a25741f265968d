"""Cell values in the forms clerks type them."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadres.roster_import import cells
from tests.factories import make_id_number

D = datetime.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.datetime(1990, 5, 12), cells.ParsedDate(D(1990, 5, 12))),
        (D(1990, 5, 12), cells.ParsedDate(D(1990, 5, 12))),
        ("1990-05-12", cells.ParsedDate(D(1990, 5, 12))),
        ("1990/5/12", cells.ParsedDate(D(1990, 5, 12))),
        ("1990.05.12", cells.ParsedDate(D(1990, 5, 12))),
        ("1990年5月12日", cells.ParsedDate(D(1990, 5, 12))),
        ("１９９０年５月１２日", cells.ParsedDate(D(1990, 5, 12))),
        (" 1990-05-12 00:00:00 ", cells.ParsedDate(D(1990, 5, 12))),
        (19900512.0, cells.ParsedDate(D(1990, 5, 12))),
        ("19900512", cells.ParsedDate(D(1990, 5, 12))),
        (199005.0, cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        ("199005", cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        ("1990.05", cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        ("1990-05", cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        ("1990年5月", cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        (1990.05, cells.ParsedDate(D(1990, 5, 1), month_only=True)),
        (33005.0, cells.ParsedDate(D(1990, 5, 12))),
    ],
)
def test_each_date_form_is_read(value, expected):
    assert cells.parse_date(value) == expected


def test_year_month_number_with_dropped_zero_is_october():
    """1990.10 typed into a number cell comes back as 1990.1: Excel dropped the zero, it is October."""
    assert cells.parse_date(1990.1) == cells.ParsedDate(D(1990, 10, 1), month_only=True)


@pytest.mark.parametrize("value", ["1990-02-30", "1990.13", "明年", "19901345", 1990.123, 5.5, True, "2101-01-01"])
def test_impossible_dates_are_refused_with_a_reason(value):
    with pytest.raises(cells.CellError):
        cells.parse_date(value)


def test_unrecognised_date_message():
    with pytest.raises(cells.CellError) as error:
        cells.parse_date("明年")
    assert str(error.value) == cells.DATE_INVALID.format(value="明年")


def test_blank_date_is_none():
    assert cells.parse_date("\u3000 ") is None


def test_id_number_typed_as_number_is_refused_not_repaired():
    with pytest.raises(cells.CellError) as error:
        cells.id_number(4.20204199005121e17)
    assert str(error.value) == cells.ID_AS_NUMBER


def test_id_number_full_width_and_lowercase_x_accepted():
    number = make_id_number(D(1990, 5, 12))
    typed = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９x"))
    assert cells.id_number(f" {typed}\u3000") == number


def test_padded_two_character_name_is_closed_up():
    assert cells.person_name("张\u3000\u3000三 ") == "张三"


def test_latin_name_keeps_its_spaces():
    assert cells.person_name("Anna Li") == "Anna Li"


def test_control_characters_are_refused():
    with pytest.raises(cells.CellError) as error:
        cells.text("a\x07b")
    assert str(error.value) == cells.CONTROL


@pytest.mark.parametrize(("typed", "stored"), [("本科", "大学本科"), ("大学", "大学本科"), ("研究生", "硕士研究生")])
def test_education_synonyms(typed, stored):
    assert cells.education(typed) == stored


def test_graduate_with_doctorate_is_doctoral():
    assert cells.education("研究生", "博士") == "博士研究生"


@pytest.mark.parametrize(
    ("typed", "stored"), [("法学学士", "学士"), ("硕士学位", "硕士"), ("无", "无"), ("博士", "博士")]
)
def test_degree_forms(typed, stored):
    assert cells.degree(typed) == stored


def test_unknown_choice_lists_the_choices():
    with pytest.raises(cells.CellError) as error:
        cells.choice("外星", ["男", "女"], {})
    assert str(error.value) == cells.CHOICE_INVALID.format(value="外星", choices="男、女")


cell_values = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@given(cell_values)
def test_any_cell_value_is_a_date_none_or_a_clean_error(value):
    try:
        result = cells.parse_date(value)
    except cells.CellError as error:
        assert str(error)
    else:
        assert result is None or cells.EARLIEST <= result.date <= cells.LATEST


@given(cell_values)
def test_any_cell_value_is_an_id_number_or_a_clean_error(value):
    try:
        result = cells.id_number(value)
    except cells.CellError as error:
        assert str(error)
    else:
        assert result == "" or len(result) == 18

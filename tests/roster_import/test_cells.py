"""Cell values in the forms clerks type them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from cadres.importing.problems import Unreadable
from cadres.roster_import import cells
from tests.factories import make_id_number

D = datetime.date


def test_id_number_typed_as_number_is_refused_not_repaired():
    with pytest.raises(Unreadable) as error:
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
    with pytest.raises(Unreadable) as error:
        cells.text("a\x07b")
    assert str(error.value) == cells.CONTROL


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("本科", ("大学本科", "本科", None)),
        ("大学本科", ("大学本科", "", None)),
        ("研究生", ("硕士研究生", "研究生", None)),
        ("省（区、市）委党校研究生", ("硕士研究生", "省（区、市）委党校研究生", "党校")),
        ("在职大学", ("大学本科", "在职大学", "在职")),
    ],
)
def test_an_education_cell_gives_its_level_written_form_and_mode(typed, read):
    assert cells.education(typed) == read


def test_graduate_with_doctorate_is_doctoral():
    assert cells.education("研究生", "博士")[0] == "博士研究生"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("法学学士", ("学士", "法学学士")),
        ("硕士学位", ("硕士", "硕士学位")),
        ("无", ("无", "")),
        ("博士", ("博士", "")),
    ],
)
def test_a_degree_cell_gives_the_degree_and_its_written_form(typed, stored):
    assert cells.degree(typed) == stored


def test_unknown_choice_lists_the_choices():
    with pytest.raises(Unreadable) as error:
        cells.choice("外星", "gender", {})
    assert str(error.value) == cells.CHOICE_INVALID.format(value="外星", choices="男、女")


def test_unknown_ethnicity_names_the_value():
    with pytest.raises(Unreadable) as error:
        cells.ethnicity("火星族")
    assert str(error.value) == cells.ETHNICITY_INVALID.format(value="火星族")


def test_a_status_written_as_the_reason_is_left_with_that_reason():
    assert cells.status("退休") == ("已离开", "退休")


def test_secondment_is_not_leaving():
    assert cells.status("借调") == ("在职", "")


def test_a_rank_the_vocabulary_does_not_know_is_kept_as_written():
    assert cells.rank("正股级") == "正股级"


cell_values = st.one_of(
    st.text(max_size=30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@given(cell_values)
def test_any_cell_value_is_an_id_number_or_a_clean_error(value):
    try:
        result = cells.id_number(value)
    except Unreadable as error:
        assert str(error)
    else:
        assert result == "" or len(result) == 18


# Texts a clerk may type, with the control characters and the lengths (around each field's limit) refused.
TEXTS = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
    | st.text(alphabet="张三\x00\x07\x1f 科员", max_size=40)
    | st.builds(lambda n, tail: "张" * n + tail, st.integers(0, 120), st.sampled_from(["", "\x07", " "]))
)


@given(name=st.sampled_from(sorted(cells.CADRE_FIELDS)), value=TEXTS)
def test_checked_text_is_what_the_model_field_cleans(name, value):
    """cells._checked calls a field's validators directly: the same value, or the same messages, as Field.clean."""
    try:
        expected = cells.CADRE_FIELDS[name].clean(value, None)
    except ValidationError as error:
        with pytest.raises(Unreadable) as refused:
            cells._checked(name, value)
        assert str(refused.value) == "；".join(error.messages)
    else:
        assert cells._checked(name, value) == expected

"""The long select widgets render the HTML Django's own Select and SelectMultiple render."""

import pytest
from django import forms

from reports.widgets import LongSelect, LongSelectMultiple

CHOICES = [("", "全区"), (1, "某镇"), (2, "<某局> & “委”"), (3, "某街道")]


@pytest.mark.parametrize("value", [None, "", "2", 2, "9"])
def test_long_select_renders_as_djangos_select(value):
    attrs = {"id": "id_unit", "required": True, "aria-invalid": "true"}

    ours = LongSelect(choices=CHOICES).render("unit", value, attrs)

    assert ours == forms.Select(choices=CHOICES).render("unit", value, attrs)


@pytest.mark.parametrize("value", [None, [], ["1"], ["1", "3"], [3, "9"]])
def test_long_select_multiple_renders_as_djangos_select_multiple(value):
    choices = CHOICES[1:]

    ours = LongSelectMultiple(choices=choices).render("own_unit", value, {"id": "id_own_unit"})

    assert ours == forms.SelectMultiple(choices=choices).render("own_unit", value, {"id": "id_own_unit"})


def test_single_select_marks_only_the_first_match():
    choices = [("a", "甲"), ("a", "甲（重复）")]

    assert LongSelect(choices=choices).render("x", "a") == forms.Select(choices=choices).render("x", "a")


def test_option_groups_are_left_to_django():
    choices = [("乡镇", [(1, "某镇"), (2, "另一镇")]), (3, "某局")]

    assert LongSelect(choices=choices).render("x", "2") == forms.Select(choices=choices).render("x", "2")

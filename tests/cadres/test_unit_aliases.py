"""Units known by several names: every reader resolves a name through the aliases."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from cadres.models import Unit, UnitAlias
from cadres.models.records import ALIAS_IS_UNIT_NAME, UNIT_NAME_IS_ALIAS
from tests.factories import make_unit

pytestmark = pytest.mark.django_db


def test_a_unit_is_found_by_its_name_and_by_each_alias():
    unit = make_unit("中共下陆区委组织部")
    for name in ("区委组织部", "下陆区委组织部"):
        UnitAlias.objects.create(unit=unit, name=name)
    names = Unit.objects.all().by_name()
    assert {name: found.pk for name, found in names.items()} == {
        "中共下陆区委组织部": unit.pk,
        "区委组织部": unit.pk,
        "下陆区委组织部": unit.pk,
    }


def test_by_name_costs_two_queries(django_assert_num_queries):
    UnitAlias.objects.create(unit=make_unit("甲单位"), name="甲")
    with django_assert_num_queries(2):
        Unit.objects.all().by_name()


def test_an_alias_cannot_be_another_units_name():
    make_unit("区委组织部")
    alias = UnitAlias(unit=make_unit("中共下陆区委组织部"), name="区委组织部")
    with pytest.raises(ValidationError) as error:
        alias.full_clean()
    assert error.value.message_dict == {"name": [ALIAS_IS_UNIT_NAME.format(name="区委组织部")]}


def test_a_unit_cannot_take_a_name_that_is_another_units_alias():
    UnitAlias.objects.create(unit=make_unit("中共下陆区委组织部"), name="区委组织部")
    unit = Unit(name="区委组织部", kind="党政机关")
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict == {
        "name": [UNIT_NAME_IS_ALIAS.format(name="区委组织部", unit="中共下陆区委组织部")]
    }


def test_the_demo_seeds_aliases_for_the_names_rosters_use():
    call_command("loaddata", "fixtures/demo.json", verbosity=0)
    names = Unit.objects.all().by_name()
    assert names["区委组织部"].name == names["下陆区委组织部"].name == "中共下陆区委组织部"
    assert names["团山街道"].name == "团山街道办事处"

"""StatsParams is parsed in one place and written in one place: to_query reads back through from_query
(the form every page uses) to the same parameters, the archive's fields give them back, and as_dict is
the shape of the JSON and of the audit trail (reports/params.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.forms import DATE_INVALID
from cadres.models import Channel
from reports.models import MonthlyReport
from reports.params import MAX_AGE_RANGE, RECENT_YEARS_RANGE, StatsParams
from tests.factories import make_unit

pytestmark = pytest.mark.django_db

CODES = ["xuandiao", "gongwuyuan", "zhaoshuo", "shiye", "shequ", "zhuanli", "diaoru", "tuiwu", "qita"]

params_without_unit = st.builds(
    StatsParams,
    as_of=st.dates(datetime.date(1950, 1, 1), datetime.date(2099, 12, 31)),
    max_age=st.integers(0, 100),
    recent_years=st.integers(1, 50),
    excluded=st.sets(st.tuples(st.integers(1949, 2100), st.sampled_from(CODES)), max_size=5).map(
        lambda pairs: tuple(sorted(pairs))
    ),
)


def as_query_dict(pairs):
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, str(value))
    return query


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params_without_unit)
def test_to_query_reads_back_through_from_query_to_the_same_params(params):
    assert set(CODES) == set(Channel.objects.values_list("code", flat=True))
    assert StatsParams.from_query(as_query_dict(params.to_query())) == params


def test_a_unit_travels_by_its_id():
    params = StatsParams(as_of=datetime.date(2021, 7, 31), excluded=((2021, "shiye"),), unit=make_unit("甲单位"))
    assert ("unit", params.unit.pk) in params.to_query()
    assert StatsParams.from_query(as_query_dict(params.to_query())) == params


def test_from_query_reports_every_problem_in_the_forms_words():
    query = QueryDict("as_of=2021-02-30&max_age=101&recent_years=0")
    with pytest.raises(ValidationError) as caught:
        StatsParams.from_query(query)
    assert sorted(caught.value.messages) == sorted([DATE_INVALID, MAX_AGE_RANGE, RECENT_YEARS_RANGE])


def test_from_query_takes_a_plain_dict_with_a_list_of_exclusions():
    params = StatsParams.from_query(
        {"as_of": "2021-07-31", "max_age": "35", "recent_years": "3", "exclude": ["2021:shiye", "2021:公务员招录"]}
    )
    assert params.excluded == ((2021, "gongwuyuan"), (2021, "shiye"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params_without_unit)
def test_the_monthly_archive_keeps_the_params_it_was_made_with(params):
    assert MonthlyReport(**MonthlyReport.fields_of(params)).params == params


def test_as_dict_names_the_unit_and_each_exclusion():
    unit = make_unit("乙单位")
    params = StatsParams(as_of=datetime.date(2021, 7, 31), excluded=((2021, "gongwuyuan"),), unit=unit)
    assert params.as_dict() == {
        "as_of": "2021-07-31",
        "max_age": 35,
        "recent_years": 3,
        "excluded": [{"year": 2021, "channel": "gongwuyuan"}],
        "unit": {"id": unit.pk, "name": "乙单位"},
    }

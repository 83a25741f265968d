"""Parameters of the statistics: defaults, the exclude syntax, and a 400 in Chinese for each bad value."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone

from accounts.roles import UNIT_CLERK, role_group
from cadres.forms import DATE_INVALID as INVALID_DATE
from cadres.forms import UNIT_UNKNOWN
from reports.params import (
    INTAKE_FORMAT,
    INTAKE_UNKNOWN_CHANNEL,
    INTAKE_YEAR,
    MAX_AGE_RANGE,
    PARAMS_INVALID,
    RECENT_YEARS_RANGE,
    StatsParams,
    StatsParamsForm,
    channel_lookup,
    parse_intakes,
)
from tests.factories import make_unit

from .helpers import JSON_URL, STATS_URL, XLSX_URL, url

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 7, 31)


def form_for(query, **kwargs):
    kwargs.setdefault("today", TODAY)
    return StatsParamsForm(QueryDict(query), **kwargs)


def excluded_pairs(response):
    assert response.status_code == 200, response.content.decode()
    return [(item["year"], item["channel"]) for item in response.json()["excluded"]]


def unknown_channel_message(code):
    return INTAKE_UNKNOWN_CHANNEL.format(code=code, names="、".join(channel_lookup().names))


# Defaults -------------------------------------------------------------------------------------


def test_absent_parameters_take_the_articles_defaults():
    form = form_for("")

    assert form.is_valid(), form.errors
    assert form.params() == StatsParams(as_of=TODAY, max_age=35, recent_years=3, excluded=(), unit=None)


def test_empty_parameters_take_the_defaults():
    form = form_for("as_of=&max_age=&recent_years=&exclude=&unit=")

    assert form.is_valid(), form.errors
    assert form.params() == StatsParams(as_of=TODAY, max_age=35, recent_years=3, excluded=(), unit=None)


def test_given_parameters_override_the_defaults():
    unit = make_unit()
    form = form_for(f"as_of=2020-12-31&max_age=40&recent_years=5&exclude=2020:xuandiao&unit={unit.pk}")

    assert form.is_valid(), form.errors
    assert form.params() == StatsParams(
        as_of=datetime.date(2020, 12, 31), max_age=40, recent_years=5, excluded=((2020, "xuandiao"),), unit=unit
    )


def test_json_defaults_to_today_35_and_three_years(admin_client):
    before = timezone.localdate()
    data = admin_client.get(JSON_URL).json()
    after = timezone.localdate()

    assert data["as_of"] in {before.isoformat(), after.isoformat()}
    assert (data["max_age"], data["recent_years"], data["excluded"]) == (35, 3, [])


@pytest.mark.parametrize("text", ["2021-07-31", "2021年7月31日", "2021.07.31"])
def test_as_of_accepts_the_usual_chinese_date_formats(text):
    form = form_for(f"as_of={text}")

    assert form.is_valid(), form.errors
    assert form.params().as_of == datetime.date(2021, 7, 31)


@pytest.mark.parametrize(
    ("name", "value"), [("max_age", 0), ("max_age", 100), ("recent_years", 1), ("recent_years", 50)]
)
def test_range_limits_are_accepted(name, value):
    form = form_for(f"{name}={value}")

    assert form.is_valid(), form.errors
    assert getattr(form.params(), name) == value


@pytest.mark.parametrize("year", [1949, 2100])
def test_exclude_year_limits_are_accepted(year):
    form = form_for(f"exclude={year}:xuandiao")

    assert form.is_valid(), form.errors
    assert form.params().excluded == ((year, "xuandiao"),)


# The exclude syntax ---------------------------------------------------------------------------


def test_exclude_may_be_repeated(admin_client):
    response = admin_client.get(url(JSON_URL, [("exclude", "2021:gongwuyuan"), ("exclude", "2021:shiye")]))

    assert excluded_pairs(response) == [(2021, "gongwuyuan"), (2021, "shiye")]


def test_exclude_may_be_comma_separated(admin_client):
    response = admin_client.get(url(JSON_URL, [("exclude", "2021:gongwuyuan,2021:shiye")]))

    assert excluded_pairs(response) == [(2021, "gongwuyuan"), (2021, "shiye")]


def test_exclude_accepts_chinese_punctuation():
    form = form_for("exclude=2021：gongwuyuan，2020：shiye")

    assert form.is_valid(), form.errors
    assert form.params().excluded == ((2020, "shiye"), (2021, "gongwuyuan"))


def test_exclude_may_name_the_channel(admin_client):
    response = admin_client.get(url(JSON_URL, [("exclude", "2021:公务员招录")]))

    assert excluded_pairs(response) == [(2021, "gongwuyuan")]


def test_duplicate_exclusions_collapse(admin_client):
    query = [("exclude", "2021:gongwuyuan"), ("exclude", "2021:公务员招录"), ("exclude", "2021:gongwuyuan,2021:shiye")]

    assert excluded_pairs(admin_client.get(url(JSON_URL, query))) == [(2021, "gongwuyuan"), (2021, "shiye")]


def test_parse_intakes_returns_sorted_unique_pairs():
    pairs = parse_intakes(["2021:shiye, 2020:xuandiao", "2021:事业单位招聘"], channel_lookup())

    assert pairs == ((2020, "xuandiao"), (2021, "shiye"))


def test_parse_intakes_reports_every_bad_item():
    with pytest.raises(ValidationError) as caught:
        parse_intakes(["2021", "abc:xuandiao,1900:xuandiao", "2021:nosuch"], channel_lookup())

    assert caught.value.messages == [
        INTAKE_FORMAT.format(value="2021"),
        INTAKE_FORMAT.format(value="abc:xuandiao"),
        INTAKE_YEAR.format(year=1900),
        unknown_channel_message("nosuch"),
    ]


# Bad parameters: 400 with the Chinese message -----------------------------------------------

BAD_PARAMETERS = [
    pytest.param("as_of=2021-02-30", INVALID_DATE, id="impossible-date"),
    pytest.param("as_of=July+31", INVALID_DATE, id="text-date"),
    pytest.param("as_of=2021-13-01", INVALID_DATE, id="month-13"),
    pytest.param("exclude=2021:nosuch", None, id="unknown-channel"),
    pytest.param("exclude=2021", INTAKE_FORMAT.format(value="2021"), id="exclude-without-channel"),
    pytest.param("exclude=abc:xuandiao", INTAKE_FORMAT.format(value="abc:xuandiao"), id="exclude-without-year"),
    pytest.param("exclude=1948:xuandiao", INTAKE_YEAR.format(year=1948), id="exclude-year-too-early"),
    pytest.param("exclude=2101:xuandiao", INTAKE_YEAR.format(year=2101), id="exclude-year-too-late"),
    pytest.param("max_age=-1", MAX_AGE_RANGE, id="max-age-negative"),
    pytest.param("max_age=101", MAX_AGE_RANGE, id="max-age-101"),
    pytest.param("max_age=abc", MAX_AGE_RANGE, id="max-age-text"),
    pytest.param("recent_years=0", RECENT_YEARS_RANGE, id="recent-years-0"),
    pytest.param("recent_years=51", RECENT_YEARS_RANGE, id="recent-years-51"),
    pytest.param("unit=999999", UNIT_UNKNOWN, id="unknown-unit"),
    pytest.param("unit=abc", UNIT_UNKNOWN, id="unit-text"),
]


@pytest.mark.parametrize(("query", "message"), BAD_PARAMETERS)
def test_bad_parameter_gives_400_with_the_chinese_message(admin_client, query, message):
    message = message or unknown_channel_message("nosuch")

    response = admin_client.get(f"{JSON_URL}?{query}")

    assert response.status_code == 400
    data = response.json()
    assert data["error"] == PARAMS_INVALID
    assert len(data["messages"]) == 1
    assert data["messages"][0].endswith(message)
    # Readable as sent, not \u-escaped.
    assert message in response.content.decode()


def test_every_bad_parameter_is_reported_at_once(admin_client):
    response = admin_client.get(f"{JSON_URL}?as_of=2021-02-30&max_age=101&recent_years=0")

    assert response.status_code == 400
    messages = response.json()["messages"]
    assert len(messages) == 3
    for message in (INVALID_DATE, MAX_AGE_RANGE, RECENT_YEARS_RANGE):
        assert any(text.endswith(message) for text in messages)


@pytest.mark.parametrize(("query", "message"), BAD_PARAMETERS)
def test_bad_parameter_on_the_page_gives_400_with_the_message(admin_client, query, message):
    message = message or unknown_channel_message("nosuch")

    response = admin_client.get(f"{STATS_URL}?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(("query", "message"), BAD_PARAMETERS)
def test_bad_parameter_on_the_xlsx_download_gives_400_not_a_workbook(admin_client, query, message):
    message = message or unknown_channel_message("nosuch")

    response = admin_client.get(f"{XLSX_URL}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


def test_unit_outside_the_users_scope_is_unknown(client, django_user_model):
    own, other = make_unit(), make_unit()
    clerk = django_user_model.objects.create_user(username="clerk", password="Xl-Clerk-2021")
    clerk.groups.add(role_group(UNIT_CLERK))
    own.staff.add(clerk)
    client.force_login(clerk)

    assert client.get(f"{JSON_URL}?as_of=2021-07-31&unit={own.pk}").status_code == 200
    response = client.get(f"{JSON_URL}?as_of=2021-07-31&unit={other.pk}")

    assert response.status_code == 400
    assert response.json()["messages"][0].endswith(UNIT_UNKNOWN)

"""Admin changelists filter only by their declared filters (config/admin_lookups.py): a masked 公民身份号码
cannot be read back through `?id_number__startswith=`, `__regex`, `__exact` or `__contains`, nor through a
relation, a search or an ordering; the declared filters and the date hierarchy still work."""

import datetime

import pytest
from django.contrib import admin

from accounts.roles import READ_ONLY
from config.admin_lookups import DeclaredLookupsMixin
from tests.factories import add_member, make_cadre, make_id_number, make_section, make_unit, make_user

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1991, 1, 2)
CHANGELIST = "/admin/cadres/cadre/"


@pytest.fixture
def read_only(client):
    """A 只读 user of a unit with one cadre whose number they see masked; returns (client, the number)."""
    unit = make_unit()
    number = make_id_number(BIRTH)
    make_cadre(unit=unit, birth_date=BIRTH, id_number=number)
    client.force_login(make_user(READ_ONLY, units=[unit]))
    return client, number


def listed(client, query):
    """Return (status, number of cadres listed) of the cadre changelist with `query`."""
    response = client.get(f"{CHANGELIST}?{query}")
    count = response.context["cl"].result_count if response.status_code == 200 else None
    return response.status_code, count


def test_the_digit_by_digit_id_number_oracle_learns_nothing(read_only):
    client, number = read_only
    learned = ""
    for _position in range(len(number)):
        answers = {digit: listed(client, f"id_number__startswith={learned}{digit}") for digit in "0123456789X"}
        hits = [digit for digit, (status, count) in answers.items() if status == 200 and count]
        if len(hits) != 1:
            break
        learned += hits[0]
    assert learned == ""


@pytest.mark.parametrize("lookup", ["startswith", "regex", "exact", "contains", "iexact", "istartswith", "gt"])
def test_a_lookup_on_the_id_number_is_refused_whether_right_or_wrong(read_only, lookup):
    client, number = read_only
    right, wrong = number[:13], "9" * 13
    if lookup in ("exact", "iexact"):
        right, wrong = number, "9" * 18
    assert listed(client, f"id_number__{lookup}={right}") == listed(client, f"id_number__{lookup}={wrong}")
    assert listed(client, f"id_number__{lookup}={right}")[0] == 400


def test_a_plain_id_number_parameter_is_refused(read_only):
    client, number = read_only
    assert listed(client, f"id_number={number}")[0] == 400


def test_searching_by_id_number_finds_nobody_for_a_user_who_sees_it_masked(read_only):
    client, number = read_only
    assert listed(client, f"q={number}") == (200, 0)
    assert listed(client, f"q={number[:10]}") == (200, 0)


def test_the_id_number_through_a_relation_is_refused_in_the_staffing_admin(client):
    unit = make_unit()
    number = make_id_number(BIRTH)
    section = make_section(unit=unit)
    add_member(section, make_cadre(unit=unit, birth_date=BIRTH, id_number=number))
    client.force_login(make_user(READ_ONLY, units=[unit]))
    response = client.get(f"/admin/staffing/sectionmember/?cadre__id_number__startswith={number[:10]}")
    assert response.status_code == 400


def test_every_admin_of_the_site_takes_only_declared_lookups():
    undeclared = [
        type(model_admin).__name__
        for model_admin in admin.site._registry.values()
        if not isinstance(model_admin, DeclaredLookupsMixin)
    ]
    assert undeclared == []


@pytest.mark.parametrize("model", [model for model in admin.site._registry], ids=lambda model: model._meta.label_lower)
def test_an_undeclared_lookup_on_any_admin_is_refused_even_for_a_superuser(admin_client, model):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/?id__gte=0"
    assert admin_client.get(url).status_code == 400


def test_the_declared_filters_and_the_date_hierarchy_still_work(read_only):
    client, _ = read_only
    assert listed(client, "status__exact=在职") == (200, 1)
    assert listed(client, "status__exact=已离开") == (200, 0)
    assert listed(client, "entry_date__year=2015&entry_date__month=8") == (200, 1)
    assert listed(client, "gender__exact=男&entry_date__year=2016") == (200, 0)


@pytest.mark.parametrize(
    "query", ["entry_date__year=9999&entry_date__month=12", "entry_date__year=9999", "entry_date__year=x"]
)
def test_a_date_hierarchy_year_out_of_range_is_refused_not_an_error(read_only, query):
    client, _ = read_only
    assert listed(client, query)[0] == 400


# --- the cadre list (/cadres/) and saved filters --------------------------------------------------


def names_listed(client, query):
    response = client.get(f"/cadres/?{query}")
    assert response.status_code == 200
    return [row.record.pk for row in response.context["table"].page.object_list]


def test_the_cadre_list_ignores_lookups_it_does_not_declare(read_only):
    client, number = read_only
    everyone = names_listed(client, "")
    assert names_listed(client, f"id_number__startswith={number[:10]}") == everyone
    assert names_listed(client, "id_number__startswith=999") == everyone


def test_the_cadre_list_search_does_not_match_a_masked_number(read_only):
    client, number = read_only
    assert names_listed(client, f"q={number}") == []
    assert names_listed(client, f"q={number[:6]}") == []


def test_the_cadre_list_cannot_be_sorted_by_the_id_number(read_only):
    client, _ = read_only
    response = client.get("/cadres/?sort=id_number")
    assert response.status_code == 200
    assert response.context["table"].order_by == ()


def test_a_saved_filter_of_an_id_number_lookup_lists_what_the_plain_list_lists(read_only):
    client, number = read_only
    response = client.post("/cadres/saved/", {"name": "探测", "query": f"id_number__startswith={number[:10]}"})
    assert response.status_code == 302
    assert names_listed(client, response["Location"].split("?", 1)[1]) == names_listed(client, "")


@pytest.mark.parametrize("model", [model for model in admin.site._registry], ids=lambda model: model._meta.label_lower)
def test_no_admin_searches_lists_or_orders_by_the_id_number_for_a_user_who_sees_it_masked(rf, model):
    request = rf.get("/")
    request.user = make_user(READ_ONLY, units=[make_unit()])
    model_admin = admin.site._registry[model]
    fields = [
        *model_admin.get_search_fields(request),
        *(name for name in model_admin.get_list_display(request) if isinstance(name, str)),
        *(name.lstrip("-") for name in model_admin.get_ordering(request) or ()),
        *(name for name in model_admin.get_sortable_by(request) if isinstance(name, str)),
    ]
    assert [name for name in fields if "id_number" in name] == []

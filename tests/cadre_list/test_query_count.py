"""The roster page costs the same few queries whatever the number of cadres (issue: provincial scale).

Pinned at two sizes, on the first page and on a deep page with three filters: the experience columns
come from the stored summary joined once, the channels and the units are read once each, the session is touched with one
UPDATE (config/sessions.py).
"""

import datetime

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session

from config.sessions import SessionStore
from tests.factories import make_cadre, make_unit, make_work_record
from tests.reports.helpers import url

from .helpers import AS_OF, ROSTER_URL

pytestmark = pytest.mark.django_db

# Session, user, channels (with their groups), COUNT, page, units (once for the three unit pickers),
# saved filters, session touched.
MAX_QUERIES = 8


def make_roster(count):
    township = make_unit("某街道", kind="街道")
    organ = make_unit("某局", kind="党政机关")
    for number in range(count):
        cadre = make_cadre(
            gender="女" if number % 2 else "男", unit=township if number % 3 else organ, education="大学本科"
        )
        make_work_record(cadre, datetime.date(2015, 8, 1), unit=township if number % 3 else organ)


@pytest.mark.parametrize("count", [3, 130])
def test_roster_page_queries_do_not_grow_with_the_cadres(admin_client, django_assert_max_num_queries, count):
    make_roster(count)
    first = url(ROSTER_URL, [("as_of", AS_OF.isoformat())])
    filters = [("as_of", AS_OF.isoformat()), ("gender", "女"), ("education", "大学本科"), ("grassroots", "1")]
    deep = url(ROSTER_URL, [*filters, ("page", "2" if count > 100 else "1")])
    admin_client.get(first)  # the session and the caches of a first visit
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(first)
    assert response.status_code == 200
    assert len(response.context["table"].paginated_rows) == min(count, 50)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = admin_client.get(deep)
    assert response.status_code == 200
    rows = list(response.context["table"].paginated_rows)
    assert rows and all(row.get_cell("grassroots") == "有" and row.record.gender == "女" for row in rows)


def test_session_saved_with_one_update_and_refused_when_gone():
    store = SessionStore()
    store["key"] = "value"
    store.save()  # created as by Django
    again = SessionStore(session_key=store.session_key)
    again["key"] = "changed"
    again.save()
    assert SessionStore(session_key=store.session_key)["key"] == "changed"
    Session.objects.filter(session_key=store.session_key).delete()
    again["key"] = "lost"
    with pytest.raises(UpdateError):
        again.save()


# Sorts on values unique in the list: with ties, no two queries need to agree on the order within a tie.
@pytest.mark.parametrize("sort", ["", "name", "-post", "age", "-entry_date"])
def test_pages_split_the_list_in_its_order_whatever_the_sort(admin_client, sort):
    units = [make_unit(f"单位{number:02d}", kind="街道") for number in range(7)]
    for number in range(45):
        cadre = make_cadre(
            name=f"干部{number:02d}",
            unit=units[number % 7],
            birth_date=datetime.date(1986, 1, 1) + datetime.timedelta(days=37 * number),
            entry_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=11 * number),
            leave_date=datetime.date(2021, 1, 1) if number % 5 == 0 else None,
        )
        make_work_record(cadre, datetime.date(2015, 8, 1), unit=units[(number * 3) % 7], post=f"职务{44 - number:02d}")

    def names(**params):
        query = [("as_of", AS_OF.isoformat()), ("sort", sort), *params.items()]
        response = admin_client.get(url(ROSTER_URL, query))
        return [row.record.name for row in response.context["table"].paginated_rows]

    pages = names(per_page="20", page="1") + names(per_page="20", page="2") + names(per_page="20", page="3")

    assert pages == names(per_page="100")
    assert len(set(pages)) == 45

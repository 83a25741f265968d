"""Readers and builders shared by the cadre list tests."""

import datetime

from cadres.models import PoolMembership, PoolStatusChange, Secondment, WorkRecord
from tests.reports.helpers import url

AS_OF = datetime.date(2021, 7, 31)
ROSTER_URL = "/cadres/"
JSON_URL = "/cadres.json"
EXPORT_URL = "/cadres/export.xlsx"


def listed(client, params=()):
    """Return the sorted names /cadres.json lists for `params` (as_of 2021-07-31 unless given)."""
    params = list(params.items()) if isinstance(params, dict) else list(params)
    if not any(key == "as_of" for key, _ in params):
        params.append(("as_of", AS_OF.isoformat()))
    response = client.get(url(JSON_URL, params))
    assert response.status_code == 200, response.content.decode()
    data = response.json()
    assert data["count"] == len(data["results"])
    return sorted(row["name"] for row in data["results"])


def work(cadre, start, end=None, *, unit=None, unit_name="", unit_kind="", post="科员"):
    """Record a post of `cadre` from `start` to `end` (the last day; None while it lasts)."""
    return WorkRecord.objects.create(
        cadre=cadre, unit=unit, unit_name=unit_name, unit_kind=unit_kind, post=post, start_date=start, end_date=end
    )


def seconded(cadre, start, end=None, *, to_unit=None, to_unit_name="", to_unit_kind=""):
    """Record a 挂职 of `cadre` from `start` to `end`."""
    return Secondment.objects.create(
        cadre=cadre,
        kind="挂职",
        to_unit=to_unit,
        to_unit_name=to_unit_name,
        to_unit_kind=to_unit_kind,
        start_date=start,
        end_date=end,
    )


def pooled(cadre, entered, *changes, left=None):
    """Put `cadre` in the pool on `entered`; `changes` are (date, status) after the first status."""
    membership = PoolMembership.objects.create(cadre=cadre, entered_on=entered, recommended_by="组织部门", left_on=left)
    PoolStatusChange.objects.create(membership=membership, status="年轻干部", changed_on=entered)
    for day, status in changes:
        PoolStatusChange.objects.create(membership=membership, status=status, changed_on=day)
    return membership

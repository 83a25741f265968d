"""Readers shared by the cadre list tests (the builders are in tests/factories)."""

import datetime

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

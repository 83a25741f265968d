"""Builders and readers shared by the access tests: users with a role, admin URLs, form data."""

import datetime

from django.urls import reverse

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from tests.factories import inline_data

AS_OF = "2021-07-31"


# ASCII names of the roles for test ids (pytest escapes Chinese ids to \\u sequences).
ROLE_IDS = {LEADER: "leader", CADRE_SECTION: "cadre-section", UNIT_CLERK: "unit-clerk", READ_ONLY: "read-only"}


def role_id(value):
    """Return the test id of a parameter: a role's ASCII name, "no-role" for None, else the value."""
    return "no-role" if value is None else ROLE_IDS.get(value, str(value))


def admin_url(name, *args):
    """Return the URL of the cadre admin view `name` (changelist, add, change, history, delete)."""
    return reverse(f"admin:cadres_cadre_{name}", args=args)


def history_version_url(cadre, history_id):
    return reverse("admin:cadres_cadre_simple_history", args=(cadre.pk, history_id))


def form_value(value):
    """Return a form's initial value as it would be posted back."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def change_form_data(response, **changes):
    """Return the POST data of the admin form in `response` as it was opened, with `changes`."""
    form = response.context["adminform"].form
    data = {name: form_value(form[name].value()) for name in form.fields}
    data.update(inline_data(response))
    data.update(changes)
    data["_save"] = "保存"
    return data

"""Each app declares its own audit codes and registers them; the audit page lists them all
(audit/actions.py)."""

import pytest
from django.db import models

from accounts.audit_actions import AccountAction
from audit.actions import action_choices, action_label, register
from audit.forms import AuditFilterForm
from cadres.audit_actions import CadreAction
from reports.audit_actions import ReportAction

pytestmark = pytest.mark.django_db


def test_the_audit_filter_offers_the_codes_of_every_app():
    offered = dict(AuditFilterForm().fields["action"].choices)
    for actions in (AccountAction, CadreAction, ReportAction):
        assert {code: offered[code] for code in actions.values} == dict(actions.choices)


def test_a_code_no_longer_declared_is_shown_as_itself():
    assert action_label("cadres.something.retired") == "cadres.something.retired"


def test_a_declared_code_is_shown_by_its_label():
    assert action_label("cadres.pool.exited") == "移出年轻干部库"


def test_two_apps_may_not_give_one_code_two_names():
    class Clash(models.TextChoices):
        LOGIN = "auth.login", "另一个名字"

    with pytest.raises(ValueError, match=r"auth\.login"):
        register(Clash)
    assert dict(action_choices())["auth.login"] == "登录"

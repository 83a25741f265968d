"""Limits on what is accepted: a monthly report only for 1949-01 up to the current month (reports/monthly.py);
create_user's password rules in Chinese (accounts/passwords.py)."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.passwords import PASSWORD_TOO_SHORT
from reports.models import MonthlyReport
from reports.monthly import MONTH_RANGE, parse_month
from tests.factories import make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize("month", ["9999-12", "2027-01", "1948-12", "0001-01"])
def test_a_month_outside_1949_to_this_month_is_refused(month):
    with pytest.raises(ValueError) as refused:
        parse_month(month, today=TODAY)
    assert str(refused.value) == MONTH_RANGE.format(value=month, latest=TODAY)


def test_the_current_month_and_january_1949_are_accepted():
    assert parse_month("2026-12", today=TODAY) == datetime.date(2026, 12, 31)
    assert parse_month("1949-01", today=TODAY) == datetime.date(1949, 1, 31)


def test_a_monthly_report_for_9999_12_is_refused_and_not_archived(client):
    client.force_login(make_user(superuser=True))
    response = client.post("/reports/monthly/", {"month": "9999-12", "max_age": 35, "recent_years": 3})
    assert response.status_code in (200, 400)
    assert "超出范围" in response.content.decode()
    assert not MonthlyReport.objects.exists()


def test_create_user_says_a_short_password_is_too_short_in_chinese(monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", "Xl-2021")
    with pytest.raises(CommandError) as refused:
        call_command("create_user", "zhangsan", "--role", "干部科", "--password-env", "NEW_PASSWORD")
    assert PASSWORD_TOO_SHORT.format(min_length=10) in str(refused.value)
    assert "password" not in str(refused.value).lower()

"""System checks on the environment."""

import pytest

from cadres import checks

pytestmark = pytest.mark.django_db


def test_an_sqlite_library_older_than_3_35_is_an_error(monkeypatch, settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        assert checks.sqlite_version_check(databases=["default"]) == []
        return
    monkeypatch.setattr(checks.sqlite3, "sqlite_version_info", (3, 34, 1))
    monkeypatch.setattr(checks.sqlite3, "sqlite_version", "3.34.1")
    (error,) = checks.sqlite_version_check(databases=["default"])
    assert (error.id, error.msg) == ("cadres.E001", checks.SQLITE_TOO_OLD.format(version="3.34.1"))


def test_this_sqlite_is_new_enough():
    assert checks.sqlite_version_check(databases=["default"]) == []

"""Shared fixtures; pytest-django's `admin_user` and `admin_client` serve as the superuser."""

import importlib

import pytest
from django.apps import apps

SEED_MIGRATIONS = [
    "cadres.migrations.0002_seed_channels",
    "cadres.migrations.0003_roles",
    "reports.migrations.0002_monthly_report_roles",
    "cadres.migrations.0007_roles_for_records",
    "cadres.migrations.0014_roles_for_cadre_photo",
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords cheaply: the default hasher spends most of a second on each user made."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_data(transactional_db):
    """Recreate the channels and roles the data migrations seed, which a transactional test's flush removes."""
    for module in SEED_MIGRATIONS:
        migration = importlib.import_module(module)
        for operation in migration.Migration.operations:
            operation.code(apps, None)

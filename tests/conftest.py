"""Shared fixtures; pytest-django's `admin_user` and `admin_client` serve as the superuser."""

import importlib

import pytest
from django.apps import apps

# The roles come back by themselves after a flush (accounts.roles.sync_roles runs on post_migrate);
# the channels are data seeded once by a migration.
CHANNELS_MIGRATION = importlib.import_module("cadres.migrations.0002_seed_channels")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords cheaply: the default hasher spends most of a second on each user made."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    """Run background tasks at once, in the test's own process and transaction (no worker)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def reference_data(transactional_db):
    """Recreate the channels the data migration seeds, which a transactional test's flush removes."""
    CHANNELS_MIGRATION.seed(apps, None)


@pytest.fixture
def unit():
    """The district's organization department, the unit most tests import into."""
    from tests.factories import make_unit  # the models load only once Django is set up

    return make_unit("下陆区委组织部")


@pytest.fixture
def section(client):
    """A 干部科 user, logged in on `client`."""
    from tests.factories import make_user

    user = make_user("干部科")
    client.force_login(user)
    return user

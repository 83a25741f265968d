"""An account's units: the units whose cadres a role scoped to its units (SCOPED_ROLES) may see.

Units belong to the cadre domain, above this app. `settings.ACCOUNT_UNITS` names the class that finds a unit
by its name or id and gives units to an account, so that `create_user` can set them without importing it.
"""

from django.conf import settings
from django.utils.module_loading import import_string


def account_units():
    """Return the class named by settings.ACCOUNT_UNITS (find(value) → unit or None; assign(user, units))."""
    return import_string(settings.ACCOUNT_UNITS)

"""The units of an account, for accounts.units (settings.ACCOUNT_UNITS): kept in Unit.staff."""

from django.db.models import Q

from .models import Unit


class AccountUnits:
    @staticmethod
    def find(value):
        """Return the unit named `value` (or with that id), None if there is none."""
        condition = Q(name=value)
        if value.isdigit():
            condition |= Q(pk=int(value))
        return Unit.objects.filter(condition).first()

    @staticmethod
    def assign(user, units):
        """Make `units` the units of `user`'s account, in place of any it had."""
        user.units.set(units)

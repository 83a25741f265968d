"""The one rule for "the same person", used by every reader (Cadre.objects.identities builds it).

A person is known by the 公民身份号码 when the record has one. Without it, by name and birth
date (to the precision both sides know: a date known to the month matches any day of that month)
and, where the source names one, the unit. A stored cadre whose number differs from the record's
is another person, whatever the name. More than one candidate is ambiguous: the caller says so.
"""


class Identities:
    """People indexed by the rule above; an item is whatever the caller keeps for each (a row, a cadre)."""

    def __init__(self):
        self.by_id_number = {}
        self.by_name_month = {}

    def add(self, item, *, id_number, name, birth_date, month_only=False, unit=None):
        """Index `item`: the person with these details (`unit` is any hashable key of the unit)."""
        if id_number:
            self.by_id_number[id_number] = item
        if birth_date is not None:
            key = (name, birth_date.year, birth_date.month)
            self.by_name_month.setdefault(key, []).append((id_number, birth_date, month_only, unit, item))

    def find(self, *, id_number="", name, birth_date=None, month_only=False, unit=None):
        """Return the items of the people this record may be: none, one, or (ambiguous) several.

        `unit` None: the source does not say the unit (a .lrmx file), any unit matches.
        """
        if id_number:
            found = self.by_id_number.get(id_number)
            if found is not None:
                return [found]
        if birth_date is None:
            return []
        candidates = self.by_name_month.get((name, birth_date.year, birth_date.month))
        if not candidates:
            return []
        return [
            item
            for stored_id, stored_birth, stored_month_only, stored_unit, item in candidates
            if not (id_number and stored_id)
            and (month_only or stored_month_only or stored_birth == birth_date)
            and (unit is None or stored_unit == unit)
        ]

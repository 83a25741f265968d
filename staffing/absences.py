"""Who is away on which day, from approved leaves already read, and who was recorded to cover for them."""

from collections import defaultdict

from .periods import holds_on


class Absences:
    """The approved leaves of a period (LeaveQuerySet.away_between), looked up by person and day."""

    def __init__(self, leaves, head_covers=()):
        """`head_covers`: HeadCover rows of these leaves (the section's head recorded as cover)."""
        self._by_cadre = defaultdict(list)
        for leave in leaves:
            self._by_cadre[leave.cadre_id].append(leave)
        self._heads = {(cover.leave_id, cover.section_id): cover.head for cover in head_covers}

    def leave_of(self, cadre, day):
        """Return the leave that takes `cadre` (a Cadre, an id or None) away on `day`, or None."""
        key = getattr(cadre, "pk", cadre)
        return next((leave for leave in self._by_cadre.get(key, ()) if holds_on(leave, day)), None)

    def away(self, cadre, day):
        return self.leave_of(cadre, day) is not None

    def head_cover(self, section, *leaves):
        """Return the head recorded as cover of `section` on one of `leaves` (None entries skipped), or None."""
        return next(
            (self._heads[leave.pk, section.pk] for leave in leaves if leave and (leave.pk, section.pk) in self._heads),
            None,
        )

    def leaves(self):
        """Return every leave held, by start date."""
        return sorted((leave for found in self._by_cadre.values() for leave in found), key=lambda x: x.start_date)

"""The staffing rules on dates as chainable QuerySet methods: who is in which section, who holds the A and B
posts, who is away, who is seconded in, on any day or over a range of days.

Every date range here includes both its ends: a pairing, a membership or a leave ending on a day still holds
that day (the same reading as a secondment's or a work record's end, cadres/experience.py).
"""

from django.db import models
from django.db.models import Prefetch, Q

from accounts.access import sees_all_units
from cadres.models import Cadre, Secondment, Unit
from cadres.querysets import secondment_last_day


def _overlap_q(start, end):
    """Return "begun on or before `end`, and not ended before `start`" (an open end, or `end` None, runs on)."""
    running = Q(end_date__isnull=True) | Q(end_date__gte=start)
    return running if end is None else Q(start_date__lte=end) & running


class DatedQuerySet(models.QuerySet):
    """Records that hold from start_date to end_date (the last day; none: still holding)."""

    def overlapping(self, start, end):
        """Return the records that hold on some day from `start` to `end` (both included; None: no end)."""
        return self.filter(_overlap_q(start, end))

    def on(self, day):
        """Return the records that hold on `day`."""
        return self.overlapping(day, day)

    def first_clash(self, record):
        """Return another of these records that holds on some day of `record`'s period, or None."""
        return self.overlapping(record.start_date, record.end_date).exclude(pk=record.pk).first()


class SectionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the sections `user` may see: every unit's for district-wide roles, else their own units'.

        The one place the staffing pages, JSON, admin and the rotation planner are scoped.
        """
        if not user.is_authenticated or not user.is_active or not user.has_perm("staffing.view_section"):
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(unit__in=Unit.objects.visible_ids(user))

    def people(self):
        """Return the cadres of these sections at any time: their units' cadres, staff, A and B, heads, secondees.

        Whose leave a reader of these sections may see (LeaveQuerySet.visible_to).
        """
        mine = Q(section__in=self)
        return Cadre.objects.filter(
            Q(unit__in=self.values("unit"))
            | Q(pk__in=self._related("members").filter(mine).values("cadre"))
            | Q(pk__in=self._related("pairings").filter(mine).values("a"))
            | Q(pk__in=self._related("pairings").filter(mine).values("b"))
            | Q(pk__in=self.values("head"))
            | Q(pk__in=self._related("placements").filter(mine).values("secondment__cadre"))
        )

    def people_on(self, day):
        """Return the cadres who may hold a post in these sections on `day`: the cadres of their units on the
        roster, and the young cadres seconded into them then."""
        seconded = self._related("placements").filter(section__in=self).in_progress_on(day)
        return Cadre.objects.on_roster(day).filter(
            Q(unit__in=self.values("unit")) | Q(pk__in=seconded.values("secondment__cadre"))
        )

    def with_arrangement_on(self, day):
        """Return the sections with what holds on `day` read at once: `staff_on` (memberships), `pairings_on`
        (the pairing, at most one), `placements_on` (young cadres seconded in) and the upper offices."""
        return self.select_related("unit", "head").prefetch_related(
            "upper_offices",
            Prefetch("members", self._related("members").on(day).select_related("cadre"), to_attr="staff_on"),
            Prefetch("pairings", self._related("pairings").on(day).select_related("a", "b"), to_attr="pairings_on"),
            Prefetch(
                "placements",
                self._related("placements").overlapping(day, day).select_related("secondment__cadre__unit"),
                to_attr="placements_on",
            ),
        )

    def with_arrangement_between(self, start, end):
        """Return the sections with the pairings (`pairings_between`) and placements (`placements_between`)
        that hold on some day from `start` to `end`, read at once."""
        return self.select_related("unit", "head").prefetch_related(
            Prefetch(
                "pairings",
                self._related("pairings").overlapping(start, end).select_related("a", "b").order_by("start_date"),
                to_attr="pairings_between",
            ),
            Prefetch(
                "placements",
                self._related("placements").overlapping(start, end).select_related("secondment__cadre"),
                to_attr="placements_between",
            ),
        )

    def _related(self, name):
        return self.model._meta.get_field(name).related_model.objects.all()


class SectionMemberQuerySet(DatedQuerySet):
    pass


class PairingQuerySet(DatedQuerySet):
    def held_by(self, cadre):
        """Return the pairings in which `cadre` is the A or the B."""
        return self.filter(Q(a=cadre) | Q(b=cadre))


class PlacementQuerySet(models.QuerySet):
    def overlapping(self, start, end):
        """Return the placements whose secondment is in progress on some day from `start` to `end`, each with
        its secondment's `last_day`.

        The secondment's own rule (cadres SecondmentQuerySet.overlapping: actual end, else planned end).
        """
        return self.filter(secondment__in=Secondment.objects.overlapping(start, end)).annotate(
            last_day=secondment_last_day("secondment__")
        )

    def in_progress_on(self, day):
        """Return the placements whose secondment is in progress on `day`."""
        return self.overlapping(day, day)


class ReviewQuerySet(models.QuerySet):
    def latest_per_unit(self, units, day):
        """Return {unit id: the latest review published on or before `day`} for `units`, in one query."""
        latest = {}
        for review in self.filter(unit__in=units, published_on__lte=day).order_by("published_on", "pk"):
            latest[review.unit_id] = review
        return latest

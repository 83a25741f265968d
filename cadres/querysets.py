"""The counting rules of DESIGN.md as chainable QuerySet methods, so every caller counts alike."""

import datetime

from django.db import models
from django.db.models import BooleanField, Case, Q, Value, When
from django.db.models.functions import Coalesce, Greatest

from accounts.access import sees_all_units

from .choices import CadreStatus, Education, StudyMode
from .dates import latest_birth_date_aged, years_before
from .importing.identity import Identities

# The status on a date of someone who entered after it: no CadreStatus, as nobody is stored so.
NOT_YET_ENTERED = "尚未进入"

# What the rule of the same person reads of a cadre (cadres/importing/identity.py).
IDENTITY_FIELDS = ("id_number", "name", "birth_date", "birth_month_only", "unit_id")


class UnitQuerySet(models.QuerySet):
    def subtree_ids(self, *roots):
        """Return the ids of the `roots` (units or ids) and every unit below them, in one query."""
        children = {}
        for pk, parent in self.model.objects.values_list("pk", "parent"):
            children.setdefault(parent, []).append(pk)
        ids, stack = set(), [getattr(root, "pk", root) for root in roots]
        while stack:
            pk = stack.pop()
            if pk not in ids:  # the set also stops a parent cycle entered by hand
                ids.add(pk)
                stack.extend(children.get(pk, ()))
        return sorted(ids)

    def visible_to(self, user):
        """Return the units `user` may see and choose: all for district-wide roles, else their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(pk__in=self.visible_ids(user))

    def visible_ids(self, user):
        """Return the ids of the units assigned to `user` and of every unit below them."""
        assigned = list(self.model.objects.filter(staff=user).values_list("pk", flat=True))
        return self.subtree_ids(*assigned) if assigned else []

    def by_name(self):
        """Return {name: unit} of these units under their names and their aliases (UnitAlias), in two queries.

        Every reader of outside data resolves a unit's name through this (区委组织部 → 中共下陆区委组织部).
        """
        units = {unit.name: unit for unit in self}
        by_pk = {unit.pk: unit for unit in units.values()}
        aliases = self.model._meta.get_field("aliases").related_model.objects.filter(unit__in=self)
        for name, unit_id in aliases.values_list("name", "unit_id"):
            units.setdefault(name, by_pk[unit_id])
        return units


class CadreQuerySet(models.QuerySet):
    def identities(self, *fields):
        """Return these cadres indexed by the one rule of who is the same person (Identities).

        Each is indexed as a Cadre, or with `fields` as a tuple of those values (a fifth of the
        memory, for a roster of 100,000 rows), read in chunks.
        """
        index = Identities()
        if not fields:
            for cadre in self:
                index.add(
                    cadre,
                    id_number=cadre.id_number,
                    name=cadre.name,
                    birth_date=cadre.birth_date,
                    month_only=cadre.birth_month_only,
                    unit=cadre.unit_id,
                )
            return index
        extra = [name for name in IDENTITY_FIELDS if name not in fields]
        where = {name: (list(fields) + extra).index(name) for name in IDENTITY_FIELDS}
        count = len(fields)
        id_number, name, birth, month_only, unit = (where[key] for key in IDENTITY_FIELDS)
        for values in self.order_by().values_list(*fields, *extra).iterator(chunk_size=5000):
            item = values[:count] if extra else values
            index.add(
                item,
                id_number=values[id_number],
                name=values[name],
                birth_date=values[birth],
                month_only=values[month_only],
                unit=values[unit],
            )
        return index

    def education_at_least(self, level, *, party_school=True):
        """Return the cadres whose highest 学历 is `level` or higher (大专 or higher: 大学专科).

        The level of the written form counts (大学本科毕业 and 省委党校大学 are 大学本科);
        `party_school=False` leaves out those whose highest 学历 is 党校 education, which
        official tables count apart from 全日制 and 在职 (StudyMode).
        """
        found = self.filter(education__in=Education.at_least(level))
        return found if party_school else found.exclude(education_mode=StudyMode.PARTY_SCHOOL)

    def with_full_time_education(self):
        """Annotate `full_time_rank`: the rank (Education.rank) of each cadre's highest 全日制 学历, -1 if none.

        Read from the cadre's highest 学历 when it is 全日制 and from their 全日制 education records, the
        higher of the two; official tables count 全日制 education apart from the highest (StudyMode).
        """
        records = (
            self._related("education_records")
            .filter(cadre=models.OuterRef("pk"), mode=StudyMode.FULL_TIME)
            .order_by()
            .values("cadre")
            .annotate(top=models.Max(education_rank("education")))
            .values("top")
        )
        own = Case(
            When(education_mode=StudyMode.FULL_TIME, then=education_rank("education")),
            default=Value(-1),
            output_field=models.IntegerField(),
        )
        from_records = Coalesce(models.Subquery(records, output_field=models.IntegerField()), Value(-1))
        return self.annotate(full_time_rank=Greatest(own, from_records, output_field=models.IntegerField()))

    def on_roster(self, as_of):
        """Return the cadres on the roster on `as_of`: entered on or before it, not yet left.

        Pending recruits (no entry date) are never on the roster.
        """
        return self.filter(on_roster_q(as_of))

    def on_roster_between(self, start, end):
        """Return the cadres on the roster on some day from `start` to `end`: entered by `end`, not left by `start`.

        The cadres a figure of any day of the range can count, to narrow a query over many days (reports/trend.py).
        """
        return self.filter(entry_date__lte=end).filter(Q(leave_date__isnull=True) | Q(leave_date__gt=start))

    def young(self, as_of, max_age=35):
        """Return the cadres aged `max_age` or under (周岁, 以下 includes the number) on `as_of`."""
        return self.aged_at_most(as_of, max_age)

    def aged_at_most(self, as_of, age):
        """Return the cadres aged `age` or under (周岁) on `as_of`: not yet `age` + 1 that day.

        Compared as a birth-date cutoff computed once (TRAPS.md), so it uses the index on both databases.
        """
        return self.filter(aged_at_most_q(as_of, age))

    def aged_at_least(self, as_of, age):
        """Return the cadres aged `age` or over (周岁) on `as_of`: born on or before the day they turned it."""
        return self.filter(birth_date__lte=latest_birth_date_aged(as_of, age))

    def ageing_out(self, after, until, max_age=35):
        """Return the cadres aged `max_age` or under on `after` and over it on `until`: they turn `max_age` + 1
        in the days after `after` up to `until` (the age rule applied to future dates, for the forecast).
        """
        return self.filter(aged_at_most_q(after, max_age)).exclude(aged_at_most_q(until, max_age))

    def recent(self, as_of, years=3):
        """Return the cadres who entered in the `years` up to `as_of` (as_of − years < entry ≤ as_of)."""
        return self.filter(recent_q(as_of, years))

    def not_recent(self, as_of, years=3):
        """Return the cadres who did not enter in the `years` up to `as_of` (the complement of recent)."""
        return self.exclude(recent_q(as_of, years))

    def with_recent_flag(self, as_of, years=3):
        """Annotate `is_recent`: whether each cadre entered in the `years` up to `as_of` (the rule of recent).

        Also what an aggregate counts with: Count("pk", filter=Q(is_recent=True)) is inlined as the condition.
        """
        return self.annotate(is_recent=models.ExpressionWrapper(recent_q(as_of, years), models.BooleanField()))

    def excluding_intakes(self, intakes):
        """Leave out the cadres whose entry year and channel match one of the `(year, code)` pairs."""
        condition = Q()
        for year, code in intakes:
            condition |= Q(
                entry_date__gte=datetime.date(year, 1, 1),
                entry_date__lte=datetime.date(year, 12, 31),
                channel__code=code,
            )
        return self.exclude(condition) if condition else self

    def appraised_latest(self, results, *, count, before_year):
        """Return the cadres whose latest `count` 年度考核 of the years before `before_year` all have one of
        `results`; a cadre with fewer than `count` such appraisals is left out.

        An appraisal is among a cadre's latest `count` when fewer than `count` of theirs are of later years
        (one result a year: the constraint appraisal_once_a_year).
        """
        appraisals = self._related("appraisals").filter(year__lt=before_year)
        later = (
            appraisals.filter(cadre=models.OuterRef("cadre"), year__gt=models.OuterRef("year"))
            .order_by()
            .values("cadre")
            .annotate(found=models.Count("pk"))
            .values("found")
        )
        latest = appraisals.annotate(later=Coalesce(models.Subquery(later), 0)).filter(later__lt=count)
        good = (
            latest.filter(result__in=results)
            .order_by()
            .values("cadre")
            .annotate(found=models.Count("pk"))
            .filter(found=count)
            .values("cadre")
        )
        return self.filter(pk__in=good)

    def in_unit(self, unit):
        """Return the cadres of `unit` and of the units below it."""
        return self.filter(unit__in=self._unit_model().objects.subtree_ids(unit))

    def visible_to(self, user):
        """Return the cadres `user` may see: all for district-wide roles, else their units' cadres.

        The one place access is scoped; views, admin, statistics and exports all start here.
        """
        if not user.is_authenticated or not user.is_active or not user.has_perm("cadres.view_cadre"):
            return self.none()
        if sees_all_units(user):
            return self
        return self.filter(unit__in=self._unit_model().objects.visible_ids(user))

    def with_grassroots_experience(self, as_of):
        """Return the cadres with 基层经验 on `as_of` (cadres/experience.py)."""
        return self.filter(_grassroots_q(as_of))

    def lacking_grassroots_experience(self, as_of):
        """Return the cadres without 基层经验 on `as_of`."""
        return self.exclude(_grassroots_q(as_of))

    def with_organ_experience(self, as_of):
        """Return the cadres with 机关阅历 on `as_of` (cadres/experience.py)."""
        return self.filter(_organ_q(as_of))

    def lacking_organ_experience(self, as_of):
        """Return the cadres without 机关阅历 on `as_of`."""
        return self.exclude(_organ_q(as_of))

    def with_flags_on(self, as_of, recent_years=3):
        """Annotate each cadre's flags on `as_of`: `is_recent` (entered in the `recent_years` up to
        it), `has_grassroots` (基层经验) and `has_organ` (机关阅历).

        The flags the list, its export and the statistics show and count: one join of the stored
        experience summary (CadreExperience), whatever the number of cadres.
        """
        return self.with_recent_flag(as_of, recent_years).annotate(
            has_grassroots=_flag(_grassroots_q(as_of)), has_organ=_flag(_organ_q(as_of))
        )

    def as_on(self, day):
        """Annotate what each cadre was on `day`, for a list or export opened for that date.

        `status_on_date` (在职, 已离开, 拟录用, or NOT_YET_ENTERED for an entry after `day`), the
        `unit_name_on_date`, `post_on_date` and `rank_on_date` of the district post covering `day`
        (unit_on_q's rule; with none, the current unit, post and rank) and `pool_status_on_date`
        (with_pool_status_on). One subquery per value, in the list's own query: no query per row.
        """
        posts = covering_posts(self._related("work_records"), day, cadre="pk")

        def held(field, current):
            then = models.Subquery(posts.values(field)[:1])
            return Coalesce(then, models.F(current), output_field=models.CharField())

        return self.with_pool_status_on(day).annotate(
            status_on_date=status_on(day),
            unit_name_on_date=held("unit__name", "unit__name"),
            post_on_date=held("post", "post"),
            rank_on_date=held("rank", "rank"),
        )

    def _unit_model(self):
        return self.model._meta.get_field("unit").related_model

    def young_cadres(self, params):
        """Return the cadres counted by the young-cadre statistics for `params` (a StatsParams)."""
        return self.filter(counted_on_q(params.as_of, params.max_age)).in_scope_of(params)

    def in_scope_of(self, params):
        """Return the cadres the statistics for `params` may count on any day: the excluded intakes left out,
        within the chosen unit. What young_cadres adds to it depends on the date alone (counted_on_q).
        """
        qs = self.excluding_intakes(params.excluded)
        if params.unit is not None:
            qs = qs.in_unit(params.unit)
        return qs

    def with_records(self):
        """Return the cadres with their unit, channel, every dated record and pool history prefetched.

        The profile, the 简历 (cadres/resume.py) and the exports read these without a query per record.
        """
        return self.select_related("unit", "channel__group").prefetch_related(
            "education_records",
            models.Prefetch("work_records", queryset=self._related("work_records").select_related("unit")),
            "resume_notes",
            models.Prefetch(
                "secondments", queryset=self._related("secondments").select_related("from_unit", "to_unit")
            ),
            "trainings",
            "appraisals",
            "rewards",
            "family_members",
            "pool_memberships__status_changes__changed_by",
        )

    def in_pool_on(self, day, status=None):
        """Return the cadres in the young-cadre pool on `day`, optionally only those with `status` that day.

        See PoolMembershipQuerySet.on() and .with_status_on() (cadres/pool/models.py): the one definition.
        """
        memberships = self._related("pool_memberships").on(day)
        if status is not None:
            memberships = memberships.with_status_on(day).filter(status_on=status)
        return self.filter(pk__in=memberships.values("cadre"))

    def not_in_pool_on(self, day):
        """Return the cadres outside the young-cadre pool on `day` (the complement of in_pool_on)."""
        return self.exclude(pk__in=self._related("pool_memberships").on(day).values("cadre"))

    def with_pool_status_on(self, day, name="pool_status_on_date"):
        """Annotate `name`: each cadre's pool status on `day`, 未入库 outside the pool (cadres/pool/models.py)."""
        return self.annotate(**{name: self._related("pool_memberships").status_of_cadre_on(day)})

    def _related(self, name):
        return self.model._meta.get_field(name).related_model.objects.all()


def secondment_last_day(path=""):
    """Return the expression "last day of the secondment at `path`": its actual end, else its planned end.

    None (neither written) means it runs on. The one reading of when a secondment is over, for this
    queryset and for records that point to a secondment (path "secondment__").
    """
    return Coalesce(f"{path}end_date", f"{path}planned_end_date")


class ImportBatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Return the imports `user` may name (the roster's 导入批次 filter): all for district-wide roles, else
        their own — another unit's file names and counts are not theirs to see."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self if sees_all_units(user) else self.filter(user=user)


class SecondmentQuerySet(models.QuerySet):
    def with_last_day(self):
        """Annotate `last_day` (secondment_last_day): when each secondment is over, None if it runs on."""
        return self.annotate(last_day=secondment_last_day())

    def overlapping(self, start, end):
        """Return the secondments in progress on some day from `start` to `end` (both included).

        A secondment runs from its start to its actual end (the last day); with none recorded yet, to its
        planned end; with neither, on.
        """
        return (
            self.with_last_day().filter(start_date__lte=end).filter(Q(last_day__isnull=True) | Q(last_day__gte=start))
        )

    def in_progress_on(self, day):
        """Return the secondments in progress on `day` (see overlapping)."""
        return self.overlapping(day, day)


def unit_on_q(work_records, day, *, cadre, current_unit):
    """Return the expression "id of the unit the cadre was in on `day`", for cadres or rows that point to one.

    The unit is that of the district post (a work record with a unit) covering `day` — begun on or
    before it, its end date (the last day served) not before it; of two, the later begun. With no
    such post, the cadre's current unit. `cadre` and `current_unit` are the paths, from the
    queryset annotated, to the cadre's id and to its current unit.
    """
    post_unit = models.Subquery(covering_posts(work_records, day, cadre=cadre).values("unit")[:1])
    return Coalesce(post_unit, models.F(current_unit), output_field=models.BigIntegerField())


def covering_posts(work_records, day, *, cadre):
    """Return the district posts (work records with a unit) of the cadre at path `cadre` covering `day`.

    Begun on or before `day`, the end date (the last day served) not before it; the later begun first.
    """
    covering = work_records.filter(cadre=models.OuterRef(cadre), unit__isnull=False, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
    return covering.order_by("-start_date", "-pk")


def status_on(day):
    """Return the expression "the cadre's status on `day`": 在职 from the entry date up to the day before
    leaving, 已离开 from the leave date on (as on_roster), NOT_YET_ENTERED before entry, 拟录用 with no entry.
    """
    return Case(
        When(entry_date__isnull=True, then=Value(CadreStatus.PENDING.value)),
        When(entry_date__gt=day, then=Value(NOT_YET_ENTERED)),
        When(leave_date__lte=day, then=Value(CadreStatus.LEFT.value)),
        default=Value(CadreStatus.ACTIVE.value),
        output_field=models.CharField(),
    )


def education_rank(field):
    """Return the expression "rank of the 学历 in `field`" (Education.rank; -1 for none), for counting by level."""
    return Case(
        *(When(**{field: value}, then=Value(Education.rank(value))) for value in Education.values),
        default=Value(-1),
        output_field=models.IntegerField(),
    )


def on_roster_q(as_of):
    """Return the condition "on the roster on `as_of`" (on_roster): entered on or before it, not yet left."""
    return Q(entry_date__lte=as_of) & (Q(leave_date__isnull=True) | Q(leave_date__gt=as_of))


def aged_at_most_q(as_of, age):
    """Return the condition "aged `age` or under (周岁) on `as_of`" (aged_at_most): a birth-date cutoff."""
    return Q(birth_date__gt=latest_birth_date_aged(as_of, age + 1))


def counted_on_q(as_of, max_age):
    """Return the part of the statistics' rule that depends on the date: on the roster and young on `as_of`.

    young_cadres filters with it; a figure over many days (reports/trend.py, reports/forecast.py) counts
    with it once per day, as the filter of a conditional aggregate, so every day is counted by the same rule.
    """
    return on_roster_q(as_of) & aged_at_most_q(as_of, max_age)


def recent_q(as_of, years):
    """Return the condition "entered in the `years` up to `as_of`" (recent, not_recent, with_recent_flag)."""
    return Q(entry_date__gt=years_before(as_of, years), entry_date__lte=as_of)


# Each experience holds from the day stored in the cadre's CadreExperience (cadres/experience.py):
# the rule becomes one date comparison over one joined row.
def _grassroots_q(as_of):
    return Q(experience__grassroots_since__lte=as_of)


def _organ_q(as_of):
    return Q(experience__organ_since__lte=as_of)


def _flag(condition):
    """Return `condition` as a true/false value: a cadre without a summary row (NULL) has neither flag."""
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())

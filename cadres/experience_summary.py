"""The stored experience summary (CadreExperience): the day each cadre's 基层经验 and 机关阅历 start.

Computed by the rule of cadres/experience.py from the cadre's work records and secondments, and
kept right by every write that can change it, in the same transaction:

- saving or deleting a work record or secondment (admin, forms, the .lrmx import, loaddata)
  refreshes its cadre — both cadres when a record moves to another;
- changing a unit's kind refreshes every cadre with a record in that unit;
- `restore` loads with refreshing deferred and rebuilds everything once at the end;
- after `migrate`, a summary computed for another GRASSROOTS_MONTHS (or never computed) is rebuilt.

The roster import writes cadres and new units but no record and no kind of an existing unit, so it
changes nothing here. `manage.py rebuild_experience` recomputes every row; with `--check` it only
lists the cadres whose stored row differs from their records.
"""

import contextlib
import contextvars

from django.db import connection
from django.db.models import Max, Q, QuerySet
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver

from .choices import UnitKind
from .experience import grassroots_months_required, grassroots_since, organ_since, service_records
from .models import Cadre, CadreExperience, Secondment, Unit, WorkRecord

CHUNK = 10_000
ORGAN_KINDS = [UnitKind.PARTY_GOVERNMENT]
COUNTED_KINDS = [*UnitKind.grassroots(), *ORGAN_KINDS]
_deferred = contextvars.ContextVar("experience_refresh_deferred", default=False)


def summaries(cadres):
    """Return {cadre id: CadreExperience (unsaved)} computed from the records of `cadres`, in one query.

    Cadres with neither experience on any date have no entry.
    """
    months = grassroots_months_required()
    grassroots, organ = {}, {}
    for cadre, kind, start, end in service_records(cadres, COUNTED_KINDS):
        (organ if kind in ORGAN_KINDS else grassroots).setdefault(cadre, []).append((start, end))
    rows = {}
    for cadre in grassroots.keys() | organ.keys():
        row = CadreExperience(
            cadre_id=cadre,
            organ_since=organ_since(organ.get(cadre, [])),
            grassroots_since=grassroots_since(grassroots.get(cadre, []), months),
            grassroots_months=months,
        )
        if row.organ_since or row.grassroots_since:
            rows[cadre] = row
    return rows


def experience_refresh(*, cadres):
    """Recompute the stored summary of `cadres` (a Cadre queryset) from their records."""
    CadreExperience.objects.filter(cadre__in=cadres.order_by().values("pk")).delete()
    CadreExperience.objects.bulk_create(summaries(cadres).values(), batch_size=CHUNK)


def experience_rebuild():
    """Recompute the stored summary of every cadre, a chunk of ids at a time (memory stays flat)."""
    CadreExperience.objects.all().delete()
    last = Cadre.objects.aggregate(last=Max("pk"))["last"] or 0
    for low in range(0, last + 1, CHUNK):
        chunk = Cadre.objects.filter(pk__gte=low, pk__lt=low + CHUNK)
        CadreExperience.objects.bulk_create(summaries(chunk).values(), batch_size=CHUNK)


def experience_differences():
    """Return the ids of the cadres whose stored summary differs from what their records make."""
    fields = ("organ_since", "grassroots_since", "grassroots_months")
    differ = []
    last = Cadre.objects.aggregate(last=Max("pk"))["last"] or 0
    for low in range(0, last + 1, CHUNK):
        chunk = Cadre.objects.filter(pk__gte=low, pk__lt=low + CHUNK)
        wanted = {pk: tuple(getattr(row, name) for name in fields) for pk, row in summaries(chunk).items()}
        rows = CadreExperience.objects.filter(cadre__in=chunk).values_list("cadre", *fields)
        stored = {row[0]: row[1:] for row in rows}
        differ.extend(sorted(pk for pk in wanted.keys() | stored.keys() if wanted.get(pk) != stored.get(pk)))
    return differ


@contextlib.contextmanager
def experience_refresh_deferred():
    """Refresh nothing while the block writes records (a restore), then rebuild every row once.

    Run it inside the transaction of those writes, so the rebuild is part of it.
    """
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
    experience_rebuild()


def summary_is_stale():
    """Return whether the stored summary was computed for another GRASSROOTS_MONTHS, or never computed."""
    if CadreExperience._meta.db_table not in connection.introspection.table_names():
        return False  # migrated back to before the summary existed
    if CadreExperience.objects.exclude(grassroots_months=grassroots_months_required()).exists():
        return True
    never = not CadreExperience.objects.exists()
    return never and (WorkRecord.objects.exists() or Secondment.objects.exists())


# Receivers ----------------------------------------------------------------------------------------


def _refresh_ids(ids):
    ids = {pk for pk in ids if pk is not None}
    if ids and not _deferred.get():
        experience_refresh(cadres=Cadre.objects.filter(pk__in=ids))


@receiver(pre_save, sender=WorkRecord)
@receiver(pre_save, sender=Secondment)
def _note_previous_cadre(sender, instance, raw, **kwargs):
    """Remember the cadre a record belonged to before this save: it moves when the cadre changes."""
    instance._previous_cadre = None
    if instance.pk is not None and (raw or not instance._state.adding) and not _deferred.get():
        instance._previous_cadre = sender.objects.filter(pk=instance.pk).values_list("cadre", flat=True).first()


@receiver(post_save, sender=WorkRecord)
@receiver(post_save, sender=Secondment)
def _record_saved(sender, instance, **kwargs):
    _refresh_ids([instance.cadre_id, getattr(instance, "_previous_cadre", None)])


@receiver(post_delete, sender=WorkRecord)
@receiver(post_delete, sender=Secondment)
def _record_deleted(sender, instance, origin=None, **kwargs):
    # Deleting the cadre deletes their records and their summary row with them: nothing to refresh.
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if not issubclass(model, Cadre):
        _refresh_ids([instance.cadre_id])


@receiver(pre_save, sender=Unit)
def _note_previous_kind(sender, instance, raw, **kwargs):
    instance._previous_kind = None
    if instance.pk is not None and (raw or not instance._state.adding) and not _deferred.get():
        instance._previous_kind = sender.objects.filter(pk=instance.pk).values_list("kind", flat=True).first()


@receiver(post_save, sender=Unit)
def _unit_saved(sender, instance, created, **kwargs):
    """A unit whose kind changed changes the experience of everyone who served in it."""
    if created or getattr(instance, "_previous_kind", None) in (None, instance.kind) or _deferred.get():
        return
    posted = WorkRecord.objects.filter(unit=instance).values("cadre")
    seconded = Secondment.objects.filter(to_unit=instance).values("cadre")
    experience_refresh(cadres=Cadre.objects.filter(Q(pk__in=posted) | Q(pk__in=seconded)))


@receiver(post_migrate)
def _rebuild_stale_summary(sender, using, **kwargs):
    """Compute the summary a migration has just created, or one GRASSROOTS_MONTHS has since changed."""
    if sender.name == "cadres" and using == connection.alias and summary_is_stale():
        experience_rebuild()

"""Applying a validated roster: everything in one transaction, or nothing."""

import operator

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import audit

from ..audit_actions import CadreAction
from ..importing.collection import without_cyclic_gc
from ..importing.outcome import CREATED, UNCHANGED, UPDATED
from ..importing.problems import ImportRefused
from ..models import Cadre, EducationRecord, ImportBatch, ImportedCadre
from .bulk import StaleRowsError, bulk_write
from .outcome import COMPANIONS, CONCRETE, INDEX, UNIT

NOT_VALID = "花名册有错误，不能导入"
STALE = "在预览之后，有干部信息已被他人修改；请重新预览后再导入"
IMPORTED = "已导入花名册“{filename}”：新增{created}人，更新{updated}人，未变{unchanged}人"
# Written by the database as the import's own time, not taken from the rows.
STAMPED = ("created_at", "updated_at", "version")
INSERTED = [field for field in CONCRETE if not field.primary_key and field.name not in STAMPED]
# The values of INSERTED from a planned values row, taken in one call.
INSERTED_VALUES = operator.itemgetter(*(INDEX[field.name] for field in INSERTED))


def _unit_id(planned):
    """The row's unit id; a unit the plan creates has its id only once saved."""
    return planned.values[UNIT] if planned.values[UNIT] is not None else planned.unit.pk


def _insert(created, now, user_id):
    """Insert the new cadres and their history; return their ids in row order."""
    position = INSERTED.index(Cadre._meta.get_field("unit"))
    rows = []
    for planned in created:
        row = list(INSERTED_VALUES(planned.values))
        row[position] = _unit_id(planned)
        rows.append(row)
    constants = {"created_at": now, "updated_at": now, "version": 0}
    return bulk_write(Cadre, INSERTED, inserted=rows, constants=constants, user_id=user_id, when=now)


def _update(updated, now, user_id):
    """Write the changed fields of the updated cadres in one statement, each only at the version the plan read.

    Every updated cadre is written at the version the plan read, also one whose only change is an
    education record (so an edit made meanwhile is caught); history only where a field changed.
    """
    changed = {change.name for planned in updated for change in planned.changes if change.name in INDEX}
    names = sorted({companion for name in changed for companion in COMPANIONS.get(name, (name,))})
    fields = [Cadre._meta.get_field(name) for name in names]
    indexes = [INDEX[name] for name in names]
    unit = names.index("unit") if "unit" in names else None
    rows = []
    for planned in updated:
        row = [planned.values[index] for index in indexes]
        if unit is not None:
            row[unit] = _unit_id(planned)
        rows.append((planned.pk, planned.version, row))
    recorded = [planned.pk for planned in updated if any(change.name in INDEX for change in planned.changes)]
    constants = {"updated_at": now}
    bulk_write(
        Cadre, fields, updated=rows, constants=constants, versioned=True, user_id=user_id, when=now, recorded=recorded
    )


STUDY_FIELDS = [
    EducationRecord._meta.get_field(name)
    for name in ("cadre", "mode", "school", "major", "education", "education_written", "degree", "degree_written")
]


def _studies(planned_rows, cadre_ids, user_id, now):
    """Create and correct the rows' education records, with their history."""
    created, corrected = [], []
    for planned, cadre_id in zip(planned_rows, cadre_ids, strict=True):
        for study in planned.studies:
            values = [
                cadre_id,
                study.mode,
                study.school,
                study.major,
                study.education,
                study.education_written,
                study.degree,
                study.degree_written,
            ]
            if study.pk is None:
                created.append(values)
            else:
                corrected.append((study.pk, None, values))  # no version: education records have none
    bulk_write(EducationRecord, STUDY_FIELDS, inserted=created, updated=corrected, user_id=user_id, when=now)


LINKED = [ImportedCadre._meta.get_field(name) for name in ("batch", "cadre")]


def import_batch_link(batch, cadre_ids):
    """Record that `batch` created or changed the cadres `cadre_ids` (the roster's 导入批次 filter).

    One statement, as for the cadres themselves.
    """
    bulk_write(ImportedCadre, LINKED, inserted=[[batch.pk, pk] for pk in cadre_ids], history=False)


def roster_import_apply(*, plan, user=None, request=None, username=""):
    """Save every row of a valid ImportPlan, its ImportBatch and audit event, in one transaction.

    `username` records who imported when no account did (the command line's “命令行:root”); an
    authenticated `user` is recorded by its own username. Raise ImportRefused (and write
    nothing) if the plan has problems or the data it was made from changed before it was applied:
    a cadre or education record edited or deleted, or the same person or unit added by someone
    else meanwhile (the database's constraints refuse the write).
    """
    if not plan.ok:
        raise ImportRefused(NOT_VALID)
    try:
        with without_cyclic_gc(), transaction.atomic():
            return _apply(plan, user, request, username)
    except (StaleRowsError, IntegrityError, ValidationError):
        raise ImportRefused(STALE) from None


def _apply(plan, user, request, username):
    created = [planned for planned in plan.people if planned.action == CREATED]
    updated = [planned for planned in plan.people if planned.action == UPDATED]
    now = timezone.now()
    authenticated = user is not None and user.is_authenticated
    for unit in plan.new_units:
        unit.full_clean()
        unit.save()
    user_id = user.pk if authenticated else None
    created_ids = _insert(created, now, user_id) if created else []
    if updated:
        _update(updated, now, user_id)
    updated_ids = [planned.pk for planned in updated]
    _studies(created + updated, created_ids + updated_ids, user_id, now)
    counts = plan.counts
    rows = [
        {
            "row": planned.row,
            "cadre": pk,
            "action": planned.action,
            "changes": {change.name: [change.old, change.new] for change in planned.changes} if planned.changes else {},
        }
        for planned, pk in zip(created + updated, created_ids + updated_ids, strict=True)
    ]
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ROSTER,
        user=user if authenticated else None,
        username=user.get_username() if authenticated else username[:150],
        filename=plan.filename[:255],
        sha256=plan.sha256,
        sheet=plan.sheet[:100],
        created_count=counts[CREATED],
        updated_count=counts[UPDATED],
        unchanged_count=counts[UNCHANGED],
        rows=rows,
    )
    import_batch_link(batch, created_ids + updated_ids)
    audit(
        action=CadreAction.ROSTER_IMPORT,
        user=user,
        request=request,
        username=username,
        summary=IMPORTED.format(
            filename=plan.filename,
            created=counts[CREATED],
            updated=counts[UPDATED],
            unchanged=counts[UNCHANGED],
        ),
        data={
            "batch": batch.pk,
            "sha256": plan.sha256,
            "sheet": plan.sheet,
            "units_created": len(plan.new_units),
            **counts,
        },
    )
    return batch

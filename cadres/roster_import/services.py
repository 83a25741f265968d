"""Applying a validated roster: everything in one transaction, or nothing."""

from django.db import transaction
from django.utils import timezone

from ..audit import audit
from ..models import AuditAction, Cadre, ImportBatch
from .bulk import insert_rows, update_rows
from .plan import ACTION_CREATED, ACTION_UPDATED

NOT_VALID = "花名册有错误，不能导入"
STALE = "在预览之后，有干部信息已被他人修改；请重新预览后再导入"
IMPORTED = "已导入花名册“{filename}”：新增{created}人，更新{updated}人，未变{unchanged}人"


class RosterImportError(Exception):
    """The import was refused as a whole; nothing was written."""


def _check_versions(updated):
    """Refuse if any cadre to update changed since the plan read it (optimistic locking, as Cadre.save).

    One query for the versions of all cadres, as the plan loaded them all: a constant number of
    statements, whatever the number of rows.
    """
    if not updated:
        return
    current = dict(Cadre.objects.values_list("pk", "version"))
    if any(current.get(cadre.pk) != cadre.version for cadre in updated):
        raise RosterImportError(STALE)


def _history(cadres, history_type, user, when):
    """Return the unsaved history rows (django-simple-history) of `cadres` as they now stand."""
    model = Cadre.history.model
    names = [field.attname for field in model.tracked_fields]
    return [
        model(
            history_date=when,
            history_user=user,
            history_change_reason=None,
            history_type=history_type,
            **{name: getattr(cadre, name) for name in names},
        )
        for cadre in cadres
    ]


def roster_import_apply(*, plan, user=None, request=None):
    """Save every row of a valid ImportPlan, its ImportBatch and audit event, in one transaction.

    Raise RosterImportError (and write nothing) if the plan has problems or a cadre it would
    update was changed by someone else after the plan was made.
    """
    if not plan.ok:
        raise RosterImportError(NOT_VALID)
    created = [planned for planned in plan.rows if planned.action == ACTION_CREATED]
    updated = [planned for planned in plan.rows if planned.action == ACTION_UPDATED]
    now = timezone.now()
    with transaction.atomic():
        _check_versions([planned.cadre for planned in updated])
        for unit in plan.new_units:
            unit.full_clean()
            unit.save()
        cadres = insert_rows(Cadre, [planned.cadre for planned in created])
        fields = sorted({name for planned in updated for name in planned.changes} | {"version", "updated_at"})
        for planned in updated:
            planned.cadre.version += 1
            planned.cadre.updated_at = now
        changed = [planned.cadre for planned in updated]
        update_rows(Cadre, changed, fields)
        insert_rows(Cadre.history.model, _history(cadres, "+", user, now) + _history(changed, "~", user, now))
        counts = plan.counts
        authenticated = user is not None and user.is_authenticated
        batch = ImportBatch.objects.create(
            user=user if authenticated else None,
            username=user.get_username() if authenticated else "",
            filename=plan.filename[:255],
            sha256=plan.sha256,
            sheet=plan.sheet[:100],
            created_count=counts[ACTION_CREATED],
            updated_count=counts[ACTION_UPDATED],
            unchanged_count=counts["unchanged"],
            rows=[
                {"row": p.row, "cadre": p.cadre.pk, "action": p.action, "changes": p.changes} for p in created + updated
            ],
        )
        audit(
            action=AuditAction.ROSTER_IMPORT,
            user=user,
            request=request,
            summary=IMPORTED.format(
                filename=plan.filename,
                created=counts[ACTION_CREATED],
                updated=counts[ACTION_UPDATED],
                unchanged=counts["unchanged"],
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

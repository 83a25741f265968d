"""Phase 3 of an import: save a checked plan and its audit events in one transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audit.services import audit

from ...audit_actions import CadreAction
from ...importing.outcome import CREATED, UNCHANGED, UPDATED
from ...importing.problems import ImportRefused
from ...models import ImportBatch, StaleEditError
from ...photos import cadre_photo_save

NOT_VALID = "文件有错误，未导入任何内容；请修改后重新上传"
STALE = "在预览之后，有干部信息已被他人修改；请重新上传预览后再导入"
IMPORTED = "导入任免审批表：{name}（{action}）"


def lrmx_import_apply(*, plan, user, request=None, source=""):
    """Save every person of `plan` and its records, with one audit event each and the ImportBatch
    naming whom it created or changed (returned), all or nothing.

    Refuse (ImportRefused) a plan with problems: nothing of a partly valid upload is ever written;
    and a plan whose cadres someone else changed since it was made (each is saved at the version
    the plan read, Cadre.save).
    """
    if plan.problems:
        raise ImportRefused(NOT_VALID)
    try:
        with transaction.atomic():
            for person in plan.people:
                _apply(person, user, request, source)
            return _record(plan, user, source)
    except (StaleEditError, IntegrityError, ValidationError):
        raise ImportRefused(STALE) from None


def _record(plan, user, source):
    """Create the ImportBatch of an applied plan, linked to the cadres it created or changed."""
    authenticated = user is not None and user.is_authenticated
    counts = plan.counts
    touched = [person for person in plan.people if person.action != UNCHANGED]
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.LRMX,
        user=user if authenticated else None,
        username=user.get_username() if authenticated else "",
        filename=(plan.filename or source)[:255],
        sha256=plan.sha256,
        created_count=counts[CREATED],
        updated_count=counts[UPDATED],
        unchanged_count=counts[UNCHANGED],
        rows=[
            {
                "file": person.filename,
                "cadre": person.cadre.pk,
                "action": person.action,
                "changes": [change.label for change in person.changes],
            }
            for person in touched
        ],
    )
    batch.cadres.add(*{person.cadre.pk for person in touched})
    return batch


def _apply(person, user, request, source):
    cadre = person.cadre
    if person.created or person.changes:
        cadre.save()
    for kind, objects in person.records.items():
        replace_records(cadre, kind, objects)
    if person.photo is not None:
        cadre_photo_save(cadre=cadre, photo=person.photo)
    if person.created or person.changes:
        audit(
            action=CadreAction.LRMX_IMPORT,
            user=user,
            request=request,
            summary=IMPORTED.format(name=cadre.name, action=person.action_label),
            data={
                "cadre": cadre.pk,
                "file": person.filename,
                "source": source,
                "outcome": person.action_label,
                "changed": [change.label for change in person.changes],
            },
        )


def replace_records(cadre, kind, objects):
    """Replace the cadre's records of `kind` by `objects` (saved one by one so history records them).

    The 简历 replaces the dated education records, the work records and the 简历 notes; an undated
    education record (a roster's 毕业院校, which no 简历 line shows) is kept.
    """
    if kind == "jianli":
        managers = [cadre.education_records.exclude(start_date=None), cadre.work_records, cadre.resume_notes]
    else:
        managers = [{"family": cadre.family_members, "appraisals": cadre.appraisals, "rewards": cadre.rewards}[kind]]
    for manager in managers:
        for old in manager.all():
            old.delete()
    for obj in objects:
        obj.cadre = cadre
        obj.save()

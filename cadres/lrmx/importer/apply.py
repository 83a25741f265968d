"""Phase 3 of an import: save a checked plan and its audit events in one transaction."""

from django.db import transaction

from audit.services import audit

from ...audit_actions import CadreAction
from ...photos import cadre_photo_save


def lrmx_import_apply(*, plan, user, request=None, source=""):
    """Save every person of `plan` and its records, with one audit event each, all or nothing.

    Refuse (ValueError) a plan with errors: nothing of a partly valid upload is ever written.
    """
    if plan.errors:
        raise ValueError("；".join(str(e) for e in plan.errors))
    with transaction.atomic():
        for person in plan.people:
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
                    summary=f"导入任免审批表：{cadre.name}（{person.outcome}）",
                    data={
                        "cadre": cadre.pk,
                        "file": person.filename,
                        "source": source,
                        "outcome": person.outcome,
                        "changed": [change.label for change in person.changes],
                    },
                )


def replace_records(cadre, kind, objects):
    """Replace the cadre's records of `kind` by `objects` (saved one by one so history records them)."""
    if kind == "jianli":
        managers = [cadre.education_records, cadre.work_records]
    else:
        managers = [{"family": cadre.family_members, "appraisals": cadre.appraisals, "rewards": cadre.rewards}[kind]]
    for manager in managers:
        for old in manager.all():
            old.delete()
    for obj in objects:
        obj.cadre = cadre
        obj.save()

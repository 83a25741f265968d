"""Rotations: the candidates chosen on the planner become secondments into their receiving sections."""

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.services import audit
from cadres.models import Cadre, Secondment

from ..audit_actions import StaffingAction
from ..models import SecondmentPlacement
from ..periods import period_text
from ..rotation import eligible

NOTHING_CHOSEN = "请至少选择一名人选"
NOT_ELIGIBLE = "{names}不符合抽调条件，或抽调期间已有挂职、跟班学习或抽调，请重新生成名单"
SECTION_UNKNOWN = "接收科室不存在或无权查看"
PURPOSE = "轮流抽调到{unit}“{section}”学习、协助工作"
CREATED_SUMMARY = "轮流抽调{count}人（{period}）：{names}"


def rotation_secondments_create(*, picks, start_date, planned_end_date, kind, user, cadres, sections):
    """Second each chosen cadre into their section from `start_date` to `planned_end_date`; return the secondments.

    `picks` is [(cadre id, section id)]; `cadres` and `sections` are those the user may see and choose. Each
    cadre must still be eligible (rotation.eligible) when the records are written, so two planners working
    at once cannot second the same person twice.
    """
    if not picks:
        raise ValidationError(NOTHING_CHOSEN)
    chosen_sections = {section.pk: section for section in sections.select_related("unit")}
    if any(section_id not in chosen_sections for _, section_id in picks):
        raise ValidationError(SECTION_UNKNOWN)
    ids = [cadre_id for cadre_id, _ in picks]
    with transaction.atomic():
        # Locked first, so a second planner's check waits for this one's secondments.
        locked = {cadre.pk: cadre for cadre in Cadre.objects.select_for_update().filter(pk__in=ids)}
        still = eligible(cadres, sections, start_date, planned_end_date).filter(pk__in=ids)
        allowed = set(still.values_list("pk", flat=True))
        refused = [str(locked.get(cadre_id, cadre_id)) for cadre_id in ids if cadre_id not in allowed]
        if refused:
            raise ValidationError(NOT_ELIGIBLE.format(names="、".join(refused)))
        created = []
        for cadre_id, section_id in picks:
            cadre, section = locked[cadre_id], chosen_sections[section_id]
            secondment = Secondment(
                cadre=cadre,
                kind=kind,
                from_unit=cadre.unit,
                to_unit=section.unit,
                start_date=start_date,
                planned_end_date=planned_end_date,
                purpose=PURPOSE.format(unit=section.unit, section=section),
            )
            secondment.full_clean()
            secondment.save()
            placement = SecondmentPlacement(secondment=secondment, section=section, recorded_by=user)
            placement.full_clean()
            placement.save()
            created.append(secondment)
        audit(
            action=StaffingAction.ROTATION_CREATED,
            user=user,
            summary=CREATED_SUMMARY.format(
                count=len(created),
                period=period_text(start_date, planned_end_date),
                names="、".join(f"{item.cadre}→{item.placement.section.name}" for item in created),
            ),
            data={
                "secondments": [secondment.pk for secondment in created],
                "picks": [[cadre_id, section_id] for cadre_id, section_id in picks],
                "start": start_date.isoformat(),
                "planned_end": planned_end_date.isoformat(),
            },
        )
    return created

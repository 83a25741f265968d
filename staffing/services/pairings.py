"""A/B pairings: a change is approved and recorded (the old pairing ends the day before), and the
pairings of a unit are reviewed and republished every six months."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.services import audit

from ..audit_actions import StaffingAction
from ..models import Pairing, PairingReview, SecondmentPlacement, SectionMember

LATER_PAIRING = "“{section}”{date}起已有A、B角配备，新的配备须晚于它开始"
CROSS_SECTION = "{b}不是“{section}”的人员：由其他科室人员担任B角须经批准，请填写批准情况"
DATE_IN_FUTURE = "日期不能晚于今天（{today}）"

CHANGED_SUMMARY = "“{section}”A、B角：A角{a}，B角{b}（{date}起，{approved_by}批准）"
REVIEW_SUMMARY = "{unit} A、B角配备复核发布（{date}，{approved_by}）"
NO_B = "未设"


def in_section(section, cadre, day):
    """Return whether `cadre` works in `section` on `day`: one of its staff, or a young cadre seconded into it."""
    staff = SectionMember.objects.on(day).filter(section=section, cadre=cadre)
    seconded = SecondmentPlacement.objects.in_progress_on(day).filter(section=section, secondment__cadre=cadre)
    return staff.exists() or seconded.exists()


def pairing_change(
    *, section, a, start_date, approved_by, approved_on, user, b=None, reason="", cross_section_approval=""
):
    """Put `a` and `b` in the A and B posts of `section` from `start_date`, and return the new Pairing.

    The pairing in force ends the day before. Refused if a pairing already starts on or after `start_date`,
    or if B is not of the section on that day and no approval for it is written.
    """
    with transaction.atomic():
        held = list(Pairing.objects.select_for_update().filter(section=section).overlapping(start_date, None))
        later = [pairing for pairing in held if pairing.start_date >= start_date]
        if later:
            raise ValidationError(LATER_PAIRING.format(section=section, date=later[0].start_date.isoformat()))
        if b is not None and not cross_section_approval.strip() and not in_section(section, b, start_date):
            raise ValidationError({"cross_section_approval": CROSS_SECTION.format(b=b, section=section)})
        for pairing in held:
            pairing.end_date = start_date - datetime.timedelta(days=1)
            pairing.full_clean()
            pairing.save()
        pairing = Pairing(
            section=section,
            a=a,
            b=b,
            start_date=start_date,
            approved_by=approved_by,
            approved_on=approved_on,
            reason=reason,
            cross_section_approval=cross_section_approval,
            recorded_by=user,
        )
        pairing.full_clean()
        pairing.save()
        audit(
            action=StaffingAction.PAIRING_CHANGED,
            user=user,
            summary=CHANGED_SUMMARY.format(
                section=section, a=a, b=b or NO_B, date=start_date.isoformat(), approved_by=approved_by
            ),
            data={
                "section": section.pk,
                "pairing": pairing.pk,
                "ended": [item.pk for item in held],
                "a": a.pk,
                "b": b.pk if b else None,
                "start": start_date.isoformat(),
            },
        )
    return pairing


def pairing_review_publish(*, unit, published_on, approved_by, user, notes=""):
    """Record that `unit`'s pairings were reviewed and republished on `published_on`; return the review."""
    today = timezone.localdate()
    if published_on > today:
        raise ValidationError({"published_on": DATE_IN_FUTURE.format(today=today.isoformat())})
    with transaction.atomic():
        review = PairingReview(
            unit=unit, published_on=published_on, approved_by=approved_by, notes=notes, recorded_by=user
        )
        review.full_clean()
        review.save()
        audit(
            action=StaffingAction.REVIEW_PUBLISHED,
            user=user,
            summary=REVIEW_SUMMARY.format(unit=unit, date=published_on.isoformat(), approved_by=approved_by),
            data={"unit": unit.pk, "review": review.pk, "published_on": published_on.isoformat()},
        )
    return review

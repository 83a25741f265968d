"""The audit codes of the department's staffing: leave, A/B pairings and their review, rotations."""

from django.db import models

from audit.actions import register


@register
class StaffingAction(models.TextChoices):
    LEAVE_REQUESTED = "staffing.leave.requested", "登记请假"
    LEAVE_APPROVED = "staffing.leave.approved", "批准请假"
    LEAVE_RETURNED = "staffing.leave.returned", "销假并交回工作"
    PAIRING_CHANGED = "staffing.pairing.changed", "调整A、B角"
    REVIEW_PUBLISHED = "staffing.review.published", "复核发布A、B角"
    ROTATION_CREATED = "staffing.rotation.created", "轮流抽调年轻干部"

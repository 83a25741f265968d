"""The vocabularies of the department's staffing, with their Chinese labels."""

from django.db import models


class OfficeLevel(models.TextChoices):
    """Where an upper-level office sits: the department answers to the city's and the province's."""

    CENTRAL = "中央", "中央"
    PROVINCE = "省级", "省级"
    CITY = "市级", "市级"


class LeaveKind(models.TextChoices):
    BUSINESS_TRIP = "出差", "出差"
    MEETING = "会议", "会议"
    TRAINING = "学习培训", "学习培训"
    VACATION = "休假", "休假"
    SICK = "病假", "病假"


class LeaveStatus(models.TextChoices):
    PENDING = "待批准", "待批准"
    APPROVED = "已批准", "已批准"


class CoverKind(models.TextChoices):
    """Who takes over a section whose A is away, in the order they are looked for."""

    B = "B角", "B角"
    HEAD = "负责人", "负责人"
    SECONDEE = "抽调人员", "抽调人员"

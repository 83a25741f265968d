"""Fixed vocabularies of a cadre record, with their official Chinese labels."""

from django.db import models


class Gender(models.TextChoices):
    MALE = "男", "男"
    FEMALE = "女", "女"


class PoliticalStatus(models.TextChoices):
    CPC_MEMBER = "中共党员", "中共党员"
    CPC_PROBATIONARY = "中共预备党员", "中共预备党员"
    CYL_MEMBER = "共青团员", "共青团员"
    DEMOCRATIC_PARTY = "民主党派", "民主党派"
    NON_PARTY = "无党派人士", "无党派人士"
    MASSES = "群众", "群众"

    @classmethod
    def party_members(cls):
        """Return the statuses of a member of the Communist Party of China, full or probationary (党员)."""
        return (cls.CPC_MEMBER, cls.CPC_PROBATIONARY)


class Education(models.TextChoices):
    DOCTORAL = "博士研究生", "博士研究生"
    MASTER = "硕士研究生", "硕士研究生"
    BACHELOR = "大学本科", "大学本科"
    JUNIOR_COLLEGE = "大学专科", "大学专科"
    SECONDARY = "中专", "中专"
    HIGH_SCHOOL = "高中及以下", "高中及以下"


class Degree(models.TextChoices):
    DOCTOR = "博士", "博士"
    MASTER = "硕士", "硕士"
    BACHELOR = "学士", "学士"
    NONE = "无", "无"


class CadreStatus(models.TextChoices):
    PENDING = "拟录用", "拟录用"
    ACTIVE = "在职", "在职"
    LEFT = "已离开", "已离开"


class LeaveReason(models.TextChoices):
    TRANSFERRED_OUT = "调出", "调出"
    RESIGNED = "辞职", "辞职"
    RETIRED = "退休", "退休"
    DISMISSED = "辞退", "辞退"
    DECEASED = "去世", "去世"
    OTHER = "其他", "其他"


class UnitKind(models.TextChoices):
    PARTY_GOVERNMENT = "党政机关", "党政机关"
    PUBLIC_INSTITUTION = "事业单位", "事业单位"
    TOWNSHIP = "乡镇", "乡镇"
    SUBDISTRICT = "街道", "街道"
    VILLAGE = "村", "村"
    COMMUNITY = "社区", "社区"
    STATE_ENTERPRISE = "国有企业", "国有企业"
    OTHER = "其他", "其他"

    @classmethod
    def grassroots(cls):
        """Return the kinds that count as grassroots (基层) service."""
        return [cls.TOWNSHIP, cls.SUBDISTRICT, cls.VILLAGE, cls.COMMUNITY]

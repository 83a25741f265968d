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

    @classmethod
    def rank(cls, value):
        """Return the level's rank, higher for more education (高中及以下 is 0); -1 for none."""
        return _EDUCATION_RANK.get(value, -1)

    @classmethod
    def at_least(cls, level):
        """Return the levels from `level` up (大专 or higher: at_least(JUNIOR_COLLEGE))."""
        return [value for value in cls.values if cls.rank(value) >= cls.rank(level)]


class Degree(models.TextChoices):
    DOCTOR = "博士", "博士"
    MASTER = "硕士", "硕士"
    BACHELOR = "学士", "学士"
    NONE = "无", "无"

    @classmethod
    def rank(cls, value):
        """Return the degree's rank, higher for a higher degree (无 is 0); -1 for none given."""
        return _DEGREE_RANK.get(value, -1)


# The one order of levels, used by every reader and count (the choices list them highest first).
_EDUCATION_RANK = {value: rank for rank, value in enumerate(reversed(Education.values))}
_DEGREE_RANK = {value: rank for rank, value in enumerate(reversed(Degree.values))}


class CadreStatus(models.TextChoices):
    PENDING = "拟录用", "拟录用"
    ACTIVE = "在职", "在职"
    LEFT = "已离开", "已离开"


class LeaveReason(models.TextChoices):
    """Why a cadre left (去向), as rosters write it in the 状态 or 离开原因 column."""

    TRANSFERRED_OUT = "调出", "调出"
    RESIGNED = "辞职", "辞职"
    RETIRED = "退休", "退休"
    DISMISSED = "辞退", "辞退"
    DECEASED = "去世", "去世"
    EXPELLED = "开除", "开除"
    CONTRACT_ENDED = "解聘", "解聘"
    FURTHER_STUDY = "升学", "升学（考取研究生等）"
    OTHER = "其他", "其他"


class StudyMode(models.TextChoices):
    """The kind of an education: the two rows of the 任免审批表, and 党校 counted apart from 在职.

    党校 education is in-service study: the form prints it in the 在职教育 row, and official
    tables that ask for it count it apart (全日制 / 在职 / 党校).
    """

    FULL_TIME = "全日制", "全日制教育"
    IN_SERVICE = "在职", "在职教育"
    PARTY_SCHOOL = "党校", "党校教育"

    @classmethod
    def in_service_row(cls):
        """Return the modes printed in the 在职教育 row of the form."""
        return (cls.IN_SERVICE, cls.PARTY_SCHOOL)


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

    @classmethod
    def from_name(cls, name):
        """Return the kind a unit's name says, by how it ends (团山街道办事处 is a 街道); 其他 if it says none.

        Used for the units an import creates: the kind decides 基层经验, so a 社区居民委员会 under a
        街道 must be a 社区, not a 街道; an admin corrects a wrong guess on the unit's page.
        """
        for suffix, kind in _KIND_SUFFIXES:
            if name.endswith(suffix):
                return kind
        return cls.OTHER


# Most specific ending first: 社区居民委员会 before 委员会, 街道办事处 before 办事处.
_KIND_SUFFIXES = (
    *((suffix, UnitKind.COMMUNITY) for suffix in ("社区居民委员会", "居民委员会", "居委会", "社区")),
    *((suffix, UnitKind.VILLAGE) for suffix in ("村民委员会", "村委会", "村")),
    *((suffix, UnitKind.SUBDISTRICT) for suffix in ("街道办事处", "街道办", "街道")),
    *((suffix, UnitKind.TOWNSHIP) for suffix in ("镇人民政府", "乡人民政府", "镇", "乡")),
    *((suffix, UnitKind.STATE_ENTERPRISE) for suffix in ("公司", "集团")),
    *(
        (suffix, UnitKind.PUBLIC_INSTITUTION)
        for suffix in ("中心", "研究室", "研究所", "学校", "中学", "小学", "幼儿园", "医院", "卫生院", "站", "馆")
    ),
    *(
        (suffix, UnitKind.PARTY_GOVERNMENT)
        for suffix in ("机关", "部", "局", "办公室", "人民政府", "人民法院", "人民检察院", "常务委员会", "委员会")
    ),
)

"""The staffing rules' settings, each with its default; the rotation's defaults are the published selection rules.

Rotation (轮流抽调) eligibility follows what published selection rules for young cadres use: 35周岁以下, 大专以上
学历, the last two annual appraisals 称职（合格）or better. The weights of the ranking are settings so that a
department can change its priorities without touching code; the page explains them as they are set.
"""

from django.conf import settings

from cadres.choices import Education
from cadres.models import AppraisalResult

DEFAULT_ELIGIBILITY = {
    "max_age": 35,
    "min_education": Education.JUNIOR_COLLEGE,
    "appraisals": 2,  # how many of the latest annual appraisals must be good enough
    "appraisal_results": list(AppraisalResult.competent_or_better()),
    # 党校 education counts at its level, as the published rules read "大专以上学历" (CadreQuerySet.education_at_least).
    "party_school": True,
}
DEFAULT_WEIGHTS = {
    "no_organ_experience": 3,  # 尚无机关阅历
    "never_seconded": 2,  # 从未挂职、跟班学习或抽调
    "per_year_since_secondment": 0.5,  # 上次结束后每满一年，不超过“从未”的分值
    "recent_entry": 1,  # 近三年招录
    "fits_section_at_risk": 2,  # 专业或专长适合有风险的科室
}
DEFAULTS = {
    "STAFFING_HOME_UNIT": "",
    "STAFFING_B_MAX_OTHER_A_POSTS": 1,
    "STAFFING_REVIEW_MONTHS": 6,
    "STAFFING_REVIEW_WARN_DAYS": 30,
    "STAFFING_COVER_MAX_DAYS": 92,
    "ROTATION_RECENT_YEARS": 3,
}


def setting(name):
    """Return the setting `name` of this app, or its default."""
    return getattr(settings, name, DEFAULTS[name])


def eligibility():
    """Return the rotation's eligibility rules: the defaults with any set in ROTATION_ELIGIBILITY over them."""
    return {**DEFAULT_ELIGIBILITY, **getattr(settings, "ROTATION_ELIGIBILITY", {})}


def weights():
    """Return the rotation's ranking weights: the defaults with any set in ROTATION_WEIGHTS over them."""
    return {**DEFAULT_WEIGHTS, **getattr(settings, "ROTATION_WEIGHTS", {})}

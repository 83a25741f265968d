"""The vocabularies of the coded fields as the national standards and cadre files write them.

One table per field: the key is a written form (compared after `normalized`: full-width folded,
spaces dropped), the value what is stored. Where the stored choice is coarser than what was
written (九三学社社员 is 民主党派, 省委党校研究生 is a 硕士研究生 level of 党校 education), the
record also keeps the written form, so that an export prints what came in (`written_form`).
Adding a form is a one-line change here and one line in tests/importing/test_synonyms.py. The
tables are kept by subject: `people` (性别, 民族, 政治面貌), `education` (学历, 学位) and `careers`
(状态, 离开原因, 职级, 进入方式); `forms` says how a written form is compared and what of it is kept.
"""

from .careers import CHANNEL, LEAVE_REASON, RANK, STATUS, StatusForm, rank_value
from .education import (
    DEGREE,
    EDUCATION,
    EducationForm,
    degree_value,
    education_form,
    education_level_of,
    education_mode_of,
)
from .forms import choice_value, normalized, written_form
from .people import (
    DEMOCRATIC_PARTIES,
    ETHNIC_GROUPS,
    ETHNICITY,
    GENDER,
    PARTY_NAMES,
    POLITICAL_STATUS,
    political_status_of,
)

__all__ = [
    "CHANNEL",
    "DEGREE",
    "DEMOCRATIC_PARTIES",
    "EDUCATION",
    "ETHNICITY",
    "ETHNIC_GROUPS",
    "GENDER",
    "LEAVE_REASON",
    "PARTY_NAMES",
    "POLITICAL_STATUS",
    "RANK",
    "STATUS",
    "EducationForm",
    "StatusForm",
    "choice_value",
    "degree_value",
    "education_form",
    "education_level_of",
    "education_mode_of",
    "normalized",
    "political_status_of",
    "rank_value",
    "written_form",
]

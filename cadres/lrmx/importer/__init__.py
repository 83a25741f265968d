"""Import .lrmx files in three phases: read and validate every file, build unsaved objects with a
field-by-field diff, then save everything and its audit entries in one transaction (STYLE.md).

`plan` reads the files and builds each person's plan, from `matching` (who a file is about),
`cadre_fields` (the cadre's own fields and their diff), `records` (简历, family, 年度考核,
奖惩) and `photo`; `apply` saves a plan.
"""

from .apply import lrmx_import_apply
from .cadre_fields import BAD_DATE, BAD_GENDER, NO_EDUCATION, Change
from .matching import AMBIGUOUS, ID_MASKED, NO_UNIT, OUT_OF_SCOPE
from .photo import PHOTO_UPDATE
from .plan import (
    BIRTH_VS_ID,
    CREATED,
    IGNORED_UNKNOWN,
    NEW_CADRE,
    OPTIONAL_READ,
    SAME_PERSON_TWICE,
    UNCHANGED,
    UPDATED,
    ImportPlan,
    PersonPlan,
    lrmx_import_plan,
)
from .records import APPRAISAL_TWICE, FAMILY_BAD, JIANLI_SPLIT, NOT_IMPORTED

__all__ = [
    "AMBIGUOUS",
    "APPRAISAL_TWICE",
    "BAD_DATE",
    "BAD_GENDER",
    "BIRTH_VS_ID",
    "CREATED",
    "FAMILY_BAD",
    "ID_MASKED",
    "IGNORED_UNKNOWN",
    "JIANLI_SPLIT",
    "NEW_CADRE",
    "NOT_IMPORTED",
    "NO_EDUCATION",
    "NO_UNIT",
    "OPTIONAL_READ",
    "OUT_OF_SCOPE",
    "PHOTO_UPDATE",
    "SAME_PERSON_TWICE",
    "UNCHANGED",
    "UPDATED",
    "Change",
    "ImportPlan",
    "PersonPlan",
    "lrmx_import_apply",
    "lrmx_import_plan",
]

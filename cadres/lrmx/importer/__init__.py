"""Import .lrmx files in three phases: read and validate every file, build unsaved objects with a
field-by-field diff, then save everything and its audit entries in one transaction (STYLE.md).

`plan` reads the files and builds each person's plan, from `matching` (who a file is about),
`cadre_fields` (the cadre's own fields and their diff), `records` (简历, family, 年度考核,
奖惩) and `photo`; `apply` saves a plan. The plan, problem and identity types are the import
core's (cadres/importing), shared with the roster import.
"""

from .apply import NOT_VALID, STALE, lrmx_import_apply
from .cadre_fields import BAD_EDUCATION, BAD_ETHNICITY, BAD_GENDER, BAD_PARTY, NO_EDUCATION
from .matching import AMBIGUOUS, ID_MASKED, NO_UNIT, OUT_OF_SCOPE
from .photo import PHOTO_UPDATE
from .plan import (
    BIRTH_VS_ID,
    IGNORED_UNKNOWN,
    NEW_CADRE,
    OPTIONAL_READ,
    SAME_PERSON_TWICE,
    PersonPlan,
    lrmx_import_plan,
)
from .records import APPRAISAL_TWICE, FAMILY_BAD, NOT_IMPORTED

__all__ = [
    "AMBIGUOUS",
    "APPRAISAL_TWICE",
    "BAD_EDUCATION",
    "BAD_ETHNICITY",
    "BAD_GENDER",
    "BAD_PARTY",
    "BIRTH_VS_ID",
    "FAMILY_BAD",
    "ID_MASKED",
    "IGNORED_UNKNOWN",
    "NEW_CADRE",
    "NOT_IMPORTED",
    "NOT_VALID",
    "NO_EDUCATION",
    "NO_UNIT",
    "OPTIONAL_READ",
    "OUT_OF_SCOPE",
    "PHOTO_UPDATE",
    "SAME_PERSON_TWICE",
    "STALE",
    "PersonPlan",
    "lrmx_import_apply",
    "lrmx_import_plan",
]

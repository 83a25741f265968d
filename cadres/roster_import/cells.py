"""Turning cell values, as calamine returns them, into field values — or a Chinese reason why not.

calamine gives str, float (every number), bool, datetime.date/datetime, time or timedelta; an empty
cell is "". Each converter returns the field value or raises Unreadable with the reason shown to
the clerk. Dates are read by the one date parser (cadres/importing/dates.py), the coded fields by
the vocabularies (cadres/importing/synonyms.py), as every other reader reads them.
"""

import datetime
import re

from django.core.exceptions import ValidationError

from ..choices import CadreStatus, Degree, Education, Gender, LeaveReason, PoliticalStatus
from ..importing import synonyms
from ..importing.dates import SPACES
from ..importing.problems import Unreadable
from ..models import Cadre
from ..validators import CONTROL_CHARS, parse_id_number

ID_AS_NUMBER = "公民身份号码被存成了数字，末尾几位已丢失；请把该列设为文本格式后重新填写"
NOT_TEXT = "应填写文字，实际为“{value}”"
CHOICE_INVALID = "无法识别“{value}”，可填写：{choices}"
ETHNICITY_INVALID = "无法识别的民族“{value}”，请填写56个民族之一的全称或简称（如 汉族、土家族、维吾尔）或其代码"
CONTROL = "不能包含控制字符"
TOO_LONG = "内容过长（最多{limit}个字）"
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·\s]+$")
_NAME_PADDING = re.compile(r"[\s\u3000]+")
# The cadre's text fields a cell is checked by as it is read (the planner does not check them again).
CADRE_FIELDS = {name: Cadre._meta.get_field(name) for name in ("name", "post", "notes")}
FIELD_VALIDATORS = {name: tuple(field.validators) for name, field in CADRE_FIELDS.items()}
# What an error lists as the accepted words (the vocabularies accept many more forms).
CHOICES_SHOWN = {
    "gender": Gender.values,
    "political_status": [*PoliticalStatus.values, "九三学社社员等各民主党派"],
    "education": [*Education.values, "大学本科毕业", "省委党校研究生", "在职大学等"],
    "degree": Degree.values,
    "status": [*CadreStatus.values, "调出", "辞职", "退休", "去世等离开原因"],
    "leave_reason": LeaveReason.values,
}


def is_blank(value):
    """Return whether a cell holds nothing (an empty string or spaces, full-width ones included)."""
    return value is None or (isinstance(value, str) and not value.strip(SPACES))


def display(value):
    """Return a cell value as the clerk typed it, for messages."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip(SPACES)


def text(value, limit=None):
    """Return a text cell trimmed of ordinary and full-width spaces; numbers are written as typed."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        raise Unreadable(NOT_TEXT.format(value=value))
    result = display(value)
    if CONTROL_CHARS.search(result):
        raise Unreadable(CONTROL)
    if limit and len(result) > limit:
        raise Unreadable(TOO_LONG.format(limit=limit))
    return result


def field_text(value, name):
    """Return a text cell as the cadre's field `name` stores it, checked by that field (Django's checks)."""
    if is_blank(value):
        return ""
    if isinstance(value, bool):
        raise Unreadable(NOT_TEXT.format(value=value))
    return _checked(name, display(value))


def _checked(name, value):
    """Return `value` as the cadre's CharField `name` cleans it, or raise Unreadable with Django's messages."""
    if value:
        # Field.clean of a non-empty text is its validators (to_python keeps a str; validate() has no
        # choices to check here and only refuses an empty one): called directly, as a roster does 10,000 times.
        try:
            for validator in FIELD_VALIDATORS[name]:
                validator(value)
            return value
        except ValidationError:
            pass  # Django's own clean() below, for its messages exactly
    try:
        return CADRE_FIELDS[name].clean(value, None)
    except ValidationError as error:
        raise Unreadable("；".join(error.messages)) from None


def person_name(value):
    """Return a name with the padding of two-character names removed (`张  三` is 张三).

    Only all-Chinese names lose inner spaces; a name in Latin letters keeps them.
    """
    if isinstance(value, bool):
        raise Unreadable(NOT_TEXT.format(value=value))
    result = display(value)
    if _NAME_PADDING.search(result) and _CJK_NAME.match(result):
        result = _NAME_PADDING.sub("", result)
    return _checked("name", result)


def _unknown(key, typed):
    return Unreadable(CHOICE_INVALID.format(value=typed, choices="、".join(CHOICES_SHOWN[key])))


def choice(value, key, table):
    """Return the stored value the vocabulary `table` gives a written cell (`key` names the field)."""
    typed = text(value)
    found = synonyms.choice_value(table, typed)
    if found is None:
        raise _unknown(key, typed)
    return str(found)


def written_choice(value, key, table):
    """Return (stored value, what to keep of the written form) of a coded cell (九三学社社员 → 民主党派)."""
    typed = text(value, limit=30)
    found = synonyms.choice_value(table, typed)
    if found is None:
        raise _unknown(key, typed)
    return str(found), synonyms.written_form(typed, found)


def education(value, degree=""):
    """Return (level, written form, mode the words say or None) of a 学历 cell.

    研究生 with a 博士 degree is 博士研究生; 省委党校研究生 is of the 硕士 level, in 党校.
    """
    typed = text(value, limit=30)
    form = synonyms.education_form(typed, degree)
    if form is None:
        raise _unknown("education", typed)
    return str(form.level), synonyms.written_form(typed, form.level), form.mode and str(form.mode)


def degree(value):
    """Return (degree, written form) of a 学位 cell: 法学学士 is 学士, 工商管理硕士（MBA） is 硕士."""
    typed = text(value, limit=30)
    found = synonyms.degree_value(typed)
    if found is None:
        raise _unknown("degree", typed)
    return str(found), synonyms.written_form(typed, found)


def ethnicity(value):
    """Return the full name of a 民族 cell (汉, 土家, 15 and 土家族 are 土家族); anything else is an error."""
    typed = text(value)
    found = synonyms.choice_value(synonyms.ETHNICITY, typed)
    if found is None:
        raise Unreadable(ETHNICITY_INVALID.format(value=typed))
    return found


def status(value):
    """Return the StatusForm of a 状态 cell: 在职, or 调出 read as 已离开 because of 调出."""
    typed = text(value)
    found = synonyms.choice_value(synonyms.STATUS, typed)
    if found is None:
        raise _unknown("status", typed)
    return synonyms.StatusForm(str(found.status), str(found.reason))


def rank(value):
    """Return a 职级 cell as the vocabulary spells it (4级主任科员 → 四级主任科员), else as written."""
    return synonyms.rank_value(text(value, limit=50))


def id_info(value):
    """Return what a valid 公民身份号码 encodes (IdNumberInfo), None for a blank cell.

    A number cell has lost digits and is refused, never repaired.
    """
    if is_blank(value):
        return None
    if isinstance(value, float | int) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: an 18-digit number is already wrong (TRAPS.md).
        raise Unreadable(ID_AS_NUMBER)
    if isinstance(value, bool):
        raise Unreadable(NOT_TEXT.format(value=value))
    try:
        # The field's own validator (IdNumberField: validate_id_number), which also says what it encodes.
        return parse_id_number(display(value))
    except ValidationError as error:
        raise Unreadable(error.messages[0]) from None


def id_number(value):
    """Return a valid 公民身份号码 as stored (ASCII, X upper), "" for a blank cell."""
    info = id_info(value)
    return info.number if info is not None else ""

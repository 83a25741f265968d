"""Turning cell values, as calamine returns them, into field values — or a Chinese reason why not.

calamine gives str, float (every number), bool, datetime.date/datetime, time or timedelta; an empty
cell is "". Each converter returns the field value or raises CellError with the reason shown to
the clerk.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ..choices import Degree, Education
from ..validators import CONTROL_CHARS, parse_id_number
from . import synonyms

DATE_INVALID = "无法识别的日期“{value}”，请填写如 1990-05-12、1990.05.12、1990年5月12日 或 1990.05"
DATE_RANGE = "日期{date}不在合理范围内（1900年至2100年）"
ID_AS_NUMBER = "公民身份号码被存成了数字，末尾几位已丢失；请把该列设为文本格式后重新填写"
NOT_TEXT = "应填写文字，实际为“{value}”"
CHOICE_INVALID = "无法识别“{value}”，可填写：{choices}"
CONTROL = "不能包含控制字符"
TOO_LONG = "内容过长（最多{limit}个字）"

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
# Excel serial numbers of 1900-01-01 .. 2100-12-31 (1900 date system, epoch 1899-12-30).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
SERIAL_RANGE = (2, 73415)
_FULL_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
_DIGITS = re.compile(r"^\d+$")
SPACES = "\u3000 \t\r\n\xa0"
# Enum .values is rebuilt on every access; a roster asks for it on every row.
EDUCATIONS = tuple(Education.values)
DEGREES = tuple(Degree.values)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff·\s]+$")


class CellError(Exception):
    """A cell that cannot be read; the message is shown to the clerk as it is."""


@dataclass(frozen=True)
class ParsedDate:
    """A date read from a cell; `month_only` when the cell gave a year and month only (出生年月)."""

    date: datetime.date
    month_only: bool = False


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
        raise CellError(NOT_TEXT.format(value=value))
    result = display(value)
    if CONTROL_CHARS.search(result):
        raise CellError(CONTROL)
    if limit and len(result) > limit:
        raise CellError(TOO_LONG.format(limit=limit))
    return result


def person_name(value):
    """Return a name with the padding of two-character names removed (`张  三` is 张三).

    Only all-Chinese names lose inner spaces; a name in Latin letters keeps them.
    """
    result = text(value, limit=30)
    if _CJK_NAME.match(result):
        result = re.sub(r"[\s\u3000]+", "", result)
    return result


def choice(value, choices, table):
    """Return the choice `value` names: one of `choices`, or a synonym from `table`."""
    typed = text(value)
    key = unicodedata.normalize("NFKC", typed).replace(" ", "")
    if key in choices:
        return key
    if key in table:
        return str(table[key])
    raise CellError(CHOICE_INVALID.format(value=typed, choices="、".join(choices)))


def education(value, degree=""):
    """Return the 学历 `value` names; 研究生 with a 博士 degree is 博士研究生."""
    result = choice(value, EDUCATIONS, synonyms.EDUCATION)
    if text(value) == "研究生" and degree == "博士":
        return Education.DOCTORAL.value
    return result


def degree(value):
    """Return the 学位 `value` names; a subject prefix is allowed (法学学士 is 学士)."""
    typed = text(value)
    for name in (Degree.DOCTOR, Degree.MASTER, Degree.BACHELOR):
        if typed.endswith(name) or typed.endswith(f"{name}学位"):
            return name.value
    return choice(value, DEGREES, synonyms.DEGREE)


def id_number(value):
    """Return a valid 公民身份号码; a number cell has lost digits and is refused, never repaired."""
    if is_blank(value):
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        # Excel keeps 15 significant digits: an 18-digit number is already wrong (TRAPS.md).
        raise CellError(ID_AS_NUMBER)
    try:
        return parse_id_number(text(value)).number
    except ValidationError as error:
        raise CellError(error.messages[0]) from None


def _checked(day, month_only=False):
    if not EARLIEST <= day <= LATEST:
        raise CellError(DATE_RANGE.format(date=day.isoformat()))
    return ParsedDate(day, month_only)


def _from_digits(digits, original):
    try:
        if len(digits) == 8:
            return _checked(datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])))
        if len(digits) == 6:
            return _checked(datetime.date(int(digits[:4]), int(digits[4:]), 1), month_only=True)
    except ValueError:
        pass
    raise CellError(DATE_INVALID.format(value=original))


def parse_date(value):
    """Return the ParsedDate a cell holds, or None when it is blank.

    Accepted: real Excel dates whatever their format; Excel serial numbers; 19900512 and 199005 as
    numbers or text; 1990-05-12, 1990/5/12, 1990.05.12, 1990年5月12日; year-months 1990.05,
    1990-05, 1990年5月 — and 1990.05 typed as a number (1990.1 there is October: Excel dropped the 0).
    """
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return _checked(value.date())
    if isinstance(value, datetime.date):
        return _checked(value)
    if isinstance(value, bool):
        raise CellError(DATE_INVALID.format(value=value))
    if isinstance(value, float | int):
        return _date_from_number(float(value))
    if not isinstance(value, str):
        raise CellError(DATE_INVALID.format(value=display(value)))
    typed = value.strip(SPACES)
    folded = unicodedata.normalize("NFKC", typed).replace(" ", "")
    if _DIGITS.match(folded):
        return _from_digits(folded, typed)
    match = _FULL_DATE.match(folded)
    try:
        if match:
            year, month, day = (int(part) for part in match.groups())
            return _checked(datetime.date(year, month, day))
        match = _MONTH.match(folded)
        if match:
            year, month = (int(part) for part in match.groups())
            return _checked(datetime.date(year, month, 1), month_only=True)
    except ValueError:
        pass
    raise CellError(DATE_INVALID.format(value=typed))


def _date_from_number(number):
    shown = display(number)
    if number.is_integer():
        whole = int(number)
        if 19000101 <= whole <= 21001231 or 190001 <= whole <= 210012:
            return _from_digits(str(whole), shown)
        if SERIAL_RANGE[0] <= whole <= SERIAL_RANGE[1]:
            return _checked(EXCEL_EPOCH + datetime.timedelta(days=whole))
        raise CellError(DATE_INVALID.format(value=shown))
    if 1900 < number < 2101:
        year, fraction = f"{number:.2f}".split(".")
        if 1 <= int(fraction) <= 12 and abs(number - round(number, 2)) < 1e-9:
            return _checked(datetime.date(int(year), int(fraction), 1), month_only=True)
    raise CellError(DATE_INVALID.format(value=shown))

"""Validation of the 公民身份号码 (GB 11643-1999) and of text that will reach Excel."""

import datetime
import functools
import operator
import re
import time
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .choices import Gender

# ISO 7064 MOD 11-2, as GB 11643 prescribes.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# First two digits of the address code: the provinces of GB/T 2260, plus 71/81/82 (台湾, 香港, 澳门).
PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)
ID_PATTERN = re.compile(r"^[0-9]{17}[0-9X]$")
EARLIEST_BIRTH = datetime.date(1900, 1, 1)

ID_LENGTH = "公民身份号码应为18位，当前为{length}位"
ID_FORMAT = "公民身份号码格式不正确：前17位应为数字，最后一位为数字或X"
ID_REGION = "公民身份号码前两位“{code}”不是有效的省级行政区划代码"
ID_DATE = "公民身份号码中的出生日期“{text}”不是有效日期"
ID_DATE_RANGE = "公民身份号码中的出生日期{date}不在合理范围内"
ID_CHECK_DIGIT = "公民身份号码校验位错误：最后一位应为“{expected}”，实际为“{actual}”"
CONTROL_CHARACTERS = "不能包含控制字符"

# Characters openpyxl cannot store and that never belong in a personnel record (TRAPS.md).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class IdNumberInfo:
    """What a 公民身份号码 says about its holder."""

    number: str
    region_code: str
    birth_date: datetime.date
    gender: str


def normalize_id_number(value):
    """Return the ID number in ASCII (full-width digits from a Chinese IME folded), no spaces, X upper."""
    return unicodedata.normalize("NFKC", value or "").replace(" ", "").strip().upper()


_ZERO_WEIGHT = ord("0") * sum(ID_WEIGHTS)


def id_check_char(first17):
    """Return the MOD 11-2 check character for the first 17 digits."""
    if len(first17) != len(ID_WEIGHTS) or not (first17.isascii() and first17.isdigit()):
        raise ValueError("the check character is computed from 17 digits")
    # The digits' code points less that of "0": one pass in C, as a roster checks 100,000 numbers.
    total = sum(map(operator.mul, first17.encode("ascii"), ID_WEIGHTS)) - _ZERO_WEIGHT
    return ID_CHECK_CHARS[total % 11]


def parse_id_number(value, *, today=None):
    """Validate a 公民身份号码 and return what it encodes.

    Raise ValidationError with a Chinese message on a wrong length, format, province code,
    birth date or check digit. Unknown county codes are accepted: code tables change and a valid
    number must never be refused for it (TRAPS.md).
    """
    return _parse(value, today or _today())


_day = [datetime.date.min, 0.0]  # [today, when it ends (a timestamp)]


def _today():
    """Return today's date; looked up again only once the day is over (date.today() is slow to call
    for every ID number of a 100,000-row roster)."""
    if time.time() >= _day[1]:
        today = datetime.date.today()
        _day[:] = [today, datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time()).timestamp()]
    return _day[0]


# A roster row checks its ID number several times (cell, birth date, model validation): the same
# answer comes from the cache. Invalid numbers raise and are not cached.
@functools.lru_cache(maxsize=4096)
def _parse(value, today):
    number = normalize_id_number(value)
    if len(number) != 18:
        raise ValidationError(ID_LENGTH.format(length=len(number)), code="id_length")
    if not ID_PATTERN.match(number):
        raise ValidationError(ID_FORMAT, code="id_format")
    if number[:2] not in PROVINCE_CODES:
        raise ValidationError(ID_REGION.format(code=number[:2]), code="id_region")
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(ID_DATE.format(text=number[6:14]), code="id_date") from None
    if not EARLIEST_BIRTH <= birth <= today:
        raise ValidationError(ID_DATE_RANGE.format(date=birth.isoformat()), code="id_date_range")
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError(ID_CHECK_DIGIT.format(expected=expected, actual=number[17]), code="id_check_digit")
    gender = Gender.MALE if int(number[16]) % 2 else Gender.FEMALE
    return IdNumberInfo(number=number, region_code=number[:6], birth_date=birth, gender=gender)


def validate_id_number(value):
    """Model-field validator: raise ValidationError unless `value` is a valid 公民身份号码."""
    parse_id_number(value)


def validate_no_control_characters(value):
    """Reject control characters, which Excel cannot hold."""
    if value and CONTROL_CHARS.search(value):
        raise ValidationError(CONTROL_CHARACTERS, code="control_characters")

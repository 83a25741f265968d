"""The one date parser of every reader: roster cells, .lrmx elements and 简历 periods.

A date may be written to the day or to the month; the month precision is a fact about the value
(ParsedDate.month_only), recorded with it, printed as a month, and never allowed to overwrite a
finer stored date of the same month (`merged_date`).
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from .problems import Unreadable

DATE_INVALID = "无法识别的日期“{value}”，请填写如 1990-05-12、1990.05.12、1990年5月12日 或 1990.05"
DATE_RANGE = "日期{date}不在合理范围内（1900年至2100年）"
MONTH_AMBIGUOUS = (
    "数字{value}看不出是{year}年{first}月还是{second}月（Excel把输入的{year}.{second}存成了{value}）；"
    "请把本列设为文本后写成{year}.{first:02d}或{year}.{second}，或把单元格格式设为两位小数"
)

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
# Excel serial numbers of 1900-01-01 .. 2100-12-31 (1900 date system, epoch 1899-12-30).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
SERIAL_RANGE = (2, 73415)
SPACES = "\u3000 \t\r\n\xa0"
_FULL_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class ParsedDate:
    """A date as read; `month_only` when the value gave a year and month only (出生年月 1990.05)."""

    date: datetime.date
    month_only: bool = False


class AmbiguousMonth(Unreadable):
    """A number such as 1985.1: January as typed, or October typed 1985.10 (Excel drops the 0).

    A reader that can see the cell's number format resolves it (two decimals show 1985.10).
    """

    def __init__(self, number):
        self.number = number
        year, tenths = int(number), round((number - int(number)) * 10)
        super().__init__(MONTH_AMBIGUOUS.format(value=f"{number:g}", year=year, first=tenths, second=tenths * 10))


def _checked(day, month_only=False):
    if not EARLIEST <= day <= LATEST:
        raise Unreadable(DATE_RANGE.format(date=day.isoformat()))
    return ParsedDate(day, month_only)


def _from_digits(digits, shown):
    try:
        if len(digits) == 8:
            return _checked(datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])))
        if len(digits) == 6:
            return _checked(datetime.date(int(digits[:4]), int(digits[4:]), 1), month_only=True)
    except ValueError:
        pass
    raise Unreadable(DATE_INVALID.format(value=shown))


def _shown(number):
    return str(int(number)) if number.is_integer() else f"{number:g}"


def parse_date(value, *, two_decimals=False):
    """Return the ParsedDate `value` holds, or None when it is blank; Unreadable says why not.

    Text: 1985-12-04, 1985.12.04, 1985/12/04, 19851204, 1985年12月4日 (to the day); 1985-12,
    1985.12, 198512, 1985年12月 and 1985.1 (January) (to the month); full-width digits too.
    Numbers, as Excel stores what was typed: serials (a date cell whose format a reader did not
    recognise), 19851204 and 198512, and 1985.12 (December). A number 1985.1 is January typed
    1985.1 or October typed 1985.10: AmbiguousMonth, unless the cell shows two decimals
    (`two_decimals`), which makes it October. Dates and datetimes are taken as they are.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return _checked(value.date())
    if isinstance(value, datetime.date):
        return _checked(value)
    if isinstance(value, bool):
        raise Unreadable(DATE_INVALID.format(value=value))
    if isinstance(value, int | float):
        return _from_number(float(value), two_decimals)
    if not isinstance(value, str):
        raise Unreadable(DATE_INVALID.format(value=value))
    typed = value.strip(SPACES)
    if not typed:
        return None
    folded = unicodedata.normalize("NFKC", typed).replace(" ", "")
    if _DIGITS.match(folded):
        return _from_digits(folded, typed)
    try:
        match = _FULL_DATE.match(folded)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return _checked(datetime.date(year, month, day))
        match = _MONTH.match(folded)
        if match:
            year, month = (int(part) for part in match.groups())
            return _checked(datetime.date(year, month, 1), month_only=True)
    except ValueError:
        pass
    raise Unreadable(DATE_INVALID.format(value=typed))


def _from_number(number, two_decimals):
    shown = _shown(number)
    if number.is_integer():
        whole = int(number)
        if 19000101 <= whole <= 21001231 or 190001 <= whole <= 210012:
            return _from_digits(str(whole), shown)
        if SERIAL_RANGE[0] <= whole <= SERIAL_RANGE[1]:
            return _checked(EXCEL_EPOCH + datetime.timedelta(days=whole))
        raise Unreadable(DATE_INVALID.format(value=shown))
    if 1900 < number < 2101:
        hundredths = round((number - int(number)) * 100)
        if abs(number - (int(number) + hundredths / 100)) < 1e-9:
            # What was typed: 1985.05 and 1985.12 are plain; 1985.5 can only be May (1985.50 is no
            # month); 1985.1 is January, or October that Excel saved without its 0.
            months = {hundredths} if hundredths % 10 else {hundredths // 10, hundredths}
            months = {month for month in months if 1 <= month <= 12}
            if len(months) == 2:
                if not two_decimals:
                    raise AmbiguousMonth(number)
                months = {hundredths}
            if months:
                return _checked(datetime.date(int(number), months.pop(), 1), month_only=True)
    raise Unreadable(DATE_INVALID.format(value=shown))


def merged_date(stored, stored_month_only, parsed):
    """Return (date, month_only) to keep when `parsed` arrives for a field that holds `stored`.

    A value known to the month says nothing new about a stored date of that same month: the
    finer stored date stays. Otherwise the arriving value is taken as it is (None clears).
    """
    if parsed is None:
        return None, False
    if (
        parsed.month_only
        and stored is not None
        and (stored.year, stored.month) == (parsed.date.year, parsed.date.month)
    ):
        return stored, stored_month_only
    return parsed.date, parsed.month_only


def month_text(day):
    """Return a date known to the month as people write it: 1990.05."""
    return f"{day.year:04d}.{day.month:02d}"

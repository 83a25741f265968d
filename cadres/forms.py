"""What the pages' forms share: the date a page shows its figures on, and the messages of a bad date or unit."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

# The one message of a date that cannot be read, on every page (the statistics, the cadre list, the pool,
# the profile, the .lrmx downloads).
DATE_INVALID = "日期无效，请按“2021-07-31”的格式填写一个真实存在的日期"
UNIT_UNKNOWN = "单位不存在或无权查看"
# The dates a person means on any page: outside them the age and window arithmetic overflows Python's dates
# (0001-01-01 less 35 years, 9999-12-31 plus a month) and the answer would be a server error.
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)
DATE_OUT_OF_RANGE = "日期应在1900-01-01至2100-12-31之间"


def date_range_validators():
    """Return the validators of a date typed on a page: between EARLIEST_DATE and LATEST_DATE."""
    return [
        MinValueValidator(EARLIEST_DATE, message=DATE_OUT_OF_RANGE),
        MaxValueValidator(LATEST_DATE, message=DATE_OUT_OF_RANGE),
    ]


class DateField(forms.DateField):
    """A date typed on a page, read as every page reads dates and kept between 1900 and 2100."""

    default_error_messages = {"invalid": DATE_INVALID}
    default_validators = date_range_validators()


class AsOfForm(forms.Form):
    """The `?as_of=YYYY-MM-DD` of a page that shows figures on a chosen date (blank: today)."""

    as_of = DateField(
        label="计算日期",
        required=False,
        error_messages={"invalid": DATE_INVALID},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def day(self, today):
        """Return the chosen date, or `today` when none was given or it was invalid.

        A valid date is kept even when another field of a subclass's form is not.
        """
        if not self.is_bound:
            return today
        self.full_clean()
        return self.cleaned_data.get("as_of") or today

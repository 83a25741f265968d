"""What the pages' forms share: the date a page shows its figures on, and the messages of a bad date or unit."""

from django import forms

# The one message of a date that cannot be read, on every page (the statistics, the cadre list, the pool,
# the profile, the .lrmx downloads).
DATE_INVALID = "日期无效，请按“2021-07-31”的格式填写一个真实存在的日期"
UNIT_UNKNOWN = "单位不存在或无权查看"


class AsOfForm(forms.Form):
    """The `?as_of=YYYY-MM-DD` of a page that shows figures on a chosen date (blank: today)."""

    as_of = forms.DateField(
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

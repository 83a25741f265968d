"""Command-line date options, with the same Chinese message everywhere."""

import datetime

from django.core.management.base import CommandError

AS_OF_INVALID = "日期“{text}”无效，请按 YYYY-MM-DD 填写，如 2021-07-31"


def parse_as_of(text):
    """Return the date of a `YYYY-MM-DD` option; CommandError with a Chinese message otherwise."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(AS_OF_INVALID.format(text=text)) from None

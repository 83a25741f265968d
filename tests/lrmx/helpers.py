"""Readers of .lrmx files and the dates the .lrmx tests share (the cadre: tests.factories.make_full_cadre)."""

import datetime

from defusedxml.ElementTree import fromstring

AS_OF = datetime.date(2021, 7, 31)
FILLED_ON = datetime.date(2021, 8, 2)


def elements(content):
    """Return the <Person> element of a file's bytes."""
    return fromstring(content)

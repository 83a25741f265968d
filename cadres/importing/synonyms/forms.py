"""How written forms are compared: full-width folded, spaces dropped; and what of one is kept."""

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalized(text):
    """Return `text` as the tables compare it: NFKC (full-width to half-width), no spaces at all."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)))


def table(entries):
    """Return `entries` keyed by their written forms as they are compared (normalized)."""
    return {normalized(key): value for key, value in entries.items()}


def choice_value(vocabulary, written):
    """Return the stored value a `vocabulary` (one of the tables) gives a written form, or None."""
    return vocabulary.get(normalized(written))


def written_form(written, stored):
    """Return what to keep of a written form, as written: nothing when it says no more than the stored choice."""
    typed = str(written).strip(" \u3000\t\r\n\xa0")
    return "" if normalized(typed) == normalized(stored) else typed

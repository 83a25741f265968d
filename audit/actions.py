"""The kinds of audit event: each app declares its own codes and registers them here.

An app keeps its codes in a `TextChoices` decorated with `register`, imported when the app is ready, so
this app needs to know none of the apps above it; the audit page and the admin list every registered kind.
"""

_labels = {}


def register(choices):
    """Make the codes of a `TextChoices` known to the audit trail; return it unchanged (a class decorator).

    A code is stored in each event and never changes, so two apps may not claim the same one.
    """
    for code, label in choices.choices:
        if _labels.get(code, label) != label:
            raise ValueError(f"audit action {code!r} is already registered as {_labels[code]!r}")
    _labels.update(choices.choices)
    return choices


def action_choices():
    """Return (code, label) of every registered kind, in the order the apps registered them."""
    return list(_labels.items())


def action_label(code):
    """Return the Chinese name of an action (the code itself for one no longer declared)."""
    return _labels.get(code, code)

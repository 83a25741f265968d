"""Saving and removing a user's named cadre list filters (SavedFilter)."""

from urllib.parse import parse_qsl, urlencode

from django.db import transaction

from .models import SavedFilter

# Where in the list one was is not part of a query worth keeping.
TRANSIENT_PARAMS = {"page", "csrfmiddlewaretoken"}


def clean_query(query):
    """Return `query` (a query string) without a leading "?" and without the page number."""
    pairs = parse_qsl(query.lstrip("?"), keep_blank_values=False)
    return urlencode([(key, value) for key, value in pairs if key not in TRANSIENT_PARAMS])


def saved_filter_save(*, user, name, query):
    """Save `query` for `user` under `name`, replacing a filter of theirs of the same name."""
    with transaction.atomic():
        saved = SavedFilter.objects.filter(user=user, name=name.strip()).first() or SavedFilter(user=user)
        saved.name, saved.query = name.strip(), clean_query(query)
        saved.full_clean()
        saved.save()
    return saved


def saved_filter_delete(*, saved_filter):
    """Delete a saved filter (the caller has checked it is the user's own)."""
    with transaction.atomic():
        saved_filter.delete()

"""JSON for dumpdata/loaddata that keeps date-times to the microsecond.

Django's JSON encoder cuts microseconds to milliseconds, so a backup taken through it is not
lossless (a time of …00.000500 comes back as …00.000). Registered as the "json" format in
SERIALIZATION_MODULES. Reading is Django's own, with the models that have since moved to another app
read under their new label, so that a backup taken before the move can still be restored.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder

__all__ = ["Deserializer", "Serializer"]


class LosslessJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", LosslessJSONEncoder)
        super()._init_options()


# "old_app.model" → "new_app.model": models moved between apps since backups were first taken.
MOVED_MODELS = {"cadres.auditevent": "audit.auditevent"}


def moved(label):
    """Return the current label of a model read from a backup under `label`."""
    return MOVED_MODELS.get(label.lower(), label) if isinstance(label, str) else label


def moved_permission(natural_key):
    """Return a permission's natural key [codename, app_label, model] under its model's current label."""
    if not isinstance(natural_key, list) or len(natural_key) != 3:
        return natural_key
    codename, app_label, model = natural_key
    return [codename, *moved(f"{app_label}.{model}").split(".")]


class Deserializer(django_json.Deserializer):
    def _handle_object(self, obj):
        if not isinstance(obj, dict):
            yield from super()._handle_object(obj)
            return
        obj = {**obj, "model": moved(obj.get("model"))}
        fields = obj.get("fields")
        if isinstance(fields, dict) and obj["model"] in ("auth.group", "auth.user"):
            for name in ("permissions", "user_permissions"):
                if isinstance(fields.get(name), list):
                    fields = {**fields, name: [moved_permission(key) for key in fields[name]]}
            obj["fields"] = fields
        yield from super()._handle_object(obj)

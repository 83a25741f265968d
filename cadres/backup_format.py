"""JSON for dumpdata/loaddata that keeps date-times to the microsecond.

Django's JSON encoder cuts microseconds to milliseconds, so a backup taken through it is not
lossless (a time of …00.000500 comes back as …00.000). Registered as the "json" format in
SERIALIZATION_MODULES; reading is Django's own.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import Deserializer, DjangoJSONEncoder

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

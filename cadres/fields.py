"""Model fields of the cadre domain."""

from django.db import models

from .validators import normalize_id_number, validate_id_number


class IdNumberField(models.CharField):
    """A 公民身份号码, folded to 18 ASCII characters before any check (spaces, full-width, lowercase x)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 18)
        super().__init__(*args, **kwargs)
        if validate_id_number not in self.validators:
            self.validators.append(validate_id_number)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_id_number(value) if value else value

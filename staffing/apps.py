from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "staffing"
    verbose_name = "科室配备"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # audit_actions registers the audit codes.
        from . import audit_actions  # noqa: F401

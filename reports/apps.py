from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "统计报表"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the audit codes of the reports.
        from . import audit_actions  # noqa: F401

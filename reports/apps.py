from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "统计报表"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the audit codes of the reports, and the words the audit page says their data in.
        from . import audit_actions, audit_words  # noqa: F401

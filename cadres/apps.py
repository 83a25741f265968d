from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "cadres"
    verbose_name = "干部信息"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # audit_actions registers the audit codes; checks registers the system checks;
        # experience_summary keeps the stored experience summary in step with the records.
        from . import audit_actions, checks, experience_summary  # noqa: F401

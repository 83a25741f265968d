from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "cadres"
    verbose_name = "干部信息"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # audit_actions registers the audit codes; checks registers the system checks.
        from . import audit_actions, checks  # noqa: F401

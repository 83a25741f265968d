from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "cadres"
    verbose_name = "干部信息"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # audit connects the login, logout and failed-login receivers; checks registers the system checks.
        from . import audit, checks  # noqa: F401

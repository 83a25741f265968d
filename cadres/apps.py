from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "cadres"
    verbose_name = "干部信息"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the login, logout and failed-login receivers.
        from . import audit  # noqa: F401

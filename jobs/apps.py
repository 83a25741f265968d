from django.apps import AppConfig


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = "后台任务"

    def ready(self):
        # Registers the audit codes of background jobs and the words the audit page says their kind in.
        from . import audit_actions  # noqa: F401

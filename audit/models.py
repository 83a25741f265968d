"""Audit events: exports, imports and logins, one row each (field changes are kept by history)."""

from django.conf import settings
from django.db import models

from .actions import action_label


class AuditEvent(models.Model):
    """Something a person did with the data that must leave a trace."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Kept apart from `user` so the trail survives the account's deletion.
    username = models.CharField("账号", max_length=150, blank=True)
    # A code registered in audit.actions. Not a database choices list: a new kind of event needs no migration.
    action = models.CharField("操作", max_length=60, db_index=True)
    summary = models.CharField("摘要", max_length=300, blank=True)
    data = models.JSONField("参数与结果", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["username", "at"], name="audit_event_user_at_idx")]

    def __str__(self):
        return f"{self.username} {self.action_label}"

    @property
    def action_label(self):
        """Return the Chinese name of the action (the code itself for one no longer declared)."""
        return action_label(self.action)

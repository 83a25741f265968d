"""Audit events: exports, imports and logins, one row each (field changes are kept by history)."""

from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    """Namespaced action codes; the label is what the audit page shows."""

    LOGIN = "auth.login", "登录"
    LOGIN_FAILED = "auth.login_failed", "登录失败"
    LOGOUT = "auth.logout", "退出登录"
    STATS_JSON = "reports.young_cadres.json", "导出统计数据（JSON）"
    STATS_XLSX = "reports.young_cadres.xlsx", "导出统计报表（Excel）"
    MONTHLY_REPORT = "reports.monthly.exported", "生成月度报表"
    MONTHLY_DOWNLOAD = "reports.monthly.downloaded", "下载归档的月度报表"
    ROSTER_IMPORT = "cadres.import.applied", "导入花名册"
    ROSTER_EXPORT = "cadres.roster.exported", "导出干部名单（Excel）"
    ACCOUNT_SAVED = "auth.account_saved", "设置账号角色和单位"
    BACKUP = "system.backup", "备份数据库"
    RESTORE = "system.restore", "恢复数据库"
    LRMX_EXPORT = "cadres.lrmx.exported", "导出任免审批表（.lrmx）"
    LRMX_IMPORT = "cadres.lrmx.imported", "导入任免审批表（.lrmx）"
    FORM_EXPORT = "cadres.form.exported", "导出任免审批表（Excel）"
    POOL_ENTERED = "cadres.pool.entered", "列入年轻干部库"
    POOL_STATUS_CHANGED = "cadres.pool.status_changed", "变更年轻干部库状态"
    POOL_EXITED = "cadres.pool.exited", "移出年轻干部库"


ACTION_LABELS = dict(AuditAction.choices)


class AuditEvent(models.Model):
    """Something a person did with the data that must leave a trace."""

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    # Kept apart from `user` so the trail survives the account's deletion.
    username = models.CharField("账号", max_length=150, blank=True)
    # A code of AuditAction. Not a database choices list: a new kind of event needs no migration.
    action = models.CharField("操作", max_length=60, db_index=True)
    summary = models.CharField("摘要", max_length=300, blank=True)
    data = models.JSONField("参数与结果", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["username", "at"], name="audit_user_at_idx")]

    def __str__(self):
        return f"{self.username} {self.action_label}"

    @property
    def action_label(self):
        """Return the Chinese name of the action (the code itself for one no longer defined)."""
        return ACTION_LABELS.get(self.action, self.action)

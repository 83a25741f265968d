"""The audit codes of accounts: logins and account changes."""

from django.db import models

from audit.actions import register


@register
class AccountAction(models.TextChoices):
    LOGIN = "auth.login", "登录"
    LOGIN_FAILED = "auth.login_failed", "登录失败"
    LOGOUT = "auth.logout", "退出登录"
    ACCOUNT_SAVED = "auth.account_saved", "设置账号角色和单位"

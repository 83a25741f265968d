"""System checks: what the app needs of its environment, said at start-up rather than mid-import."""

import sqlite3

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.checks import Error, Tags, register
from django.db import DatabaseError, connections

from .demo import demo_passwords

# RETURNING (3.35) and UPDATE … FROM (3.33): the roster import writes with both.
SQLITE_NEEDED = (3, 35, 0)
SQLITE_TOO_OLD = "SQLite {version} 太旧：花名册导入需要 SQLite 3.35 或更新的版本（或改用 PostgreSQL）"


@register("database")
def sqlite_version_check(app_configs=None, databases=None, **kwargs):
    """Refuse an SQLite library older than the roster import's statements need."""
    uses_sqlite = any(connections[alias].vendor == "sqlite" for alias in databases or ())
    if uses_sqlite and sqlite3.sqlite_version_info < SQLITE_NEEDED:
        return [Error(SQLITE_TOO_OLD.format(version=sqlite3.sqlite_version), id="cadres.E001")]
    return []


DEMO_PASSWORD_IN_USE = (
    "以下启用的账号仍在使用演示密码（load_demo 公开的密码）：{usernames}。请修改密码或停用账号后再部署"
)


@register(Tags.security, deploy=True)
def demo_password_check(app_configs=None, **kwargs):
    """Fail `check --deploy` while an active account still has the demo password (cadres/demo.py).

    Every active account's hash is tried, at the hasher's full cost: this runs only with --deploy.
    A database without the accounts table yet (before `migrate`) has no such account.
    """
    passwords = demo_passwords()
    try:
        accounts = list(
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(password__startswith="!")
            .order_by("username")
            .values_list("username", "password")
        )
    except DatabaseError:
        return []
    found = [name for name, encoded in accounts if any(check_password(p, encoded) for p in passwords)]
    if found:
        return [Error(DEMO_PASSWORD_IN_USE.format(usernames="、".join(found)), id="cadres.E002")]
    return []

"""System checks: what the app needs of its environment, said at start-up rather than mid-import."""

import sqlite3

from django.core.checks import Error, register
from django.db import connections

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

"""The audit codes of the cadre domain: imports, .lrmx files, pool moves, backup and restore."""

from django.db import models

from audit.actions import register
from audit.words import describes_key

from .models import Channel, ImportBatch


@register
class CadreAction(models.TextChoices):
    ROSTER_IMPORT = "cadres.import.applied", "导入花名册"
    LRMX_EXPORT = "cadres.lrmx.exported", "导出任免审批表（.lrmx）"
    LRMX_IMPORT = "cadres.lrmx.imported", "导入任免审批表（.lrmx）"
    IMPORT_OUT_OF_SCOPE = "cadres.import.out_of_scope", "导入被拒：管理范围以外的干部"
    POOL_ENTERED = "cadres.pool.entered", "列入年轻干部库"
    POOL_STATUS_CHANGED = "cadres.pool.status_changed", "变更年轻干部库状态"
    POOL_EXITED = "cadres.pool.exited", "移出年轻干部库"
    BACKUP = "system.backup", "备份数据库"
    RESTORE = "system.restore", "恢复数据库"


@describes_key("channel")
def channel_in_words(code, cache):
    """Return a channel given by its code (the .lrmx export command's option) by its name."""
    if "cadres.channels" not in cache:
        cache["cadres.channels"] = dict(Channel.objects.values_list("code", "name"))
    return f"进入方式：{cache['cadres.channels'].get(code, code)}"


def batch_name(pk, cache):
    """Return an import (ImportBatch id) by its time, kind and file; each read once per page."""
    names = cache.setdefault("cadres.batches", {})
    if pk not in names:
        batch = ImportBatch.objects.filter(pk=pk).first() if str(pk).isascii() and str(pk).isdigit() else None
        names[pk] = batch.name_in_words() if batch else "已删除的导入记录"
    return names[pk]


@describes_key("batch")
def batch_in_words(pk, cache):
    """Return the import an event names (the roster's 导入批次 filter, an import's own event) in words."""
    return f"导入批次：{batch_name(pk, cache)}"

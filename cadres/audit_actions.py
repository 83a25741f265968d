"""The audit codes of the cadre domain: imports, .lrmx files, pool moves, backup and restore."""

from django.db import models

from audit.actions import register
from audit.words import describes_key

from .models import Channel


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

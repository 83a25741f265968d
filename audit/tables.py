"""The audit page's table."""

import django_tables2 as tables

from .models import AuditEvent
from .words import describe


class AuditTable(tables.Table):
    at = tables.DateTimeColumn(verbose_name="时间", format="Y-m-d H:i:s")
    username = tables.Column(verbose_name="账号")
    action = tables.Column(verbose_name="操作")
    summary = tables.Column(verbose_name="摘要")
    data = tables.Column(verbose_name="参数与结果", orderable=False, empty_values=())
    ip_address = tables.Column(verbose_name="IP地址")

    class Meta:
        model = AuditEvent
        fields = ["at", "username", "action", "summary", "data", "ip_address"]
        attrs = {"class": "table audit-table"}
        empty_text = "没有符合条件的记录"

    def render_action(self, record):
        return record.action_label

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.words_cache = {}  # the lookups of the describers, read once for the page

    def render_data(self, value):
        return describe(value, self.words_cache) or "—"

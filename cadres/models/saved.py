"""What a user keeps for later: named cadre list filters."""

from django.conf import settings
from django.db import models


class SavedFilter(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="saved_filters"
    )
    name = models.CharField("名称", max_length=50)
    query = models.TextField("筛选条件", help_text="花名册页面地址中的查询字符串")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "保存的筛选"
        verbose_name_plural = "保存的筛选"
        ordering = ["user", "name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_unique_per_user")]

    def __str__(self):
        return self.name

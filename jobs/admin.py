"""The task queue's own admin (django-tasks-db), filtering only by its declared filters like every admin here."""

from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from config.admin_lookups import DeclaredLookupsMixin


class TaskResultAdmin(DeclaredLookupsMixin, DBTaskResultAdmin):
    pass


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)

"""django-tasks-db's app (the queue's table) under a Chinese name in the admin; its labels come from locale/."""

from django_tasks_db.apps import TasksAppConfig


class TaskQueueConfig(TasksAppConfig):
    verbose_name = "后台任务队列"

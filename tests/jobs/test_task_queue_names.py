"""The task queue's admin speaks Chinese like the rest of 数据维护 (jobs/task_queue_app.py, locale/)."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_names_the_task_queue_in_chinese(client):
    client.force_login(make_user(superuser=True))

    index = client.get("/admin/").content.decode()
    listing = client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()

    assert "后台任务队列" in index and "任务记录" in index
    assert "Tasks Database Backend" not in index and "Task Results" not in index
    for label in ("等待运行", "运行中", "失败", "成功", "优先级"):
        assert label in listing

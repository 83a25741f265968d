"""Prepare the database, load the demo data and serve the app locally, with the background-task worker."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "建库、载入演示数据并在本机启动服务（默认 127.0.0.1:8000），同时启动后台任务进程。"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="监听地址和端口")
        parser.add_argument("--no-worker", action="store_true", help="不启动后台任务进程（大名单导出等）")

    def handle(self, *args, addrport, no_worker, **options):
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=self.stdout)
        worker = None if no_worker else self.start_worker()
        self.stdout.write(f"请用浏览器打开 http://{addrport}/ 并使用上面的演示账号登录；按 Ctrl+C 停止。")
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=30)

    def start_worker(self):
        """Start the worker of the background jobs (django-tasks' db_worker) beside the server, as a child."""
        manage = Path(settings.BASE_DIR) / "manage.py"
        self.stdout.write("后台任务进程已启动（manage.py db_worker）。")
        return subprocess.Popen([sys.executable, str(manage), "db_worker"])

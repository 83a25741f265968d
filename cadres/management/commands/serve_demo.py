"""Prepare the database, load the demo data and serve the app locally."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "建库、载入演示数据并在本机启动服务（默认 127.0.0.1:8000）。"

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="监听地址和端口")

    def handle(self, *args, addrport, **options):
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=self.stdout)
        self.stdout.write(f"请用浏览器打开 http://{addrport}/ 并使用上面的演示账号登录；按 Ctrl+C 停止。")
        call_command("runserver", addrport, use_reloader=False)

"""Load the demo roster and the demo login; safe to run again."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
DEMO_USERNAME = "admin"
DEMO_PASSWORD = "xialu-demo-2021"
LOGIN_HINT = "演示账号：用户名 {username}，密码 {password}（仅供本机演示，请勿用于正式环境）"


class Command(BaseCommand):
    help = "载入演示数据（下陆区虚构花名册）并创建演示登录账号；可重复执行。"

    def handle(self, *args, **options):
        call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)
        password = os.environ.get("DEMO_PASSWORD", DEMO_PASSWORD)
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        user.is_staff = user.is_superuser = user.is_active = True
        user.first_name = "演示管理员"
        user.set_password(password)
        user.save()
        self.stdout.write(self.style.SUCCESS("演示数据已载入。"))
        self.stdout.write(LOGIN_HINT.format(username=DEMO_USERNAME, password=password))

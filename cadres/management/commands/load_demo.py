"""Load the demo roster and the demo login; safe to run again."""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK, role_group
from cadres.models import Unit

DEMO_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
DEMO_USERNAME = "admin"
DEMO_PASSWORD = "xialu-demo-2021"
# One account per role, to try what each may see: (username, name, role, unit names).
DEMO_ROLE_ACCOUNTS = [
    ("lingdao", "演示部领导", LEADER, []),
    ("ganbuke", "演示干部科", CADRE_SECTION, []),
    ("xinxiyuan", "演示信息员", UNIT_CLERK, ["团山街道办事处"]),
    ("zhidu", "演示只读", READ_ONLY, ["下陆区教育局"]),
]
LOGIN_HINT = "演示账号：用户名 {username}，密码 {password}（管理员；仅供本机演示，请勿用于正式环境）"
ROLE_HINT = "  其他角色（密码相同）：{accounts}"


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
        for username, name, role, unit_names in DEMO_ROLE_ACCOUNTS:
            account, _ = get_user_model().objects.get_or_create(username=username)
            account.first_name, account.is_staff, account.is_active = name, True, True
            account.set_password(password)
            account.save()
            account.groups.set([role_group(role)])
            account.units.set(Unit.objects.filter(name__in=unit_names))
        self.stdout.write(self.style.SUCCESS("演示数据已载入。"))
        self.stdout.write(LOGIN_HINT.format(username=DEMO_USERNAME, password=password))
        accounts = "，".join(f"{username}（{role}）" for username, _, role, _ in DEMO_ROLE_ACCOUNTS)
        self.stdout.write(ROLE_HINT.format(accounts=accounts))

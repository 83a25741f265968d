"""Load the demo roster and the demo logins.

Run again, it writes the demo records over the records of the same ids and leaves every other record
(people added by users since) as it is; the demo accounts keep their sessions unless their password
changes (DEMO_PASSWORD). It is not a reset to exactly the demo: start from an empty database for that.
"""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK, role_group
from cadres.demo import DEMO_PASSWORD, DEMO_USERNAME
from cadres.models import Unit

DEMO_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
# One account per role, to try what each may see: (username, name, role, unit names).
DEMO_ROLE_ACCOUNTS = [
    ("lingdao", "演示部领导", LEADER, []),
    ("ganbuke", "演示干部科", CADRE_SECTION, []),
    ("xinxiyuan", "演示信息员", UNIT_CLERK, ["团山街道办事处"]),
    ("zhidu", "演示只读", READ_ONLY, ["下陆区教育局"]),
]
LOGIN_HINT = "演示账号：用户名 {username}，密码 {password}（管理员；仅供本机演示，请勿用于正式环境）"
ROLE_HINT = "  其他角色（密码相同）：{accounts}"
PRODUCTION_REFUSED = (
    "正式环境的设置（config.production）下不能载入演示数据：演示数据会覆盖同名记录，并创建密码公开的管理员账号"
)
NOT_DEVELOPMENT = (
    "当前不是开发设置（DEPLOYMENT_MODE={mode}）：载入演示数据会覆盖同名记录并重设演示账号的密码；"
    "确需载入请加 --replace-data"
)
LOADED = "演示数据已载入（演示记录已按编号覆盖为演示内容；用户另外添加的人员和记录未改动）。"


def keep_password(user, password):
    """Set `password` unless the account has it already: changing it would log the account out everywhere."""
    if not user.check_password(password):
        user.set_password(password)


class Command(BaseCommand):
    help = (
        "载入演示数据（下陆区虚构花名册）并创建演示登录账号。可再次执行：演示记录按编号覆盖为演示内容，"
        "用户另外添加的人员和记录保留不动（不是恢复为纯演示数据；需要纯演示数据时请从空数据库开始）；"
        "演示账号的密码不变时其已登录的会话不受影响。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace-data",
            action="store_true",
            help="在非开发、非正式的设置下仍然载入（覆盖同名数据，重设演示账号密码）；正式环境下始终拒绝",
        )

    def handle(self, *args, replace_data=False, **options):
        mode = getattr(settings, "DEPLOYMENT_MODE", "production")
        if mode == "production":
            raise CommandError(PRODUCTION_REFUSED)
        if mode != "development" and not replace_data:
            raise CommandError(NOT_DEVELOPMENT.format(mode=mode))
        call_command("loaddata", str(DEMO_FIXTURE), verbosity=0)
        password = os.environ.get("DEMO_PASSWORD", DEMO_PASSWORD)
        user, _ = get_user_model().objects.get_or_create(username=DEMO_USERNAME)
        user.is_staff = user.is_superuser = user.is_active = True
        user.first_name = "演示管理员"
        keep_password(user, password)
        user.save()
        for username, name, role, unit_names in DEMO_ROLE_ACCOUNTS:
            account, _ = get_user_model().objects.get_or_create(username=username)
            account.first_name, account.is_staff, account.is_active = name, True, True
            keep_password(account, password)
            account.save()
            account.groups.set([role_group(role)])
            account.units.set(Unit.objects.filter(name__in=unit_names))
        self.stdout.write(self.style.SUCCESS(LOADED))
        self.stdout.write(LOGIN_HINT.format(username=DEMO_USERNAME, password=password))
        accounts = "，".join(f"{username}（{role}）" for username, _, role, _ in DEMO_ROLE_ACCOUNTS)
        self.stdout.write(ROLE_HINT.format(accounts=accounts))

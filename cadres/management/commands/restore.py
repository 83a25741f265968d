"""Replace the whole database with a file written by `backup`; all or nothing."""

from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.roles import sync_roles
from audit.services import audit
from cadres.audit_actions import CadreAction
from cadres.experience_summary import experience_refresh_deferred

NOT_FOUND = "找不到备份文件 {path}"
CONFIRM = "恢复将用备份替换数据库中的全部数据，当前数据将被删除。确认请输入 yes："
CANCELLED = "已取消，数据库未改动"
FAILED = "恢复失败，数据库保持原样：{error}"


class Command(BaseCommand):
    help = "用 backup 命令生成的备份文件替换整个数据库（全部成功或全部不变）。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="备份文件路径")
        parser.add_argument("--yes", action="store_true", help="不再询问确认")

    def handle(self, *args, path, yes, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(NOT_FOUND.format(path=source))
        if not yes:
            try:
                answer = input(CONFIRM)
            except EOFError:
                answer = ""
            if answer.strip().lower() != "yes":
                raise CommandError(CANCELLED)
        try:
            # The experience summary is derived from the records: rebuilt once at the end, not per record.
            with transaction.atomic(), experience_refresh_deferred():
                call_command("flush", interactive=False, verbosity=0)
                # flush re-creates the roles (post_migrate); the backup brings its own groups, under their
                # own ids, and the declaration is applied to them once they are in.
                Group.objects.all().delete()
                call_command("loaddata", str(source), verbosity=0)
                sync_roles()
        except Exception as error:  # loaddata raises many kinds; all mean the same to the operator
            raise CommandError(FAILED.format(error=error)) from error
        audit(action=CadreAction.RESTORE, summary=f"从 {source} 恢复")
        self.stdout.write(f"已从 {source} 恢复")

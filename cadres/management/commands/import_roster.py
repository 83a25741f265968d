"""Import an Excel roster (花名册) from the command line: all rows or none.

With --user the import runs as that account, with the browser's permission and unit scoping;
without it, the operating-system account is recorded as who imported (“命令行:root”).
"""

import getpass
import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cadres.importing.outcome import CREATED, UNCHANGED, UPDATED
from cadres.importing.pending import megabytes
from cadres.importing.problems import ImportRefused
from cadres.roster_import.load import IMPORT_PERMISSION, roster_import_plan
from cadres.roster_import.outcome import INDEX
from cadres.roster_import.reader import FILE_TOO_LARGE
from cadres.roster_import.services import roster_import_apply

SHEET_READ = "读取工作表“{sheet}”，表头在第{row}行"
SKIPPED = "跳过第{row}行（{reason}）"
IGNORED = "未导入的列：{columns}"
COUNTS = "新增 {created} 人，更新 {updated} 人，未变 {unchanged} 人"
UPDATE_LINE = "第{row}行 · 更新 · {name} · {changes}"
DRY_RUN = "试运行：以上为将要进行的导入，数据库未做任何修改"
DONE = "导入完成（导入记录编号 {batch}）"
FAILED = "花名册有{count}处错误，未导入任何数据；请修改后重新导入"
UNREADABLE = "无法读取文件：{reason}"
UNITS_CREATED = "将新建单位：{units}"
USER_UNKNOWN = "没有账号“{username}”"
USER_INACTIVE = "账号“{username}”已停用，不能导入"
USER_FORBIDDEN = "账号“{username}”没有导入花名册的权限"
IMPORTING_AS = "以账号“{username}”的身份导入"
# Who imported, when no account did: the operating-system account that ran the command.
COMMAND_LINE_USER = "命令行:{account}"


def operating_system_account():
    """Return the name of the account running this process (its uid where it has no name)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # A container's uid may have no passwd entry and no LOGNAME/USER (Python < 3.13 raises KeyError).
        return f"uid{os.getuid()}"


def importing_user(username):
    """Return the active account `username` if it may import rosters; CommandError otherwise."""
    User = get_user_model()
    try:
        user = User._default_manager.get_by_natural_key(username)
    except User.DoesNotExist:
        raise CommandError(USER_UNKNOWN.format(username=username)) from None
    if not user.is_active:
        raise CommandError(USER_INACTIVE.format(username=username))
    if not user.has_perm(IMPORT_PERMISSION):
        raise CommandError(USER_FORBIDDEN.format(username=username))
    return user


class Command(BaseCommand):
    help = "导入花名册（.xlsx 或 .xls）：全部行无误才写入，否则逐行列出问题且不做任何修改"

    def add_arguments(self, parser):
        parser.add_argument("path", help="花名册文件路径")
        parser.add_argument("--sheet", help="要读取的工作表名称（默认：第一个能识别表头的工作表）")
        parser.add_argument("--dry-run", action="store_true", help="只检查和报告，不写入数据库")
        parser.add_argument("--create-units", action="store_true", help="自动创建系统中没有的单位")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="以该账号的身份导入：与网页导入相同的权限和可导入的单位，导入记录和审计日志记下该账号；"
            "不填则记下运行命令的操作系统账号",
        )

    def handle(self, path, sheet=None, dry_run=False, create_units=False, user=None, **options):
        if user is not None:
            user = importing_user(user)
            self.stdout.write(IMPORTING_AS.format(username=user.get_username()))
        file = Path(path)
        try:
            size = file.stat().st_size
            if size > settings.ROSTER_IMPORT_MAX_BYTES:
                limit = megabytes(settings.ROSTER_IMPORT_MAX_BYTES)
                raise ImportRefused(FILE_TOO_LARGE.format(size=megabytes(size), limit=limit))
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(UNREADABLE.format(reason=error.strerror or error)) from None
        except ImportRefused as error:
            raise CommandError(UNREADABLE.format(reason=error)) from None
        try:
            plan = roster_import_plan(data, filename=file.name, user=user, sheet_name=sheet, create_units=create_units)
        except ImportRefused as error:
            raise CommandError(UNREADABLE.format(reason=error)) from None
        self.stdout.write(SHEET_READ.format(sheet=plan.sheet, row=plan.header_row))
        for row, reason in plan.skipped:
            self.stdout.write(SKIPPED.format(row=row, reason=reason))
        if plan.ignored_columns:
            self.stdout.write(IGNORED.format(columns="、".join(plan.ignored_columns)))
        if not plan.ok:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(FAILED.format(count=len(plan.problems)))
        if plan.new_units:
            self.stdout.write(UNITS_CREATED.format(units="、".join(unit.name for unit in plan.new_units)))
        for planned in plan.people:
            if planned.action == UPDATED:
                name, changes = planned.values[INDEX["name"]], "；".join(planned.change_lines)
                self.stdout.write(UPDATE_LINE.format(row=planned.row, name=name, changes=changes))
        counts = plan.counts
        self.stdout.write(COUNTS.format(created=counts[CREATED], updated=counts[UPDATED], unchanged=counts[UNCHANGED]))
        if dry_run:
            self.stdout.write(DRY_RUN)
            return
        operator = "" if user else COMMAND_LINE_USER.format(account=operating_system_account())
        try:
            batch = roster_import_apply(plan=plan, user=user, username=operator)
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(DONE.format(batch=batch.pk)))

"""Import an Excel roster (花名册) from the command line: all rows or none."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cadres.roster_import.load import roster_import_plan
from cadres.roster_import.outcome import ACTION_CREATED, ACTION_UNCHANGED, ACTION_UPDATED, INDEX
from cadres.roster_import.reader import FILE_TOO_LARGE, RosterFileError, megabytes
from cadres.roster_import.services import RosterImportError, roster_import_apply

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


class Command(BaseCommand):
    help = "导入花名册（.xlsx 或 .xls）：全部行无误才写入，否则逐行列出问题且不做任何修改"

    def add_arguments(self, parser):
        parser.add_argument("path", help="花名册文件路径")
        parser.add_argument("--sheet", help="要读取的工作表名称（默认：第一个能识别表头的工作表）")
        parser.add_argument("--dry-run", action="store_true", help="只检查和报告，不写入数据库")
        parser.add_argument("--create-units", action="store_true", help="自动创建系统中没有的单位")

    def handle(self, path, sheet=None, dry_run=False, create_units=False, **options):
        file = Path(path)
        try:
            size = file.stat().st_size
            if size > settings.ROSTER_IMPORT_MAX_BYTES:
                limit = megabytes(settings.ROSTER_IMPORT_MAX_BYTES)
                raise RosterFileError(FILE_TOO_LARGE.format(size=megabytes(size), limit=limit))
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(UNREADABLE.format(reason=error.strerror or error)) from None
        except RosterFileError as error:
            raise CommandError(UNREADABLE.format(reason=error)) from None
        try:
            plan = roster_import_plan(data, filename=file.name, sheet_name=sheet, create_units=create_units)
        except RosterFileError as error:
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
        for planned in plan.rows:
            if planned.action == ACTION_UPDATED:
                name, changes = planned.values[INDEX["name"]], "；".join(planned.change_lines)
                self.stdout.write(UPDATE_LINE.format(row=planned.row, name=name, changes=changes))
        counts = plan.counts
        self.stdout.write(
            COUNTS.format(
                created=counts[ACTION_CREATED], updated=counts[ACTION_UPDATED], unchanged=counts[ACTION_UNCHANGED]
            )
        )
        if dry_run:
            self.stdout.write(DRY_RUN)
            return
        try:
            batch = roster_import_apply(plan=plan)
        except RosterImportError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(DONE.format(batch=batch.pk)))

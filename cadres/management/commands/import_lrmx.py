"""Import .lrmx files (one file or a zip): print the diff, then write all of it or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importing.outcome import CREATED, UPDATED
from ...importing.problems import ImportRefused
from ...lrmx.importer import lrmx_import_apply, lrmx_import_plan
from ...models import Channel, Unit

FAILED = "导入失败：{count}处错误，未导入任何内容"
DRY_RUN = "试运行：以上为将要导入的内容，未写入数据库"
DONE = "已导入{count}份任免审批表（新建{created}人，更新{updated}人）"
CANNOT_READ = "无法读取 {path}：{reason}"
UNIT_UNKNOWN = "未找到单位“{name}”"
CHANNEL_UNKNOWN = "未找到进入方式代码“{code}”"


class Command(BaseCommand):
    help = (
        "导入干部任免审批表（.lrmx 文件或 zip）：按公民身份号码匹配，无号码时按姓名和出生年月；"
        "逐项列出变化；有任何错误则整批不导入并返回非零退出码。"
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=".lrmx 文件或 zip 压缩包")
        parser.add_argument("--dry-run", action="store_true", help="只列出变化，不写入")
        parser.add_argument("--unit", help="找不到匹配干部时新建到该单位（单位名称）；不填则按呈报单位匹配")
        parser.add_argument("--channel", help="新建干部的进入方式代码，默认 qita")

    def handle(self, *args, path, dry_run, unit, channel, **options):
        source = Path(path)
        try:
            content = source.read_bytes()
        except OSError as error:
            raise CommandError(CANNOT_READ.format(path=source, reason=error.strerror)) from error
        unit_obj = channel_obj = None
        if unit and (unit_obj := Unit.objects.all().by_name().get(unit)) is None:
            raise CommandError(UNIT_UNKNOWN.format(name=unit))
        if channel and (channel_obj := Channel.objects.filter(code=channel).first()) is None:
            raise CommandError(CHANNEL_UNKNOWN.format(code=channel))
        plan = lrmx_import_plan(filename=source.name, content=content, user=None, unit=unit_obj, channel=channel_obj)
        if plan.problems:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(FAILED.format(count=len(plan.problems)))
        for person in plan.people:
            self.stdout.write(f"{person.filename} · {person.cadre.name}（{person.action_label}）")
            for change in person.changes:
                self.stdout.write(f"  {change.label}：{one_line(change.old)} → {one_line(change.new)}")
            for note in person.notes:
                self.stdout.write(f"  注意：{note}")
        if dry_run:
            self.stdout.write(DRY_RUN)
            return
        try:
            lrmx_import_apply(plan=plan, user=None, source=str(source))
        except ImportRefused as refused:
            raise CommandError(str(refused)) from None
        counts = plan.counts
        self.stdout.write(DONE.format(count=len(plan.people), created=counts[CREATED], updated=counts[UPDATED]))


def one_line(text):
    """Return a multi-line text (简历, family) on one line for the terminal."""
    return " / ".join(line.strip() for line in (text or "（空）").splitlines())

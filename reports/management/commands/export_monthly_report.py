"""Write the monthly young-cadre workbook for a past or current month, and archive it."""

import getpass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from ...crosscheck import CrossCheckError
from ...models import MonthlyReport
from ...monthly import monthly_report_create, parse_month
from ...params import DEFAULT_MAX_AGE, DEFAULT_RECENT_YEARS, StatsParams

WRITTEN = "已生成 {path}：截至{as_of}，年轻干部{total}人，近{years}年招录{recent}人（已归档，编号{pk}）"
COPIED = "已导出归档的{month}月度报表（编号{pk}，生成于{at}）到 {path}"
NO_ARCHIVE = "{month}还没有归档的月度报表"
DATABASE_FAILED = "无法生成月度报表，数据库出错：{error}"


class Command(BaseCommand):
    help = (
        "生成月度年轻干部报表（Excel）：统计截止日期为该月最后一天，含“汇总”和“花名册”两张工作表，"
        "生成的文件同时归档；加 --archived 则原样导出该月最近一次归档的报表。"
    )

    def add_arguments(self, parser):
        parser.add_argument("month", help="报表月份，格式 YYYY-MM，如 2021-07")
        parser.add_argument("--output", required=True, help="输出文件路径（.xlsx）")
        parser.add_argument(
            "--exclude",
            action="append",
            default=[],
            metavar="YEAR:CODE",
            help="不计入的招录批次，如 2021:gongwuyuan；可重复，也可用逗号分隔",
        )
        parser.add_argument("--max-age", type=int, default=DEFAULT_MAX_AGE, help="年龄上限（周岁，含），默认35")
        parser.add_argument("--recent-years", type=int, default=DEFAULT_RECENT_YEARS, help="近几年招录，默认3")
        parser.add_argument("--archived", action="store_true", help="不重新计算，原样导出该月最近一次归档的报表")
        parser.add_argument("--preparer", default=None, help="封面上的填报人，默认为运行命令的系统账号")

    def handle(self, *args, month, output, exclude, max_age, recent_years, archived, preparer, **options):
        # As a scheduled job (README: cron) run with -v 0: nothing printed on success, one line on failure.
        quiet = options.get("verbosity", 1) < 1
        try:
            as_of = parse_month(month)
        except ValueError as error:
            raise CommandError(str(error)) from None
        path = Path(output)
        if archived:
            report = MonthlyReport.objects.filter(month=as_of.replace(day=1)).first()
            if report is None:
                raise CommandError(NO_ARCHIVE.format(month=month))
            write(path, bytes(report.content))
            at = f"{report.created_at:%Y-%m-%d %H:%M}"
            if not quiet:
                self.stdout.write(COPIED.format(month=month, pk=report.pk, at=at, path=path))
            return
        query = {"as_of": as_of.isoformat(), "max_age": str(max_age), "recent_years": str(recent_years)}
        try:
            params = StatsParams.from_query({**query, "exclude": exclude})
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        account = getpass.getuser()
        try:
            report = monthly_report_create(
                params=params, note=f"（命令行，系统账号 {account}，写入 {path}）", preparer=preparer or account
            )
        except CrossCheckError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(DATABASE_FAILED.format(error=" ".join(str(error).split()))) from None
        write(path, bytes(report.content))
        if quiet:
            return
        self.stdout.write(
            WRITTEN.format(
                path=path,
                as_of=as_of.isoformat(),
                total=report.total,
                years=recent_years,
                recent=report.recent,
                pk=report.pk,
            )
        )


def write(path, content):
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    except OSError as error:
        raise CommandError(f"无法写入 {path}：{error.strerror}") from error

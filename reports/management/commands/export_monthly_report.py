"""Write the monthly young-cadre workbook for a past or current month."""

import getpass
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cadres.audit import audit
from cadres.dates import month_end
from cadres.models import AuditAction

from ...forms import channel_lookup, parse_intakes
from ...serializers import params_as_dict
from ...stats import DEFAULT_MAX_AGE, DEFAULT_RECENT_YEARS, StatsParams, young_cadre_roster, young_cadre_stats
from ...workbooks import young_cadre_workbook

MONTH_FORMAT = "月份“{value}”格式不正确，应为 YYYY-MM，如 2021-07"
WRITTEN = "已生成 {path}：截至{as_of}，年轻干部{total}人，近{years}年招录{recent}人"


class Command(BaseCommand):
    help = "生成月度年轻干部报表（Excel）：统计截止日期为该月最后一天，含“汇总”和“花名册”两张工作表。"

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

    def handle(self, *args, month, output, exclude, max_age, recent_years, **options):
        params = StatsParams(
            as_of=parse_month(month),
            max_age=check_range(max_age, 0, 100, "年龄上限应为0至100之间的整数"),
            recent_years=check_range(recent_years, 1, 50, "近几年应为1至50之间的整数"),
            excluded=parse_excludes(exclude),
        )
        stats = young_cadre_stats(params)
        content = young_cadre_workbook(stats, young_cadre_roster(params).iterator(chunk_size=2000))
        path = Path(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"无法写入 {path}：{error.strerror}") from error
        audit(
            action=AuditAction.MONTHLY_REPORT,
            summary=f"{month}月度报表（命令行，系统账号 {getpass.getuser()}）写入 {path}",
            data={"params": params_as_dict(params), "rows": stats.total, "output": str(path)},
        )
        self.stdout.write(
            WRITTEN.format(
                path=path, as_of=params.as_of.isoformat(), total=stats.total, years=recent_years, recent=stats.recent
            )
        )


def parse_month(value):
    """Return the last day of the month "YYYY-MM"."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise CommandError(MONTH_FORMAT.format(value=value))
    return month_end(int(match.group(1)), int(match.group(2)))


def check_range(value, low, high, message):
    if not low <= value <= high:
        raise CommandError(message)
    return value


def parse_excludes(values):
    try:
        return parse_intakes(values, channel_lookup())
    except ValidationError as error:
        raise CommandError("；".join(error.messages)) from error

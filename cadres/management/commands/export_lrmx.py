"""Write the .lrmx files of the cadres of a unit or channel: one file each, or one zip."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from audit.services import audit

from ...audit_actions import CadreAction
from ...lrmx.writer import lrmx_cadres, lrmx_files, write_lrmx_zip
from ...models import Cadre, Channel, Unit
from ..dates_option import parse_as_of

WRITTEN = "已写入{count}份任免审批表到 {path}（计算年龄时间{as_of}）"
AS_OF_DEFAULTED = "未指定 --as-of，计算年龄时间按今天（{today}）计算"
UNIT_UNKNOWN = "未找到单位“{name}”"
CHANNEL_UNKNOWN = "未找到进入方式代码“{code}”"
ZIP_NAME = "任免审批表.zip"
CHUNK = 500


class Command(BaseCommand):
    help = "导出干部任免审批表（.lrmx）：每人一个文件，文件名为“序号.姓名.lrmx”；加 --zip 则写成一个压缩包。"

    def add_arguments(self, parser):
        parser.add_argument("outdir", help="输出目录")
        parser.add_argument("--as-of", help="计算年龄时间，格式 YYYY-MM-DD；不填则按今天并提示")
        parser.add_argument("--unit", help="只导出该单位（含下级单位）的干部，填单位名称")
        parser.add_argument("--channel", help="只导出该进入方式的干部，填代码，如 xuandiao")
        parser.add_argument("--zip", action="store_true", help=f"写成一个压缩包 {ZIP_NAME}")

    def handle(self, *args, outdir, as_of, unit, channel, zip, **options):
        today = timezone.localdate()
        if as_of is None:
            self.stderr.write(AS_OF_DEFAULTED.format(today=today.isoformat()))
            as_of = today
        else:
            as_of = parse_as_of(as_of)
        cadres = Cadre.objects.all()
        if unit:
            found = Unit.objects.filter(name=unit).first()
            if found is None:
                raise CommandError(UNIT_UNKNOWN.format(name=unit))
            cadres = cadres.in_unit(found)
        if channel:
            if not Channel.objects.filter(code=channel).exists():
                raise CommandError(CHANNEL_UNKNOWN.format(code=channel))
            cadres = cadres.filter(channel__code=channel)
        # Read in chunks and written one file at a time: a whole district never sits in memory.
        chunks = lrmx_cadres(cadres).iterator(chunk_size=CHUNK)
        files = Counted(lrmx_files(chunks, as_of=as_of, filled_on=today, user=None))
        path = Path(outdir)
        try:
            path.mkdir(parents=True, exist_ok=True)
            if zip:
                path = path / ZIP_NAME
                with path.open("wb") as target:
                    write_lrmx_zip(files, target)
            else:
                for name, content in files:
                    (path / name).write_bytes(content)
        except OSError as error:
            raise CommandError(f"无法写入 {path}：{error.strerror}") from error
        audit(
            action=CadreAction.LRMX_EXPORT,
            summary=f"命令行导出{files.count}份任免审批表",
            data={"count": files.count, "as_of": as_of.isoformat(), "unit": unit, "channel": channel},
        )
        self.stdout.write(WRITTEN.format(count=files.count, path=path, as_of=as_of.isoformat()))


class Counted:
    """An iterator that counts what it has yielded."""

    def __init__(self, items):
        self.items, self.count = iter(items), 0

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self.items)
        self.count += 1
        return item

"""Print the 校核 findings (三龄两历一身份) and exit non-zero when there are any."""

from django.core.management.base import BaseCommand, CommandError

from ...models import Cadre, Unit
from ...quality import check_cadres

LINE = "{unit} · {name}（编号{pk}） · {rule} · {message}"
FOUND = "共发现{count}处问题"
CLEAN = "没有发现问题"
UNIT_UNKNOWN = "未找到单位“{name}”"


class Command(BaseCommand):
    help = "数据校核：检查身份证号、三龄、工作经历和必填项，列出问题；有问题时退出码非零。"

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="只检查该单位（含下级单位），填单位名称")

    def handle(self, *args, unit, **options):
        cadres = Cadre.objects.all()
        if unit:
            found = Unit.objects.filter(name=unit).first()
            if found is None:
                raise CommandError(UNIT_UNKNOWN.format(name=unit))
            cadres = cadres.in_unit(found)
        findings = check_cadres(cadres)
        for f in findings:
            name, pk, rule = f.cadre.name, f.cadre.pk, f.rule_label
            self.stdout.write(LINE.format(unit=f.cadre.unit.name, name=name, pk=pk, rule=rule, message=f.message))
        if findings:
            raise CommandError(FOUND.format(count=len(findings)))
        self.stdout.write(CLEAN)

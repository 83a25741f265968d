"""Recompute the stored 基层经验 and 机关阅历 days of every cadre, or check them (--check)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...experience_summary import experience_differences, experience_rebuild
from ...models import Cadre

DIFFERS = "{name}（编号{pk}）：保存的基层经验、机关阅历认定与其工作经历、挂职记录不符"
FOUND = "共{count}人的经历认定与记录不符，请运行 rebuild_experience 重新计算"
CLEAN = "经历认定与记录一致"
REBUILT = "已按工作经历和挂职记录重新计算全部干部的基层经验、机关阅历认定"


class Command(BaseCommand):
    help = (
        "按工作经历和挂职记录重新计算每名干部的基层经验、机关阅历认定；加 --check 只检查、不修改（不符时退出码非零）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="只检查保存的认定是否与记录一致，不修改")

    def handle(self, *args, check, **options):
        if check:
            differ = experience_differences()
            names = dict(Cadre.objects.filter(pk__in=differ[:1000]).values_list("pk", "name"))
            for pk in differ[:1000]:
                self.stdout.write(DIFFERS.format(name=names.get(pk, ""), pk=pk))
            if differ:
                raise CommandError(FOUND.format(count=len(differ)))
            self.stdout.write(CLEAN)
            return
        with transaction.atomic():
            experience_rebuild()
        self.stdout.write(REBUILT)

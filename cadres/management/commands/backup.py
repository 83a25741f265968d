"""Write the whole database to one file that `restore` reads back."""

import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from audit.services import audit
from cadres.audit_actions import CadreAction

# Recreated by `migrate` on any database, or (the experience summary) by `restore` from the records;
# everything else is kept.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "cadres.cadreexperience"]
SUFFIXES = (".json", ".json.gz", ".json.bz2", ".json.xz")
BAD_SUFFIX = "备份文件名应以 {suffixes} 结尾"


class Command(BaseCommand):
    help = "备份整个数据库到一个文件（.json，或压缩的 .json.gz），用 restore 命令恢复。"

    def add_arguments(self, parser):
        parser.add_argument("path", help="备份文件路径，如 backup-2021-07-31.json.gz")

    def handle(self, *args, path, **options):
        target = Path(path)
        if not target.name.endswith(SUFFIXES):
            raise CommandError(BAD_SUFFIX.format(suffixes="、".join(SUFFIXES)))
        target.parent.mkdir(parents=True, exist_ok=True)
        # Every ID number and password hash is in the file: only its owner may read it.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        target.chmod(0o600)
        audit(action=CadreAction.BACKUP, summary=f"备份到 {target}")
        call_command(
            "dumpdata",
            exclude=NOT_BACKED_UP,
            natural_foreign=True,
            natural_primary=False,
            output=str(target),
            verbosity=0,
        )
        self.stdout.write(f"已备份到 {target}（{target.stat().st_size} 字节）")

"""Measure the peak memory (tracemalloc) of the two list downloads: /cadres/export.xlsx and
/cadres/export.lrmx.zip, for N cadres each with an education and a work record.

    .venv/bin/python benchmarks/export_memory.py [--cadres 20000] [--root PATH] [--url DATABASE_URL]

The downloads go through the views with Django's test client, their streamed bodies read chunk by
chunk and dropped, so the peak is what the server holds. `--root` measures another checkout of the
project with the same URLs, e.g. the code before the downloads were spooled:

    git archive main | tar -x -C /tmp/export-before
    .venv/bin/python benchmarks/export_memory.py --root /tmp/export-before

The database is a temporary SQLite file unless `--url` names one (its cadres are deleted).
"""

import argparse
import datetime
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2021-07-31"
# The export's column keys (reports/cadre_list/export.py COLUMNS), spelled out so that --root may name
# a checkout whose module differs.
ALL_COLUMNS = [
    "name", "gender", "ethnicity", "birth_date", "age", "native_place", "birthplace", "id_number", "political_status",
    "party_joined_date", "party_confirmed_date", "health", "professional_title", "specialty", "education", "degree",
    "unit", "post", "rank", "channel", "group", "entry_date", "first_work_date", "status", "leave_date",
    "leave_reason", "recent", "pool_status", "grassroots", "organ", "appraisal", "work_history", "notes",
]  # fmt: skip
DOWNLOADS = {
    "xlsx（默认列＋简历）": f"/cadres/export.xlsx?as_of={AS_OF}&columns=name&columns=gender&columns=birth_date"
    f"&columns=age&columns=unit&columns=post&columns=channel&columns=entry_date&columns=status&columns=work_history",
    "xlsx（全部列）": f"/cadres/export.xlsx?as_of={AS_OF}&" + "&".join(f"columns={key}" for key in ALL_COLUMNS),
    "lrmx.zip": f"/cadres/export.lrmx.zip?as_of={AS_OF}",
}
BATCH = 2000


def setup_django(root, database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"  # DEBUG keeps every query in memory
    sys.path.insert(0, str(root))
    import django

    django.setup()


def make_cadres(count):
    """Create `count` cadres in 20 units, each with a full-time study and a current post."""
    from django.core.management import call_command

    from cadres.models import Cadre, Channel, EducationRecord, Unit, WorkRecord

    call_command("migrate", verbosity=0)
    Cadre.objects.all().delete()
    units = [Unit.objects.get_or_create(name=f"基准测试单位{i}", defaults={"kind": "党政机关"})[0] for i in range(20)]
    channels = list(Channel.objects.all())
    for first in range(0, count, BATCH):
        cadres = Cadre.objects.bulk_create(
            Cadre(
                name=f"干部{i}",
                gender="男" if i % 2 else "女",
                birth_date=datetime.date(1986, 1, 1) + datetime.timedelta(days=i % 5000),
                political_status="中共党员",
                education="大学本科",
                degree="学士",
                unit=units[i % len(units)],
                post="科员",
                channel=channels[i % len(channels)],
                entry_date=datetime.date(2010 + i % 11, 1 + i % 12, 1),
                status="在职",
            )
            for i in range(first, min(first + BATCH, count))
        )
        EducationRecord.objects.bulk_create(
            EducationRecord(
                cadre=cadre,
                mode="全日制",
                school="武汉大学",
                major="法学",
                education="大学本科",
                degree="学士",
                start_date=datetime.date(2004, 9, 1),
                end_date=datetime.date(2008, 7, 1),
            )
            for cadre in cadres
        )
        WorkRecord.objects.bulk_create(
            WorkRecord(cadre=cadre, unit=cadre.unit, post="科员", start_date=cadre.entry_date) for cadre in cadres
        )


def measure(client, path):
    """Return (peak bytes traced, body bytes, seconds) of one download read to its end."""
    gc.collect()  # what an earlier download left for the collector is not this one's
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    response = client.get(path)
    assert response.status_code == 200, response
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - started
    return tracemalloc.get_traced_memory()[1] - before, size, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cadres", type=int, default=20_000)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project checkout to measure")
    parser.add_argument("--url", help="DATABASE_URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='export-bench-')) / 'bench.sqlite3'}"
    setup_django(args.root.resolve(), url)
    from django.contrib.auth import get_user_model
    from django.test import Client

    import cadres

    make_cadres(args.cadres)
    user, _ = get_user_model().objects.get_or_create(username="bench", defaults={"is_superuser": True})
    client = Client()
    client.force_login(user)
    print(f"代码：{Path(cadres.__file__).resolve().parent.parent}；{args.cadres}人；数据库：{url.split(':')[0]}")
    print(f"{'下载':<20} {'峰值内存 MB':>12} {'文件 MB':>10} {'秒':>8}")
    for path in DOWNLOADS.values():
        measure(client, path + "&q=干部0")  # one cadre: the first request's imports and caches are not counted
    tracemalloc.start()
    for label, path in DOWNLOADS.items():
        peak, size, seconds = measure(client, path)
        print(f"{label:<20} {peak / 2**20:>12.1f} {size / 2**20:>10.1f} {seconds:>8.1f}")


if __name__ == "__main__":
    main()

"""Measure the roster import: calamine's read alone (the floor), the dry run, and the import.

    .venv/bin/python benchmarks/import_speed.py [--rows 10000 100000] [--databases sqlite postgres] [--repeat 3]
    .venv/bin/python benchmarks/import_speed.py --garbage [--rows 100000]

With --garbage the roster is 100,000 rows of junk under a valid header, a hostile file the import
must refuse cleanly; what is measured is how long the refusal takes — it stops at the cap on
reported problems.

With --orm the import is also measured with the same plan written through Django's ORM
(bulk_create, and django-simple-history's bulk_history_create) instead of the hand-made SQL of
cadres/roster_import/bulk.py: the line that shows whether that SQL is still needed.

Each step runs in its own process, so the peak memory printed (ru_maxrss) is that step's alone.
Each is run --repeat times and the fastest run is printed (the machine is shared: the slower
runs measure the neighbours), with the highest peak memory of the runs. The floor is run again
before every run of every step, and the fastest of all its runs is the one the ratios divide by.
Modules are loaded before each clock starts, as in a running server.
PostgreSQL uses $BENCH_POSTGRES_URL (default: a local roster_bench database, created when missing;
its cadres are deleted); SQLite a temporary file.
The rosters are generated here: 20 columns, dates in mixed forms (real dates, 1990.05, 19900512, text).
"""

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = [
    "序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "政治面貌", "学历", "学位", "工作单位",
    "职务", "职级", "进入方式", "进入时间", "参加工作时间", "状态", "离开时间", "离开原因", "备注", "籍贯",
]  # fmt: skip
UNITS = [f"基准测试单位{i}" for i in range(20)]
STEP_LABELS = {"dry": "dry run", "import": "import", "orm": "import (ORM)"}
CHANNELS = ["选调生", "公务员", "招硕引博", "事业单位招聘", "社区定向招聘", "转隶", "调入", "退伍安置"]


def id_number(birth, serial):
    from cadres.validators import id_check_char

    first17 = f"420204{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + id_check_char(first17)


def make_roster(rows, path):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("花名册")
    ws.append(["下陆区优秀年轻干部名册"])
    ws.append(HEADERS)
    start = datetime.date(1985, 1, 1)
    for i in range(rows):
        birth = start + datetime.timedelta(days=i % 5000)
        entry = datetime.date(2010 + i % 11, 1 + i % 12, 1)
        forms = (entry, f"{entry:%Y.%m}", int(f"{entry:%Y%m%d}"), f"{entry:%Y-%m-%d}")
        ws.append([
            i + 1, f"干部{i}", "男" if i % 2 else "女", "汉", birth, id_number(birth, i // 5000 * 2 + (i % 2)),
            "党员", "本科", "学士", UNITS[i % len(UNITS)], "科员", "一级科员", CHANNELS[i % len(CHANNELS)],
            forms[i % 4], entry, "在职", None, None, "", "湖北黄石",
        ])  # fmt: skip
    workbook.save(path)


GARBAGE = ["x", "?", 3.5, True, "—", "@@", "#", "%", "0", "&", "乱", "!!", "", "=", "Ｘ", "…", "2", "null", "+"]


def make_garbage(rows, path):
    """Write `rows` rows of junk under the 20 headers: a file that is not a roster."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("花名册")
    ws.append(HEADERS)
    for i in range(rows):
        shift = i % len(GARBAGE)
        ws.append([i + 1, f"乱码{i}", *GARBAGE[shift:], *GARBAGE[:shift]][: len(HEADERS)])
    workbook.save(path)


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def step(kind, path, database_url):
    """Run one measured step in this process and print its JSON result."""
    setup_django(database_url)
    import io

    import python_calamine
    from django.conf import settings
    from django.db import connection, reset_queries

    from cadres.roster_import.load import roster_import_plan
    from cadres.roster_import.services import roster_import_apply

    settings.ROSTER_IMPORT_MAX_BYTES = 200 * 1024 * 1024
    data = Path(path).read_bytes()
    # Connected and with its modules loaded before the clock starts, as a running server is; the
    # floor's step loads the same modules.
    connection.ensure_connection()
    started = time.perf_counter()
    queries = None
    if kind == "floor":
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = sum(1 for _row in workbook.get_sheet_by_index(0).iter_rows())
    else:
        settings.DEBUG = True
        reset_queries()
        plan = roster_import_plan(data, filename=Path(path).name)
        if kind == "garbage":
            from cadres.roster_import.plan import MAX_PROBLEMS, TOO_MANY_PROBLEMS

            capped = plan.problems[-1].reason == TOO_MANY_PROBLEMS.format(limit=MAX_PROBLEMS)
            assert capped, [str(problem) for problem in plan.problems[-3:]]
            rows = plan.problems[-1].row
        else:
            assert plan.ok, [str(problem) for problem in plan.problems[:5]]
            if kind == "import":
                roster_import_apply(plan=plan)
            elif kind == "orm":
                orm_apply(plan)
            rows = len(plan.people)
        queries = len(connection.queries)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": peak, "queries": queries}))


def orm_apply(plan):
    """Write the new cadres of `plan` and their history through Django's ORM, as bulk.py would."""
    from django.db import transaction

    from cadres.models import Cadre
    from cadres.roster_import.outcome import cadre_from_values

    cadres = [cadre_from_values(planned.values, planned.unit) for planned in plan.people]
    with transaction.atomic():
        Cadre.objects.bulk_create(cadres, batch_size=2000)
        Cadre.history.bulk_history_create(cadres, batch_size=2000)


def create_database(database_url):
    """Create the PostgreSQL database of `database_url` if it does not exist yet."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/roster_bench"


def prepare(database_url):
    """Migrate, empty the cadres, and create the units the roster names."""
    if database_url.startswith("postgres"):
        create_database(database_url)
    setup_django(database_url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from cadres.models import Cadre, ImportBatch, ImportedCadre, Unit

    Cadre.history.all().delete()
    Cadre.objects.all().delete()
    ImportBatch.objects.all().delete()
    for name in UNITS:
        Unit.objects.get_or_create(name=name, defaults={"kind": "党政机关"})
    from django.db import connection

    if connection.vendor == "postgresql":
        # The rows deleted above stay in the tables' pages until a vacuum: without one, every run
        # would read the dead rows of all the runs before it.
        with connection.cursor() as cursor:
            for model in (Cadre, Cadre.history.model, ImportBatch, ImportedCadre):
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def run(*args):
    output = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1]) if output.stdout.strip() else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", help="default: 10000 100000, or 100000 with --garbage")
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the fastest is printed")
    parser.add_argument("--garbage", action="store_true", help="time the refusal of a file of junk rows")
    parser.add_argument("--orm", action="store_true", help="also time the import written through Django's ORM")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.rows = args.rows or ([100_000] if args.garbage else [10_000, 100_000])
    if args.step == "prepare":
        prepare(args.url)
        return
    if args.step:
        step(args.step, args.path, args.url)
        return
    folder = Path(tempfile.mkdtemp(prefix="roster-bench-"))
    urls = {
        "sqlite": f"sqlite:///{folder / 'bench.sqlite3'}",
        "postgres": os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL),
    }
    print(f"{'rows':>8} {'step':<18} {'seconds':>8} {'× floor':>8} {'peak MB':>8} {'queries':>8}")
    for rows in args.rows:
        path = folder / f"roster-{rows}.xlsx"
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        (make_garbage if args.garbage else make_roster)(rows, path)
        floor_args = ("--step", "floor", "--path", str(path), "--url", urls["sqlite"])
        floors = [best(args.repeat, *floor_args)]
        lines = []
        for database in args.databases:
            kinds = ["garbage"] if args.garbage else ["dry", "import", "orm"] if args.orm else ["dry", "import"]
            for kind in kinds:
                step_args = ("--step", kind, "--path", str(path), "--url", urls[database])
                result = best(args.repeat, *step_args, prepare=True, floors=floors, floor_args=floor_args)
                lines.append((kind, database, result))
        # The floor is read before every run of every step: under a neighbour's load, the fastest floor
        # and the fastest run of each step come from moments alike.
        floor = min(floors, key=lambda result: result["seconds"])
        print(f"{rows:>8} {'calamine read':<18} {floor['seconds']:>8.2f} {1:>8.1f} {floor['peak_mb']:>8.0f} {'':>8}")
        for kind, database, result in lines:
            ratio = result["seconds"] / floor["seconds"]
            if kind == "garbage":
                print(
                    f"{rows:>8} {'refused ' + database:<18} {result['seconds']:>8.2f} {ratio:>8.1f} "
                    f"{result['peak_mb']:>8.0f} {result['queries']:>8}   (stopped at row {result['rows']})"
                )
                continue
            label = f"{STEP_LABELS[kind]} {database}"
            print(
                f"{rows:>8} {label:<18} {result['seconds']:>8.2f} {ratio:>8.1f} "
                f"{result['peak_mb']:>8.0f} {result['queries']:>8}"
            )


def best(repeat, *args, prepare=False, floors=None, floor_args=()):
    """Run a step `repeat` times (each on an emptied database if `prepare`, each after a run of the floor
    `floor_args` added to `floors` if given); the fastest, with the highest peak."""
    results = []
    for _run in range(repeat):
        if floors is not None:
            floors.append(run(*floor_args))
        if prepare:
            run("--step", "prepare", "--url", args[args.index("--url") + 1])
        results.append(run(*args))
    fastest = min(results, key=lambda result: result["seconds"])
    return {**fastest, "peak_mb": max(result["peak_mb"] for result in results)}


if __name__ == "__main__":
    main()

"""Benchmark the statistics and the workbook at provincial scale.

    python benchmarks/young_cadre_stats.py [--cadres 200000] [--database-url URL]

Builds its own database (a temporary SQLite file unless --database-url names another, which
is emptied first), fills it with invented cadres spread over channels, units and dates, then
prints for each operation the wall time (best of three, untraced) and the peak Python memory
(one more run under tracemalloc).
Project modules are imported inside the functions, after django.setup() has chosen the database.
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cadres", type=int, default=200_000)
    parser.add_argument("--units", type=int, default=2_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def fill(cadres, units):
    from cadres.models import Cadre, Channel, Unit

    rng = random.Random(2021)
    kinds = ["党政机关", "事业单位", "街道", "社区", "乡镇", "国有企业"]
    Unit.objects.bulk_create(Unit(name=f"单位{i:05d}", kind=rng.choice(kinds)) for i in range(units))
    unit_ids = list(Unit.objects.values_list("pk", flat=True))
    channel_ids = list(Channel.objects.values_list("pk", flat=True))
    batch = []
    for i in range(cadres):
        birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 42))
        entry = birth + datetime.timedelta(days=365 * 22 + rng.randrange(0, 365 * 15))
        left = rng.random() < 0.1
        batch.append(
            Cadre(
                name=f"干部{i}",
                gender=rng.choice("男女"),
                birth_date=birth,
                political_status="中共党员",
                education="大学本科",
                degree="学士",
                unit_id=rng.choice(unit_ids),
                channel_id=rng.choice(channel_ids),
                entry_date=entry,
                status="已离开" if left else "在职",
                leave_date=entry + datetime.timedelta(days=rng.randrange(30, 3000)) if left else None,
                leave_reason="调出" if left else "",
            )
        )
        if len(batch) == 5_000:
            Cadre.objects.bulk_create(batch)
            batch = []
    Cadre.objects.bulk_create(batch)


def measure(label, action, repeat):
    """Print the best wall time of `repeat` runs, then the peak memory of one traced run.

    tracemalloc slows Python several times over, so it never runs during a timed run.
    """
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"| {label} | {best:.3f} s | {peak / 2**20:.1f} MB | {result} |")


def workbook_size(params):
    from reports.stats import counted_cadres, young_cadre_stats
    from reports.workbooks import young_cadre_workbook

    counted = counted_cadres(params).iterator(chunk_size=2000)
    return f"{len(young_cadre_workbook(young_cadre_stats(params), counted)) // 1024} KB"


def trend_floor(params, start, end, today):
    """The trend's counts in hand-written SQL (one grouped query of conditional sums): the floor it is held to."""
    from django.db import connection

    from cadres.dates import latest_birth_date_aged, years_before
    from reports.trend import trend_days

    days = trend_days(start, end, today)
    sums, args = [], []
    for day in days:
        cutoff, window = latest_birth_date_aged(day, params.max_age + 1), years_before(day, params.recent_years)
        counted = "entry_date <= %s AND (leave_date IS NULL OR leave_date > %s) AND birth_date > %s"
        sums.append(f"SUM(CASE WHEN {counted} THEN 1 ELSE 0 END)")
        sums.append(f"SUM(CASE WHEN {counted} AND entry_date > %s THEN 1 ELSE 0 END)")
        args += [day, day, cutoff, day, day, cutoff, window]
    # The same cadres as the ORM's: scanned only if some month can count them, the excluded intakes left out.
    where = ["entry_date <= %s", "(leave_date IS NULL OR leave_date > %s)", "birth_date > %s"]
    args += [days[-1], days[0], latest_birth_date_aged(days[0], params.max_age + 1)]
    for year, code in params.excluded:
        where.append(
            "NOT (entry_date >= %s AND entry_date <= %s"
            " AND channel_id IN (SELECT id FROM cadres_channel WHERE code = %s))"
        )
        args += [datetime.date(year, 1, 1), datetime.date(year, 12, 31), code]
    sql = f"SELECT channel_id, {', '.join(sums)} FROM cadres_cadre WHERE {' AND '.join(where)} GROUP BY channel_id"
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        rows = cursor.fetchall()
    return sum(row[-2] or 0 for row in rows)


def main():
    args = parse_args()
    database_url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    from reports.params import StatsParams
    from reports.stats import young_cadre_stats

    call_command("migrate", verbosity=0)
    if args.database_url:  # a named database is emptied of cadres and units first
        from cadres.models import Cadre, Unit

        Cadre.objects.all().delete()
        Unit.objects.all().delete()
    started = time.perf_counter()
    fill(args.cadres, args.units)
    filled = time.perf_counter() - started
    print(f"{connection.vendor}: {args.cadres} cadres in {args.units} units, filled in {filled:.1f} s")
    params = StatsParams(as_of=datetime.date(2021, 7, 31), excluded=((2021, "gongwuyuan"), (2021, "shiye")))
    print("| operation | best time | peak Python memory | result |")
    print("|---|---|---|---|")
    measure("young_cadre_stats (fixed number of queries)", lambda: young_cadre_stats(params).total, args.repeat)
    measure("workbook 汇总+花名册 (streamed)", lambda: workbook_size(params), args.repeat)
    from reports.forecast import age_out_forecast
    from reports.trend import young_cadre_trend

    start, end, today = datetime.date(2019, 8, 1), datetime.date(2021, 7, 1), datetime.date(2021, 7, 31)
    measure(
        "trend, 24 months (3 queries)",
        lambda: young_cadre_trend(params, start, end, today=today, compare_archive=True).months[-1].total,
        args.repeat,
    )
    measure("trend floor: raw SQL, 24 months", lambda: trend_floor(params, start, end, today), args.repeat)
    measure("age-out forecast, 24 months (3 queries)", lambda: age_out_forecast(params).total, args.repeat)


if __name__ == "__main__":
    main()

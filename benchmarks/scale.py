"""Every page and workbook at provincial scale, each beside its floor measured in the same run.

    .venv/bin/python benchmarks/scale.py --cadres 10000 100000 [1000000] [--databases sqlite postgres]
        [--repeat 3] [--import-rows 100000] [--folder /tmp/bench_scale] [--generate-only] [--only roster ...]

For each N and database it builds (once: a database that already holds N cadres is reused) a
PostgreSQL database bench_scale_<N> and a SQLite file <folder>/bench_scale_<N>.sqlite3 with N
invented cadres and their career records (benchmarks/scale_data.py), then times each piece of work
and its floor — the fastest honest way to do the same work, measured in the same process on the same
data, alternating work and floor `--repeat` times and keeping each one's fastest run (the machine is
shared; the slower runs measure the neighbours). It prints ONE table: time, floor, ratio, the number of
queries and the peak memory (resident memory added during the run, sampled every 5 ms).

  statistics function/JSON/page  young_cadre_stats(), /reports/young-cadres.json and the page
                                 vs the same counts in raw SQL: the group aggregate, the channels and
                                 the breakdowns' four grouped aggregates of the same people
  breakdowns                     reports/breakdowns.py vs its four grouped aggregates in raw SQL
  trend function/JSON/page       24 months (reports/trend.py) vs its conditional counts in raw SQL
  forecast function/JSON/page    24 months (reports/forecast.py) vs its conditional counts and the
                                 recent entrants' rows in raw SQL
  roster page first / deep       /cadres/ (page 1; page 500 — or the last — with three filters)
                                 vs a plain paginated SELECT of the shown columns and its COUNT
  roster JSON                    /cadres.json page 1 vs the same SELECT
  monthly workbook               young_cadre_workbook() of the month's counted cadres
                                 vs bare write-only openpyxl writing the same rows and columns,
                                 with the statistics' SQL aggregates its summary sheets show
  roster export                  /cadres/export.xlsx (all columns) vs bare write-only openpyxl
  import dry run / import        benchmarks/import_speed.py's steps vs calamine's read of the file
                                 (`--import-rows`, in their own databases; 0 to skip)
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POSTGRES = "postgres://postgres@127.0.0.1:5432/"


def urls(count, folder):
    return {
        "sqlite": f"sqlite:///{Path(folder) / f'bench_scale_{count}.sqlite3'}",
        "postgres": os.environ.get("BENCH_POSTGRES_SERVER", POSTGRES) + f"bench_scale_{count}",
    }


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    import django

    django.setup()


def create_postgres_database(database_url):
    import psycopg

    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def step_generate(count, database_url):
    """Make the database hold exactly `count` generated cadres (kept when it already does)."""
    if database_url.startswith("postgres"):
        create_postgres_database(database_url)
    else:
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    setup_django(database_url)
    from django.core.management import call_command

    from cadres.models import Cadre

    call_command("migrate", verbosity=0)
    if Cadre.objects.count() == count and Cadre.objects.filter(pk=count).exists():
        print(f"{database_url}: {count} cadres already there", flush=True)
        return
    if Cadre.objects.exists():
        raise SystemExit(f"{database_url} holds other cadres: drop it first")
    from benchmarks.scale_data import generate

    seconds = generate(count, log=lambda text: print(text, flush=True))
    print(f"{database_url}: {count} cadres generated in {seconds:.0f} s", flush=True)


def run_step(*args):
    """Run a step of this script in its own process; return its last printed line as JSON (if any)."""
    process = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    if process.returncode:
        sys.stderr.write(process.stdout + process.stderr)
        raise SystemExit(f"step {args} failed")
    lines = process.stdout.strip().splitlines()
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cadres", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=None, help="rows of the import roster (0: skip)")
    parser.add_argument("--folder", default="/tmp/bench_scale", help="where the SQLite files are kept")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--only", nargs="+", help="measure only the work whose label contains one of these words")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "generate":
        step_generate(args.cadres[0], args.url)
        return
    if args.step == "measure":
        from benchmarks.scale_measure import measure_all

        print(json.dumps(measure_all(args.url, args.repeat, only=args.only)))
        return
    rows = []
    for count in args.cadres:
        for database in args.databases:
            url = urls(count, args.folder)[database]
            started = time.perf_counter()
            for line in run_step("--step", "generate", "--cadres", str(count), "--url", url):
                print(line, file=sys.stderr)
            print(f"{database} {count}: ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            if args.generate_only:
                continue
            only = ["--only", *args.only] if args.only else []
            results = json.loads(
                run_step(
                    "--step", "measure", "--url", url, "--cadres", str(count), "--repeat", str(args.repeat), *only
                )[-1]
            )
            rows.extend({"cadres": count, "database": database, **result} for result in results)
    import_rows = args.import_rows if args.import_rows is not None else max(args.cadres)
    if import_rows and not args.generate_only:
        rows.extend(import_rows_measured(import_rows, args.databases, args.repeat))
    if rows:
        print_table(rows)


def import_rows_measured(count, databases, repeat):
    """The roster import of `count` rows on each database, by benchmarks/import_speed.py's steps."""
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from benchmarks import import_speed

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-import-"))
    path = folder / f"roster-{count}.xlsx"
    import_speed.make_roster(count, path)
    database_urls = {
        "sqlite": f"sqlite:///{folder / 'import.sqlite3'}",
        "postgres": os.environ.get("BENCH_POSTGRES_SERVER", POSTGRES) + "bench_scale_import",
    }
    floor = import_speed.best(repeat, "--step", "floor", "--path", str(path), "--url", database_urls["sqlite"])
    rows = []
    for database in databases:
        for kind, label in (("dry", "import dry run"), ("import", "import")):
            result = import_speed.best(
                repeat, "--step", kind, "--path", str(path), "--url", database_urls[database], prepare=True
            )
            rows.append(
                {
                    "cadres": count,
                    "database": database,
                    "work": f"{label} ({count} rows) vs calamine read",
                    "seconds": result["seconds"],
                    "floor": floor["seconds"],
                    "queries": result["queries"],
                    "peak_mb": result["peak_mb"],
                    "floor_peak_mb": floor["peak_mb"],
                }
            )
    return rows


def print_table(rows):
    print("| cadres | database | work vs floor | time s | floor s | ratio | queries | peak MB | floor peak MB |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        ratio = row["seconds"] / row["floor"] if row["floor"] else float("nan")
        print(
            f"| {row['cadres']:,} | {row['database']} | {row['work']} | {row['seconds']:.3f} | {row['floor']:.3f} "
            f"| {ratio:.2f}× | {row['queries'] if row['queries'] is not None else ''} | {row['peak_mb']:.0f} | "
            f"{row.get('floor_peak_mb', float('nan')):.0f} |"
        )


if __name__ == "__main__":
    main()

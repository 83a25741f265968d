"""The measured work of benchmarks/scale.py and the floor of each, run in one process on one database.

Each floor does the same work the plainest honest way: the same people, rows and columns, through one
raw SQL statement (or the same chunked reads) and bare write-only openpyxl with the same libraries
installed (lxml included), without the application's layers.
"""

import datetime
import io
import os
import threading
import time

AS_OF = datetime.date(2021, 7, 31)
EXCLUDED = ((2021, "gongwuyuan"), (2021, "shiye"))
STATS_QUERY = "as_of=2021-07-31&max_age=35&exclude=2021:gongwuyuan&exclude=2021:shiye"
ROSTER_QUERY = "as_of=2021-07-31"
# The trend's 24 months up to AS_OF's (each counted on its last day) and the same statistics' parameters.
TREND_RANGE = (datetime.date(2019, 8, 1), datetime.date(2021, 7, 1))
TREND_QUERY = "start=2019-08&end=2021-07&max_age=35&exclude=2021:gongwuyuan&exclude=2021:shiye"
# Three filters of the deep page: women, 大学本科, with 基层经验 on the day.
DEEP_FILTERS = "as_of=2021-07-31&gender=女&education=大学本科&grassroots=1"
DEEP_PAGE = 500
PAGE_SIZE = 50
JSON_PAGE_SIZE = 100
EXPORT_CHUNK = 2000
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class PeakMemory:
    """The resident memory added while the block runs, sampled every 5 ms by a thread (no tracing cost)."""

    def __init__(self):
        self.peak = 0

    @staticmethod
    def resident():
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_BYTES

    def __enter__(self):
        self.start = self.resident()
        self.running = True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()
        return self

    def sample(self):
        while self.running:
            self.peak = max(self.peak, self.resident() - self.start)
            time.sleep(0.005)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, self.resident() - self.start)


def run_once(action, count_queries=False):
    import gc

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    gc.collect()
    queries = None
    with PeakMemory() as memory:
        started = time.perf_counter()
        if count_queries:
            with CaptureQueriesContext(connection) as captured:
                action()
            queries = len(captured.captured_queries)
        else:
            action()
        seconds = time.perf_counter() - started
    return seconds, memory.peak / 2**20, queries


# The floors ---------------------------------------------------------------------------------------


def sql(connection):
    """Return (placeholder, quoted names helper): %s on both backends through Django's cursor."""
    return connection.ops.quote_name


def cutoff(as_of, age):
    from cadres.dates import latest_birth_date_aged

    return latest_birth_date_aged(as_of, age + 1)


def counted_where(connection, channel_ids):
    """Return (WHERE of the counted people, its parameters), as hand-written SQL."""
    from cadres.dates import years_before

    excluded = " AND ".join("NOT (c.entry_date BETWEEN %s AND %s AND c.channel_id = %s)" for _ in EXCLUDED)
    params = [AS_OF, AS_OF, cutoff(AS_OF, 35)]
    for year, code in EXCLUDED:
        params += [datetime.date(year, 1, 1), datetime.date(year, 12, 31), channel_ids[code]]
    where = "c.entry_date <= %s AND (c.leave_date IS NULL OR c.leave_date > %s) AND c.birth_date > %s AND " + excluded
    return where, params, years_before(AS_OF, 3)


def group_floor(connection, channel_ids):
    """The statistics' group aggregate: the counted people by channel, with the recent and experience counts."""
    where, params, window = counted_where(connection, channel_ids)
    statement = (
        "SELECT c.channel_id, COUNT(*),"
        " SUM(CASE WHEN c.entry_date > %s AND c.entry_date <= %s THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN e.grassroots_since <= %s THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN e.organ_since <= %s THEN 1 ELSE 0 END)"
        " FROM cadres_cadre c LEFT JOIN cadres_cadreexperience e ON e.cadre_id = c.id"
        f" WHERE {where} GROUP BY c.channel_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [window, AS_OF, AS_OF, AS_OF, *params])
        rows = cursor.fetchall()
        cursor.execute(CHANNELS)
        return rows, cursor.fetchall()


CHANNELS = (
    "SELECT ch.id, ch.code, ch.name, g.name FROM cadres_channel ch JOIN cadres_channelgroup g ON g.id = ch.group_id"
    " ORDER BY g.sort_order, g.id, ch.sort_order"
)


def year_of(connection, column):
    """Return the SQL of the year of a date column, the plain way of each database."""
    if connection.vendor == "sqlite":
        return f"CAST(strftime('%%Y', {column}) AS INTEGER)"
    return f"EXTRACT(YEAR FROM {column})"


def month_day_of(connection, column):
    """Return the SQL of a date's month and day as one number (7 July → 707), to compare with a birthday."""
    if connection.vendor == "sqlite":
        return f"CAST(strftime('%%m%%d', {column}) AS INTEGER)"
    return f"(EXTRACT(MONTH FROM {column}) * 100 + EXTRACT(DAY FROM {column}))"


def rank_of(column):
    from cadres.choices import Education

    cases = " ".join(f"WHEN '{value}' THEN {Education.rank(value)}" for value in Education.values)
    return f"CASE {column} {cases} ELSE -1 END"


def breakdown_floor(connection, channel_ids):
    """The breakdowns' four grouped aggregates of the counted people (reports/breakdowns.py), in raw SQL:
    birth year × birthday come × gender; politics × ethnicity × education × its mode × the highest 全日制
    学历 (own or from the records); unit; entry year × recent."""
    where, params, window = counted_where(connection, channel_ids)
    greatest = "MAX" if connection.vendor == "sqlite" else "GREATEST"
    full_time = (
        f"{greatest}(CASE WHEN c.education_mode = '全日制' THEN {rank_of('c.education')} ELSE -1 END,"
        f" COALESCE((SELECT MAX({rank_of('r.education')}) FROM cadres_educationrecord r"
        " WHERE r.cadre_id = c.id AND r.mode = '全日制'), -1))"
    )
    statements = [
        (
            f"SELECT {year_of(connection, 'c.birth_date')},"
            f" CASE WHEN {month_day_of(connection, 'c.birth_date')} <= %s THEN 1 ELSE 0 END, c.gender, COUNT(*)"
            f" FROM cadres_cadre c WHERE {where} GROUP BY 1, 2, 3",
            [AS_OF.month * 100 + AS_OF.day, *params],
        ),
        (
            f"SELECT c.political_status, c.ethnicity, c.education, c.education_mode, {full_time}, COUNT(*)"
            f" FROM cadres_cadre c WHERE {where} GROUP BY 1, 2, 3, 4, 5",
            params,
        ),
        (
            "SELECT c.unit_id, u.name, u.kind, u.sort_order, COUNT(*) FROM cadres_cadre c"
            f" JOIN cadres_unit u ON u.id = c.unit_id WHERE {where} GROUP BY c.unit_id, u.name, u.kind, u.sort_order",
            params,
        ),
        (
            f"SELECT {year_of(connection, 'c.entry_date')},"
            " CASE WHEN c.entry_date > %s AND c.entry_date <= %s THEN 1 ELSE 0 END, COUNT(*)"
            f" FROM cadres_cadre c WHERE {where} GROUP BY 1, 2",
            [window, AS_OF, *params],
        ),
    ]
    with connection.cursor() as cursor:
        out = []
        for statement, arguments in statements:
            cursor.execute(statement, arguments)
            out.append(cursor.fetchall())
        return out


def stats_floor(connection, channel_ids):
    """What the statistics function counts, in raw SQL: the group aggregate, the channels, the breakdowns."""
    return group_floor(connection, channel_ids), breakdown_floor(connection, channel_ids)


def counted_on(day, max_age=35):
    """Return (SQL, parameters) of "on the roster and young on `day`" (counted_on_q)."""
    return (
        "(c.entry_date <= %s AND (c.leave_date IS NULL OR c.leave_date > %s) AND c.birth_date > %s)",
        [day, day, cutoff(day, max_age)],
    )


def excluded_sql(channel_ids):
    sql = " AND ".join("NOT (c.entry_date BETWEEN %s AND %s AND c.channel_id = %s)" for _ in EXCLUDED)
    params = []
    for year, code in EXCLUDED:
        params += [datetime.date(year, 1, 1), datetime.date(year, 12, 31), channel_ids[code]]
    return sql, params


def trend_floor(connection, channel_ids, days):
    """The trend's conditional counts (reports/trend.py): each month's counted and recent by channel, one query."""
    from cadres.dates import years_before

    columns, params = [], []
    for day in days:
        condition, arguments = counted_on(day)
        columns.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
        columns.append(f"SUM(CASE WHEN {condition} AND c.entry_date > %s AND c.entry_date <= %s THEN 1 ELSE 0 END)")
        params += [*arguments, *arguments, years_before(day, 3), day]
    excluded, excluded_params = excluded_sql(channel_ids)
    statement = (
        f"SELECT c.channel_id, {', '.join(columns)} FROM cadres_cadre c"
        " WHERE c.entry_date <= %s AND (c.leave_date IS NULL OR c.leave_date > %s) AND c.birth_date > %s"
        f" AND {excluded} GROUP BY c.channel_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, days[-1], days[0], cutoff(days[0], 35), *excluded_params])
        rows = cursor.fetchall()
        cursor.execute(CHANNELS)
        return rows, cursor.fetchall()


def forecast_floor(connection, channel_ids, periods):
    """The forecast's work (reports/forecast.py) in raw SQL: the counted by channel and unit with each month's
    leavers and size in one query, the channels, and the recent window's entrants read to sum their years."""
    from cadres.dates import shift_years, years_before

    where, params, _ = counted_where(connection, channel_ids)
    columns, arguments = [], []
    for after, until in periods:
        columns.append("SUM(CASE WHEN c.birth_date > %s AND NOT c.birth_date > %s THEN 1 ELSE 0 END)")
        condition, counted = counted_on(until)
        columns.append(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
        arguments += [cutoff(after, 35), cutoff(until, 35), *counted]
    statement = (
        f"SELECT c.channel_id, c.unit_id, u.name, u.sort_order, COUNT(*), {', '.join(columns)}"
        f" FROM cadres_cadre c JOIN cadres_unit u ON u.id = c.unit_id WHERE {where}"
        " GROUP BY c.channel_id, c.unit_id, u.name, u.sort_order"
    )
    excluded, excluded_params = excluded_sql(channel_ids)
    years = {}
    with connection.cursor() as cursor:
        cursor.execute(statement, [*arguments, *params])
        rows = cursor.fetchall()
        cursor.execute(CHANNELS)
        cursor.fetchall()
    with connection.chunked_cursor() as cursor:
        cursor.execute(
            "SELECT c.channel_id, c.birth_date, c.entry_date FROM cadres_cadre c"
            f" WHERE c.entry_date > %s AND c.entry_date <= %s AND {excluded}",
            [years_before(AS_OF, 3), AS_OF, *excluded_params],
        )
        while chunk := cursor.fetchmany(EXPORT_CHUNK):
            for channel, birth, entry in chunk:
                entrants, total = years.get(channel, (0, 0.0))
                years[channel] = (entrants + 1, total + max(0, (shift_years(birth, 36) - entry).days) / 365.25)
    return rows, years


ROSTER_SELECT = (
    "SELECT c.id, c.name, c.gender, c.birth_date, u.name, c.post, ch.name, c.entry_date, c.political_status,"
    " c.education, c.status, e.grassroots_since, e.organ_since"
    " FROM cadres_cadre c JOIN cadres_unit u ON u.id = c.unit_id JOIN cadres_channel ch ON ch.id = c.channel_id"
    " LEFT JOIN cadres_cadreexperience e ON e.cadre_id = c.id"
)
ROSTER_ORDER = " ORDER BY u.sort_order, u.name, c.entry_date, c.id"


def roster_floor(connection, where="", params=(), *, page=1, size=PAGE_SIZE):
    """A plain paginated SELECT of the shown columns, with the COUNT a paginator needs."""
    with connection.cursor() as cursor:
        count_from = " FROM cadres_cadre c LEFT JOIN cadres_cadreexperience e ON e.cadre_id = c.id"
        cursor.execute(f"SELECT COUNT(*){count_from}{where}", list(params))
        count = cursor.fetchone()[0]
        cursor.execute(f"{ROSTER_SELECT}{where}{ROSTER_ORDER} LIMIT {size} OFFSET {(page - 1) * size}", list(params))
        return count, cursor.fetchall()


def deep_where():
    return (
        " WHERE c.gender = %s AND c.education = %s AND e.grassroots_since <= %s",
        ["女", "大学本科", AS_OF],
    )


def bare_workbook(rows, widths):
    """Write `rows` with bare write-only openpyxl; return the bytes."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("sheet")
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def age(birth, as_of):
    return as_of.year - birth.year - ((as_of.month, as_of.day) < (birth.month, birth.day))


def monthly_floor(connection, channel_ids):
    """The statistics the workbook's summary and breakdown sheets show (stats_floor, as the work computes them
    with young_cadre_stats), and the 花名册 rows (11 columns) of the counted cadres in their order, written bare."""
    stats_floor(connection, channel_ids)
    where, params, window = counted_where(connection, channel_ids)
    statement = (
        "SELECT c.name, c.gender, c.birth_date, u.name, c.post, ch.name, g.name, c.entry_date,"
        " CASE WHEN c.entry_date > %s AND c.entry_date <= %s THEN 1 ELSE 0 END"
        " FROM cadres_cadre c JOIN cadres_unit u ON u.id = c.unit_id JOIN cadres_channel ch ON ch.id = c.channel_id"
        " JOIN cadres_channelgroup g ON g.id = ch.group_id"
        f" WHERE {where} ORDER BY g.sort_order, ch.sort_order, c.entry_date, u.sort_order, c.id"
    )

    def rows():
        yield [
            "序号",
            "姓名",
            "性别",
            "出生日期",
            "年龄",
            "工作单位",
            "职务",
            "进入方式",
            "统计分组",
            "进入时间",
            "近三年",
        ]
        with connection.chunked_cursor() as cursor:
            cursor.execute(statement, [window, AS_OF, *params])
            number = 0
            while chunk := cursor.fetchmany(EXPORT_CHUNK):
                for name, gender, birth, unit, post, channel, group, entry, recent in chunk:
                    number += 1
                    yield [number, name, gender, birth, age(birth, AS_OF), unit, post, channel, group, entry,
                           "是" if recent else "否"]  # fmt: skip

    return len(bare_workbook(rows(), [6, 10, 6, 12, 6, 34, 20, 14, 14, 12, 12]))


EXPORT_SELECT = (
    "SELECT c.id, c.name, c.gender, c.ethnicity, c.birth_date, c.native_place, c.birthplace, c.id_number,"
    " c.political_status, c.party_joined_date, c.party_confirmed_date, c.health, c.professional_title, c.specialty,"
    " c.education, c.degree, u.name, c.post, c.rank, ch.name, g.name, c.entry_date, c.first_work_date, c.status,"
    " c.leave_date, c.leave_reason, c.entry_date > %s AND c.entry_date <= %s, e.grassroots_since <= %s,"
    " e.organ_since <= %s, c.notes"
    " FROM cadres_cadre c JOIN cadres_unit u ON u.id = c.unit_id JOIN cadres_channel ch ON ch.id = c.channel_id"
    " JOIN cadres_channelgroup g ON g.id = ch.group_id LEFT JOIN cadres_cadreexperience e ON e.cadre_id = c.id"
    " ORDER BY u.sort_order, u.name, c.entry_date, c.id"
)


def export_floor(connection):
    """Every column of the roster export for every cadre: the cadres in one streamed SELECT, their
    records (posts, studies, appraisals) read per chunk of ids, the 简历 as plain lines, written bare."""
    from cadres.dates import years_before

    def records(ids):
        marks = ", ".join(["%s"] * len(ids))
        found = {pk: ([], None) for pk in ids}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT cadre_id, start_date, end_date, school, major FROM cadres_educationrecord"
                f" WHERE cadre_id IN ({marks}) ORDER BY cadre_id, start_date, id",
                ids,
            )
            for pk, start, end, school, major in cursor.fetchall():
                found[pk][0].append(f"{start:%Y.%m}--{end:%Y.%m}  {school}{major}学习" if start else school)
            cursor.execute(
                "SELECT w.cadre_id, w.start_date, w.end_date, COALESCE(u.name, w.unit_name), w.post"
                " FROM cadres_workrecord w LEFT JOIN cadres_unit u ON u.id = w.unit_id"
                f" WHERE w.cadre_id IN ({marks}) ORDER BY w.cadre_id, w.start_date, w.id",
                ids,
            )
            for pk, start, end, unit, post in cursor.fetchall():
                found[pk][0].append(f"{start:%Y.%m}--{f'{end:%Y.%m}' if end else '':7}  {unit}{post}")
            cursor.execute(
                f"SELECT cadre_id, year, result FROM cadres_appraisal WHERE cadre_id IN ({marks}) AND year <= %s"
                " ORDER BY cadre_id, year",
                [*ids, AS_OF.year],
            )
            for pk, year, result in cursor.fetchall():
                found[pk] = (found[pk][0], f"{year}年度{result}")
        return found

    def rows():
        yield ["序号", *(f"列{number}" for number in range(33))]
        with connection.chunked_cursor() as cursor:
            cursor.execute(EXPORT_SELECT, [years_before(AS_OF, 3), AS_OF, AS_OF, AS_OF])
            number = 0
            while chunk := cursor.fetchmany(EXPORT_CHUNK):
                found = records([row[0] for row in chunk])
                for row in chunk:
                    number += 1
                    lines, appraisal = found[row[0]]
                    birth = row[4]
                    yield [
                        number, *(value or None for value in row[1:5]), age(birth, AS_OF),
                        *(value or None for value in row[5:26]), "是" if row[26] else "否", None,
                        "有" if row[27] else "缺乏", "有" if row[28] else "缺乏", appraisal,
                        "\n".join(lines) or None, row[29] or None,
                    ]  # fmt: skip

    return len(bare_workbook(rows(), [6, *([12] * 33)]))


# The work ------------------------------------------------------------------------------------------


def measure_all(database_url, repeat, only=None):
    from benchmarks.scale import setup_django

    setup_django(database_url)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from cadres.models import Cadre, Channel
    from reports.breakdowns import compute_breakdowns
    from reports.cadre_list.export import COLUMNS
    from reports.forecast import age_out_forecast, forecast_periods
    from reports.monthly import monthly_sheets
    from reports.params import StatsParams
    from reports.stats import counted_cadres, young_cadre_stats
    from reports.trend import trend_days, young_cadre_trend
    from reports.workbooks import young_cadre_workbook

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    channel_ids = dict(Channel.objects.values_list("code", "pk"))
    params = StatsParams(as_of=AS_OF, excluded=EXCLUDED)
    total = Cadre.objects.count()
    deep_count = roster_floor(connection, *deep_where())[0]
    deep_page = max(1, min(DEEP_PAGE, (deep_count + PAGE_SIZE - 1) // PAGE_SIZE))
    export_query = f"{ROSTER_QUERY}&" + "&".join(f"columns={column.key}" for column in COLUMNS)
    days = trend_days(*TREND_RANGE, AS_OF)
    periods = forecast_periods(AS_OF)

    def get(path):
        def action():
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            if response.streaming:
                for _chunk in response.streaming_content:
                    pass
                response.close()
            else:
                _ = response.content

        return action

    def monthly():
        stats = young_cadre_stats(params)
        return len(young_cadre_workbook(stats, counted_cadres(params), monthly_sheets()))

    stats = lambda: stats_floor(connection, channel_ids)  # noqa: E731
    trend = lambda: trend_floor(connection, channel_ids, days)  # noqa: E731
    forecast = lambda: forecast_floor(connection, channel_ids, periods)  # noqa: E731
    work = [
        ("statistics function vs its SQL aggregates", lambda: young_cadre_stats(params), stats),
        ("statistics JSON vs its SQL aggregates", get(f"/reports/young-cadres.json?{STATS_QUERY}"), stats),
        ("statistics page vs its SQL aggregates", get(f"/reports/young-cadres/?{STATS_QUERY}"), stats),
        ("breakdowns vs their 4 SQL aggregates",
         lambda: compute_breakdowns(Cadre.objects.young_cadres(params), params, recent_label="近三年"),
         lambda: breakdown_floor(connection, channel_ids)),
        ("trend, 24 months vs its SQL aggregate", lambda: young_cadre_trend(params, *TREND_RANGE, today=AS_OF), trend),
        ("trend JSON vs its SQL aggregate", get(f"/reports/trend.json?{TREND_QUERY}"), trend),
        ("trend page vs its SQL aggregate", get(f"/reports/trend/?{TREND_QUERY}"), trend),
        ("forecast, 24 months vs its SQL", lambda: age_out_forecast(params), forecast),
        ("forecast JSON vs its SQL", get(f"/reports/forecast.json?{STATS_QUERY}"), forecast),
        ("forecast page vs its SQL", get(f"/reports/forecast/?{STATS_QUERY}"), forecast),
        ("roster page 1 vs paginated SELECT", get(f"/cadres/?{ROSTER_QUERY}"), lambda: roster_floor(connection)),
        (f"roster page {deep_page}, 3 filters vs paginated SELECT", get(f"/cadres/?{DEEP_FILTERS}&page={deep_page}"),
         lambda: roster_floor(connection, *deep_where(), page=deep_page)),
        ("roster JSON page 1 vs paginated SELECT", get(f"/cadres.json?{ROSTER_QUERY}"),
         lambda: roster_floor(connection, size=JSON_PAGE_SIZE)),
        ("monthly workbook vs bare openpyxl", monthly, lambda: monthly_floor(connection, channel_ids)),
        ("roster export (33 columns) vs bare openpyxl", get(f"/cadres/export.xlsx?{export_query}"),
         lambda: export_floor(connection)),
    ]  # fmt: skip
    if only:
        work = [item for item in work if any(word in item[0] for word in only)]
    # One warm-up of each (imports, template loading, connection), then the runs alternating work and floor.
    get(f"/cadres/export.xlsx?{export_query}&q=nobody")()
    for label, action, floor in work:
        if "workbook" not in label and "export" not in label:
            action()
            floor()
    results = {label: {"seconds": [], "floor": [], "peak": [], "floor_peak": [], "queries": None} for label, *_ in work}
    for run in range(repeat):
        for label, action, floor in work:
            seconds, peak, queries = run_once(action, count_queries=run == 0)
            floor_seconds, floor_peak, _ = run_once(floor)
            entry = results[label]
            entry["seconds"].append(seconds)
            entry["floor"].append(floor_seconds)
            entry["peak"].append(peak)
            entry["floor_peak"].append(floor_peak)
            if queries is not None:
                entry["queries"] = queries
    return [
        {
            "work": label,
            "seconds": min(entry["seconds"]),
            "floor": min(entry["floor"]),
            "queries": entry["queries"],
            "peak_mb": max(entry["peak"]),
            "floor_peak_mb": max(entry["floor_peak"]),
            "rows": total,
        }
        for label, entry in results.items()
    ]

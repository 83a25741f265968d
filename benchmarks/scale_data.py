"""Fill a database with N invented cadres and realistic career records, fast enough for 1,000,000.

Used by benchmarks/scale.py. Rows are written with raw SQL (COPY on PostgreSQL, executemany on
SQLite), every column of each table given (Django sets no database defaults), then the stored
experience summary is computed by the project's own code (experience_rebuild).

Per cadre: 1–4 consecutive posts (the last one open while the cadre is in post) in random units of
every kind, one full-time education, two annual appraisals, and for one in seven a secondment of
1–2 years, mostly to a grassroots unit. 85% in post, 10% left, 5% pending (拟录用).
"""

import datetime
import random
import time

AS_OF = datetime.date(2021, 7, 31)
CHUNK = 20_000
KINDS = [
    ("党政机关", 30),
    ("事业单位", 20),
    ("乡镇", 15),
    ("街道", 10),
    ("村", 4),
    ("社区", 8),
    ("国有企业", 10),
    ("其他", 3),
]
POSTS = ["科员", "副主任科员", "主任科员", "副科长", "科长", "副主任", "主任", "副镇长", "副书记", "干事"]
RANKS = ["一级科员", "四级主任科员", "三级主任科员", "二级主任科员", "一级主任科员"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红鹏飞宇浩然思雨欣怡子涵梓轩"
EDUCATION = [("大学本科", "学士", 60), ("硕士研究生", "硕士", 25), ("大学专科", "无", 10), ("博士研究生", "博士", 5)]
POLITICAL = [("中共党员", 80), ("共青团员", 8), ("群众", 9), ("民主党派", 3)]
SCHOOLS = ["武汉大学", "华中科技大学", "湖北大学", "华中师范大学", "中南财经政法大学", "湖北师范大学"]
MAJORS = ["法学", "汉语言文学", "行政管理", "经济学", "计算机科学与技术", "会计学", "土木工程"]
RESULTS = ["优秀", "称职", "称职", "称职", "合格"]
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _weighted(pairs):
    return [value[0] if len(value) == 1 else tuple(value) for *value, weight in pairs for _ in range(weight)]


def _check(first17):
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


class Table:
    """A model's table: the columns a generator gives, then every other column at its default."""

    def __init__(self, model, given):
        from django.db.models import DateTimeField
        from django.utils import timezone

        self.name = model._meta.db_table
        self.given = given
        fields = {field.column: field for field in model._meta.concrete_fields}
        missing = [column for column in given if column not in fields]
        assert not missing, (self.name, missing)
        now = timezone.now()
        rest = []
        for column, field in fields.items():
            if column in given:
                continue
            if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
                rest.append((column, now))
            else:
                rest.append((column, field.get_default()))
        self.columns = [*given, *(column for column, _ in rest)]
        self.tail = tuple(value for _, value in rest)


def _sqlite_value(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None).isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def write(connection, table, rows):
    """Insert `rows` (tuples of table.given's columns) into `table`, the other columns at their defaults."""
    tail = table.tail
    if connection.vendor == "postgresql":
        columns = ", ".join(connection.ops.quote_name(column) for column in table.columns)
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + tail)
    else:
        columns = ", ".join(connection.ops.quote_name(column) for column in table.columns)
        marks = ", ".join("?" * len(table.columns))
        tail = tuple(_sqlite_value(value) for value in tail)
        raw = connection.connection
        raw.executemany(
            f"INSERT INTO {table.name} ({columns}) VALUES ({marks})",
            (tuple(_sqlite_value(value) for value in row) + tail for row in rows),
        )


def generate(count, *, seed=2021, log=print):
    """Fill the (migrated, empty) database of the current Django connection with `count` cadres."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from cadres.experience_summary import experience_rebuild
    from cadres.models import Appraisal, Cadre, Channel, EducationRecord, Secondment, Unit, WorkRecord

    started = time.perf_counter()
    rng = random.Random(seed)
    unit_count = max(200, count // 40)
    kinds = _weighted(KINDS)
    unit_rows, by_kind = [], {}
    for pk in range(1, unit_count + 1):
        kind = rng.choice(kinds)
        unit_rows.append((pk, f"{kind}单位{pk:06d}", kind, pk))
        by_kind.setdefault(kind, []).append(pk)
    unit_ids = list(range(1, unit_count + 1))
    grassroots_ids = by_kind["乡镇"] + by_kind["街道"] + by_kind["社区"] + by_kind["村"]
    channel_ids = list(Channel.objects.order_by("pk").values_list("pk", flat=True))
    educations, politicals = _weighted(EDUCATION), _weighted(POLITICAL)
    tables = {
        "unit": Table(Unit, ["id", "name", "kind", "sort_order"]),
        "cadre": Table(
            Cadre,
            [
                "id",
                "name",
                "gender",
                "birth_date",
                "id_number",
                "political_status",
                "education",
                "degree",
                "unit_id",
                "post",
                "rank",
                "channel_id",
                "entry_date",
                "first_work_date",
                "status",
                "leave_date",
                "leave_reason",
                "native_place",
            ],
        ),
        "work": Table(WorkRecord, ["id", "cadre_id", "unit_id", "post", "rank", "start_date", "end_date"]),
        "education": Table(
            EducationRecord,
            ["id", "cadre_id", "mode", "school", "major", "education", "degree", "start_date", "end_date"],
        ),
        "secondment": Table(
            Secondment, ["id", "cadre_id", "kind", "from_unit_id", "to_unit_id", "post", "start_date", "end_date"]
        ),
        "appraisal": Table(Appraisal, ["id", "cadre_id", "year", "result"]),
    }
    base = datetime.date(1960, 1, 1)
    serials = {}
    ids = {"work": 0, "education": 0, "secondment": 0, "appraisal": 0}
    with transaction.atomic():
        write(connection, tables["unit"], unit_rows)
        for first in range(1, count + 1, CHUNK):
            rows = {name: [] for name in ("cadre", "work", "education", "secondment", "appraisal")}
            for pk in range(first, min(first + CHUNK, count + 1)):
                birth = base + datetime.timedelta(days=rng.randrange(40 * 365))
                gender = "男" if rng.random() < 0.55 else "女"
                serial = serials.get(birth, 0)
                serials[birth] = serial + 1
                first17 = f"420204{birth:%Y%m%d}{serial % 500 * 2 + (1 if gender == '男' else 0):03d}"
                # Two cadres born the same day with the same serial would share a number: past 500 a day, none.
                id_number = first17 + _check(first17) if serial < 500 else ""
                first_work = birth + datetime.timedelta(days=22 * 365 + rng.randrange(3 * 365))
                roll = rng.random()
                status = "拟录用" if roll < 0.05 else "已离开" if roll < 0.15 else "在职"
                entry = None if status == "拟录用" else first_work + datetime.timedelta(days=rng.randrange(5 * 365))
                leave = entry + datetime.timedelta(days=rng.randrange(200, 4000)) if status == "已离开" else None
                education, degree = rng.choice(educations)
                # Posts from the first work to now (or the leaving): 1–4, back to back.
                day, posts, unit = first_work, [], rng.choice(unit_ids)
                last_day = leave or datetime.date(2025, 12, 31)
                for number in range(rng.randint(1, 4)):
                    if day >= last_day:
                        break
                    unit = rng.choice(unit_ids)
                    length = rng.randrange(365, 6 * 365)
                    end = day + datetime.timedelta(days=length)
                    final = number == 3 or end >= last_day
                    end = (leave if leave else None) if final else end
                    ids["work"] += 1
                    posts.append((ids["work"], pk, unit, rng.choice(POSTS), rng.choice(RANKS), day, end))
                    if final:
                        break
                    day = end + datetime.timedelta(days=1)
                if posts and posts[-1][6] is not None and status == "在职":
                    # In post: the last post is still held.
                    posts[-1] = (*posts[-1][:6], None)
                rows["work"].extend(posts)
                rows["cadre"].append(
                    (
                        pk, f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}", gender, birth,
                        id_number, rng.choice(politicals), education, degree, unit, rng.choice(POSTS),
                        rng.choice(RANKS), rng.choice(channel_ids), entry, first_work, status, leave,
                        "调出" if leave else "", "湖北黄石",
                    )
                )  # fmt: skip
                ids["education"] += 1
                graduated = first_work - datetime.timedelta(days=rng.randrange(30, 200))
                rows["education"].append(
                    (
                        ids["education"], pk, "全日制", rng.choice(SCHOOLS), rng.choice(MAJORS), education, degree,
                        graduated - datetime.timedelta(days=4 * 365), graduated,
                    )
                )  # fmt: skip
                for year in (2019, 2020):
                    ids["appraisal"] += 1
                    rows["appraisal"].append((ids["appraisal"], pk, year, rng.choice(RESULTS)))
                if rng.random() < 1 / 7 and entry is not None:
                    start = entry + datetime.timedelta(days=rng.randrange(3 * 365))
                    target = rng.choice(grassroots_ids) if rng.random() < 0.8 else rng.choice(unit_ids)
                    ids["secondment"] += 1
                    rows["secondment"].append(
                        (
                            ids["secondment"], pk, "挂职", unit, target, "副书记", start,
                            start + datetime.timedelta(days=rng.randrange(300, 800)),
                        )
                    )  # fmt: skip
            for name, chunk in rows.items():
                write(connection, tables[name], chunk)
            log(f"  {min(first + CHUNK - 1, count)} cadres written ({time.perf_counter() - started:.0f} s)")
        if connection.vendor == "postgresql":
            models = [Unit, Cadre, WorkRecord, EducationRecord, Secondment, Appraisal]
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
        experience_rebuild()
    log(f"  experience summary built ({time.perf_counter() - started:.0f} s)")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started

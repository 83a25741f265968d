"""Whole rosters of random shape and content: a clean import or a clean refusal, never anything else.

Each example writes a workbook with openpyxl — framing lines above a header of shuffled columns
(aliases, typing habits, unknown columns, optionally the two-row 全日制教育 / 在职教育 header),
a few people in the forms clerks type, some cells replaced by random values — and checks the
contract of the import (issue 4): a Chinese refusal of the file, or a plan whose problems name a
real row and column and cannot be applied, or a plan that writes exactly what it counts and, read
again, finds every row unchanged.
"""

import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from cadres.importing.outcome import CREATED, UNCHANGED, UPDATED
from cadres.importing.problems import WHOLE_ROW, ImportRefused
from cadres.models import Cadre, ImportBatch, Unit
from cadres.roster_import.columns import BY_KEY, COLUMNS, REQUIRED_KEYS
from cadres.roster_import.load import roster_import_read
from cadres.roster_import.services import NOT_VALID, roster_import_apply
from tests.factories import make_cadre, make_id_number, make_unit, shaped_roster_bytes

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")
UNITS = ("下陆区委组织部", "团城山街道")
ABOVE = (
    ("下陆区优秀年轻干部名册",),
    ("（工作秘密  注意保存）",),
    ("填报单位（盖章）：下陆区委组织部", None, None, "填报日期：2021年7月31日"),
    (),
)
BELOW = (
    (),
    ("填表人：王五", None, None, "联系电话：0714-1234567"),
    ("注：1.出生年月按身份证填写。",),
)
EXTRA_COLUMNS = ("序号", "籍贯", "手机号码", "干部编号")
OPTIONAL_KEYS = (
    "gender",
    "ethnicity",
    "post",
    "rank",
    "entry_date",
    "first_work_date",
    "status",
    "leave_date",
    "leave_reason",
    "notes",
)
PARENTS = {"全日制教育": "fulltime", "在职教育": "inservice"}
SUBCOLUMNS = (("学历", "education"), ("学位", "degree"), ("毕业院校及专业", "school"), ("毕业院校系及专业", "school"))

# Characters clerks' files hold: Chinese, ASCII, full-width forms and spaces, line breaks, and the
# control characters that must be refused (written as OOXML _xHHHH_ escapes by the builder).
characters = st.one_of(
    st.sampled_from("张王李党员本科大学年月日号码注填表人：（）·"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.sampled_from("\u3000 \t\n\r\xa0"),
    st.characters(min_codepoint=0x00, max_codepoint=0x1F),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn")),
)
junk = st.one_of(
    st.none(),
    st.sampled_from(["", "\u3000", " ", "无", "—", "#N/A"]),
    st.text(characters, max_size=12),
    st.integers(min_value=-(10**15), max_value=10**15),
    # Excel holds no NaN or infinity; openpyxl would write a file no reader accepts.
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2200, 12, 31)),
    st.datetimes(min_value=datetime.datetime(1800, 1, 1), max_value=datetime.datetime(2200, 12, 31)),
)


@contextmanager
def rolled_back():
    """Run one example in a transaction rolled back at its end: every example starts from the same data.

    pytest-django sets the database up once per test function, not once per Hypothesis example.
    """
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass(frozen=True)
class Person:
    birth: datetime.date
    gender: str
    id_number: str
    entry: datetime.date
    leave: datetime.date | None


@dataclass(frozen=True)
class Roster:
    blocks: list
    rows: list
    above: list
    below: list
    create_units: bool
    existing: Person | None


@st.composite
def people(draw):
    birth = draw(st.dates(min_value=datetime.date(1965, 1, 1), max_value=datetime.date(2000, 12, 31)))
    gender = draw(st.sampled_from(["男", "女"]))
    entry = draw(st.dates(min_value=datetime.date(2005, 1, 1), max_value=datetime.date(2021, 7, 31)))
    leave = entry + datetime.timedelta(days=draw(st.integers(1, 1500))) if draw(st.booleans()) else None
    serial = draw(st.integers(0, 49))
    return Person(birth, gender, make_id_number(birth, gender, serial=serial), entry, leave)


def date_forms(day, *, months=True):
    """Return the forms a date is typed in (TRAPS.md, issue 4); year-months only where the day may go."""
    forms = [
        day,
        datetime.datetime.combine(day, datetime.time()),
        f"{day:%Y-%m-%d}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day:%Y.%m.%d}",
        f"{day.year}年{day.month}月{day.day}日",
        int(f"{day:%Y%m%d}"),
        f"{day:%Y%m%d}",
    ]
    if months:
        forms += [f"{day:%Y.%m}", f"{day:%Y-%m}", f"{day.year}年{day.month}月", f"{day:%Y%m}", float(f"{day:%Y.%m}")]
    return st.sampled_from(forms)


def full_width(text):
    return text.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))


def forms(key, person):
    """Return a strategy of the valid values a clerk might type in column `key` for `person`."""
    field = key.rsplit(".", 1)[-1]
    left = person.leave is not None
    choices = {
        "name": ["张三", "李  四", "王\u3000五", "欧阳小明", "Anna Li"],
        "gender": [person.gender, f"{person.gender}性", ""],
        "ethnicity": ["汉", "汉族", "回族", "土家", ""],
        "id_number": [
            person.id_number,
            person.id_number.lower(),
            full_width(person.id_number),
            f" {person.id_number}\u3000",
        ],
        "political_status": ["中共党员", "党员", "预备党员", "团员", "群众", "无党派"],
        "education": ["大学本科", "本科", "大学", "研究生", "硕士研究生", "博士研究生", "大专"],
        "degree": ["学士", "法学学士", "硕士学位", "博士", "无", ""],
        "school": ["武汉大学法学", "华中师范大学 汉语言文学", ""],
        "unit": [*UNITS, f" {UNITS[0]} ", "新下陆街道"],
        "post": ["科员", "副科长", "办公室主任", ""],
        "rank": ["一级科员", "四级主任科员", ""],
        "channel": [
            "选调生",
            "xuandiao",
            "公务员",
            "公务员招录",
            "招硕引博",
            "事业单位",
            "社区定向招聘",
            "调入",
            " 其他 ",
        ],
        "status": ["已离开", "离职", "调离"] if left else ["在职", "在岗", ""],
        "leave_reason": ["调出", "辞职", "调离"] if left else [""],
        "notes": ["", "借调至区委组织部", "两行\n备注"],
    }
    if field in choices:
        return st.sampled_from(choices[field])
    if field == "birth_date":
        return date_forms(person.birth)
    if field in ("entry_date", "first_work_date"):
        return date_forms(person.entry)
    return date_forms(person.leave, months=False) if left else st.just("")


def header_text(draw, text):
    """Return `text` as people type a header: line breaks, spaces, a `*`, a note in parentheses."""
    cut = draw(st.integers(1, max(1, len(text) - 1)))
    return draw(
        st.sampled_from(
            [
                text,
                f"{text[:cut]}\n{text[cut:]}",
                f"{text[:cut]}  {text[cut:]}",
                f"*{text}",
                f"{text}*（必填）",
                f"{text} ",
            ]
        )
    )


@st.composite
def rosters(draw):
    two_rows = draw(st.booleans())
    keys = [*REQUIRED_KEYS, *draw(st.sampled_from([("id_number",), ("birth_date",), ("id_number", "birth_date")]))]
    keys += sorted(draw(st.sets(st.sampled_from(OPTIONAL_KEYS))))
    if draw(st.integers(0, 9)) == 0:
        # Now and then a required column is missing: the file as a whole must be refused.
        keys.remove(draw(st.sampled_from(REQUIRED_KEYS)))
    blocks, leaves = [], []
    for key in keys:
        blocks.append(header_text(draw, draw(st.sampled_from(BY_KEY[key].aliases))))
        leaves.append(key)
    if two_rows:
        for parent in draw(st.sampled_from([["全日制教育"], ["在职教育"], ["全日制教育", "在职教育"]])):
            subs = [SUBCOLUMNS[0], *draw(st.sets(st.sampled_from(SUBCOLUMNS[1:]), max_size=2))]
            subs = draw(st.permutations(sorted(subs)))
            if len({key for _text, key in subs}) < len(subs):
                subs = [sub for sub in subs if sub != SUBCOLUMNS[3]]
            blocks.append((parent, [text for text, _key in subs]))
            leaves.append([f"{PARENTS[parent]}.{key}" for _text, key in subs])
    else:
        for key in ["education", "degree"] if draw(st.booleans()) else ["education"]:
            blocks.append(header_text(draw, BY_KEY[key].label))
            leaves.append(key)
    for extra in sorted(draw(st.sets(st.sampled_from(EXTRA_COLUMNS)))):
        blocks.append(extra)
        leaves.append(None)
    order = draw(st.permutations(range(len(blocks))))
    blocks, leaves = [blocks[i] for i in order], [leaves[i] for i in order]
    columns = [key for leaf in leaves for key in (leaf if isinstance(leaf, list) else [leaf])]
    rows, persons = [], []
    for number in range(draw(st.integers(1, 4))):
        person = draw(people())
        persons.append(person)
        cells = [number + 1 if key is None else draw(forms(key, person)) for key in columns]
        for index, value in draw(st.lists(st.tuples(st.integers(0, len(cells) - 1), junk), max_size=3)):
            cells[index] = value
        rows.append(cells)
    existing = persons[0] if draw(st.booleans()) else None
    return Roster(
        blocks=blocks,
        rows=rows,
        above=draw(st.lists(st.sampled_from(ABOVE), max_size=3)),
        below=draw(st.lists(st.sampled_from(BELOW), max_size=2)),
        create_units=draw(st.booleans()),
        existing=existing,
    )


def snapshot():
    """Return everything an import could write, to compare before and after."""
    return {
        "cadres": list(Cadre.objects.order_by("pk").values_list("pk", "version", "name", "unit", "post", "status")),
        "history": Cadre.history.count(),
        "batches": ImportBatch.objects.count(),
        "events": AuditEvent.objects.count(),
        "units": list(Unit.objects.order_by("pk").values_list("pk", "name")),
    }


def check(roster):
    for name in UNITS:
        make_unit(name)
    if roster.existing:
        person = roster.existing
        make_cadre(
            name="张三",
            gender=person.gender,
            birth_date=person.birth,
            id_number=person.id_number,
            entry_date=datetime.date(2010, 1, 1),
            unit=Unit.objects.get(name=UNITS[1]),
            post="旧职务",
        )
    data, first = shaped_roster_bytes(roster.blocks, roster.rows, above=roster.above, below=roster.below)
    data_rows = range(first, first + len(roster.rows))
    before = snapshot()
    options = {"filename": "花名册.xlsx", "create_units": roster.create_units}
    try:
        sheet, plan = roster_import_read(data, **options)
    except ImportRefused as error:
        event("file refused")
        assert CHINESE.search(str(error)), str(error)
        assert snapshot() == before
        return
    assert {planned.row for planned in plan.people} <= set(data_rows)
    if not plan.ok:
        event("rows refused")
        labels = {WHOLE_ROW, *(text for _key, text in sheet.columns.values()), *(column.label for column in COLUMNS)}
        for problem in plan.problems:
            assert problem.row in data_rows, str(problem)
            assert problem.column in labels, str(problem)
            assert CHINESE.search(problem.reason), str(problem)
        with pytest.raises(ImportRefused) as refused:
            roster_import_apply(plan=plan)
        assert str(refused.value) == NOT_VALID
        assert snapshot() == before
        return
    event("imported, with an update" if plan.counts[UPDATED] else "imported")
    counts = plan.counts
    batch = roster_import_apply(plan=plan)
    after = snapshot()
    assert len(after["cadres"]) == len(before["cadres"]) + counts[CREATED]
    assert sum(version for _pk, version, *_rest in after["cadres"]) == counts[UPDATED]
    assert after["history"] == before["history"] + counts[CREATED] + counts[UPDATED]
    assert (batch.created_count, batch.updated_count, batch.unchanged_count) == (
        counts[CREATED],
        counts[UPDATED],
        counts[UNCHANGED],
    )
    assert after["events"] == before["events"] + 1
    _sheet, again = roster_import_read(data, **options)
    assert again.ok, [str(problem) for problem in again.problems]
    assert [(planned.row, planned.action) for planned in again.people] == [
        (planned.row, UNCHANGED) for planned in plan.people
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rosters())
def test_any_roster_is_imported_whole_or_refused_with_reasons_and_nothing_written(roster):
    with rolled_back():
        check(roster)

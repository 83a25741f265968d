"""Whole cadres generated at random, written as a .lrmx file and as a roster, read back field by field.

Each generated cadre is valid and consistent (its highest 学历 is that of its education records),
with the written forms of the standards, dates on any day or known to the month, any 政治面貌.
- .lrmx over the stored cadre: nothing changes (a month never overwrites the finer stored day).
- .lrmx into an empty database: every field the form carries comes back (dates to the month).
- roster into an empty database: every field the roster carries comes back exactly.
"""

import datetime
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.choices import Education, LeaveReason, PoliticalStatus, StudyMode
from cadres.importing import synonyms
from cadres.importing.dates import month_text
from cadres.importing.outcome import CREATED, UNCHANGED
from cadres.lrmx.importer import lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.jianli import jianli_text
from cadres.lrmx.texts import appraisal_text, reward_text
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import (
    Appraisal,
    Cadre,
    Channel,
    EducationRecord,
    FamilyMember,
    RewardPunishment,
    UnitAlias,
    WorkRecord,
)
from cadres.roster_import.load import roster_import_read
from cadres.roster_import.services import roster_import_apply
from tests.factories import make_id_number, make_unit, shaped_roster_bytes

pytestmark = pytest.mark.django_db
D = datetime.date
UNIT = "中共甲区委组织部"
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
POLITICAL = [
    (PoliticalStatus.CPC_MEMBER, ""),
    (PoliticalStatus.CPC_MEMBER, "中国共产党党员"),
    (PoliticalStatus.CPC_PROBATIONARY, ""),
    (PoliticalStatus.CYL_MEMBER, ""),
    (PoliticalStatus.DEMOCRATIC_PARTY, "九三学社社员"),
    (PoliticalStatus.DEMOCRATIC_PARTY, "中国民主同盟盟员"),
    (PoliticalStatus.DEMOCRATIC_PARTY, "民进"),
    (PoliticalStatus.NON_PARTY, ""),
    (PoliticalStatus.MASSES, ""),
]
# Written 学历 of each mode, from the vocabulary: (written, level, mode).
EDUCATIONS = [
    (written, str(form.level), str(form.mode or mode))
    for written, form in synonyms.EDUCATION.items()
    for mode in ((StudyMode.FULL_TIME, StudyMode.IN_SERVICE) if form.mode is None else (form.mode,))
    if synonyms.education_form(written).level == form.level  # not the 研究生 read with a 博士 degree
]
DEGREES = [("", "无"), ("学士", "学士"), ("法学学士", "学士"), ("公共管理硕士（MPA）", "硕士"), ("工学博士", "博士")]
RANKS = ["", "一级科员", "四级主任科员", "副科级", "管理八级", "专业技术十级"]
POSTS = ["科员", "办公室副主任", "干部科科长"]
RESULTS = ["优秀", "称职", "基本称职", "合格"]


@contextmanager
def rolled_back():
    """Run one example in a transaction rolled back at its end (one database set-up per test function)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def day_in(draw, first, last):
    return draw(st.dates(min_value=first, max_value=max(first, last)))


def maybe_month(draw, day):
    """Return (day, month_only): now and then known to the month only, as the 1st."""
    if draw(st.booleans()):
        return day.replace(day=1), True
    return day, False


@st.composite
def whole_cadres(draw):
    name = draw(st.sampled_from(SURNAMES)) + draw(st.text(alphabet=GIVEN, min_size=1, max_size=2))
    gender = draw(st.sampled_from(["男", "女"]))
    birth = day_in(draw, D(1965, 1, 1), D(1999, 12, 31))
    id_number = make_id_number(birth, gender, serial=draw(st.integers(0, 999))) if draw(st.booleans()) else ""
    birth, birth_month_only = (birth, False) if id_number else maybe_month(draw, birth)
    adult = birth.replace(year=birth.year + 19, day=1)
    political_status, political_written = draw(st.sampled_from(POLITICAL))
    party = None, False
    if political_status in (*PoliticalStatus.party_members(), PoliticalStatus.DEMOCRATIC_PARTY):
        party = maybe_month(draw, day_in(draw, adult, D(2020, 12, 31)))
    degree_written, degree = draw(st.sampled_from(DEGREES))
    written, _level, mode = draw(st.sampled_from(EDUCATIONS))
    level = str(synonyms.education_level_of(written, degree))  # 研究生 with a 博士 degree is 博士研究生
    first_work = maybe_month(draw, day_in(draw, adult, D(2020, 6, 30)))
    status = draw(st.sampled_from(["在职", "在职", "已离开", "拟录用"]))
    entry = (None, False) if status == "拟录用" else maybe_month(draw, day_in(draw, first_work[0], D(2021, 6, 30)))
    leave = (None, False)
    if status == "已离开":
        leave = maybe_month(draw, day_in(draw, entry[0] + datetime.timedelta(days=40), D(2024, 12, 31)))
    appraisal_years = draw(st.lists(st.integers(2015, 2023), max_size=3, unique=True))
    return {
        "fields": {
            "name": name,
            "gender": gender,
            "birth_date": birth,
            "birth_month_only": birth_month_only,
            "id_number": id_number,
            "ethnicity": draw(st.sampled_from(synonyms.ETHNIC_GROUPS)),
            "native_place": draw(st.sampled_from(["湖北黄石", "湖北大冶", ""])),
            "political_status": political_status,
            "political_status_written": political_written,
            "party_joined_date": party[0],
            "party_joined_month_only": party[1],
            "education": level,
            "education_written": synonyms.written_form(written, level),
            "education_mode": mode,
            "degree": degree,
            "degree_written": synonyms.written_form(degree_written, degree) if degree_written else "",
            "post": draw(st.sampled_from(POSTS)),
            "rank": draw(st.sampled_from(RANKS)),
            "first_work_date": first_work[0],
            "first_work_month_only": first_work[1],
            "status": status,
            "entry_date": entry[0],
            "entry_month_only": entry[1],
            "leave_date": leave[0],
            "leave_month_only": leave[1],
            "leave_reason": draw(st.sampled_from(LeaveReason.values)) if leave[0] else "",
        },
        "study_start": day_in(draw, birth.replace(year=birth.year + 17, day=1), adult).replace(day=1),
        "jobs": draw(st.lists(st.sampled_from(["某县财政局", "某市某某公司", "某镇人民政府"]), max_size=3)),
        "family": draw(st.lists(st.sampled_from(["妻子", "父亲", "母亲", "儿子"]), max_size=3, unique=True)),
        "appraisals": [(year, draw(st.sampled_from(RESULTS))) for year in sorted(appraisal_years)],
        "rewards": draw(st.lists(st.sampled_from(["被评为优秀公务员", "受到嘉奖"]), max_size=2)),
    }


def saved(whole, unit):
    """Save a generated cadre with its records: its highest 学历 is its one dated education record."""
    fields = whole["fields"]
    cadre = Cadre(unit=unit, channel=Channel.objects.get(code="xuandiao"), **fields)
    cadre.full_clean()
    cadre.save()
    start = whole["study_start"]
    EducationRecord.objects.create(
        cadre=cadre,
        mode=fields["education_mode"],
        school="武汉大学",
        major="法学",
        education=fields["education"],
        education_written=fields["education_written"],
        degree=fields["degree"] if fields["degree"] != "无" else "",
        degree_written=fields["degree_written"],
        start_date=start,
        end_date=start.replace(year=start.year + 2),
    )
    for number, job in enumerate(whole["jobs"]):
        begin = D(2001 + 3 * number, 3, 1)
        WorkRecord.objects.create(
            cadre=cadre, unit_name=job, post="科员", start_date=begin, end_date=begin.replace(year=begin.year + 2)
        )
    for order, relation in enumerate(whole["family"], start=1):
        FamilyMember.objects.create(
            cadre=cadre, relation=relation, name="某某", birth_date=D(1960, order, 1), political_status="群众",
            sort_order=order,
        )  # fmt: skip
    for year, result in whole["appraisals"]:
        Appraisal.objects.create(cadre=cadre, year=year, result=result)
    for month, description in enumerate(whole["rewards"], start=1):
        RewardPunishment.objects.create(cadre=cadre, kind="奖励", date=D(2019, month, 1), description=description)
    return cadre


def lrmx_of(cadre):
    cadre = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    return cadre_lrmx(cadre, as_of=D(2021, 7, 31), filled_on=D(2021, 8, 2), user=None)


def texts_of(cadre):
    cadre = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    return (
        jianli_text(cadre),
        [(m.relation, m.name, month_text(m.birth_date)) for m in cadre.family_members.all()],
        appraisal_text(cadre.appraisals.all()),
        reward_text(cadre.rewards.all()),
    )


def lrmx_carried(fields):
    """The fields a .lrmx file gives a new cadre: dates to the month, 政治面貌 as far as 入党时间 says it."""
    political = fields["political_status"]
    if political in PoliticalStatus.party_members():
        political, written = PoliticalStatus.CPC_MEMBER, ""
    elif political == PoliticalStatus.DEMOCRATIC_PARTY:
        written = fields["political_status_written"]
    else:
        political, written = PoliticalStatus.MASSES, ""
    birth = (fields["birth_date"], False) if fields["id_number"] else (fields["birth_date"].replace(day=1), True)
    party = fields["party_joined_date"]
    return {
        **{name: fields[name] for name in ("name", "gender", "ethnicity", "native_place", "id_number", "post")},
        **{name: fields[name] for name in ("education", "education_written", "education_mode")},
        **{name: fields[name] for name in ("degree", "degree_written")},
        "birth": birth,
        "political": (political, written),
        "party_joined": (party.replace(day=1), True) if party else (None, False),
        "first_work": (fields["first_work_date"].replace(day=1), True),
    }


def lrmx_read(cadre):
    return {
        **{name: getattr(cadre, name) for name in ("name", "gender", "ethnicity", "native_place", "id_number", "post")},
        **{name: getattr(cadre, name) for name in ("education", "education_written", "education_mode")},
        **{name: getattr(cadre, name) for name in ("degree", "degree_written")},
        "birth": (cadre.birth_date, cadre.birth_month_only),
        "political": (cadre.political_status, cadre.political_status_written),
        "party_joined": (cadre.party_joined_date, cadre.party_joined_month_only),
        "first_work": (cadre.first_work_date, cadre.first_work_month_only),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole_cadres())
def test_a_whole_cadre_goes_through_lrmx_and_back(whole):
    with rolled_back():
        unit = make_unit(UNIT)
        cadre = saved(whole, unit)
        content = lrmx_of(cadre)
        texts = texts_of(cadre)
        again = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
        assert again.problems == [], [str(problem) for problem in again.problems]
        assert [(person.action, person.change_lines) for person in again.people] == [(UNCHANGED, [])]
        Cadre.objects.all().delete()
        fresh = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
        assert fresh.problems == [], [str(problem) for problem in fresh.problems]
        assert [person.action for person in fresh.people] == [CREATED]
        lrmx_import_apply(plan=fresh, user=None)
        read = Cadre.objects.get()
        assert lrmx_read(read) == lrmx_carried(whole["fields"])
        assert texts_of(read) == texts


# The roster: the columns, as headers and two-row groups, and how each generated field is written in them.
ROSTER_BLOCKS = [
    "姓名", "性别", "民族", "出生年月", "公民身份号码", "政治面貌",
    ("全日制教育", ["学历", "学位"]), ("在职教育", ["学历", "学位"]),
    "工作单位", "现任职务", "职级", "进入方式", "进入时间", "参加工作时间", "状态", "离开时间", "离开原因",
]  # fmt: skip


def written_date(draw, day, month_only):
    if day is None:
        return ""
    if month_only:
        return draw(st.sampled_from([f"{day:%Y.%m}", f"{day:%Y%m}", f"{day.year}年{day.month}月", f"{day:%Y-%m}"]))
    return draw(st.sampled_from([day, f"{day:%Y-%m-%d}", f"{day:%Y.%m.%d}", f"{day.year}年{day.month}月{day.day}日"]))


def ethnic_forms(name):
    """The full name of an ethnic group and, where the vocabulary has it, its short name (土家 for 土家族)."""
    short = name.removesuffix("族")
    return [name, short] if synonyms.choice_value(synonyms.ETHNICITY, short) == name else [name]


@st.composite
def roster_rows(draw):
    whole = draw(whole_cadres())
    fields = whole["fields"]
    full_time = fields["education_mode"] == StudyMode.FULL_TIME
    education = fields["education_written"] or fields["education"]
    degree = fields["degree_written"] or fields["degree"]
    status = fields["status"]
    if status == "已离开" and draw(st.booleans()):
        status = fields["leave_reason"] if fields["leave_reason"] != "其他" else "已离开"  # 状态 written as the reason
    cells = [
        fields["name"],
        fields["gender"],
        draw(st.sampled_from(ethnic_forms(fields["ethnicity"]))),
        written_date(draw, fields["birth_date"], fields["birth_month_only"]),
        fields["id_number"],
        fields["political_status_written"] or fields["political_status"],
        education if full_time else "",
        degree if full_time else "",
        "" if full_time else education,
        "" if full_time else degree,
        draw(st.sampled_from([UNIT, "甲区委组织部"])),
        fields["post"],
        fields["rank"],
        "选调生",
        written_date(draw, fields["entry_date"], fields["entry_month_only"]),
        written_date(draw, fields["first_work_date"], fields["first_work_month_only"]),
        status,
        written_date(draw, fields["leave_date"], fields["leave_month_only"]),
        fields["leave_reason"],
    ]
    return fields, cells


ROSTER_FIELDS = [
    "name", "gender", "ethnicity", "birth_date", "birth_month_only", "id_number", "political_status",
    "political_status_written", "education", "education_written", "education_mode", "degree", "degree_written",
    "post", "rank", "entry_date", "entry_month_only", "first_work_date", "first_work_month_only", "status",
    "leave_date", "leave_month_only", "leave_reason",
]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roster_rows())
def test_a_whole_cadre_goes_through_a_roster_and_back(row):
    fields, cells = row
    with rolled_back():
        unit = make_unit(UNIT)
        UnitAlias.objects.create(unit=unit, name="甲区委组织部")
        data, _first = shaped_roster_bytes(ROSTER_BLOCKS, [cells])
        _sheet, plan = roster_import_read(data, filename="名册.xlsx")
        assert plan.ok, [str(problem) for problem in plan.problems]
        roster_import_apply(plan=plan)
        read = Cadre.objects.get()
        assert {name: getattr(read, name) for name in ROSTER_FIELDS} == {name: fields[name] for name in ROSTER_FIELDS}
        assert (read.unit, read.channel.code) == (unit, "xuandiao")


def test_the_generated_educations_cover_every_level():
    assert {level for _written, level, _mode in EDUCATIONS} == set(Education.values)

"""The rotation planner (staffing/rotation.py) on a small hand-made roster whose answer is written out, its
eligibility at the edges, its weights as settings, and the secondments made of the chosen."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import CADRE_SECTION
from audit.models import AuditEvent
from cadres.models import Appraisal, Cadre, EducationRecord, Secondment
from staffing.audit_actions import StaffingAction
from staffing.board import staffing_board
from staffing.models import Section
from staffing.rotation import rotation_plan
from staffing.services.rotation import rotation_secondments_create
from tests.factories import (
    make_cadre,
    make_secondment,
    make_unit,
    make_user,
    make_work_record,
    staffed_section,
)

pytestmark = pytest.mark.django_db
D = datetime.date
START, END = D(2025, 9, 1), D(2026, 2, 28)


def candidate(name, street, *, appraisals=(("2023", "称职"), ("2024", "称职")), major="", **fields):
    """A young cadre of the street office: born 1992, 大学本科, in since 2016, two good appraisals."""
    fields = {"birth_date": D(1992, 1, 1), "entry_date": D(2016, 8, 1), **fields}
    cadre = make_cadre(name=name, unit=street, **fields)
    for year, result in appraisals:
        Appraisal.objects.create(cadre=cadre, year=int(year), result=result)
    if major:
        EducationRecord.objects.create(cadre=cadre, mode="全日制", school="武汉大学", major=major, education="大学本科")
    return cadre


@pytest.fixture
def roster():
    """人才科 (one person, no B: at risk, fits 经济学) and 干部科 (A and B, fits 法学) of the department, and
    the street office's young cadres, each differing from the defaults in one way."""
    department = make_unit("中共下陆区委组织部")
    staffed_section("人才科", staff=1, unit=department, fit_keywords="经济学")
    staffed_section("干部科", staff=2, unit=department, fit_keywords="法学")
    street = make_unit("团山街道办事处", kind="街道")
    community = make_unit("团城社区居民委员会", kind="社区")
    organ = make_unit("下陆区财政局")
    candidate("甲", street, entry_date=D(2023, 3, 1), major="经济学")  # recent, fits 人才科
    candidate("乙", street, major="法学")  # 干部科 is not at risk: no points for fitting it
    seconded = candidate("丙", street, entry_date=D(2015, 3, 1))
    make_secondment(seconded, D(2019, 3, 1), D(2022, 8, 31), to_unit=community)  # 3 full years ago
    lately = candidate("丑", street, entry_date=D(2015, 3, 1))
    make_secondment(lately, D(2024, 3, 1), D(2024, 8, 31), to_unit=community)  # 1 full year ago
    make_work_record(candidate("丁", street), D(2016, 8, 1), D(2018, 7, 31), unit=organ)  # 机关阅历
    candidate("戊", street, entry_date=D(2018, 8, 1))
    candidate("己", street, birth_date=D(1990, 9, 1), entry_date=D(2015, 8, 1))  # 35 on the first day
    candidate(
        "子", street, entry_date=D(2017, 8, 1), appraisals=(("2022", "不称职"), ("2023", "称职"), ("2024", "优秀"))
    )
    # Left out:
    candidate("庚", street, birth_date=D(1989, 9, 1))  # 36 on the first day
    candidate("辛", street, education="中专")
    candidate("壬", street, appraisals=(("2023", "称职"), ("2024", "基本称职")))
    candidate("癸", street, appraisals=(("2024", "优秀"),))
    away = candidate("寅", street)
    make_secondment(away, D(2025, 6, 1), D(2025, 12, 31), to_unit=community)  # seconded during the period
    candidate("卯", department)  # one of the department's own staff
    return department


def plan(places=2):
    return rotation_plan(Cadre.objects.all(), Section.objects.all(), start=START, end=END, places=places)


def test_the_ranking_of_the_hand_made_roster(roster):
    ranked = [(c.cadre.name, c.score) for c in plan().candidates]
    # 甲 3 (no 机关阅历) + 2 (never seconded) + 1 (recent) + 2 (经济学 fits 人才科 at risk) = 8;
    # 己 乙 子 戊 3 + 2 = 5, in order of entry (2015, 2016, 2017, 2018); 丙 3 + 3 years × 0.5 = 4.5;
    # 丑 3 + 1 year × 0.5 = 3.5; 丁 has 机关阅历: 2.
    assert ranked == [("甲", 8), ("己", 5), ("乙", 5), ("子", 5), ("戊", 5), ("丙", 4.5), ("丑", 3.5), ("丁", 2)]


def test_each_point_is_shown_with_its_reason(roster):
    first, *_ = plan().candidates
    assert [(reason.text, reason.points) for reason in first.reasons] == [
        ("尚无机关阅历", 3),
        ("从未挂职、跟班学习或抽调", 2),
        ("近三年招录（2023-03-01进入）", 1),
        ("所学专业“经济学”适合有风险的“人才科”", 2),
    ]
    seconded = next(c for c in plan().candidates if c.cadre.name == "丙")
    assert [(r.text, r.points) for r in seconded.reasons][1] == (
        "上次挂职、跟班学习或抽调于2022-08-31结束，已满3年",
        1.5,
    )


def test_who_is_left_out_and_why_is_counted(roster):
    assert plan().exclusions == [
        ("本部门人员或抽调期间已有挂职、跟班学习或抽调", 5),
        ("年龄超过35周岁", 1),
        ("学历低于大学专科", 1),
        ("最近两次年度考核不全是优秀、称职、合格或不足两次", 2),
    ]


def test_the_section_proposed_is_the_one_fitted_else_the_sections_at_risk(roster):
    assert {c.cadre.name: c.section.name for c in plan().candidates[:3]} == {
        "甲": "人才科",
        "己": "人才科",
        "乙": "人才科",
    }


def test_the_weights_are_settings(roster, settings):
    settings.ROTATION_WEIGHTS = {"recent_entry": 0, "fits_section_at_risk": 0}
    assert [c.cadre.name for c in plan().candidates][:5] == ["己", "乙", "子", "戊", "甲"]


def test_the_eligibility_is_a_setting(roster, settings):
    settings.ROTATION_ELIGIBILITY = {"max_age": 32}
    assert [c.cadre.name for c in plan().candidates] == []
    settings.ROTATION_ELIGIBILITY = {"max_age": 33}
    assert {c.cadre.name for c in plan().candidates} == {"甲", "乙", "丙", "丑", "丁", "戊", "子"}


def test_the_plan_reads_the_same_queries_however_many_candidates(roster, django_assert_num_queries):
    with django_assert_num_queries(20):
        plan()
    street = Cadre.objects.get(name="甲").unit
    for name in ("辰", "巳", "午", "未"):
        candidate(name, street, major="经济学")
    with django_assert_num_queries(20):
        assert len(plan().candidates) == 12


def test_choosing_candidates_makes_secondments_the_board_shows_as_cover(roster):
    user = make_user(CADRE_SECTION)
    chosen = plan().candidates[:2]
    talent = Section.objects.get(name="人才科")
    created = rotation_secondments_create(
        picks=[(c.cadre.pk, talent.pk) for c in chosen],
        start_date=START,
        planned_end_date=END,
        kind="跟班学习",
        user=user,
        cadres=Cadre.objects.all(),
        sections=Section.objects.all(),
    )
    assert [(s.cadre.name, s.to_unit, s.start_date, s.planned_end_date, s.end_date) for s in created] == [
        ("甲", roster, START, END, None),
        ("己", roster, START, END, None),
    ]
    assert created[0].purpose == "轮流抽调到中共下陆区委组织部“人才科”学习、协助工作"
    row = next(row for row in staffing_board(Section.objects.all(), START).rows if row.section == talent)
    assert [placement.secondment.cadre.name for placement in row.secondees] == ["甲", "己"]
    assert AuditEvent.objects.get(action=StaffingAction.ROTATION_CREATED).summary == (
        "轮流抽调2人（2025-09-01至2026-02-28）：甲→人才科、己→人才科"
    )
    assert [c.cadre.name for c in plan().candidates][:2] == ["乙", "子"]


def test_choosing_someone_not_eligible_is_refused_and_nothing_is_made(roster):
    too_old = Cadre.objects.get(name="庚")
    eligible = Cadre.objects.get(name="甲")
    talent = Section.objects.get(name="人才科")
    before = Secondment.objects.count()
    with pytest.raises(ValidationError) as refused:
        rotation_secondments_create(
            picks=[(eligible.pk, talent.pk), (too_old.pk, talent.pk)],
            start_date=START,
            planned_end_date=END,
            kind="跟班学习",
            user=make_user(CADRE_SECTION),
            cadres=Cadre.objects.all(),
            sections=Section.objects.all(),
        )
    assert refused.value.messages == ["庚不符合抽调条件，或抽调期间已有挂职、跟班学习或抽调，请重新生成名单"]
    assert Secondment.objects.count() == before


def test_a_section_the_user_may_not_choose_is_refused(roster):
    staffed_section("办公室", unit=make_unit("其他单位"))
    before = Secondment.objects.count()
    with pytest.raises(ValidationError) as refused:
        rotation_secondments_create(
            picks=[(Cadre.objects.get(name="甲").pk, Section.objects.get(name="办公室").pk)],
            start_date=START,
            planned_end_date=END,
            kind="跟班学习",
            user=make_user(CADRE_SECTION),
            cadres=Cadre.objects.all(),
            sections=Section.objects.exclude(name="办公室"),
        )
    assert refused.value.messages == ["接收科室不存在或无权查看"]
    assert Secondment.objects.count() == before

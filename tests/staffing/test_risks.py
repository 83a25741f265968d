"""The board's risk rules at their edges (staffing/board.py): one person and no B, a B who is the A of too
many other sections, A and B away the same day, no pairing; and the arrangement of the day asked."""

import datetime

import pytest

from staffing.board import RiskKind, staffing_board
from staffing.models import Section
from tests.factories import add_member, make_leave, make_pairing, make_section, second_into, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date
DAY = D(2025, 7, 1)


def risks_on(day, section):
    row = next(row for row in staffing_board(Section.objects.all(), day).rows if row.section == section)
    return [(risk.kind, risk.text) for risk in row.risks]


def kinds_on(day, section):
    return [kind for kind, _ in risks_on(day, section)]


def test_one_person_without_a_b_is_a_risk_in_words():
    section, a, _ = staffed_section("人才科", staff=1)
    assert risks_on(DAY, section) == [
        (RiskKind.ALONE_WITHOUT_B, f"科室只有1人，未设B角：A角{a.name}不在岗时无人接手"),
    ]


def test_two_people_without_a_b_is_not_the_one_person_risk():
    section, _, _ = staffed_section("人才科", staff=2, with_b=False)
    assert kinds_on(DAY, section) == []


def test_one_person_with_a_b_from_another_section_is_no_risk():
    section, _, _ = staffed_section("人才科", staff=1)
    _other, b, _ = staffed_section("组织科", staff=1, unit=section.unit)
    pairing = section.pairings.get()
    pairing.delete()
    make_pairing(section, section.members.get().cadre, b, cross_section_approval="部务会同意")
    assert kinds_on(DAY, section) == []


def test_a_section_of_nobody_without_a_b_says_so():
    section = make_section("党员电化教育中心")
    a = add_member(make_section("公务员管理科", unit=section.unit))
    make_pairing(section, a)
    assert risks_on(DAY, section) == [
        (RiskKind.ALONE_WITHOUT_B, f"科室没有本部门人员，未设B角：A角{a.name}不在岗时无人接手"),
    ]


def test_a_secondee_helping_is_named_beside_the_one_person_risk():
    section, _a, _ = staffed_section("人才科", staff=1)
    secondee = second_into(section, add_member(make_section("组织科")), D(2025, 6, 1), D(2025, 8, 31))
    assert risks_on(DAY, section)[0][1].endswith(f"（抽调人员{secondee.cadre.name}在本科室协助）")


def test_no_pairing_is_a_risk():
    section = make_section("办公室")
    add_member(section)
    assert risks_on(DAY, section) == [(RiskKind.NO_PAIRING, "未明确A、B角：有人不在岗时不知由谁接手")]


def test_a_b_who_is_the_a_of_one_other_section_is_within_the_limit(settings):
    settings.STAFFING_B_MAX_OTHER_A_POSTS = 1
    section, _, b = staffed_section("干部科")
    make_pairing(make_section("组织科", unit=section.unit), b)
    assert RiskKind.B_OVERLOADED not in kinds_on(DAY, section)


def test_a_b_who_is_the_a_of_two_other_sections_is_over_the_limit(settings):
    settings.STAFFING_B_MAX_OTHER_A_POSTS = 1
    section, _, b = staffed_section("干部监督科")
    make_pairing(make_section("公务员管理科", unit=section.unit), b)
    make_pairing(make_section("党员电化教育中心", unit=section.unit), b)
    assert (
        RiskKind.B_OVERLOADED,
        f"B角{b.name}同时是其他2个科室的A角（公务员管理科、党员电化教育中心），A角不在岗时难以兼顾（至多1个）",
    ) in risks_on(DAY, section)


def test_the_limit_of_other_a_posts_is_a_setting(settings):
    settings.STAFFING_B_MAX_OTHER_A_POSTS = 0
    section, _, b = staffed_section("干部科")
    make_pairing(make_section("组织科", unit=section.unit), b)
    assert RiskKind.B_OVERLOADED in kinds_on(DAY, section)


def test_an_a_post_that_ended_before_the_day_does_not_count_against_the_b(settings):
    settings.STAFFING_B_MAX_OTHER_A_POSTS = 0
    section, _, b = staffed_section("干部科")
    make_pairing(make_section("组织科", unit=section.unit), b, end=DAY - datetime.timedelta(days=1))
    assert RiskKind.B_OVERLOADED not in kinds_on(DAY, section)


def test_a_and_b_away_on_the_same_day_is_a_risk_naming_both_leaves():
    section, a, b = staffed_section("干部科", head=None)
    section.head = add_member(make_section("办公室", unit=section.unit))
    section.save()
    make_leave(a, D(2025, 6, 23), D(2025, 7, 11), kind="学习培训")
    make_leave(b, D(2025, 7, 1), D(2025, 7, 3), kind="出差", head_cover_sections=[section])
    assert risks_on(DAY, section) == [
        (
            RiskKind.A_AND_B_AWAY,
            f"A角{a.name}（学习培训，2025-06-23至2025-07-11）与B角{b.name}（出差，2025-07-01至2025-07-03）"
            f"同时不在岗，由负责人{section.head.name}代岗",
        )
    ]


def test_a_and_b_away_on_consecutive_days_is_no_risk():
    section, a, b = staffed_section("干部科")
    make_leave(a, D(2025, 6, 28), D(2025, 6, 30))
    make_leave(b, D(2025, 7, 1), D(2025, 7, 2))
    assert kinds_on(D(2025, 6, 30), section) == []
    assert kinds_on(D(2025, 7, 1), section) == []


def test_a_pending_leave_takes_nobody_away():
    section, a, b = staffed_section("干部科")
    make_leave(a, DAY, DAY)
    make_leave(b, DAY, DAY, approve=False)
    assert kinds_on(DAY, section) == []


def test_the_board_shows_the_pairing_of_the_day_asked_when_it_changed_mid_month():
    section, a, b = staffed_section("干部科")
    new_b = add_member(section)
    pairing = section.pairings.get()
    pairing.end_date = D(2025, 6, 15)
    pairing.save()
    make_pairing(section, a, new_b, start=D(2025, 6, 16))
    rows = {day: staffing_board(Section.objects.all(), day).rows[0] for day in (D(2025, 6, 15), D(2025, 6, 16))}
    assert (rows[D(2025, 6, 15)].a, rows[D(2025, 6, 15)].b) == (a, b)
    assert (rows[D(2025, 6, 16)].a, rows[D(2025, 6, 16)].b) == (a, new_b)


def test_staff_and_upper_offices_give_the_one_to_many_ratio():
    _section, _, _ = staffed_section(
        "组织科", staff=2, offices=["市委组织部组织一科", "市委组织部组织二科", "省委组织部组织一处"]
    )
    row = staffing_board(Section.objects.all(), DAY).rows[0]
    assert (row.staff_count, row.offices_count, row.offices_per_person) == (2, 3, 1.5)


def test_the_board_reads_a_fixed_number_of_queries(django_assert_num_queries):
    for name in ("办公室", "组织科", "干部科", "人才科"):
        _section, a, _b = staffed_section(name, offices=["市委组织部办公室"])
        make_leave(a, DAY, DAY)
    with django_assert_num_queries(9):
        board = staffing_board(Section.objects.all(), DAY)
        assert [row.risks for row in board.rows] == [[], [], [], []]

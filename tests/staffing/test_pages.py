"""The staffing pages and JSON: thin views over the rules, Chinese answers to bad input, scoped to the sections
a user may see, and the leave and rotation flows through the pages."""

import datetime

import pytest

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from cadres.models import Appraisal, Secondment
from staffing.choices import LeaveStatus
from staffing.models import Leave, Pairing
from tests.factories import add_member, make_cadre, make_leave, make_unit, make_user, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def department():
    return make_unit("中共下陆区委组织部")


@pytest.fixture
def talent(department):
    """人才科: one person, no B."""
    section, a, _ = staffed_section("人才科", staff=1, unit=department, offices=["市委组织部人才科"])
    return section, a


def logged_in(client, role, units=()):
    client.force_login(make_user(role, units))
    return client


def test_the_board_json_gives_each_section_with_its_risks(client, talent):
    _section, a = talent
    data = logged_in(client, LEADER).get("/staffing.json", {"as_of": "2025-07-01"}).json()
    assert data["as_of"] == "2025-07-01"
    (row,) = data["sections"]
    assert {key: row[key] for key in ("name", "unit", "staff_count", "upper_offices_count", "a", "b")} == {
        "name": "人才科",
        "unit": "中共下陆区委组织部",
        "staff_count": 1,
        "upper_offices_count": 1,
        "a": {"id": a.pk, "name": a.name},
        "b": None,
    }
    assert row["risks"] == [
        {
            "kind": "alone_without_b",
            "label": "一人一岗、未设B角",
            "text": f"科室只有1人，未设B角：A角{a.name}不在岗时无人接手",
        }
    ]
    assert data["reviews"][0]["state"] == "never"


def test_the_board_page_shows_the_risk_in_words(client, talent):
    _, a = talent
    html = logged_in(client, LEADER).get("/staffing/", {"as_of": "2025-07-01"}).content.decode()
    assert f"科室只有1人，未设B角：A角{a.name}不在岗时无人接手" in html
    assert "市委组织部人才科" in html


def test_a_bad_date_is_a_chinese_error_on_the_page_and_in_json(client, talent):
    client = logged_in(client, LEADER)
    page = client.get("/staffing/", {"as_of": "2025-02-30"})
    assert page.status_code == 400
    assert "日期无效" in page.content.decode()
    answer = client.get("/staffing.json", {"as_of": "2025-02-30"})
    assert answer.status_code == 400
    assert answer.json()["messages"] == ["日期：日期无效，请按“2021-07-31”的格式填写一个真实存在的日期"]


def test_the_cover_json_names_the_uncovered_days_across_the_month_end(client, talent):
    _, a = talent
    make_leave(a, D(2025, 6, 30), D(2025, 7, 1))
    data = logged_in(client, LEADER).get("/staffing/cover.json", {"start": "2025-06-29", "end": "2025-07-02"}).json()
    assert [day["date"] for day in data["days"]] == ["2025-06-29", "2025-06-30", "2025-07-01", "2025-07-02"]
    assert [len(day["uncovered"]) for day in data["days"]] == [0, 1, 1, 0]
    assert data["uncovered_sections"] == [{"id": talent[0].pk, "name": "人才科", "days": ["2025-06-30", "2025-07-01"]}]


def test_a_cover_range_ending_before_it_starts_or_too_long_is_refused(client, talent):
    client = logged_in(client, LEADER)
    backwards = client.get("/staffing/cover.json", {"start": "2025-07-02", "end": "2025-07-01"})
    assert backwards.json()["messages"] == ["结束日期：结束日期不能早于开始日期"]
    too_long = client.get("/staffing/cover/", {"start": "2025-01-01", "end": "2025-12-31"})
    assert too_long.status_code == 400
    assert "日期范围不能超过92天，请分段查看" in too_long.content.decode()


def test_the_json_of_board_and_calendar_read_fixed_queries(client, talent, django_assert_num_queries):
    client = logged_in(client, LEADER)
    for name in ("组织科", "干部科", "办公室"):
        staffed_section(name, unit=talent[0].unit)
    # Session, user and permissions take the first queries of every request (the session touched with one
    # UPDATE, config/sessions.py).
    with django_assert_num_queries(13):
        client.get("/staffing.json", {"as_of": "2025-07-01"})
    with django_assert_num_queries(9):
        client.get("/staffing/cover.json", {"start": "2025-06-01", "end": "2025-08-31"})


def test_a_unit_clerk_sees_only_their_units_sections(client, talent, department):
    staffed_section("办公室", unit=make_unit("下陆区财政局"))
    own = logged_in(client, UNIT_CLERK, [department]).get("/staffing.json").json()
    assert [row["name"] for row in own["sections"]] == ["人才科"]
    client.logout()
    other = logged_in(client, UNIT_CLERK, [make_unit("团山街道办事处", kind="街道")]).get("/staffing.json").json()
    assert other["sections"] == []


def test_someone_without_the_permission_is_refused(client, talent):
    client.force_login(make_user(None))
    assert client.get("/staffing/").status_code == 403
    assert client.get("/staffing.json").status_code == 403


def test_a_leave_of_someone_outside_the_users_sections_is_not_found(client, talent, department):
    _, a = talent
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 1), approve=False)
    client = logged_in(client, UNIT_CLERK, [make_unit("团山街道办事处", kind="街道")])
    assert client.get(f"/staffing/leaves/{leave.pk}/approve/").status_code == 404


def test_approving_needs_the_permission_to_approve(client, talent, department):
    _, a = talent
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 1), approve=False)
    client = logged_in(client, READ_ONLY, [department])
    assert client.get(f"/staffing/leaves/{leave.pk}/approve/").status_code == 403
    assert client.post(f"/staffing/leaves/{leave.pk}/approve/").status_code == 403
    assert Leave.objects.get().status == LeaveStatus.PENDING


def test_recording_and_approving_a_leave_through_the_pages_warns_of_the_uncovered_section(client, talent):
    _, a = talent
    client = logged_in(client, CADRE_SECTION)
    recorded = client.post(
        "/staffing/leaves/new/",
        {"cadre": a.pk, "kind": "休假", "start_date": "2025-06-30", "end_date": "2025-07-01", "handover": "无"},
    )
    leave = Leave.objects.get()
    assert recorded.status_code == 302
    client.force_login(make_user(LEADER))
    preview = client.get(f"/staffing/leaves/{leave.pk}/approve/").content.decode()
    assert f"注意：批准后“人才科”2025-06-30至2025-07-01无人接手（A角{a.name}不在岗，未设B角）" in preview
    approved = client.post(f"/staffing/leaves/{leave.pk}/approve/", follow=True)
    assert approved.redirect_chain[-1][0] == "/staffing/cover/?start=2025-06-30&end=2025-07-01"
    assert [str(m) for m in approved.context["messages"]] == [
        f"已批准{a.name}的请假",
        f"注意：批准后“人才科”2025-06-30至2025-07-01无人接手（A角{a.name}不在岗，未设B角）",
    ]


def test_a_refused_approval_shows_why_and_changes_nothing(client, department):
    _section, a, b = staffed_section("干部科", unit=department)
    make_leave(a, D(2025, 7, 1), D(2025, 7, 3))
    leave = make_leave(b, D(2025, 7, 2), D(2025, 7, 2), approve=False)
    client = logged_in(client, LEADER)
    answer = client.post(f"/staffing/leaves/{leave.pk}/approve/")
    assert answer.status_code == 400
    assert "按规定A、B角不能同时离岗" in answer.content.decode()
    assert Leave.objects.get(pk=leave.pk).status == LeaveStatus.PENDING


def test_a_leave_ending_before_it_starts_is_refused_on_the_form(client, talent):
    _, a = talent
    client = logged_in(client, CADRE_SECTION)
    answer = client.post(
        "/staffing/leaves/new/", {"cadre": a.pk, "kind": "休假", "start_date": "2025-07-02", "end_date": "2025-07-01"}
    )
    assert answer.status_code == 400
    assert "结束日期不能早于开始日期" in answer.content.decode()
    assert not Leave.objects.exists()


def test_changing_a_pairing_through_the_page(client, talent):
    section, a = talent
    new_b = add_member(section)
    client = logged_in(client, CADRE_SECTION)
    answer = client.post(
        f"/staffing/sections/{section.pk}/pairing/",
        {"a": a.pk, "b": new_b.pk, "start_date": "2025-06-16", "approved_by": "部务会", "approved_on": "2025-06-13"},
    )
    assert answer.status_code == 302
    assert Pairing.objects.on(D(2025, 6, 16)).get().b == new_b


def test_the_planner_creates_the_secondments_chosen_on_the_page(client, talent, department):
    street = make_unit("团山街道办事处", kind="街道")
    young = make_cadre(name="魏语薇", unit=street, birth_date=D(1995, 3, 1), entry_date=D(2019, 8, 1))
    for year in (2023, 2024):
        Appraisal.objects.create(cadre=young, year=year, result="称职")
    client = logged_in(client, CADRE_SECTION)
    url = "/staffing/rotation/?start=2025-09-01&months=3&places=1&kind=跟班学习"
    page = client.get(url)
    assert page.status_code == 200
    assert "魏语薇" in page.content.decode()
    answer = client.post(url, {f"pick_{young.pk}": "on", f"section_{young.pk}": talent[0].pk})
    assert answer.status_code == 302
    secondment = Secondment.objects.get(cadre=young)
    assert (secondment.start_date, secondment.planned_end_date, secondment.placement.section) == (
        D(2025, 9, 1),
        D(2025, 11, 30),
        talent[0],
    )


def test_the_planner_only_shows_to_a_leader_who_cannot_create(client, talent):
    client = logged_in(client, LEADER)
    url = "/staffing/rotation/?start=2025-09-01&months=3&places=1"
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 403


def test_a_bad_period_is_a_chinese_error(client, talent):
    answer = logged_in(client, CADRE_SECTION).get("/staffing/rotation/", {"start": "2025-09-01", "months": "13"})
    assert answer.status_code == 400
    assert "时长须为1至12之间的整数" in answer.content.decode()


def test_ticking_nobody_on_the_planner_says_so(client, talent):
    answer = logged_in(client, CADRE_SECTION).post("/staffing/rotation/?start=2025-09-01&months=3&places=1", {})
    assert answer.status_code == 400
    assert "请至少选择一名人选" in answer.content.decode()

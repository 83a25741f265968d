"""Who reaches which staffing page (accounts/roles.py, ROLE_PERMISSIONS). The scoped roles are given the
department's unit, so a refusal here is about the permission, never about the scope."""

import datetime

import pytest

from accounts.roles import CADRE_SECTION, LEADER, READ_ONLY, UNIT_CLERK
from tests.access.helpers import role_id
from tests.factories import make_leave, make_unit, make_user, staffed_section

pytestmark = pytest.mark.django_db
D = datetime.date
ANONYMOUS, NO_ROLE, SUPERUSER = "匿名", "无角色", "超级用户"
PAGES = {
    "board": "/staffing/",
    "board_json": "/staffing.json",
    "cover": "/staffing/cover/",
    "leaves": "/staffing/leaves/",
    "leave_new": "/staffing/leaves/new/",
    "approve": "/staffing/leaves/{leave}/approve/",
    "pairing": "/staffing/sections/{section}/pairing/",
    "review": "/staffing/review/",
    "rotation": "/staffing/rotation/",
}
# fmt: off
EXPECTED = {
    #               board json cover leaves new approve pairing review rotation
    ANONYMOUS:     (302, 302, 302,  302,   302, 302,    302,    302,   302),
    NO_ROLE:       (403, 403, 403,  403,   403, 404,    404,    403,   403),
    LEADER:        (200, 200, 200,  200,   403, 200,    403,    403,   200),
    CADRE_SECTION: (200, 200, 200,  200,   200, 403,    200,    200,   200),
    UNIT_CLERK:    (200, 200, 200,  200,   200, 403,    200,    200,   200),
    READ_ONLY:     (200, 200, 200,  200,   403, 403,    403,    403,   200),
    SUPERUSER:     (200, 200, 200,  200,   200, 200,    200,    200,   200),
}
# fmt: on
CASES = [(who, page, status) for who in EXPECTED for page, status in zip(PAGES, EXPECTED[who], strict=True)]


@pytest.mark.parametrize(("who", "page", "expected"), CASES, ids=[f"{role_id(w)}-{p}" for w, p, _ in CASES])
def test_staffing_access_matrix(client, who, page, expected):
    department = make_unit("中共下陆区委组织部")
    section, a, _ = staffed_section("人才科", staff=1, unit=department)
    leave = make_leave(a, D(2025, 7, 1), D(2025, 7, 1), approve=False)
    if who == SUPERUSER:
        client.force_login(make_user(superuser=True))
    elif who != ANONYMOUS:
        client.force_login(make_user(None if who == NO_ROLE else who, [department]))
    assert client.get(PAGES[page].format(leave=leave.pk, section=section.pk)).status_code == expected

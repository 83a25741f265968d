"""The profile prints what files wrote (九三学社社员, 省委党校研究生) and a date known to the month as a month."""

import datetime

import pytest

from accounts.roles import CADRE_SECTION
from cadres.models import ResumeNote
from tests.factories import make_cadre, make_user

pytestmark = pytest.mark.django_db


def page_of(client, cadre):
    client.force_login(make_user(CADRE_SECTION))
    return client.get(f"/cadres/{cadre.pk}/?as_of=2021-07-31").content.decode()


def test_a_date_known_to_the_month_is_printed_as_a_month(client):
    cadre = make_cadre(
        birth_date=datetime.date(1990, 5, 1),
        birth_month_only=True,
        entry_date=datetime.date(2015, 8, 1),
        entry_month_only=True,
        first_work_date=datetime.date(2015, 7, 13),
    )
    page = page_of(client, cadre)
    assert "<td>1990年5月</td>" in page
    assert "<td>2015年8月</td>" in page
    assert "<td>2015年7月13日</td>" in page


def test_the_written_forms_are_printed_as_written(client):
    cadre = make_cadre(
        political_status="民主党派",
        political_status_written="九三学社社员",
        education="硕士研究生",
        education_written="省委党校研究生",
        education_mode="党校",
        degree="硕士",
        degree_written="公共管理硕士（MPA）",
    )
    page = page_of(client, cadre)
    for text in ("九三学社社员", "省委党校研究生", "公共管理硕士（MPA）"):
        assert text in page


def test_a_resume_line_kept_whole_is_shown_as_written(client):
    cadre = make_cadre()
    ResumeNote.objects.create(cadre=cadre, start_date=None, text="※ 简历由本人填写")
    assert "※ 简历由本人填写" in page_of(client, cadre)

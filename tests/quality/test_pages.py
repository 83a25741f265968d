"""The 校核 page (scoped, grouped by unit, linked) and the check_data command (exit code)."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.factories import make_cadre, make_id_number, make_unit, make_user

pytestmark = pytest.mark.django_db


def incomplete(unit, name):
    return make_cadre(unit=unit, name=name)


def test_page_groups_findings_by_unit_and_links_each_record(client):
    unit = make_unit("甲单位")
    cadre = incomplete(unit, "缺项人")
    client.force_login(make_user("干部科"))
    response = client.get(reverse("quality"))
    assert response.status_code == 200
    [(group_unit, findings)] = response.context["groups"]
    assert group_unit == unit and {f.cadre for f in findings} == {cadre}
    assert reverse("cadre_detail", args=[cadre.pk]) in response.content.decode()


def test_page_shows_only_the_users_units(client):
    own, other = make_unit("本单位"), make_unit("他单位")
    incomplete(own, "本单位人")
    incomplete(other, "他单位人")
    client.force_login(make_user("单位信息员", [own]))
    content = client.get(reverse("quality")).content.decode()
    assert "本单位人" in content and "他单位人" not in content


def test_page_needs_a_login(client):
    assert client.get(reverse("quality")).status_code == 302


def test_command_prints_findings_and_fails():
    incomplete(make_unit("甲单位"), "缺项人")
    out = io.StringIO()
    with pytest.raises(CommandError, match="共发现1处问题"):
        call_command("check_data", stdout=out)
    assert "甲单位 · 缺项人" in out.getvalue()
    assert "缺少必填项 · 缺少：公民身份号码、籍贯、出生地、参加工作时间、健康状况、入党时间" in out.getvalue()


def test_command_with_unit_checks_only_that_unit():
    clean_unit = make_unit("乙单位")
    birth = datetime.date(1990, 3, 15)
    make_cadre(
        unit=clean_unit,
        birth_date=birth,
        id_number=make_id_number(birth),
        native_place="湖北",
        birthplace="湖北",
        first_work_date=datetime.date(2012, 7, 1),
        entry_date=datetime.date(2012, 7, 1),
        party_joined_date=datetime.date(2010, 6, 1),
        health="健康",
    )
    incomplete(make_unit("甲单位"), "缺项人")
    out = io.StringIO()
    call_command("check_data", "--unit", "乙单位", stdout=out)
    assert out.getvalue() == "没有发现问题\n"

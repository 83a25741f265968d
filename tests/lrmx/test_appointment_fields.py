"""拟任职务, 拟免职务, 任免理由 and 到龄年月: kept on the cadre, written to and read from .lrmx and the form."""

import datetime

import pytest

from cadres.lrmx.importer import lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre
from tests.factories import make_full_cadre

from .helpers import AS_OF, FILLED_ON, elements
from .test_form import sheet_of

pytestmark = pytest.mark.django_db

PROPOSED = {
    "proposed_post": "中共下陆区委组织部干部科科长",
    "proposed_removal": "中共下陆区委组织部干部科副科长",
    "appointment_reason": "工作需要，经区委常委会研究",
    "retirement_month": datetime.date(2050, 3, 1),
}


def proposed_cadre():
    cadre = make_full_cadre()
    Cadre.objects.filter(pk=cadre.pk).update(**PROPOSED)
    return Cadre.objects.get(pk=cadre.pk)


def file_of(cadre):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None)


def test_written_to_their_elements():
    root = elements(file_of(proposed_cadre()))
    assert root.findtext("NiRenZhiWu") == PROPOSED["proposed_post"]
    assert root.findtext("NiMianZhiWu") == PROPOSED["proposed_removal"]
    assert root.findtext("RenMianLiYou") == PROPOSED["appointment_reason"]
    assert root.findtext("DaoLingNianYue") == "205003"


def test_retirement_month_left_out_when_unknown():
    assert elements(file_of(make_full_cadre())).find("DaoLingNianYue") is None


def test_read_from_a_file_and_shown_in_the_diff():
    cadre = proposed_cadre()
    content = file_of(cadre)
    Cadre.objects.filter(pk=cadre.pk).update(
        proposed_post="", proposed_removal="", appointment_reason="", retirement_month=None
    )
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert [change.label for change in person.changes] == ["拟任职务", "拟免职务", "任免理由", "到龄年月"]
    lrmx_import_apply(plan=lrmx_import_plan(filename="a.lrmx", content=content, user=None), user=None)
    saved = Cadre.objects.get(pk=cadre.pk)
    assert {name: getattr(saved, name) for name in PROPOSED} == PROPOSED


def test_round_trip_keeps_them():
    first = file_of(proposed_cadre())
    Cadre.objects.all().delete()
    lrmx_import_apply(plan=lrmx_import_plan(filename="1.张三.lrmx", content=first, user=None), user=None)
    assert file_of(Cadre.objects.get()) == first


def test_printed_on_the_form():
    sheet = sheet_of(proposed_cadre())
    values = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {PROPOSED["proposed_post"], PROPOSED["proposed_removal"], PROPOSED["appointment_reason"]} <= values


def test_retirement_month_printed_beside_the_current_post():
    sheet = sheet_of(proposed_cadre())
    assert (sheet["F8"].value, sheet["G8"].value) == ("到龄年月", "2050.03")


def test_unknown_retirement_month_leaves_its_box_empty():
    sheet = sheet_of(make_full_cadre())
    assert (sheet["F8"].value, sheet["G8"].value) == ("到龄年月", None)


@pytest.mark.parametrize(
    "empty", ["<DaoLingNianYue></DaoLingNianYue>", "<DaoLingNianYue/>", "<DaoLingNianYue> </DaoLingNianYue>"]
)
def test_empty_retirement_month_element_clears_it_and_shows_in_the_diff(empty):
    cadre = proposed_cadre()
    content = file_of(cadre).replace(b"<DaoLingNianYue>205003</DaoLingNianYue>", empty.encode())
    plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
    assert [(c.label, c.old, c.new) for c in plan.people[0].changes] == [("到龄年月", "2050.03", "")]
    lrmx_import_apply(plan=plan, user=None)
    assert Cadre.objects.get(pk=cadre.pk).retirement_month is None


def test_file_without_retirement_month_leaves_it_unchanged():
    cadre = proposed_cadre()
    content = file_of(cadre).replace(b"<DaoLingNianYue>205003</DaoLingNianYue>", b"")
    plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
    assert plan.people[0].changes == []
    lrmx_import_apply(plan=plan, user=None)
    assert Cadre.objects.get(pk=cadre.pk).retirement_month == datetime.date(2050, 3, 1)

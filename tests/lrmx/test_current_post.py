"""现任职务: the file carries what the printed form prints (unit, then post); an import keeps the post."""

import datetime

import pytest

from cadres.lrmx.importer import lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre
from tests.factories import make_cadre, make_full_cadre, make_unit

from .helpers import AS_OF, FILLED_ON, elements
from .test_form import sheet_of

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1992, 4, 9)


def file_of(cadre):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None)


def person_xml(**elements):
    body = "".join(f"<{name}>{value}</{name}>" for name, value in elements.items())
    return f"<Person>{body}</Person>".encode()


def post_after_import(content, **options):
    plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None, **options)
    assert plan.problems == []
    lrmx_import_apply(plan=plan, user=None)
    return plan


def organization_cadre(post="干部科科长"):
    return make_cadre(name="王五", birth_date=BIRTH, unit=make_unit("区委组织部"), post=post)


# --- writing ----------------------------------------------------------------------------------------


def test_file_writes_the_unit_then_the_post():
    assert elements(file_of(make_full_cadre())).findtext("XianRenZhiWu") == "区委组织部干部科科长"


def test_file_and_printed_form_carry_the_same_text():
    cadre = make_full_cadre()
    assert elements(file_of(cadre)).findtext("XianRenZhiWu") == sheet_of(cadre)["C8"].value


def test_post_already_naming_its_unit_is_written_once():
    cadre = organization_cadre(post="区委组织部干部科科长")
    assert elements(file_of(cadre)).findtext("XianRenZhiWu") == "区委组织部干部科科长"


def test_no_post_writes_an_empty_element():
    assert elements(file_of(organization_cadre(post=""))).findtext("XianRenZhiWu") == ""


# --- reading ----------------------------------------------------------------------------------------


def test_text_starting_with_the_matched_cadres_unit_stores_the_rest_as_post():
    cadre = organization_cadre()
    plan = post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu="区委组织部组织科科长"))
    assert [(c.label, c.old, c.new) for c in plan.people[0].changes] == [("职务", "干部科科长", "组织科科长")]
    assert Cadre.objects.get(pk=cadre.pk).post == "组织科科长"


def test_text_not_starting_with_the_unit_is_kept_whole():
    cadre = organization_cadre()
    post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu="下陆区委组织部干部科科员"))
    assert Cadre.objects.get(pk=cadre.pk).post == "下陆区委组织部干部科科员"


def test_text_that_is_only_the_unit_name_is_kept_whole():
    cadre = organization_cadre()
    post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu="区委组织部"))
    assert Cadre.objects.get(pk=cadre.pk).post == "区委组织部"


def test_post_alone_as_older_files_wrote_it_is_no_change():
    organization_cadre()
    plan = post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu="干部科科长"))
    assert plan.people[0].changes == []


def test_unchanged_text_keeps_a_post_stored_with_its_unit():
    cadre = organization_cadre(post="区委组织部干部科科长")
    plan = post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu="区委组织部干部科科长"))
    assert plan.people[0].changes == []
    assert Cadre.objects.get(pk=cadre.pk).post == "区委组织部干部科科长"


def test_empty_text_clears_the_post():
    cadre = organization_cadre()
    post_after_import(person_xml(XingMing="王五", ChuShengNianYue="199204", XianRenZhiWu=""))
    assert Cadre.objects.get(pk=cadre.pk).post == ""


def test_new_cadre_drops_the_name_of_the_unit_chosen_for_the_import():
    unit = make_unit("区委宣传部")
    content = person_xml(
        XingMing="赵六",
        XingBie="女",
        ChuShengNianYue="199004",
        QuanRiZhiJiaoYu_XueLi="大学本科",
        XianRenZhiWu="区委宣传部副科长",
        ChengBaoDanWei="别处",
    )
    post_after_import(content, unit=unit)
    assert Cadre.objects.get(name="赵六").post == "副科长"


def test_new_cadre_drops_the_name_of_the_reporting_unit():
    make_unit("区委宣传部")
    content = person_xml(
        XingMing="赵六",
        XingBie="女",
        ChuShengNianYue="199004",
        QuanRiZhiJiaoYu_XueLi="大学本科",
        XianRenZhiWu="区委宣传部副科长",
        ChengBaoDanWei="区委宣传部",
    )
    post_after_import(content)
    assert Cadre.objects.get(name="赵六").post == "副科长"

"""Importing: matching, the field-by-field diff, all or nothing, scope, audit."""

import datetime
import io
import zipfile

import pytest

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.experience_summary import experience_differences
from cadres.importing.problems import ImportRefused
from cadres.lrmx.importer import (
    AMBIGUOUS,
    BIRTH_VS_ID,
    NO_UNIT,
    OUT_OF_SCOPE,
    lrmx_import_apply,
    lrmx_import_plan,
)
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, CadreExperience, ResumeNote
from tests.factories import make_cadre, make_full_cadre, make_id_number, make_unit, make_user

from .helpers import AS_OF, FILLED_ON

pytestmark = pytest.mark.django_db


def file_of(cadre):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None)


def person_xml(**elements):
    body = "".join(f"<{name}>{value}</{name}>" for name, value in elements.items())
    return f"<Person>{body}</Person>".encode()


def test_unchanged_file_gives_no_changes():
    cadre = make_full_cadre()
    plan = lrmx_import_plan(filename="a.lrmx", content=file_of(cadre), user=None)
    assert plan.problems == []
    assert [(p.cadre.pk, p.changes) for p in plan.people] == [(cadre.pk, [])]


def test_diff_lists_each_changed_field_with_old_and_new():
    cadre = make_full_cadre()
    content = file_of(cadre).replace("湖北黄石".encode(), "湖北武汉".encode())
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert [(c.label, c.old, c.new) for c in person.changes] == [("籍贯", "湖北黄石", "湖北武汉")]


def test_diff_shows_the_jianli_text_when_a_post_changes():
    cadre = make_full_cadre()
    content = file_of(cadre).replace("干部科科长</XianRenZhiWu>".encode(), "组织科科长</XianRenZhiWu>".encode())
    content = content.replace("区委组织部干部科科长".encode(), "区委组织部组织科科长".encode())
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    labels = [c.label for c in person.changes]
    assert labels == ["职务", "简历"]
    assert person.changes[1].new.endswith("2016.08--         区委组织部组织科科长")


def test_apply_writes_fields_and_records():
    cadre = make_full_cadre()
    content = file_of(cadre).replace("2019年、2020年年度考核称职".encode(), "2019年、2020年年度考核优秀".encode())
    plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
    lrmx_import_apply(plan=plan, user=None)
    assert list(cadre.appraisals.values_list("year", "result")) == [(2018, "优秀"), (2019, "优秀"), (2020, "优秀")]


def test_match_by_id_number_even_when_name_differs():
    cadre = make_full_cadre()
    content = file_of(cadre).replace("<XingMing>张三</XingMing>".encode(), "<XingMing>张叁</XingMing>".encode())
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert person.cadre.pk == cadre.pk
    assert [(c.old, c.new) for c in person.changes] == [("张三", "张叁")]


def test_match_by_name_and_birth_month_without_id():
    cadre = make_cadre(name="王五", birth_date=datetime.date(1992, 4, 9))
    content = person_xml(XingMing="王五", ChuShengNianYue="199204", JiGuan="湖北")
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert person.cadre.pk == cadre.pk
    assert person.cadre.birth_date == datetime.date(1992, 4, 9)


def test_ambiguous_name_and_birth_month_is_refused():
    unit = make_unit("甲单位")
    make_cadre(name="王五", birth_date=datetime.date(1992, 4, 9), unit=unit)
    make_cadre(name="王五", birth_date=datetime.date(1992, 4, 20), unit=unit)
    plan = lrmx_import_plan(filename="a.lrmx", content=person_xml(XingMing="王五", ChuShengNianYue="199204"), user=None)
    assert plan.people == []
    [problem] = plan.problems
    assert problem.reason == AMBIGUOUS.format(count=2, names="王五（甲单位）、王五（甲单位）")


def test_birth_month_contradicting_the_id_number_is_an_error():
    number = make_id_number(datetime.date(1990, 3, 15))
    content = person_xml(XingMing="赵六", ChuShengNianYue="199004", ShenFenZheng=number)
    [problem] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).problems
    assert problem.reason == BIRTH_VS_ID.format(month="199004", date=datetime.date(1990, 3, 15))


def test_new_cadre_needs_a_unit():
    content = person_xml(XingMing="赵六", ChuShengNianYue="199004", ChengBaoDanWei="不存在的单位")
    [problem] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).problems
    assert (problem.column, problem.reason) == ("ChengBaoDanWei", NO_UNIT.format(text="不存在的单位"))


def test_new_cadre_is_pending_in_the_reported_unit():
    unit = make_unit("区委组织部")
    content = person_xml(
        XingMing="赵六",
        XingBie="女",
        ChuShengNianYue="199004",
        ChengBaoDanWei="区委组织部",
        QuanRiZhiJiaoYu_XueLi="大学本科",
    )
    plan = lrmx_import_plan(filename="a.lrmx", content=content, user=None)
    lrmx_import_apply(plan=plan, user=None)
    cadre = Cadre.objects.get(name="赵六")
    assert (cadre.unit, cadre.status, cadre.birth_month_only, cadre.channel.code) == (unit, "拟录用", True, "qita")


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


def test_one_bad_file_in_a_zip_writes_nothing():
    cadre = make_full_cadre()
    good = file_of(cadre).replace("湖北黄石".encode(), "湖北武汉".encode())
    plan = lrmx_import_plan(filename="a.zip", content=zip_of([("1.张三.lrmx", good), ("2.坏.lrmx", b"<x")]), user=None)
    assert [p.file for p in plan.problems] == ["2.坏.lrmx"]
    with pytest.raises(ImportRefused):
        lrmx_import_apply(plan=plan, user=None)
    cadre.refresh_from_db()
    assert cadre.native_place == "湖北黄石"


def test_failure_while_saving_rolls_back_everything(monkeypatch):
    first = make_full_cadre()
    second = make_full_cadre(name="李雷", unit=first.unit, birth_date=datetime.date(1991, 2, 2))
    files = [
        (f"{n}.lrmx", file_of(c).replace("湖北黄石".encode(), "湖北武汉".encode()))
        for n, c in ((1, first), (2, second))
    ]
    plan = lrmx_import_plan(filename="a.zip", content=zip_of(files), user=None)
    Cadre.objects.filter(pk=second.pk).update(version=99)  # someone else saved it meanwhile
    with pytest.raises(Exception, match="已被他人修改"):
        lrmx_import_apply(plan=plan, user=None)
    assert set(Cadre.objects.values_list("native_place", flat=True)) == {"湖北黄石"}


def test_same_person_twice_in_a_zip_is_an_error():
    cadre = make_full_cadre()
    plan = lrmx_import_plan(
        filename="a.zip", content=zip_of([("1.lrmx", file_of(cadre)), ("2.lrmx", file_of(cadre))]), user=None
    )
    assert [p.file for p in plan.problems] == ["2.lrmx"]


def test_other_units_cadre_is_out_of_scope_for_a_clerk():
    cadre = make_full_cadre()
    clerk = make_user("单位信息员", [make_unit("另一单位")])
    [problem] = lrmx_import_plan(filename="a.lrmx", content=file_of(cadre), user=clerk).problems
    assert problem.reason == OUT_OF_SCOPE


def test_unknown_elements_are_reported_as_ignored():
    cadre = make_full_cadre()
    content = file_of(cadre).replace(b"</Person>", b"<WaiHao>x</WaiHao></Person>")
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert "以下元素本系统不认识，已忽略：WaiHao" in person.notes


def test_a_jianli_line_that_cannot_be_read_is_kept_whole_as_written():
    cadre = make_full_cadre()
    content = file_of(cadre).replace(b"2008.09--2012.07", "二〇〇八年九月".encode())
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    notes = [record for record in person.records["jianli"] if isinstance(record, ResumeNote)]
    assert [(note.start_date, note.text) for note in notes] == [
        (None, "二〇〇八年九月  武汉大学法学院法学专业学习，获学士学位")
    ]
    lrmx_import_apply(plan=lrmx_import_plan(filename="a.lrmx", content=content, user=None), user=None)
    assert (
        file_of(Cadre.objects.get(pk=cadre.pk)).decode("utf-8-sig").count("二〇〇八年九月  武汉大学法学院法学专业学习")
        == 1
    )


def test_jianli_separators_of_other_writers_are_read():
    cadre = make_full_cadre()
    content = file_of(cadre).replace(b"2012.07--2016.08", "2012.07—2016.08".encode())
    [person] = lrmx_import_plan(filename="a.lrmx", content=content, user=None).people
    assert person.changes == []


def test_import_is_audited_per_person():
    cadre = make_full_cadre()
    content = file_of(cadre).replace("湖北黄石".encode(), "湖北武汉".encode())
    lrmx_import_apply(plan=lrmx_import_plan(filename="a.lrmx", content=content, user=None), user=None, source="a.lrmx")
    event = AuditEvent.objects.get(action=CadreAction.LRMX_IMPORT)
    assert event.summary == "导入任免审批表：张三（更新）"
    assert event.data["changed"] == ["籍贯"]


def test_apply_refreshes_the_stored_experience_of_the_records_it_replaces():
    cadre = make_full_cadre()
    assert CadreExperience.objects.get(cadre=cadre).organ_since == datetime.date(2016, 8, 1)
    content = file_of(cadre).replace("2016.08--         区委组织部".encode(), "2015.03--         区委组织部".encode())
    lrmx_import_apply(plan=lrmx_import_plan(filename="a.lrmx", content=content, user=None), user=None)

    assert CadreExperience.objects.get(cadre=cadre).organ_since == datetime.date(2015, 3, 1)
    assert experience_differences() == []

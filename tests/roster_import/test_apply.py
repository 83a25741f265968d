"""Applying a plan: one transaction, history for every row written, and no write over a newer edit."""

import datetime

import pytest

from cadres.experience_summary import experience_differences
from cadres.importing.problems import ImportRefused
from cadres.models import Cadre, CadreExperience, WorkRecord
from cadres.roster_import.load import roster_import_plan
from cadres.roster_import.services import STALE, roster_import_apply
from tests.factories import make_cadre, make_id_number, make_unit, make_user, person, roster_bytes

pytestmark = pytest.mark.django_db

BIRTH = datetime.date(1991, 2, 3)


@pytest.fixture
def unit():
    return make_unit("下陆区委组织部")


def test_an_edit_between_plan_and_apply_refuses_the_whole_import(unit):
    number = make_id_number(BIRTH)
    cadre = make_cadre(name="李四", birth_date=BIRTH, id_number=number, unit=unit, post="科员")
    plan = roster_import_plan(
        roster_bytes([person(), person("李四", birth=BIRTH, 公民身份号码=number, 职务="副科长")]), filename="x.xlsx"
    )
    cadre.notes = "他人刚改过"
    cadre.save()
    with pytest.raises(ImportRefused, match=STALE):
        roster_import_apply(plan=plan)
    cadre.refresh_from_db()
    assert (cadre.post, cadre.notes, Cadre.objects.count()) == ("科员", "他人刚改过", 1)


def test_created_and_updated_cadres_get_history_rows_with_the_importer(unit):
    number = make_id_number(BIRTH)
    cadre = make_cadre(name="李四", birth_date=BIRTH, id_number=number, unit=unit, post="科员")
    user = make_user("干部科")
    plan = roster_import_plan(
        roster_bytes([person(), person("李四", birth=BIRTH, 公民身份号码=number, 职务="副科长")]), filename="x.xlsx"
    )
    batch = roster_import_apply(plan=plan, user=user)
    created = Cadre.objects.get(name="张三")
    assert [(row["cadre"], row["action"]) for row in batch.rows] == [(created.pk, "created"), (cadre.pk, "updated")]
    new = created.history.get()
    assert (new.history_type, new.history_user, new.name, new.unit_id) == ("+", user, "张三", unit.pk)
    latest = cadre.history.order_by("-history_id").first()
    assert (latest.history_type, latest.history_user, latest.post, latest.version) == ("~", user, "副科长", 1)
    assert created.created_at == created.updated_at == new.history_date


def test_new_units_are_created_before_the_cadres_that_name_them(unit):
    plan = roster_import_plan(roster_bytes([person(unit="新下陆街道")]), filename="x.xlsx", create_units=True)
    roster_import_apply(plan=plan)
    cadre = Cadre.objects.get()
    assert cadre.unit.name == "新下陆街道"
    assert cadre.history.get().unit_id == cadre.unit_id


def test_a_known_cadre_moved_into_a_unit_the_same_import_creates(unit):
    number = make_id_number(BIRTH)
    cadre = make_cadre(name="张三", birth_date=BIRTH, id_number=number, unit=unit)
    plan = roster_import_plan(
        roster_bytes([person(birth=BIRTH, 公民身份号码=number, 工作单位="团城山街道")]),
        filename="x.xlsx",
        create_units=True,
    )
    assert plan.counts["updated"] == 1
    roster_import_apply(plan=plan)
    cadre.refresh_from_db()
    assert cadre.unit.name == "团城山街道"
    assert cadre.history.order_by("-history_id").first().unit_id == cadre.unit_id


def test_an_education_record_deleted_between_plan_and_apply_refuses_the_import(unit):
    from cadres.models import EducationRecord
    from tests.roster_import.test_studies import imported, roster

    imported(roster((("大学本科", "学士", "武汉大学法学"), (None, None, None))))
    plan = roster_import_plan(roster((("大学本科", "学士", "武汉大学法学院"), (None, None, None))), filename="x")
    EducationRecord.objects.all().delete()
    with pytest.raises(ImportRefused, match=STALE):
        roster_import_apply(plan=plan)
    assert Cadre.objects.get().version == 0


def test_the_same_id_number_added_by_someone_else_meanwhile_refuses_the_import(unit):
    plan = roster_import_plan(roster_bytes([person()]), filename="x.xlsx")
    (planned,) = plan.people
    make_cadre(name="张三", birth_date=planned.cadre.birth_date, id_number=planned.cadre.id_number, unit=unit)
    with pytest.raises(ImportRefused, match=STALE):
        roster_import_apply(plan=plan)
    assert Cadre.objects.count() == 1


def test_the_same_person_in_two_new_units_is_two_people(unit):
    """Without ID numbers a person is name + birth date + unit; two units the import creates are two units."""
    headers = ["姓名", "性别", "出生年月", "政治面貌", "学历", "工作单位", "进入方式", "进入时间"]
    row = {"姓名": "张伟", "性别": "男", "出生年月": "1990.05", "政治面貌": "中共党员", "学历": "大学本科"}
    row |= {"进入方式": "选调生", "进入时间": datetime.date(2015, 8, 1)}
    rows = [{**row, "工作单位": "新甲街道"}, {**row, "工作单位": "新乙街道"}]
    plan = roster_import_plan(roster_bytes(rows, headers=headers), filename="x.xlsx", create_units=True)
    assert plan.ok, [str(problem) for problem in plan.problems]
    roster_import_apply(plan=plan)
    assert sorted(Cadre.objects.values_list("unit__name", flat=True)) == ["新乙街道", "新甲街道"]


def test_an_import_leaves_the_stored_experience_as_the_records_make_it(unit):
    # The roster writes cadres and new units, never a record or an existing unit's kind.
    number = make_id_number(BIRTH)
    cadre = make_cadre(name="李四", birth_date=BIRTH, id_number=number, unit=unit, post="科员")
    WorkRecord.objects.create(
        cadre=cadre, unit=make_unit("团城山街道", kind="街道"), post="科员", start_date=datetime.date(2015, 8, 1)
    )
    before = list(CadreExperience.objects.values_list("cadre", "grassroots_since", "organ_since"))
    plan = roster_import_plan(
        roster_bytes(
            [person(unit="新下陆街道"), person("李四", birth=BIRTH, 公民身份号码=number, 工作单位="团城山街道")]
        ),
        filename="x.xlsx",
        create_units=True,
    )
    roster_import_apply(plan=plan)

    assert list(CadreExperience.objects.values_list("cadre", "grassroots_since", "organ_since")) == before
    assert experience_differences() == []

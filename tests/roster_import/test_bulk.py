"""The one function that writes with hand-made SQL (bulk_write) writes what Django's ORM writes.

Each row and each history row is compared with those of the same cadre saved through the ORM
(Model.save, django-simple-history's own signal), on SQLite and on PostgreSQL alike.
"""

import datetime

import pytest
from django.utils import timezone

from cadres.models import Cadre, Channel, EducationRecord
from cadres.roster_import.bulk import StaleRowsError, bulk_write
from cadres.roster_import.services import INSERTED, STUDY_FIELDS
from tests.factories import make_cadre, make_id_number, make_unit, make_user

pytestmark = pytest.mark.django_db
BIRTH = datetime.date(1990, 5, 12)
SKIPPED = {"id", "created_at", "updated_at", "history_id", "history_date", "history_user_id", "history_type"}


def cadre_fields(unit, **fields):
    return {
        "name": "张三",
        "gender": "男",
        "birth_date": BIRTH,
        "id_number": make_id_number(BIRTH),
        "political_status": "民主党派",
        "political_status_written": "九三学社社员",
        "education": "硕士研究生",
        "education_written": "省委党校研究生",
        "education_mode": "党校",
        "degree": "硕士",
        "unit": unit,
        "channel": Channel.objects.get(code="xuandiao"),
        "entry_date": datetime.date(2015, 8, 1),
        "entry_month_only": True,
        "notes": "备注",
        **fields,
    }


def row_of(values):
    """The values of INSERTED for a cadre given as field values."""
    return [getattr(values, field.attname) for field in INSERTED]


def comparable(queryset):
    return [{k: v for k, v in row.items() if k not in SKIPPED} for row in queryset.values()]


def test_inserted_rows_and_their_history_are_those_the_orm_writes():
    unit, user = make_unit("甲单位"), make_user("干部科")
    by_orm = Cadre(**cadre_fields(unit))
    by_orm.full_clean()
    by_orm._history_user = user
    by_orm.save()
    now = timezone.now()
    written = Cadre(**cadre_fields(unit, id_number=make_id_number(BIRTH, serial=7)))
    constants = {"created_at": now, "updated_at": now, "version": 0}
    [pk] = bulk_write(Cadre, INSERTED, inserted=[row_of(written)], constants=constants, user_id=user.pk, when=now)
    orm_row, bulk_row = comparable(Cadre.objects.filter(pk__in=[by_orm.pk, pk]).order_by("pk"))
    assert {**bulk_row, "id_number": by_orm.id_number} == orm_row
    orm_history, bulk_history = comparable(Cadre.history.order_by("history_id"))
    assert {**bulk_history, "id_number": by_orm.id_number} == orm_history
    history = Cadre.history.get(id=pk)
    assert (history.history_type, history.history_user_id, history.history_date) == ("+", user.pk, now)


def test_a_versioned_update_is_written_at_the_version_read_and_recorded():
    cadre = make_cadre(post="科员")
    now = timezone.now()
    post = Cadre._meta.get_field("post")
    bulk_write(Cadre, [post], updated=[(cadre.pk, cadre.version, ["副科长"])], versioned=True, when=now)
    cadre.refresh_from_db()
    assert (cadre.post, cadre.version) == ("副科长", 1)
    assert list(Cadre.history.filter(id=cadre.pk).values_list("history_type", "post")) == [
        ("~", "副科长"),
        ("+", "科员"),
    ]


def test_a_stale_version_refuses_the_update():
    cadre = make_cadre(post="科员")
    post = Cadre._meta.get_field("post")
    with pytest.raises(StaleRowsError):
        bulk_write(Cadre, [post], updated=[(cadre.pk, 7, ["副科长"])], versioned=True, when=timezone.now())


def test_history_is_recorded_only_for_the_updated_rows_named():
    first, second = make_cadre(post="科员"), make_cadre(post="科员")
    post = Cadre._meta.get_field("post")
    rows = [(first.pk, 0, ["甲"]), (second.pk, 0, ["乙"])]
    bulk_write(Cadre, [post], updated=rows, versioned=True, when=timezone.now(), recorded=[second.pk])
    assert Cadre.history.filter(history_type="~").get().id == second.pk


def test_rows_of_another_model_inserted_and_corrected_in_one_call(django_assert_max_num_queries):
    cadre = make_cadre()
    record = EducationRecord.objects.create(cadre=cadre, mode="全日制", school="旧大学", education="大学本科")
    inserted = [[cadre.pk, "在职", f"新大学{n}", "", "硕士研究生", "在职研究生", "硕士", ""] for n in range(50)]
    with django_assert_max_num_queries(4):
        bulk_write(
            EducationRecord,
            STUDY_FIELDS,
            inserted=inserted,
            updated=[(record.pk, None, [cadre.pk, "全日制", "武汉大学", "法学", "大学本科", "", "学士", ""])],
            when=timezone.now(),
        )
    assert EducationRecord.objects.count() == 51
    assert EducationRecord.history.filter(history_type="+").count() == 51
    assert EducationRecord.history.filter(history_type="~").get().school == "武汉大学"

"""The stored experience summary (cadres/experience_summary.py) is kept right by every write that can
change it, in the same transaction, and can be checked and rebuilt."""

import datetime
import io
import json
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from cadres import experience_summary
from cadres.experience_summary import experience_differences, summary_is_stale
from cadres.management.commands.rebuild_experience import CLEAN, FOUND, REBUILT
from cadres.models import Cadre, CadreExperience, WorkRecord
from tests.factories import make_cadre, make_secondment, make_unit, make_work_record

pytestmark = pytest.mark.django_db

D = datetime.date
AS_OF = D(2021, 7, 31)


def stored(cadre):
    return CadreExperience.objects.filter(cadre=cadre).values_list("grassroots_since", "organ_since").first()


@pytest.fixture
def township():
    return make_unit("团城山街道", kind="街道")


def test_the_stored_day_is_when_the_months_are_reached(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), unit=township)
    make_secondment(cadre, D(2020, 1, 1), D(2020, 3, 1), to_unit=make_unit(kind="党政机关"))

    assert stored(cadre) == (D(2021, 7, 31), D(2020, 1, 1))


def test_a_cadre_with_neither_experience_has_no_row():
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), unit=make_unit(kind="事业单位"))

    assert stored(cadre) is None


def test_a_record_is_not_saved_when_its_summary_cannot_be(township):
    cadre = make_cadre()
    with mock.patch.object(experience_summary, "summaries", side_effect=RuntimeError), pytest.raises(RuntimeError):
        make_work_record(cadre, D(2019, 8, 1), unit=township)

    assert not WorkRecord.objects.filter(cadre=cadre).exists()


def test_editing_a_record_refreshes_the_summary(township):
    cadre = make_cadre()
    record = make_work_record(cadre, D(2019, 8, 1), D(2021, 7, 30), unit=township)
    assert stored(cadre) is None
    record.end_date = D(2021, 7, 31)
    record.save()

    assert stored(cadre) == (D(2021, 7, 31), None)


def test_deleting_a_record_refreshes_the_summary(township):
    cadre = make_cadre()
    record = make_work_record(cadre, D(2019, 8, 1), unit=township)
    record.delete()

    assert stored(cadre) is None


def test_moving_a_record_to_another_cadre_refreshes_both(township):
    first, second = make_cadre(name="甲"), make_cadre(name="乙")
    record = make_work_record(first, D(2019, 8, 1), unit=township)
    record.cadre = second
    record.save()

    assert (stored(first), stored(second)) == (None, (D(2021, 7, 31), None))


def test_changing_a_units_kind_refreshes_everyone_who_served_there(township):
    posted, seconded_there = make_cadre(name="甲"), make_cadre(name="乙")
    make_work_record(posted, D(2019, 8, 1), unit=township)
    make_secondment(seconded_there, D(2019, 8, 1), to_unit=township)
    township.kind = "党政机关"
    township.save()

    assert stored(posted) == stored(seconded_there) == (None, D(2019, 8, 1))


def test_renaming_a_unit_reads_no_record(township, django_assert_num_queries):
    make_work_record(make_cadre(), D(2019, 8, 1), unit=township)
    township.name = "团城山街道办事处"
    # The unit's kind before the save, the update and its history row, within one savepoint.
    with django_assert_num_queries(5):
        township.save()


def test_deleting_a_cadre_deletes_their_summary(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), unit=township)
    make_secondment(cadre, D(2020, 1, 1), to_unit=township)
    cadre.delete()
    connection.check_constraints()  # what a commit would check (PostgreSQL defers foreign keys)

    assert not CadreExperience.objects.exists()


def test_loaddata_of_records_refreshes_the_summary(tmp_path, township):
    cadre = make_cadre()
    fixture = tmp_path / "records.json"
    fields = {"cadre": cadre.pk, "unit": township.pk, "post": "科员", "start_date": "2019-08-01"}
    fixture.write_text(json.dumps([{"model": "cadres.workrecord", "pk": 999, "fields": fields}]))
    call_command("loaddata", str(fixture), verbosity=0)

    assert stored(cadre) == (D(2021, 7, 31), None)


def test_restore_rebuilds_the_summary_and_backup_leaves_it_out(tmp_path, township):
    cadre = make_cadre()
    make_work_record(cadre, D(2019, 8, 1), unit=township)
    path = tmp_path / "backup.json"
    call_command("backup", str(path), stdout=io.StringIO())
    assert "cadres.cadreexperience" not in path.read_text()
    CadreExperience.objects.all().delete()
    connection.check_constraints()
    call_command("restore", str(path), yes=True, stdout=io.StringIO())

    assert stored(Cadre.objects.get()) == (D(2021, 7, 31), None)


def test_a_summary_for_another_months_setting_is_stale_and_migrate_rebuilds_it(township):
    cadre = make_cadre()
    make_work_record(cadre, D(2020, 8, 1), unit=township)
    with override_settings(GRASSROOTS_MONTHS=12):
        assert summary_is_stale()
        call_command("migrate", verbosity=0)
        assert not summary_is_stale()
        assert stored(cadre) == (D(2021, 7, 31), None)


def test_a_summary_never_computed_is_stale(township):
    make_work_record(make_cadre(), D(2019, 8, 1), unit=township)
    CadreExperience.objects.all().delete()

    assert summary_is_stale()


def test_check_lists_the_cadres_whose_row_differs_and_rebuild_mends_them(township):
    cadre = make_cadre(name="王晓红")
    make_work_record(cadre, D(2019, 8, 1), unit=township)
    CadreExperience.objects.filter(cadre=cadre).update(grassroots_since=D(2030, 1, 1))
    out = io.StringIO()
    with pytest.raises(CommandError, match=FOUND.format(count=1)):
        call_command("rebuild_experience", check=True, stdout=out)
    assert f"王晓红（编号{cadre.pk}）" in out.getvalue()

    out = io.StringIO()
    call_command("rebuild_experience", stdout=out)
    assert out.getvalue().strip() == REBUILT
    assert experience_differences() == []
    out = io.StringIO()
    call_command("rebuild_experience", check=True, stdout=out)
    assert out.getvalue().strip() == CLEAN

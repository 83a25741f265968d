"""Export → import of our own files changes nothing: the demo as a zip, with dates on any day of the
month, every 政治面貌, photos, family and long 简历; and a generated roster of several thousand people."""

import datetime
import io
import random

import pytest
from django.core.management import call_command

from cadres.choices import PoliticalStatus
from cadres.importing.outcome import UNCHANGED
from cadres.lrmx.importer import lrmx_import_plan
from cadres.lrmx.writer import lrmx_cadres, lrmx_files, write_lrmx_zip
from cadres.models import Cadre, WorkRecord
from cadres.roster_import.load import roster_import_read
from cadres.roster_import.services import roster_import_apply
from tests.factories import make_id_number, make_photo, make_unit, person, roster_bytes

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2021, 7, 31)
FILLED_ON = datetime.date(2021, 8, 2)
PARTIES = ["九三学社社员", "中国民主同盟盟员", "民进会员", "致公党党员", "民主党派"]


def exported_zip(cadres):
    buffer = io.BytesIO()
    files = lrmx_files(lrmx_cadres(cadres).order_by("pk"), as_of=AS_OF, filled_on=FILLED_ON, user=None)
    write_lrmx_zip(files, buffer)
    return buffer.getvalue()


def actions(plan):
    assert plan.problems == [], [str(problem) for problem in plan.problems[:5]]
    changed = [(person.filename, person.change_lines) for person in plan.people if person.action != UNCHANGED]
    return changed


def on_any_day(day, rng):
    return None if day is None else day.replace(day=rng.randint(1, 28))


def test_the_demo_zipped_imports_back_with_every_person_unchanged():
    call_command("loaddata", "fixtures/demo.json", verbosity=0)
    rng = random.Random(20210731)
    for cadre in Cadre.objects.all():
        cadre.first_work_date = on_any_day(cadre.first_work_date, rng)
        cadre.party_joined_date = on_any_day(cadre.party_joined_date, rng)
        Cadre.objects.filter(pk=cadre.pk).update(
            first_work_date=cadre.first_work_date, party_joined_date=cadre.party_joined_date
        )
    # Every 政治面貌; the 民主党派 members with their party as written and the date they joined it.
    masses = list(Cadre.objects.filter(political_status=PoliticalStatus.MASSES).order_by("pk"))
    for cadre, party in zip(masses, PARTIES, strict=False):
        written = "" if party == PoliticalStatus.DEMOCRATIC_PARTY else party
        Cadre.objects.filter(pk=cadre.pk).update(
            political_status=PoliticalStatus.DEMOCRATIC_PARTY,
            political_status_written=written,
            party_joined_date=datetime.date(2015, 3, rng.randint(1, 28)),
        )
    Cadre.objects.filter(pk=masses[-1].pk).update(political_status=PoliticalStatus.NON_PARTY)
    assert set(Cadre.objects.values_list("political_status", flat=True)) == set(PoliticalStatus.values)
    for cadre in Cadre.objects.order_by("pk")[:5]:
        make_photo(cadre, size=(300, 400))
    long = Cadre.objects.order_by("pk").first()
    for year in range(1995, 2009):
        WorkRecord.objects.create(
            cadre=long, unit_name=f"某县某局第{year - 1994}科", post="科员", start_date=datetime.date(year, 3, 1),
            end_date=datetime.date(year + 1, 2, 28),
        )  # fmt: skip
    plan = lrmx_import_plan(filename="下陆区.zip", content=exported_zip(Cadre.objects.all()), user=None)
    assert actions(plan) == []
    assert len(plan.people) == Cadre.objects.count()


def test_several_thousand_people_of_a_roster_go_through_lrmx_unchanged(django_assert_max_num_queries):
    """A roster of 3,000 imported, exported as a zip of .lrmx, imported back: nobody changed."""
    units = [make_unit(f"第{number}局") for number in range(10)]
    people = []
    for index in range(3000):
        birth = datetime.date(1980, 1, 1) + datetime.timedelta(days=index * 3)
        gender = "男" if index % 2 else "女"
        people.append(
            person(
                f"干部{index}",
                unit=units[index % 10].name,
                birth=birth,
                gender=gender,
                公民身份号码=make_id_number(birth, gender, serial=index % 500),
                进入时间=datetime.date(2010 + index % 11, 1 + index % 12, 1 + index % 28),
            )
        )
    _sheet, plan = roster_import_read(roster_bytes(people), filename="名册.xlsx")
    assert plan.ok, [str(problem) for problem in plan.problems[:5]]
    roster_import_apply(plan=plan)
    content = exported_zip(Cadre.objects.all())
    again = lrmx_import_plan(filename="全区.zip", content=content, user=None)
    assert actions(again) == []
    assert len(again.people) == 3000

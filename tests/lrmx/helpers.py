"""A cadre with every record kind the .lrmx form carries, and small helpers to read files back."""

import datetime

from defusedxml.ElementTree import fromstring

from cadres.models import Appraisal, EducationRecord, FamilyMember, RewardPunishment, WorkRecord
from tests.factories import make_cadre, make_id_number, make_unit

AS_OF = datetime.date(2021, 7, 31)
FILLED_ON = datetime.date(2021, 8, 2)


def make_full_cadre(*, unit=None, name="张三", birth_date=datetime.date(1990, 3, 15), id_number=None):
    """Return a cadre with education (全日制 and 在职), work, family, appraisals and rewards."""
    unit = unit or make_unit("区委组织部")
    cadre = make_cadre(
        name=name,
        unit=unit,
        birth_date=birth_date,
        id_number=id_number if id_number is not None else make_id_number(birth_date, "男"),
        native_place="湖北黄石",
        birthplace="湖北大冶",
        party_joined_date=datetime.date(2010, 6, 1),
        first_work_date=datetime.date(2012, 7, 1),
        entry_date=datetime.date(2012, 7, 1),
        health="健康",
        professional_title="经济师",
        specialty="组织人事工作",
        post="干部科科长",
        education="硕士研究生",
        degree="硕士",
    )
    EducationRecord.objects.create(
        cadre=cadre,
        mode="全日制",
        school="武汉大学法学院",
        major="法学",
        education="大学本科",
        degree="学士",
        start_date=datetime.date(2008, 9, 1),
        end_date=datetime.date(2012, 7, 1),
    )
    EducationRecord.objects.create(
        cadre=cadre,
        mode="在职",
        school="华中师范大学",
        major="公共管理",
        education="硕士研究生",
        degree="硕士",
        start_date=datetime.date(2014, 9, 1),
        end_date=datetime.date(2017, 6, 1),
    )
    WorkRecord.objects.create(
        cadre=cadre,
        unit_name="黄石市下陆区团陆街道办事处",
        post="科员",
        start_date=datetime.date(2012, 7, 1),
        end_date=datetime.date(2016, 8, 1),
    )
    WorkRecord.objects.create(cadre=cadre, unit=unit, post="干部科科长", start_date=datetime.date(2016, 8, 1))
    FamilyMember.objects.create(
        cadre=cadre,
        relation="妻子",
        name="李四",
        birth_date=datetime.date(1991, 5, 1),
        political_status="中共党员",
        work_and_post="下陆区教育局干部",
        sort_order=1,
    )
    FamilyMember.objects.create(
        cadre=cadre, relation="父亲", name="张大", political_status="群众", work_and_post="已去世", sort_order=2
    )
    for year, result in ((2018, "优秀"), (2019, "称职"), (2020, "称职")):
        Appraisal.objects.create(cadre=cadre, year=year, result=result)
    RewardPunishment.objects.create(
        cadre=cadre, kind="奖励", date=datetime.date(2019, 12, 1), description="被评为优秀公务员", authority="区委"
    )
    return cadre


def elements(content):
    """Return the <Person> element of a file's bytes."""
    return fromstring(content)

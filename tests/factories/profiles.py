"""Builders of whole cadres: one with every kind of record, as the profile, the .lrmx file and the printed
form show them."""

import datetime

from accounts.roles import CADRE_SECTION
from cadres.models import (
    Appraisal,
    EducationRecord,
    FamilyMember,
    RewardPunishment,
    Secondment,
    Training,
    WorkRecord,
)

from .pool import make_membership
from .records import make_cadre, make_id_number, make_unit, make_user

D = datetime.date


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
        education_mode="在职",
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


def cadre_with_every_record(*, copies=1, unit=None):
    """Return a cadre with `copies` records of every kind and of pool stays, each with a status change."""
    unit = unit or make_unit("下陆区委组织部")
    user = make_user(CADRE_SECTION)
    other = make_unit()
    birth = D(1990, 3, 15)
    cadre = make_cadre(
        unit=unit,
        name="李明",
        birth_date=birth,
        id_number=make_id_number(birth),
        entry_date=D(2012, 7, 15),
        first_work_date=D(2012, 7, 15),
        party_joined_date=D(2010, 6, 1),
        party_confirmed_date=D(2011, 6, 1),
    )
    for i in range(copies):
        EducationRecord.objects.create(
            cadre=cadre,
            mode="全日制",
            school=f"武汉大学{i}",
            major="法学",
            education="大学本科",
            degree="学士",
            start_date=D(2004 + i, 9, 1),
            end_date=D(2008 + i, 7, 1),
        )
        EducationRecord.objects.create(
            cadre=cadre,
            mode="在职",
            school=f"中央党校{i}",
            major="经济管理",
            start_date=D(2014, 9, 1 + i),
            end_date=D(2017, 6, 30),
        )
        WorkRecord.objects.create(
            cadre=cadre,
            unit=unit,
            post=f"干部科科员{i}",
            rank="一级科员",
            start_date=D(2012, 7, 15 + i),
            end_date=D(2018, 1, 1),
        )
        WorkRecord.objects.create(
            cadre=cadre, unit_name=f"区外单位{i}", unit_kind="乡镇", post="副镇长", start_date=D(2018, 1, 2 + i)
        )
        Secondment.objects.create(
            cadre=cadre,
            kind="跟班学习",
            from_unit=unit,
            to_unit=other,
            purpose=f"轮岗学习{i}",
            start_date=D(2019, 3, 1 + i),
            end_date=D(2019, 9, 1),
        )
        Training.objects.create(
            cadre=cadre,
            name=f"中青年干部培训班{i}",
            organizer="区委党校",
            hours=40,
            start_date=D(2020, 4, 1 + i),
            end_date=D(2020, 5, 1),
        )
        Appraisal.objects.create(cadre=cadre, year=2015 + i, result="优秀")
        RewardPunishment.objects.create(
            cadre=cadre, kind="奖励", date=D(2019, 12, 1 + i), description=f"嘉奖{i}", authority="区人民政府"
        )
        FamilyMember.objects.create(
            cadre=cadre,
            relation="父亲",
            name=f"李大{i}",
            birth_date=D(1960, 1, 1),
            political_status="群众",
            work_and_post="退休",
        )
        make_membership(
            cadre,
            D(2013 + i, 1, 1),
            (D(2013 + i, 3, 1), "已列为考察对象"),
            left=D(2013 + i, 6, 1),
            recommended_by="党委",
            reason=f"推荐{i}",
            user=user,
        )
    return cadre

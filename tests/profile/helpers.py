"""A cadre with one or more of every record kind, for the profile tests."""

import datetime

from cadres.models import (
    Appraisal,
    EducationRecord,
    FamilyMember,
    PoolMembership,
    PoolStatusChange,
    RewardPunishment,
    Secondment,
    Training,
    WorkRecord,
)
from tests.factories import make_cadre, make_id_number, make_unit

D = datetime.date


def cadre_with_every_record(*, copies=1, unit=None):
    """Return a cadre with `copies` records of every kind and a pool membership with a status change."""
    unit = unit or make_unit("下陆区委组织部")
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
        membership = PoolMembership.objects.create(
            cadre=cadre,
            entered_on=D(2010 + i, 1, 1),
            left_on=D(2010 + i, 6, 1),
            recommended_by="党委",
            reason=f"推荐{i}",
        )
        PoolStatusChange.objects.create(membership=membership, status="年轻干部", changed_on=D(2010 + i, 1, 1))
        PoolStatusChange.objects.create(membership=membership, status="已列为考察对象", changed_on=D(2010 + i, 3, 1))
    return cadre

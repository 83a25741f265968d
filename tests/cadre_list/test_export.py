"""The cadre list export: chosen columns, masking, formula escaping, streaming, permission and audit."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import LEADER, READ_ONLY
from audit.models import AuditEvent
from cadres.models import Appraisal, Cadre, EducationRecord
from cadres.resume import resume_text
from reports.cadre_list import export as cadre_list_export
from reports.cadre_list.export import COLUMNS, DEFAULT_COLUMNS
from tests.factories import make_cadre, make_id_number, make_membership, make_unit, make_user, make_work_record
from tests.reports.helpers import load_workbook, roster_records, url

from .helpers import EXPORT_URL, ROSTER_URL

pytestmark = pytest.mark.django_db

D = datetime.date
AS_OF = ("as_of", "2021-07-31")


def exported(client, params):
    response = client.get(url(EXPORT_URL, params))
    assert response.status_code == 200, response.content
    return load_workbook(response)["干部名单"]


def test_at_least_thirty_columns_to_choose_from():
    assert len(COLUMNS) >= 30
    assert len({column.key for column in COLUMNS}) == len(COLUMNS)


def test_default_columns_when_none_are_chosen(admin_client):
    make_cadre(name="甲")

    sheet = exported(admin_client, [AS_OF])

    headers = next(sheet.iter_rows(values_only=True))
    assert list(headers) == [
        "序号",
        "姓名",
        "性别",
        "出生日期",
        "年龄（2021-07-31）",
        "工作单位（2021-07-31）",
        "职务（2021-07-31）",
        "进入方式",
        "进入时间",
        "状态（2021-07-31）",
    ]
    assert [column.key for column in COLUMNS if column.key in DEFAULT_COLUMNS] == DEFAULT_COLUMNS


def test_chosen_columns_in_the_catalogue_order_with_their_values(admin_client):
    township = make_unit("某镇", kind="乡镇")
    cadre = make_cadre(name="甲", birth_date=D(1990, 8, 1), unit=township, notes="备注")
    make_work_record(cadre, D(2015, 8, 1), D(2018, 12, 31), unit=township, post="科员")
    make_work_record(cadre, D(2019, 1, 1), unit_name="外区某局", unit_kind="党政机关", post="副科长")
    Appraisal.objects.create(cadre=cadre, year=2019, result="称职")
    Appraisal.objects.create(cadre=cadre, year=2020, result="优秀")
    make_membership(cadre, D(2020, 1, 1))
    columns = ["work_history", "age", "name", "grassroots", "organ", "appraisal", "pool_status", "recent"]

    records = roster_records(exported(admin_client, [AS_OF, *(("columns", key) for key in columns)]))

    assert records == [
        {
            "序号": 1,
            "姓名": "甲",
            "年龄（2021-07-31）": 30,
            "近三年招录": "否",
            "年轻干部库（2021-07-31）": "年轻干部",
            "基层经验（2021-07-31）": "有",
            "机关阅历（2021-07-31）": "有",
            "最近年度考核": "2020年度优秀",
            "简历": "2015.08--2018.12  某镇科员\n2019.01--         外区某局副科长",
        }
    ]


def test_resume_column_is_the_profile_resume_as_it_read_on_as_of(admin_client):
    township = make_unit("某镇", kind="乡镇")
    cadre = make_cadre(name="甲", unit=township)
    EducationRecord.objects.create(
        cadre=cadre,
        mode="全日制",
        school="武汉大学",
        major="法学",
        degree="学士",
        start_date=D(2011, 9, 1),
        end_date=D(2015, 7, 1),
    )
    make_work_record(cadre, D(2015, 8, 1), D(2021, 12, 31), unit=township, post="科员")
    make_work_record(cadre, D(2022, 1, 1), unit=township, post="副镇长")
    columns = [("columns", "work_history")]

    today = roster_records(exported(admin_client, [("as_of", "2022-03-01"), *columns]))[0]["简历"]
    past = roster_records(exported(admin_client, [AS_OF, *columns]))[0]["简历"]

    assert today == resume_text(Cadre.objects.get(pk=cadre.pk))
    assert past == "2011.09--2015.07  武汉大学法学专业学习，获学士学位\n2015.08--         某镇科员"


def test_resume_column_leaves_out_undated_education_on_any_date(admin_client):
    township = make_unit("某镇", kind="乡镇")
    cadre = make_cadre(name="甲", unit=township)
    EducationRecord.objects.create(cadre=cadre, mode="全日制", school="武汉大学", major="法学")
    make_work_record(cadre, D(2015, 8, 1), unit=township, post="科员")
    columns = [("columns", "work_history")]

    for as_of in ("2021-07-31", "2010-01-01"):
        records = roster_records(exported(admin_client, [("as_of", as_of), *columns]))
        assert records[0]["简历"] == ("2015.08--         某镇科员" if as_of > "2015" else None)


def test_unknown_column_is_refused_in_chinese(admin_client):
    response = admin_client.get(url(EXPORT_URL, [AS_OF, ("columns", "salary")]))

    assert response.status_code == 400
    assert "未知的列：“salary”" in response.content.decode()


def test_header_repeats_on_every_printed_page(admin_client):
    make_cadre()

    sheet = exported(admin_client, [AS_OF])

    assert sheet.print_title_rows == "$1:$1"


def test_text_that_would_start_a_formula_is_stored_as_text(admin_client):
    make_cadre(name="=HYPERLINK(1)", notes="+1")

    sheet = exported(admin_client, [AS_OF, ("columns", "name"), ("columns", "notes")])

    name, notes = sheet["B2"], sheet["C2"]
    assert (name.value, name.data_type, name.quotePrefix) == ("=HYPERLINK(1)", "s", True)
    assert (notes.value, notes.data_type, notes.quotePrefix) == ("+1", "s", True)


def test_id_numbers_are_masked_for_roles_that_may_not_see_them(client):
    unit = make_unit()
    number = make_id_number(D(1990, 1, 1))
    make_cadre(id_number=number, unit=unit)
    leader = make_user(LEADER)
    client.force_login(leader)

    full = roster_records(exported(client, [AS_OF, ("columns", "id_number")]))[0]["公民身份号码"]

    assert full == number
    # A role that may export but not see numbers: the leaders' role without the permission.
    leader.groups.get().permissions.remove(Permission.objects.get(codename="view_id_number"))
    masked = roster_records(exported(client, [AS_OF, ("columns", "id_number")]))[0]["公民身份号码"]
    assert masked == number[:6] + "********" + number[-4:]


def test_read_only_users_may_not_export(client):
    unit = make_unit()
    make_cadre(unit=unit)
    client.force_login(make_user(READ_ONLY, [unit]))

    assert client.get(url(EXPORT_URL, [AS_OF])).status_code == 403
    assert "导出所选列" not in client.get(url(ROSTER_URL, [AS_OF])).content.decode()


def test_an_export_is_audited(admin_client):
    make_cadre()
    make_cadre()

    exported(admin_client, [AS_OF, ("channel", "xuandiao"), ("columns", "name")])

    event = AuditEvent.objects.get(action="cadres.roster.exported")
    assert event.summary == "截至2021年7月31日，2人，1列"
    assert event.data == {"query": "as_of=2021-07-31&channel=xuandiao&columns=name", "columns": ["name"], "rows": 2}


def test_export_needs_no_query_per_row(admin_client, django_assert_num_queries):
    every_column = [("columns", column.key) for column in COLUMNS]

    def add(count):
        for _ in range(count):
            cadre = make_cadre(unit=make_unit(kind="街道"))
            make_work_record(cadre, D(2016, 1, 1), unit=cadre.unit)
            Appraisal.objects.create(cadre=cadre, year=2020, result="优秀")
            make_membership(cadre, D(2020, 1, 1))

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert len(roster_records(exported(admin_client, [AS_OF, *every_column]))) == 2
    add(30)

    with django_assert_num_queries(len(few)):
        assert len(roster_records(exported(admin_client, [AS_OF, *every_column]))) == 32


def test_export_reads_the_cadres_in_chunks(admin_client, monkeypatch):
    monkeypatch.setattr(cadre_list_export, "CHUNK_SIZE", 2)
    for _ in range(5):
        make_cadre(unit=make_unit())

    with CaptureQueriesContext(connection) as queries:
        records = roster_records(exported(admin_client, [AS_OF, ("columns", "appraisal")]))

    assert len(records) == 5
    # One prefetch of appraisals per chunk of two: three chunks.
    assert sum('"cadres_appraisal"' in query["sql"] for query in queries.captured_queries) == 3

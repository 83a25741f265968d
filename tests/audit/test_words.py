"""The audit page says each event's parameters and results in words, never a dict or a list of codes."""

import pytest

from audit.models import AuditEvent
from audit.words import describe
from cadres.models import ImportBatch
from tests.factories import make_unit, make_user

pytestmark = pytest.mark.django_db


def test_excluded_intakes_are_named():
    params = {
        "as_of": "2021-07-31",
        "max_age": 35,
        "recent_years": 3,
        "excluded": [{"year": 2021, "channel": "gongwuyuan"}, {"year": 2021, "channel": "shiye"}],
        "unit": None,
    }
    words = describe({"params": params, "rows": 146})
    assert words == "146人；口径：截至2021年7月31日，35周岁以下，近3年招录，不含2021年公务员招录、事业单位招聘"


def test_a_roster_export_says_its_columns_and_people():
    words = describe({"query": "", "columns": ["name", "gender", "recent"], "rows": 53})
    assert words == "3列（姓名、性别、近三年招录），53人；筛选：无（全部）"


def test_a_roster_query_is_said_by_its_filters():
    unit = make_unit("团山街道办事处")
    query = (
        f"unit={unit.pk}&gender=女&channel=xuandiao&channel=diaoru&grassroots=0&exclude=2021:公务员&page=3&sort=name"
    )
    words = describe({"query": query, "count": 2, "page": 3})
    assert words == (
        "共2人，第3页；筛选：单位（含下级单位） 团山街道办事处，性别 女，进入方式 选调生、调入，缺乏基层经验，"
        "不含2021年公务员招录"
    )


def test_an_import_batch_is_named_by_its_file_not_its_id():
    batch = ImportBatch.objects.create(filename="花名册.xlsx", sha256="0" * 64, created_count=3)
    named = f"{batch.time_in_words()} 导入的花名册“花名册.xlsx”"
    assert describe({"batch": batch.pk, "created": 3}) == f"导入批次：{named}，新增3人"
    assert describe({"query": f"batch={batch.pk}", "count": 3}) == f"共3人；筛选：导入批次 {named}"
    assert describe({"batch": 999999}) == "导入批次：已删除的导入记录"


def test_the_trend_says_its_months():
    params = {"start": "2024-01", "end": "2025-12", "max_age": 35, "recent_years": 3, "excluded": [], "unit": None}
    assert describe({"params": params, "months": 24}) == "24个月；口径：2024年1月至2025年12月，35周岁以下，近3年招录"


def test_record_ids_are_left_to_the_summary_and_dates_are_written_out():
    words = describe(
        {"cadre": 7, "membership": 3, "from": "年轻干部", "to": "已列为考察对象", "changed_on": "2021-08-01"}
    )
    assert words == "原为“年轻干部”，改为“已列为考察对象”，变更日期2021年8月1日"


def test_a_background_job_is_named_by_its_kind():
    assert describe({"job": "c0ffee", "kind": "lrmx_zip", "query": "gender=男"}) == (
        "任务：任免审批表（.lrmx 压缩包）；筛选：性别 男"
    )


def test_an_unknown_key_is_not_shown_raw():
    assert describe({"internal_flags": ["a", "b"], "rows": 1}) == "1人"


def test_the_audit_page_shows_the_words_and_reads_the_names_once(client, django_assert_max_num_queries):
    leader = make_user(superuser=True)
    for rows in range(20):
        AuditEvent.objects.create(
            username="someone",
            action="cadres.roster.exported",
            data={"query": "channel=xuandiao&unit=1", "columns": ["name", "unit"], "rows": rows},
        )
    client.force_login(leader)

    with django_assert_max_num_queries(12):
        html = client.get("/audit/").content.decode()

    assert "2列（姓名、工作单位），19人；筛选：进入方式 选调生" in html
    assert "{" not in html.split('class="table audit-table"')[1]


def test_the_words_do_not_depend_on_the_order_the_data_comes_in():
    """PostgreSQL's jsonb returns keys sorted by length, SQLite as written: the words must be the same."""
    data = {"query": "gender=男", "columns": ["name", "gender"], "rows": 53}
    assert describe(data) == describe(dict(reversed(list(data.items())))) == "2列（姓名、性别），53人；筛选：性别 男"

"""`manage.py import_roster`: counts on success, every problem and no write on failure."""

import datetime
import getpass
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.management.commands import import_roster
from cadres.models import Cadre, ImportBatch, Unit
from cadres.roster_import.load import roster_import_plan
from cadres.roster_import.plan import (
    MAX_PROBLEMS,
    TOO_MANY_PROBLEMS,
    UNIT_CREATE_FORBIDDEN,
    UNIT_FORBIDDEN,
    WHOLE_ROW,
)
from cadres.roster_import.reader import TOO_MANY_ROWS
from cadres.roster_import.services import roster_import_apply
from tests.factories import (
    HEADERS,
    junk_roster_bytes,
    make_cadre,
    make_id_number,
    make_unit,
    make_user,
    person,
    roster_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return make_unit("下陆区委组织部")


def write(tmp_path, people, **options):
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(roster_bytes(people, **options))
    return path


def run(*args):
    return call_command("import_roster", *map(str, args))


def test_success_prints_counts_and_records_the_import(unit, tmp_path, capsys):
    birth = datetime.date(1991, 2, 3)
    number = make_id_number(birth)
    make_cadre(name="李四", birth_date=birth, id_number=number, unit=unit, post="科员")
    run(write(tmp_path, [person(), person("李四", birth=birth, 公民身份号码=number, 职务="副科长")]))
    out = capsys.readouterr().out
    assert import_roster.COUNTS.format(created=1, updated=1, unchanged=0) in out
    assert Cadre.objects.get(id_number=number).post == "副科长"
    batch = ImportBatch.objects.get()
    assert (batch.filename, batch.created_count, batch.updated_count, batch.sheet) == ("花名册.xlsx", 1, 1, "花名册")
    assert [row["action"] for row in batch.rows] == ["created", "updated"]
    assert batch.rows[1]["changes"] == {"post": ["科员", "副科长"]}
    assert AuditEvent.objects.get(action=CadreAction.ROSTER_IMPORT).data["batch"] == batch.pk


def test_update_keeps_history_and_bumps_the_version(unit, tmp_path):
    birth = datetime.date(1991, 2, 3)
    number = make_id_number(birth)
    cadre = make_cadre(name="李四", birth_date=birth, id_number=number, unit=unit, post="科员")
    run(write(tmp_path, [person("李四", birth=birth, 公民身份号码=number, 职务="副科长")]))
    cadre.refresh_from_db()
    assert cadre.version == 1
    assert cadre.history.count() == 2


def test_one_bad_row_at_the_end_leaves_the_database_unchanged(unit, tmp_path, capsys):
    people = [person(f"干部{i}", birth=datetime.date(1990, 1, 1 + i)) for i in range(20)]
    people.append(person("坏行", birth=datetime.date(1991, 1, 1), 进入时间="明年"))
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, people))
    assert str(error.value) == import_roster.FAILED.format(count=1)
    assert "第22行 · 进入时间 · " in capsys.readouterr().err
    assert (Cadre.objects.count(), ImportBatch.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


def test_dry_run_writes_nothing(unit, tmp_path, capsys):
    run(write(tmp_path, [person()]), "--dry-run")
    assert import_roster.DRY_RUN in capsys.readouterr().out
    assert Cadre.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_create_units_option(tmp_path, capsys):
    run(write(tmp_path, [person(工作单位="团城山街道")]), "--create-units")
    assert Cadre.objects.get().unit == Unit.objects.get(name="团城山街道")


def test_named_sheet_and_report_of_skipped_rows(unit, tmp_path, capsys):
    run(write(tmp_path, [person()], sheet="在职", below=[["填表人：王五"]]), "--sheet", "在职")
    out = capsys.readouterr().out
    assert import_roster.SHEET_READ.format(sheet="在职", row=1) in out
    assert import_roster.SKIPPED.format(row=3, reason="表尾说明") in out
    assert import_roster.IGNORED.format(columns="序号") in out


def written():
    """Return the counts of everything an import writes."""
    return Cadre.objects.count(), Cadre.history.count(), ImportBatch.objects.count(), AuditEvent.objects.count()


# Thousands of junk rows stand for the 100,000 of issue 4, which openpyxl takes too long to write
# for the test suite: `benchmarks/import_speed.py --garbage` times the full-size refusal.
JUNK_ROWS = 5000


def test_junk_under_a_valid_header_stops_at_the_problem_cap_and_writes_nothing(unit, tmp_path, capsys):
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(junk_roster_bytes(JUNK_ROWS))
    with pytest.raises(CommandError) as error:
        run(path)
    lines = capsys.readouterr().err.splitlines()
    assert str(error.value) == import_roster.FAILED.format(count=len(lines))
    assert lines[-1].endswith(f" · {WHOLE_ROW} · " + TOO_MANY_PROBLEMS.format(limit=MAX_PROBLEMS))
    # It stopped near the top of the file: the rest of the junk was never checked.
    assert int(lines[-1].removeprefix("第").split("行")[0]) < JUNK_ROWS // 10
    # At most one problem per column of the row that reached the cap, then the cap's own line.
    assert MAX_PROBLEMS < len(lines) <= MAX_PROBLEMS + len(HEADERS) + 1
    assert written() == (0, 0, 0, 0)


@override_settings(ROSTER_IMPORT_MAX_ROWS=5)
def test_sheet_over_the_row_limit_is_refused_whole(unit, tmp_path):
    path = write(tmp_path, [person(f"干部{i}", birth=datetime.date(1990, 1, 1 + i)) for i in range(5)])
    with pytest.raises(CommandError) as error:
        run(path)
    reason = TOO_MANY_ROWS.format(sheet="花名册", rows=6, limit=5)
    assert str(error.value) == import_roster.UNREADABLE.format(reason=reason)
    assert written() == (0, 0, 0, 0)


@override_settings(ROSTER_IMPORT_MAX_ROWS=5)
def test_sheet_at_the_row_limit_is_imported(unit, tmp_path, capsys):
    run(write(tmp_path, [person(f"干部{i}", birth=datetime.date(1990, 1, 1 + i)) for i in range(4)]))
    assert import_roster.COUNTS.format(created=4, updated=0, unchanged=0) in capsys.readouterr().out


# --- who imported ---------------------------------------------------------------------------------


def imported_by():
    """Return (user, username) of the import record and of its audit event."""
    batch = ImportBatch.objects.get()
    event = AuditEvent.objects.get(action=CadreAction.ROSTER_IMPORT)
    return (batch.user, batch.username), (event.user, event.username)


def test_without_user_the_operating_system_account_is_recorded(unit, tmp_path, monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "zuzhibu")
    run(write(tmp_path, [person()]))
    assert imported_by() == ((None, "命令行:zuzhibu"), (None, "命令行:zuzhibu"))


def test_operating_system_account_without_a_name_is_recorded_by_its_uid(unit, tmp_path, monkeypatch):
    def nameless():
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(getpass, "getuser", nameless)
    run(write(tmp_path, [person()]))
    assert imported_by()[0] == (None, f"命令行:uid{os.getuid()}")


def test_user_option_imports_as_that_account_and_records_it(unit, tmp_path, capsys):
    section = make_user("干部科", username="ganbuke")
    run(write(tmp_path, [person()]), "--user", "ganbuke")
    assert import_roster.IMPORTING_AS.format(username="ganbuke") in capsys.readouterr().out
    assert imported_by() == ((section, "ganbuke"), (section, "ganbuke"))


@pytest.mark.parametrize("role", ["只读", "部领导"])
def test_user_without_import_permission_is_refused_before_the_file_is_read(unit, tmp_path, role):
    make_user(role, [unit], username="kanban")
    with pytest.raises(CommandError) as error:
        run(tmp_path / "不存在.xlsx", "--user", "kanban")
    assert str(error.value) == import_roster.USER_FORBIDDEN.format(username="kanban")
    assert error.value.returncode == 1
    assert written() == (0, 0, 0, 0)


def test_unknown_user_is_refused(unit, tmp_path):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, [person()]), "--user", "nobody")
    assert str(error.value) == import_roster.USER_UNKNOWN.format(username="nobody")
    assert error.value.returncode == 1
    assert written() == (0, 0, 0, 0)


def test_inactive_user_is_refused(unit, tmp_path):
    user = make_user("干部科", username="tuixiu")
    user.is_active = False
    user.save()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, [person()]), "--user", "tuixiu")
    assert str(error.value) == import_roster.USER_INACTIVE.format(username="tuixiu")
    assert error.value.returncode == 1
    assert written() == (0, 0, 0, 0)


def test_unit_clerk_imports_only_their_own_units_as_in_the_browser(unit, tmp_path, capsys):
    make_user("单位信息员", [make_unit("东方山街道")], username="dfs")
    path = write(tmp_path, [person(工作单位="东方山街道"), person("李四", birth=datetime.date(1991, 1, 1))])
    with pytest.raises(CommandError) as error:
        run(path, "--user", "dfs")
    assert str(error.value) == import_roster.FAILED.format(count=1)
    assert error.value.returncode == 1
    assert capsys.readouterr().err.strip() == "第3行 · 工作单位 · " + UNIT_FORBIDDEN.format(unit="下陆区委组织部")
    assert written() == (0, 0, 0, 0)


def test_unit_clerk_cannot_create_units_from_the_command_line(unit, tmp_path, capsys):
    make_user("单位信息员", [unit], username="clerk")
    with pytest.raises(CommandError):
        run(write(tmp_path, [person(工作单位="新设机构")]), "--user", "clerk", "--create-units")
    assert capsys.readouterr().err.strip() == "第2行 · 工作单位 · " + UNIT_CREATE_FORBIDDEN.format(unit="新设机构")
    assert written() == (0, 0, 0, 0) and not Unit.objects.filter(name="新设机构").exists()


def test_unit_clerk_imports_their_own_units_cadres(tmp_path):
    own = make_unit("东方山街道")
    clerk = make_user("单位信息员", [own], username="dfs")
    run(write(tmp_path, [person(工作单位="东方山街道")]), "--user", "dfs")
    assert Cadre.objects.get().unit == own
    assert imported_by()[0] == (clerk, "dfs")


def test_unreadable_file_is_a_clear_message(tmp_path):
    path = tmp_path / "名册.xlsx"
    path.write_text("不是表格")
    with pytest.raises(CommandError) as error:
        run(path)
    assert str(error.value) == import_roster.UNREADABLE.format(
        reason="文件不是Excel工作簿（.xlsx 或 .xls），请在Excel中“另存为”Excel工作簿后再上传"
    )


def test_missing_file(tmp_path):
    with pytest.raises(CommandError) as error:
        run(tmp_path / "无.xlsx")
    assert str(error.value) == import_roster.UNREADABLE.format(reason="No such file or directory")


def test_importing_twice_reports_unchanged(unit, tmp_path, capsys):
    path = write(tmp_path, [person()])
    run(path)
    run(path)
    assert import_roster.COUNTS.format(created=0, updated=0, unchanged=1) in capsys.readouterr().out
    assert Cadre.objects.count() == 1


def _import_queries(count, offset):
    people = [
        person(f"干部{offset + i}", birth=datetime.date(1980, 1, 1) + datetime.timedelta(days=offset + i))
        for i in range(count)
    ]
    plan = roster_import_plan(roster_bytes(people), filename="花名册.xlsx")
    assert plan.ok, [str(problem) for problem in plan.problems]
    with CaptureQueriesContext(connection) as queries:
        roster_import_apply(plan=plan)
    return len(queries)


def test_import_queries_do_not_grow_with_the_rows(unit):
    """Cadres, their history and the import record go in one statement each, for 20 rows or 200."""
    assert _import_queries(20, 0) == _import_queries(200, 1000)
    assert Cadre.objects.count() == 220 and Cadre.history.count() == 220


def test_update_queries_do_not_grow_with_the_rows(unit):
    def updates(count):
        people = []
        for i in range(count):
            birth = datetime.date(1980, 1, 1) + datetime.timedelta(days=i)
            number = make_id_number(birth)
            make_cadre(name=f"干部{i}", birth_date=birth, id_number=number, unit=unit, post="科员")
            people.append(person(f"干部{i}", birth=birth, 公民身份号码=number, 职务=f"副科长{count}"))
        plan = roster_import_plan(roster_bytes(people), filename="花名册.xlsx")
        assert plan.counts["updated"] == count, [str(problem) for problem in plan.problems]
        with CaptureQueriesContext(connection) as queries:
            roster_import_apply(plan=plan)
        Cadre.objects.all().delete()
        return len(queries)

    assert updates(20) == updates(200)

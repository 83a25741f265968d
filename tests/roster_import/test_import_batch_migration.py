"""Imports recorded before the 导入批次 filter (cadres 0021) link to the cadres their rows name, those still there."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cadres.models import ImportBatch
from tests.factories import make_unit

BEFORE = [("cadres", "0020_secondment_plan_and_outcome")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(latest())


def test_earlier_imports_link_to_the_cadres_their_rows_name(before):
    Cadre, Batch = before.get_model("cadres", "Cadre"), before.get_model("cadres", "ImportBatch")
    unit = make_unit("甲单位")
    fields = {"gender": "男", "birth_date": "1990-05-12", "unit_id": unit.pk, "status": "拟录用"}
    # An earlier transactional test may have flushed the seeded channels: make sure one is there.
    group, _ = before.get_model("cadres", "ChannelGroup").objects.get_or_create(name="选调生")
    channel, _ = before.get_model("cadres", "Channel").objects.get_or_create(
        code="xuandiao", defaults={"name": "选调生", "group": group}
    )
    fields["channel_id"] = channel.pk
    kept = Cadre.objects.create(name="留下", **fields)
    rows = [{"row": 2, "cadre": kept.pk, "action": "created"}, {"row": 3, "cadre": 99999, "action": "updated"}]
    batch = Batch.objects.create(filename="花名册.xlsx", sha256="0" * 64, rows=rows)

    migrate(latest())

    batch = ImportBatch.objects.get(pk=batch.pk)
    assert (batch.kind, list(batch.cadres.values_list("pk", flat=True))) == (ImportBatch.Kind.ROSTER, [kept.pk])

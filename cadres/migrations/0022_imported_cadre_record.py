import django.db.models.deletion
from django.db import migrations, models


def link_recorded_rows(apps, schema_editor):
    """Link each import to the cadres its rows record, those still in the database (as 0021 did)."""
    ImportBatch = apps.get_model("cadres", "ImportBatch")
    ImportedCadre = apps.get_model("cadres", "ImportedCadre")
    Cadre = apps.get_model("cadres", "Cadre")
    for batch in ImportBatch.objects.iterator():
        rows = [row for row in batch.rows or [] if isinstance(row, dict)]
        ids = sorted({row["cadre"] for row in rows if isinstance(row.get("cadre"), int)})
        for start in range(0, len(ids), 500):  # within SQLite's limit of variables per statement
            existing = Cadre.objects.filter(pk__in=ids[start : start + 500]).values_list("pk", flat=True)
            ImportedCadre.objects.bulk_create([ImportedCadre(batch_id=batch.pk, cadre_id=pk) for pk in existing])


class Migration(migrations.Migration):
    """The links of an import to its cadres become records without database constraints (ImportedCadre)."""

    dependencies = [
        ("cadres", "0021_import_batch_cadres"),
    ]

    operations = [
        migrations.RemoveField(model_name="importbatch", name="cadres"),
        migrations.CreateModel(
            name="ImportedCadre",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "batch",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="cadres.importbatch",
                        verbose_name="导入记录",
                    ),
                ),
                (
                    "cadre",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="cadres.cadre",
                        verbose_name="干部",
                    ),
                ),
            ],
            options={
                "verbose_name": "导入的干部",
                "verbose_name_plural": "导入的干部",
                "constraints": [models.UniqueConstraint(fields=("batch", "cadre"), name="imported_cadre_once")],
            },
        ),
        migrations.AddField(
            model_name="importbatch",
            name="cadres",
            field=models.ManyToManyField(
                blank=True,
                related_name="import_batches",
                through="cadres.ImportedCadre",
                to="cadres.cadre",
                verbose_name="新增或修改的干部",
            ),
        ),
        migrations.RunPython(link_recorded_rows, migrations.RunPython.noop),
    ]

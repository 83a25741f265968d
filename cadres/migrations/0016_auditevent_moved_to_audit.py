"""The audit trail moved to its own app (audit), below the cadre domain.

audit.0001 made the new table; this copies every event into it with its id, sets the id sequence past them,
re-labels the content type (so permissions granted on audit events, and admin log entries, follow the model)
and drops the old table. Written with the historical models and plain SQL: a migration is a snapshot.
"""

from django.core.management.color import no_style
from django.db import migrations


def copy_rows(schema_editor, source, target):
    """Copy every row of `source` into `target` (same columns), ids kept; move the id sequence past them."""
    quote = schema_editor.quote_name
    columns = ", ".join(quote(field.column) for field in target._meta.concrete_fields)
    schema_editor.execute(
        f"INSERT INTO {quote(target._meta.db_table)} ({columns}) "
        f"SELECT {columns} FROM {quote(source._meta.db_table)}"
    )
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [target]):
        schema_editor.execute(sql)


def relabel_content_type(apps, old_label, new_label):
    """Make the content type of auditevent belong to `new_label`, keeping the grants of its permissions."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label=old_label, model="auditevent").first()
    if old is None:
        return  # a fresh database: the content types are made after the migrations
    new = ContentType.objects.filter(app_label=new_label, model="auditevent").first()
    if new is None:
        old.app_label = new_label
        old.save(update_fields=["app_label"])
        return
    # Both exist (permissions were created for the new app meanwhile): hand the grants over, drop the old.
    for permission in Permission.objects.filter(content_type=old):
        target = Permission.objects.filter(content_type=new, codename=permission.codename).first()
        if target is not None:
            target.group_set.add(*permission.group_set.all())
            target.user_set.add(*permission.user_set.all())
    old.delete()


def forwards(apps, schema_editor):
    copy_rows(schema_editor, apps.get_model("cadres", "AuditEvent"), apps.get_model("audit", "AuditEvent"))
    relabel_content_type(apps, "cadres", "audit")


def backwards(apps, schema_editor):
    copy_rows(schema_editor, apps.get_model("audit", "AuditEvent"), apps.get_model("cadres", "AuditEvent"))
    apps.get_model("audit", "AuditEvent").objects.all().delete()
    relabel_content_type(apps, "audit", "cadres")


class Migration(migrations.Migration):
    dependencies = [
        ("cadres", "0015_history_without_copied_indexes"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="AuditEvent"),
    ]

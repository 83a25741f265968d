"""Give the roles their rights on the monthly report archive: 部领导 reads it, 干部科 also generates."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "部领导": ["view_monthlyreport"],
    "干部科": ["view_monthlyreport", "add_monthlyreport"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="reports", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        for group in Group.objects.filter(name=role):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="reports", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("cadres", "0003_roles")]
    operations = [migrations.RunPython(grant, revoke)]

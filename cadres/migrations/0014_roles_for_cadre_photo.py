"""Give the roles their rights on cadre photos, as on the career records (0007): the clerks who edit
a cadre may add, replace and remove the photo; the others may see it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = ["view_cadrephoto"]
EDIT = VIEW + ["add_cadrephoto", "change_cadrephoto", "delete_cadrephoto"]
ROLE_PERMISSIONS = {"部领导": VIEW, "干部科": EDIT, "单位信息员": EDIT, "只读": VIEW}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        found = Permission.objects.filter(content_type__app_label="cadres", codename__in=codenames)
        missing = set(codenames) - set(found.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for {role}: {sorted(missing)}")
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        for group in Group.objects.filter(name=role):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="cadres", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("cadres", "0013_cadre_photo")]
    operations = [migrations.RunPython(grant, revoke)]

"""Create the four roles as groups with their permissions (cadres/roles.py says what each may do)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_REFERENCE = ["view_unit", "view_channel", "view_channelgroup"]
EDIT_ALL = [
    f"{action}_{model}"
    for model in ("unit", "channel", "channelgroup", "cadre")
    for action in ("view", "add", "change", "delete")
]
ROLE_PERMISSIONS = {
    "部领导": VIEW_REFERENCE
    + ["view_cadre", "view_all_units", "view_id_number", "export_cadres", "view_auditevent",
       "view_historicalcadre"],
    "干部科": EDIT_ALL + ["view_all_units", "view_id_number", "export_cadres", "import_cadres",
                        "view_historicalcadre"],
    "单位信息员": VIEW_REFERENCE + ["view_cadre", "add_cadre", "change_cadre", "view_id_number",
                                 "export_cadres", "import_cadres", "view_historicalcadre"],
    "只读": VIEW_REFERENCE + ["view_cadre"],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(content_type__app_label="cadres", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for {role}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cadres", "0002_seed_channels"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]

"""Give the roles their rights on the career records and the young-cadre pool."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECORDS = [
    "educationrecord",
    "workrecord",
    "secondment",
    "training",
    "appraisal",
    "rewardpunishment",
    "familymember",
]
POOL = ["poolmembership", "poolstatuschange"]


def perms(actions, models):
    return [f"{action}_{model}" for model in models for action in actions]


VIEW, EDIT = ["view"], ["view", "add", "change", "delete"]
ROLE_PERMISSIONS = {
    "部领导": perms(VIEW, RECORDS + POOL + ["importbatch"]),
    "干部科": perms(EDIT, RECORDS + POOL) + perms(VIEW, ["importbatch"]),
    "单位信息员": perms(EDIT, RECORDS) + perms(VIEW, POOL + ["importbatch"]),
    "只读": perms(VIEW, RECORDS + POOL),
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
    dependencies = [("cadres", "0006_career_pool_imports")]
    operations = [migrations.RunPython(grant, revoke)]

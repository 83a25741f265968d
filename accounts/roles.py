"""The department's roles: one declaration of what each may do, applied to Django groups by `sync_roles`.

- 部领导: read everything district-wide, all reports and exports, the audit trail.
- 干部科: read and edit everything district-wide, import, export, generate the monthly report.
- 单位信息员: read and edit the cadres of their own unit(s) and units below; exports only of those.
- 只读: read the cadres of their own unit(s); no export, ID numbers masked.
The department's own staffing (staffing): 部领导 read it and approve leave; 干部科 keep it and plan rotations;
单位信息员 keep their own units' sections; 只读 read their units' sections.
Superusers administer users.

`ROLE_PERMISSIONS` is the only place a role's rights are written. After every `migrate` (and every
`flush`) `sync_roles` makes each role's group hold exactly these permissions: changing a role is a change
of one line here, and a permission granted to a role group by hand is taken away again.
"""

from django.apps import apps as django_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Q

LEADER = "部领导"
CADRE_SECTION = "干部科"
UNIT_CLERK = "单位信息员"
READ_ONLY = "只读"
ROLES = (LEADER, CADRE_SECTION, UNIT_CLERK, READ_ONLY)
# These roles see only their own units, so an account holding one without a unit would see nothing.
SCOPED_ROLES = (UNIT_CLERK, READ_ONLY)

UNKNOWN_ROLE = "未知角色“{role}”，可用角色：{roles}"


def perms(app_label, actions, *models):
    """Return the permissions "app_label.action_model" for every action on every model."""
    return {f"{app_label}.{action}_{model}" for model in models for action in actions}


VIEW = ("view",)
EDIT = ("view", "add", "change", "delete")
REFERENCE = ("unit", "unitalias", "channel", "channelgroup")
RECORDS = (
    "educationrecord",
    "workrecord",
    "resumenote",
    "secondment",
    "training",
    "appraisal",
    "rewardpunishment",
    "familymember",
)
POOL = ("poolmembership", "poolstatuschange")
# The department's own staffing (staffing app); the receiving section of a secondment is planned district-wide.
SECTIONS = ("section", "upperoffice", "sectionmember", "pairing", "pairingreview", "leave", "headcover")
STAFFING = (*SECTIONS, "secondmentplacement")

ROLE_PERMISSIONS = {
    LEADER: perms("cadres", VIEW, *REFERENCE, "cadre", *RECORDS, *POOL, "importbatch", "cadrephoto")
    | perms("cadres", VIEW, "historicalcadre")
    | {"cadres.view_all_units", "cadres.view_id_number", "cadres.export_cadres"}
    | perms("reports", VIEW, "monthlyreport")
    | perms("audit", VIEW, "auditevent")
    | perms("staffing", VIEW, *STAFFING)
    | {"staffing.approve_leave"},
    CADRE_SECTION: perms("cadres", EDIT, *REFERENCE, "cadre", *RECORDS, *POOL, "cadrephoto")
    | perms("cadres", VIEW, "historicalcadre", "importbatch")
    | {"cadres.view_all_units", "cadres.view_id_number", "cadres.export_cadres", "cadres.import_cadres"}
    | perms("reports", ("view", "add"), "monthlyreport")
    | perms("staffing", EDIT, *STAFFING),
    UNIT_CLERK: perms("cadres", VIEW, *REFERENCE, *POOL, "importbatch", "historicalcadre")
    | perms("cadres", ("view", "add", "change"), "cadre")
    | perms("cadres", EDIT, *RECORDS, "cadrephoto")
    | {"cadres.view_id_number", "cadres.export_cadres", "cadres.import_cadres"}
    | perms("staffing", EDIT, *SECTIONS)
    | perms("staffing", VIEW, "secondmentplacement"),
    READ_ONLY: perms("cadres", VIEW, *REFERENCE, "cadre", *RECORDS, *POOL, "cadrephoto")
    | perms("staffing", VIEW, *STAFFING),
}


def role_group(role):
    """Return the group of a role by its Chinese name; ValueError with a Chinese message if unknown."""
    if role not in ROLES:
        raise ValueError(UNKNOWN_ROLE.format(role=role, roles="、".join(ROLES)))
    return Group.objects.get(name=role)


def roles_of(user):
    """Return the names of the roles `user` holds, in the order above."""
    held = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return [role for role in ROLES if role in held]


def declared_permissions(names, *, using=DEFAULT_DB_ALIAS):
    """Return the Permission rows of "app_label.codename" `names`; ImproperlyConfigured naming any missing."""
    condition = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".", 1)
        condition |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.using(using).filter(condition).select_related("content_type"))
    missing = set(names) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise ImproperlyConfigured(f"permissions declared for roles do not exist: {sorted(missing)}")
    return found


def sync_roles(*, using=DEFAULT_DB_ALIAS):
    """Make each role's group hold exactly its ROLE_PERMISSIONS; create missing groups. Idempotent.

    Permissions are created first (Django makes each app's own only when that app's post_migrate arrives),
    so this works whichever app's signal runs it.
    """
    for app_config in django_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    with transaction.atomic(using=using):
        for role in ROLES:
            group, _ = Group.objects.using(using).get_or_create(name=role)
            group.permissions.set(declared_permissions(ROLE_PERMISSIONS[role], using=using))


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate receiver (also sent by `flush`): bring the roles in line with their declaration."""
    sync_roles(using=using)

"""The department's roles: Django groups with permissions, created by migration 0003.

What each role may do (the groups carry the permissions; this module names them):
- 部领导: read everything district-wide, all reports and exports, the audit trail.
- 干部科: read and edit everything district-wide, import, export.
- 单位信息员: read and edit the cadres of their own unit(s) and units below; exports only of those.
- 只读: read the cadres of their own unit(s); no export, ID numbers masked.
Superusers administer users.
"""

from django.contrib.auth.models import Group

LEADER = "部领导"
CADRE_SECTION = "干部科"
UNIT_CLERK = "单位信息员"
READ_ONLY = "只读"
ROLES = (LEADER, CADRE_SECTION, UNIT_CLERK, READ_ONLY)

UNKNOWN_ROLE = "未知角色“{role}”，可用角色：{roles}"


def role_group(role):
    """Return the group of a role by its Chinese name; ValueError with a Chinese message if unknown."""
    if role not in ROLES:
        raise ValueError(UNKNOWN_ROLE.format(role=role, roles="、".join(ROLES)))
    return Group.objects.get(name=role)


def roles_of(user):
    """Return the names of the roles `user` holds, in the order above."""
    held = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return [role for role in ROLES if role in held]

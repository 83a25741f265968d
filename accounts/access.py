"""Who sees what: district-wide roles, and masked ID numbers for the others.

The permissions named here are declared on the cadre model (cadres.Cadre.Meta.permissions) and granted to the
roles in accounts/roles.py.
"""

MASK = "*"


def sees_all_units(user):
    """Return whether `user` sees every unit (superusers and roles with cadres.view_all_units)."""
    return user.is_active and (user.is_superuser or user.has_perm("cadres.view_all_units"))


def can_view_id_number(user):
    """Return whether `user` may see full 公民身份号码 (roles with the permission, superusers)."""
    return user.is_active and user.has_perm("cadres.view_id_number")


def mask_id_number(number):
    """Return the number with the birth date and sequence hidden: 420203********123X."""
    if not number:
        return ""
    if len(number) <= 10:
        return MASK * len(number)
    return number[:6] + MASK * (len(number) - 10) + number[-4:]


def id_number_for(user, number):
    """Return the number as `user` may see it."""
    return number if can_view_id_number(user) else mask_id_number(number)


def masked_fields_for(user):
    """Return {field name: mask} for the history of a cadre as `user` may read it (see audit.history)."""
    return {} if can_view_id_number(user) else {"id_number": mask_id_number}

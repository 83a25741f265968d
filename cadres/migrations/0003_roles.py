"""Create the four roles as groups with their permissions.

Retired: the roles and their permissions are declared once in accounts/roles.py (ROLE_PERMISSIONS) and
applied by accounts.roles.sync_roles after every migrate. Databases that ran this migration got the same
grants; it stays, doing nothing, so that the migration history of those databases still matches.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cadres", "0002_seed_channels"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

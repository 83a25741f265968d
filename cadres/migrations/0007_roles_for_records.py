"""Give the roles their rights on the career records and the young-cadre pool.

Retired: the roles and their permissions are declared once in accounts/roles.py (ROLE_PERMISSIONS) and
applied by accounts.roles.sync_roles after every migrate. Databases that ran this migration got the same
grants; it stays, doing nothing, so that the migration history of those databases still matches.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cadres", "0006_career_pool_imports")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]

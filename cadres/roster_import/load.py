"""One entry point from file bytes to an ImportPlan, shared by the command line and the browser."""

import hashlib

from ..importing.probes import out_of_scope_guard, out_of_scope_record
from .plan import roster_plan
from .reader import read_roster

# Who may import, in the browser and with `import_roster --user`.
IMPORT_PERMISSION = "cadres.import_cadres"


def roster_import_read(data, *, filename, user=None, sheet_name=None, create_units=False):
    """Return (RosterSheet, RosterPlan) of `data`, the file's bytes; ImportRefused if it is unusable."""
    out_of_scope_guard(user)
    sheet = read_roster(data, sheet_name=sheet_name)
    sha256 = hashlib.sha256(data).hexdigest()
    plan = roster_plan(sheet, user=user, create_units=create_units, filename=filename, sha256=sha256)
    out_of_scope_record(plan, user=user)
    return sheet, plan


def roster_import_plan(data, **options):
    """Return the ImportPlan of `data` (see roster_import_read)."""
    return roster_import_read(data, **options)[1]

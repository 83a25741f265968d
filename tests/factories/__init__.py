"""Every builder of test data, in one package: records (units, cadres, their records, users, photos), the
pool (through its services), whole cadres, roster files for the import, the admin's form data, and the
department's staffing (sections, pairings, leave, secondments into a section).

Readers of answers (parsing a workbook, a page, a JSON list) stay beside the tests that read them.
"""

from .admin_forms import CADRE_INLINE_PREFIXES, cadre_add_data, empty_inlines, inline_data
from .pool import DEFAULT_ENTRY, enter_pool, leave_pool, make_membership, move_in_pool
from .profiles import cadre_with_every_record, make_full_cadre
from .realistic import REALISTIC_PEOPLE, make_realistic_units, realistic_roster
from .records import (
    PASSWORD,
    image_bytes,
    make_cadre,
    make_counted,
    make_id_number,
    make_photo,
    make_secondment,
    make_unit,
    make_user,
    make_work_record,
)
from .rosters import (
    HEADERS,
    escaped,
    junk_roster_bytes,
    person,
    roster_bytes,
    shaped_roster_bytes,
    sheet_xml_edited,
    workbook_bytes,
)
from .staffing import ARRANGED, add_member, make_leave, make_pairing, make_section, second_into, staffed_section

__all__ = [
    "ARRANGED",
    "CADRE_INLINE_PREFIXES",
    "DEFAULT_ENTRY",
    "HEADERS",
    "PASSWORD",
    "REALISTIC_PEOPLE",
    "add_member",
    "cadre_add_data",
    "cadre_with_every_record",
    "empty_inlines",
    "enter_pool",
    "escaped",
    "image_bytes",
    "inline_data",
    "junk_roster_bytes",
    "leave_pool",
    "make_cadre",
    "make_counted",
    "make_full_cadre",
    "make_id_number",
    "make_leave",
    "make_membership",
    "make_pairing",
    "make_photo",
    "make_realistic_units",
    "make_secondment",
    "make_section",
    "make_unit",
    "make_user",
    "make_work_record",
    "move_in_pool",
    "person",
    "realistic_roster",
    "roster_bytes",
    "second_into",
    "shaped_roster_bytes",
    "sheet_xml_edited",
    "staffed_section",
    "workbook_bytes",
]

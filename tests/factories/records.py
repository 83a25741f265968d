"""Builders of records: units, cadres and their records, users, photos. Every test makes exactly what it needs."""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from PIL import Image

from accounts.roles import role_group
from cadres.models import Cadre, Channel, Secondment, Unit, WorkRecord
from cadres.photos import cadre_photo_save, photo_from_bytes
from cadres.validators import id_check_char

_sequence = itertools.count(1)
PASSWORD = "Xialu-test-passphrase-2021"


def make_unit(name=None, *, kind="党政机关", parent=None, **fields):
    return Unit.objects.create(name=name or f"测试单位{next(_sequence)}", kind=kind, parent=parent, **fields)


def make_id_number(birth_date, gender="男", *, region="420204", serial=None):
    """Return a valid 公民身份号码 for the birth date and gender (odd 17th digit for 男).

    `serial` (0–49) picks the sequence digits; by default each call takes the next one.
    """
    serial = (next(_sequence) if serial is None else serial) % 50 * 2 + (1 if gender == "男" else 0)
    first17 = f"{region}{birth_date:%Y%m%d}{serial + 100:03d}"[:17]
    return first17 + id_check_char(first17)


def make_cadre(
    *,
    birth_date=datetime.date(1990, 1, 1),
    entry_date=datetime.date(2015, 8, 1),
    channel="xuandiao",
    unit=None,
    leave_date=None,
    **fields,
):
    """Create and return a valid cadre; status follows the dates unless given."""
    fields.setdefault("name", f"干部{next(_sequence)}")
    fields.setdefault("gender", "男")
    fields.setdefault("political_status", "中共党员")
    fields.setdefault("education", "大学本科")
    fields.setdefault("degree", "学士")
    if "status" not in fields:
        fields["status"] = "已离开" if leave_date else ("在职" if entry_date else "拟录用")
    if leave_date:
        fields.setdefault("leave_reason", "调出")
    cadre = Cadre(
        birth_date=birth_date,
        entry_date=entry_date,
        leave_date=leave_date,
        channel=Channel.objects.get(code=channel),
        unit=unit or make_unit(),
        **fields,
    )
    cadre.full_clean()
    cadre.save()
    return cadre


def make_user(role=None, units=(), *, username=None, password=PASSWORD, superuser=False):
    """Create and return a staff user holding `role` (a Chinese role name, or None) for `units`."""
    User = get_user_model()
    username = username or f"user{next(_sequence)}"
    if superuser:
        user = User.objects.create_superuser(username=username, password=password)
    else:
        user = User.objects.create_user(username=username, password=password, is_staff=True)
    if role is not None:
        user.groups.add(role_group(role))
    user.units.set(units)
    return user


def image_bytes(format="JPEG", size=(300, 400), color=(180, 40, 40), *, mode="RGB", **save_options):
    """Return an image file of one colour, as a camera or a scanner would give it (`save_options`: exif=…)."""
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=format, **save_options)
    return buffer.getvalue()


def make_photo(cadre, **image):
    """Give `cadre` a photo made by image_bytes(**image) and return the CadrePhoto."""
    return cadre_photo_save(cadre=cadre, photo=photo_from_bytes(image_bytes(**image)))


def make_work_record(cadre, start, end=None, *, unit=None, unit_name="", unit_kind="", post="科员"):
    """Record a post of `cadre` from `start` to `end` (the last day; None while it lasts)."""
    return WorkRecord.objects.create(
        cadre=cadre, unit=unit, unit_name=unit_name, unit_kind=unit_kind, post=post, start_date=start, end_date=end
    )


def make_secondment(cadre, start, end=None, *, to_unit=None, to_unit_name="", to_unit_kind=""):
    """Record a 挂职 of `cadre` from `start` to `end`."""
    return Secondment.objects.create(
        cadre=cadre,
        kind="挂职",
        to_unit=to_unit,
        to_unit_name=to_unit_name,
        to_unit_kind=to_unit_kind,
        start_date=start,
        end_date=end,
    )


def make_counted(channel, count, **fields):
    """Create `count` cadres of `channel` who are counted on 2021-07-31 with the defaults (born 1990, in 2015)."""
    return [make_cadre(channel=channel, **fields) for _ in range(count)]

"""Who a file is about: its 公民身份号码, the cadre it matches in the user's scope, or a new cadre.

The rule of the same person is the import core's (cadres/importing/identity.py): the number, else
name and birth month. The cadres a batch of files may be about are read in one query, with
everything a diff compares (ImportContext.candidates).
"""

from django.core.exceptions import ValidationError
from django.db.models import Q

from accounts.access import sees_all_units

from ...choices import CadreStatus, PoliticalStatus
from ...models import Cadre, Channel, Unit
from ...validators import normalize_id_number, parse_id_number
from .cadre_fields import read_date

DEFAULT_CHANNEL = "qita"
AMBIGUOUS = "按姓名和出生年月匹配到{count}名干部（{names}），无法确定是哪一位，请在文件中填写公民身份号码"
OUT_OF_SCOPE = "该干部不在您管理的单位范围内，不能导入"
NO_UNIT = "未找到匹配的干部，新建干部须指定所属单位（呈报单位“{text}”不是您可管理的单位）"
ID_MASKED = "公民身份号码已隐去（含*），未导入，也不用于匹配"
# Everything the diff and the writer read of a matched cadre, fetched with the batch.
RECORDS = (
    "education_records",
    "work_records__unit",
    "resume_notes",
    "family_members",
    "appraisals",
    "rewards",
)


class ImportContext:
    """What every file of one import is checked against, fetched once."""

    def __init__(self, user, unit, channel):
        # No user: the server's operator at the command line, who may touch every unit.
        self.all_units = Unit.objects.all().by_name()
        if user is None or sees_all_units(user):
            self.visible_unit_ids = None
            self.units = self.all_units
        else:
            self.visible_unit_ids = set(Unit.objects.visible_ids(user))
            self.units = {name: u for name, u in self.all_units.items() if u.pk in self.visible_unit_ids}
        self.names_of = {}
        for name, found in self.all_units.items():
            self.names_of.setdefault(found.pk, []).append(name)
        self.unit = unit
        # The numbers of files refused as cadres outside the user's units (importing/probes.py).
        self.out_of_scope = []
        self.channel = channel or Channel.objects.get(code=DEFAULT_CHANNEL)

    def visible(self, cadre):
        return self.visible_unit_ids is None or cadre.unit_id in self.visible_unit_ids

    def candidates(self, files):
        """Return the Identities of the cadres the parsed `files` may be about, read in one query."""
        numbers = [number for parsed in files if (number := id_text(parsed))]
        names = [parsed.get("XingMing") for parsed in files]
        found = Cadre.objects.filter(Q(id_number__in=numbers) | Q(name__in=names))
        return found.select_related("unit", "channel", "photo").prefetch_related(*RECORDS).identities()


def id_text(parsed):
    """Return the file's 公民身份号码 as written, "" when absent or masked."""
    text = parsed.get("ShenFenZheng")
    return "" if "*" in text else normalize_id_number(text)


def read_id(parsed, notes, error):
    """Return the file's checked 公民身份号码 (IdInfo), or None when absent, masked or invalid."""
    text = parsed.get("ShenFenZheng")
    if not text:
        return None
    if "*" in text:
        notes.append(ID_MASKED)
        return None
    try:
        return parse_id_number(text)
    except ValidationError as invalid:
        error("ShenFenZheng", invalid.messages[0])
        return None


def read_birth(parsed, error):
    """Return the ParsedDate of 出生年月 (a month, or a day some writers give), or None."""
    return read_date(parsed, "ChuShengNianYue", error)


def match_cadre(parsed, id_info, birth, context, people, error):
    """Return the cadre the file is about among `people` (context.candidates): by 公民身份号码, else by
    姓名 + 出生年月 among the cadres the user may see; None for nobody."""
    number = id_info.number if id_info is not None else ""
    found = people.find(
        id_number=number,
        name=parsed.get("XingMing"),
        birth_date=birth.date if birth else None,
        month_only=birth.month_only if birth else False,
    )
    if number and len(found) == 1 and found[0].id_number == number:
        if not context.visible(found[0]):
            error("ShenFenZheng", OUT_OF_SCOPE)
            context.out_of_scope.append(number)
            return None
        return found[0]
    found = [cadre for cadre in found if context.visible(cadre)]
    if len(found) > 1:
        names = "、".join(f"{c.name}（{c.unit.name}）" for c in found)
        error("XingMing", AMBIGUOUS.format(count=len(found), names=names))
        return None
    return found[0] if found else None


def new_cadre(parsed, context, error):
    """Return an unsaved pending cadre in the chosen unit (else 呈报单位, by its name or an alias), or None
    if the user has no such unit."""
    unit = context.unit or context.units.get(parsed.get("ChengBaoDanWei"))
    if unit is None or (context.visible_unit_ids is not None and unit.pk not in context.visible_unit_ids):
        error("ChengBaoDanWei", NO_UNIT.format(text=parsed.get("ChengBaoDanWei")))
        return None
    # 群众 unless the file's 入党时间 says otherwise (cadre_fields.apply_party).
    return Cadre(
        unit=unit, channel=context.channel, status=CadreStatus.PENDING, political_status=PoliticalStatus.MASSES
    )

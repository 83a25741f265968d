"""Who a file is about: its 公民身份号码, the cadre it matches in the user's scope, or a new cadre."""

from django.core.exceptions import ValidationError

from ...choices import CadreStatus, PoliticalStatus
from ...models import Cadre, Channel, Unit
from ...validators import parse_id_number

DEFAULT_CHANNEL = "qita"
AMBIGUOUS = "按姓名和出生年月匹配到{count}名干部（{names}），无法确定是哪一位，请在文件中填写公民身份号码"
OUT_OF_SCOPE = "该干部不在您管理的单位范围内，不能导入"
NO_UNIT = "未找到匹配的干部，新建干部须指定所属单位（呈报单位“{text}”不是您可管理的单位）"
ID_MASKED = "公民身份号码已隐去（含*），未导入，也不用于匹配"


class ImportContext:
    """What every file of one import is checked against, fetched once."""

    def __init__(self, user, unit, channel):
        # No user: the server's operator at the command line, who may touch every unit.
        self.visible = Cadre.objects.all() if user is None else Cadre.objects.visible_to(user)
        self.units = {u.name: u for u in (Unit.objects.all() if user is None else Unit.objects.visible_to(user))}
        self.all_units = {u.name: u for u in Unit.objects.all()}
        self.unit = unit
        self.channel = channel or Channel.objects.get(code=DEFAULT_CHANNEL)


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


def match_cadre(parsed, id_info, birth_month, context, error):
    """Return the cadre the file is about: by 公民身份号码, else by 姓名 + 出生年月; None if nobody."""
    if id_info is not None:
        found = Cadre.objects.filter(id_number=id_info.number).first()
        if found is not None:
            if not context.visible.filter(pk=found.pk).exists():
                error("ShenFenZheng", OUT_OF_SCOPE)
                return None
            return found
    if birth_month is None:
        return None
    candidates = list(
        context.visible.filter(
            name=parsed.get("XingMing"),
            birth_date__year=birth_month.year,
            birth_date__month=birth_month.month,
        )
    )
    if id_info is not None:
        # Someone else with the same name and month but a different number is a different person.
        candidates = [c for c in candidates if not c.id_number or c.id_number == id_info.number]
    if len(candidates) > 1:
        names = "、".join(f"{c.name}（{c.unit.name}）" for c in candidates)
        error("XingMing", AMBIGUOUS.format(count=len(candidates), names=names))
        return None
    return candidates[0] if candidates else None


def new_cadre(parsed, context, error):
    """Return an unsaved pending cadre in the chosen unit (else 呈报单位), or None if the user has no such unit."""
    unit = context.unit or context.units.get(parsed.get("ChengBaoDanWei"))
    if unit is None or unit.name not in context.units:
        error("ChengBaoDanWei", NO_UNIT.format(text=parsed.get("ChengBaoDanWei")))
        return None
    status = PoliticalStatus.CPC_MEMBER if parsed.get("RuDangShiJian")[:6].isdigit() else PoliticalStatus.MASSES
    return Cadre(unit=unit, channel=context.channel, status=CadreStatus.PENDING, political_status=status)

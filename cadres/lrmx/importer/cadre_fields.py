"""The cadre's own fields in an import: set them from a file's elements and list what changed."""

import datetime
from dataclasses import dataclass

from ...choices import Degree
from ...models import Cadre
from ..fields import parse_yyyymm
from ..texts import DEGREE_RANK, EDUCATION_RANK, current_post, normalize_degree, normalize_education, post_of

BAD_DATE = "“{text}”不是YYYYMM格式的年月"
BAD_GENDER = "性别应为“男”或“女”，实际为“{text}”"
NO_EDUCATION = "新建干部须有可识别的学历（全日制或在职教育学历）"

# Cadre fields a file carries as plain text: element → (field, whether an empty element clears it).
TEXT_FIELDS = {
    "XingMing": ("name", False),
    "MinZu": ("ethnicity", False),
    "JiGuan": ("native_place", True),
    "ChuShengDi": ("birthplace", True),
    "JianKangZhuangKuang": ("health", True),
    "ZhuanYeJiShuZhiWu": ("professional_title", True),
    "ShuXiZhuanYeYouHeZhuanChang": ("specialty", True),
    "NiRenZhiWu": ("proposed_post", True),
    "NiMianZhiWu": ("proposed_removal", True),
    "RenMianLiYou": ("appointment_reason", True),
}
DATE_FIELDS = {
    "RuDangShiJian": "party_joined_date",
    "CanJiaGongZuoShiJian": "first_work_date",
    "DaoLingNianYue": "retirement_month",
}
FIELD_ELEMENTS = {
    **{f: e for e, (f, _) in TEXT_FIELDS.items()},
    **{f: e for e, f in DATE_FIELDS.items()},
    "post": "XianRenZhiWu",
    "gender": "XingBie",
    "birth_date": "ChuShengNianYue",
    "id_number": "ShenFenZheng",
    "education": "QuanRiZhiJiaoYu_XueLi",
    "degree": "QuanRiZhiJiaoYu_XueWei",
}
SNAPSHOT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "native_place",
    "birthplace",
    "party_joined_date",
    "first_work_date",
    "health",
    "professional_title",
    "specialty",
    "education",
    "degree",
    "post",
    "proposed_post",
    "proposed_removal",
    "appointment_reason",
    "retirement_month",
    "id_number",
)


@dataclass
class Change:
    """One line of the diff: what the form calls the field, its old and its new text."""

    label: str
    old: str
    new: str


def read_month(parsed, element, error):
    """Return the month of a `YYYYMM` element, None when it is empty or unreadable (then reported)."""
    text = parsed.get(element)
    if not text:
        return None
    try:
        return parse_yyyymm(text)
    except ValueError:
        error(element, BAD_DATE.format(text=text))
        return None


def apply_fields(cadre, parsed, id_info, birth_month, created, error):
    """Set the cadre's fields from the elements present in the file (absent elements leave them)."""
    for element, (name, clears) in TEXT_FIELDS.items():
        text = parsed.get(element)
        if parsed.has(element) and (text or clears):
            setattr(cadre, name, text)
    current = parsed.get("XianRenZhiWu")
    # The file names the unit before the post (writer.py); the same text as printed now keeps the post as stored.
    if parsed.has("XianRenZhiWu") and current != current_post(cadre):
        cadre.post = post_of(current, cadre.unit.name)
    gender = parsed.get("XingBie")
    if gender:
        if gender in ("男", "女"):
            cadre.gender = gender
        else:
            error("XingBie", BAD_GENDER.format(text=gender))
    for element, name in DATE_FIELDS.items():
        if parsed.has(element):
            text = parsed.get(element)
            digits = text[:6]
            if not text or (element == "RuDangShiJian" and not digits.isdigit()):
                setattr(cadre, name, None)
            else:
                setattr(cadre, name, read_month(parsed, element, error))
    if id_info is not None:
        cadre.id_number = id_info.number
        cadre.birth_date, cadre.birth_month_only = id_info.birth_date, False
    elif birth_month and (cadre.birth_date is None or cadre.birth_date.replace(day=1) != birth_month):
        cadre.birth_date, cadre.birth_month_only = birth_month, True
    levels = [normalize_education(parsed.get(e)) for e in ("QuanRiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueLi")]
    levels = [level for level in levels if level]
    if levels:
        cadre.education = max(levels, key=EDUCATION_RANK.get)
    elif created:
        error("QuanRiZhiJiaoYu_XueLi", NO_EDUCATION)
    degrees = [normalize_degree(parsed.get(e)) for e in ("QuanRiZhiJiaoYu_XueWei", "ZaiZhiJiaoYu_XueWei")]
    degrees = [degree for degree in degrees if degree]
    if degrees:
        cadre.degree = max(degrees, key=DEGREE_RANK.get)
    elif created:
        cadre.degree = Degree.NONE


def snapshot(cadre):
    return {name: getattr(cadre, name) for name in SNAPSHOT_FIELDS}


def field_changes(old, new):
    """Return the Changes between two snapshots, labelled with the fields' Chinese names."""
    changes = []
    for name in SNAPSHOT_FIELDS:
        if old[name] != new[name]:
            label = Cadre._meta.get_field(name).verbose_name
            changes.append(Change(str(label), display(old[name]), display(new[name])))
    return changes


def display(value):
    if value is None or value == "":
        return "（空）"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)

"""The cadre's own fields in an import: set them from a file's elements and list what changed.

Values are read as every reader reads them (cadres/importing): the vocabularies of the standards,
the one date parser, and the rule that a date known to the month never overwrites a finer stored
date of that month.
"""

import datetime

from ...choices import Degree, Education, PoliticalStatus, StudyMode
from ...importing import synonyms
from ...importing.dates import merged_date, month_text, parse_date
from ...importing.outcome import Change
from ...importing.problems import Unreadable
from ...models import Cadre
from ..fields import split_date
from ..texts import current_post, post_of

BAD_GENDER = "性别应为“男”或“女”，实际为“{text}”"
BAD_ETHNICITY = "无法识别的民族“{text}”，请填写56个民族之一（如 汉族、土家族）"
BAD_EDUCATION = "无法识别的学历“{text}”（可写 大学本科毕业、硕士研究生、省委党校研究生、在职大学 等）"
BAD_DEGREE = "无法识别的学位“{text}”（可写 学士、法学硕士、工商管理硕士（MBA） 等）"
NO_EDUCATION = "新建干部须有可识别的学历（全日制或在职教育学历）"
BAD_PARTY = "无法识别的党派“{text}”（入党时间后可写民主党派的名称，如 201005九三学社）"

# Cadre fields a file carries as plain text: element → (field, whether an empty element clears it).
TEXT_FIELDS = {
    "XingMing": ("name", False),
    "JiGuan": ("native_place", True),
    "ChuShengDi": ("birthplace", True),
    "JianKangZhuangKuang": ("health", True),
    "ZhuanYeJiShuZhiWu": ("professional_title", True),
    "ShuXiZhuanYeYouHeZhuanChang": ("specialty", True),
    "NiRenZhiWu": ("proposed_post", True),
    "NiMianZhiWu": ("proposed_removal", True),
    "RenMianLiYou": ("appointment_reason", True),
}
# Dates of the form, known to the month: element → field (its flag of month precision on Cadre.MONTH_ONLY).
DATE_FIELDS = {
    "RuDangShiJian": "party_joined_date",
    "CanJiaGongZuoShiJian": "first_work_date",
    "DaoLingNianYue": "retirement_month",
}
# The two rows of 学历学位: (学历 element, 学位 element, the mode of the row).
EDUCATION_ROWS = (
    ("QuanRiZhiJiaoYu_XueLi", "QuanRiZhiJiaoYu_XueWei", StudyMode.FULL_TIME),
    ("ZaiZhiJiaoYu_XueLi", "ZaiZhiJiaoYu_XueWei", StudyMode.IN_SERVICE),
)
FIELD_ELEMENTS = {
    **{f: e for e, (f, _) in TEXT_FIELDS.items()},
    **{f: e for e, f in DATE_FIELDS.items()},
    "ethnicity": "MinZu",
    "post": "XianRenZhiWu",
    "gender": "XingBie",
    "birth_date": "ChuShengNianYue",
    "id_number": "ShenFenZheng",
    "education": "QuanRiZhiJiaoYu_XueLi",
    "education_written": "QuanRiZhiJiaoYu_XueLi",
    "degree": "QuanRiZhiJiaoYu_XueWei",
    "degree_written": "QuanRiZhiJiaoYu_XueWei",
    "political_status_written": "RuDangShiJian",
}
# The fields a diff shows, in the form's order; a written form and a precision are shown with their field.
SNAPSHOT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "native_place",
    "birthplace",
    "political_status",
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


def read_date(parsed, element, error, text=None):
    """Return the ParsedDate of an element's text (or of `text`), None when empty or unreadable (reported)."""
    text = parsed.get(element) if text is None else text
    if not text:
        return None
    try:
        return parse_date(text)
    except Unreadable as unreadable:
        error(element, str(unreadable))
        return None


def apply_fields(cadre, parsed, id_info, birth, created, error, unit_names):
    """Set the cadre's fields from the elements present in the file (absent elements leave them).

    `birth` is the ParsedDate of ChuShengNianYue; `unit_names` the names and aliases of the cadre's
    unit, which 现任职务 starts with.
    """
    for element, (name, clears) in TEXT_FIELDS.items():
        text = parsed.get(element)
        if parsed.has(element) and (text or clears):
            setattr(cadre, name, text)
    ethnicity = parsed.get("MinZu")
    if ethnicity:
        found = synonyms.choice_value(synonyms.ETHNICITY, ethnicity)
        if found is None:
            error("MinZu", BAD_ETHNICITY.format(text=ethnicity))
        else:
            cadre.ethnicity = found
    current = parsed.get("XianRenZhiWu")
    # The file names the unit before the post (writer.py); the same text as printed now keeps the post as stored.
    if parsed.has("XianRenZhiWu") and current != current_post(cadre):
        cadre.post = post_of(current, unit_names)
    gender = parsed.get("XingBie")
    if gender:
        found = synonyms.choice_value(synonyms.GENDER, gender)
        if found is None:
            error("XingBie", BAD_GENDER.format(text=gender))
        else:
            cadre.gender = found
    apply_dates(cadre, parsed, created, error)
    if id_info is not None:
        cadre.id_number = id_info.number
        cadre.birth_date, cadre.birth_month_only = id_info.birth_date, False
    elif birth is not None:
        cadre.birth_date, cadre.birth_month_only = merged_date(cadre.birth_date, cadre.birth_month_only, birth)
    apply_education(cadre, parsed, created, error)


def apply_dates(cadre, parsed, created, error):
    """Set 入党时间 (and a 民主党派's party), 参加工作时间 and 到龄年月 from the elements present."""
    for element, name in DATE_FIELDS.items():
        if not parsed.has(element):
            continue
        text, rest = split_date(parsed.get(element))
        flag = Cadre.MONTH_ONLY.get(name)
        found = read_date(parsed, element, error, text) if text else None
        if flag is None:  # 到龄年月: a month by definition
            setattr(cadre, name, found.date.replace(day=1) if found else None)
        else:
            value, month_only = merged_date(getattr(cadre, name), getattr(cadre, flag), found)
            setattr(cadre, name, value)
            setattr(cadre, flag, month_only)
        if element == "RuDangShiJian":
            apply_party(cadre, rest, found, created, error)


def apply_party(cadre, rest, joined, created, error):
    """Set the political status a 入党时间 says: a party's name (201005九三学社), or a month alone for the CPC."""
    if rest:
        status = synonyms.political_status_of(rest)
        if status is None:
            error("RuDangShiJian", BAD_PARTY.format(text=rest))
            return
        if status != cadre.political_status or synonyms.written_form(rest, status):
            cadre.political_status = status
            cadre.political_status_written = synonyms.written_form(rest, status)
    elif created:
        cadre.political_status = PoliticalStatus.CPC_MEMBER if joined else PoliticalStatus.MASSES


def apply_education(cadre, parsed, created, error):
    """Set the highest 学历 (level, as written, and its mode) and 学位 from the two rows of the form."""
    educations, degrees = [], []
    for education_element, degree_element, row_mode in EDUCATION_ROWS:
        degree_text = parsed.get(degree_element)
        degree = synonyms.degree_value(degree_text) if degree_text else None
        if degree_text and degree is None:
            error(degree_element, BAD_DEGREE.format(text=degree_text))
        elif degree is not None:
            degrees.append((degree, synonyms.written_form(degree_text, degree)))
        text = parsed.get(education_element)
        if not text:
            continue
        form = synonyms.education_form(text, degree or "")
        if form is None:
            error(education_element, BAD_EDUCATION.format(text=text))
            continue
        mode = form.mode if form.mode is not None and row_mode == StudyMode.IN_SERVICE else row_mode
        educations.append((form.level, synonyms.written_form(text, form.level), mode))
    if educations:
        level, written, mode = max(educations, key=lambda found: Education.rank(found[0]))
        if level == cadre.education and not written and not created:
            written = cadre.education_written
        cadre.education, cadre.education_written, cadre.education_mode = level, written, mode
    elif created and not parsed.get("QuanRiZhiJiaoYu_XueLi") and not parsed.get("ZaiZhiJiaoYu_XueLi"):
        error("QuanRiZhiJiaoYu_XueLi", NO_EDUCATION)
    if degrees:
        degree, written = max(degrees, key=lambda found: Degree.rank(found[0]))
        if degree == cadre.degree and not written and not created:
            written = cadre.degree_written
        cadre.degree, cadre.degree_written = degree, written
    elif created:
        cadre.degree, cadre.degree_written = Degree.NONE, ""


def snapshot(cadre):
    """Return {field: the text a diff shows}: a month as 1990.05, a written form as written."""
    return {name: shown(cadre, name) for name in SNAPSHOT_FIELDS}


def shown(cadre, name):
    value = getattr(cadre, name)
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date):
        flag = Cadre.MONTH_ONLY.get(name)
        month = name == "retirement_month" or (flag is not None and getattr(cadre, flag))
        return month_text(value) if month else value.isoformat()
    written = Cadre.WRITTEN.get(name)
    text = (getattr(cadre, written[0]) if written else "") or str(value)
    if name == "education" and cadre.education_mode != StudyMode.FULL_TIME:
        text += f"（{StudyMode(cadre.education_mode).label}）"
    return text


def field_changes(old, new):
    """Return the Changes between two snapshots, labelled with the fields' Chinese names."""
    return [
        Change(str(Cadre._meta.get_field(name).verbose_name), old[name], new[name], name)
        for name in SNAPSHOT_FIELDS
        if old[name] != new[name]
    ]

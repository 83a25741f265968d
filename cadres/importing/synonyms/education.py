"""Vocabularies of education: 学历 (GB/T 4658, the organisation system's 党校 codes, in-service forms)
and 学位 (GB/T 6864)."""

import re
from typing import NamedTuple

from ...choices import Degree, Education, StudyMode
from .forms import normalized, table


class EducationForm(NamedTuple):
    """What a written 学历 means: its level, and its mode where the words say it (None: the column's)."""

    level: str
    mode: str | None = None


def _completed(stem, level, mode=None):
    """The GB/T 4658 forms of a stem: 毕业, 结业, 肄业 (each within its level's group of codes)."""
    return {f"{stem}{ending}": EducationForm(level, mode) for ending in ("毕业", "结业", "肄业")}


_D, _M, _B = Education.DOCTORAL, Education.MASTER, Education.BACHELOR
_J, _S, _H = Education.JUNIOR_COLLEGE, Education.SECONDARY, Education.HIGH_SCHOOL
_IN, _PARTY = StudyMode.IN_SERVICE, StudyMode.PARTY_SCHOOL
# 学历: GB/T 4658 (研究生 11–19, 大学本科 21–28, 大学专科 31–33, 中等职业 41–49, 高中 61–63,
# 初中 71–73, 小学 81–83), the organisation system's 党校 codes (中央党校 / 省（区、市）委党校
# 研究生, 大学, 大专), the in-service forms, and the short forms rosters use. 研究生班 is of the
# 硕士 level (GB/T 4658 2.5), and so is 党校 研究生.
EDUCATION = table(
    {
        **{value: EducationForm(value) for value in Education.values},
        **_completed("博士研究生", _D),
        **_completed("硕士研究生", _M),
        **_completed("研究生班", _M),
        **_completed("研究生", _M),
        **_completed("大学本科", _B),
        **_completed("本科", _B),
        "大学普通班毕业": EducationForm(_B),
        **_completed("大学专科", _J),
        **_completed("专科", _J),
        **_completed("大专", _J),
        **_completed("中等专科", _S),
        **_completed("中专", _S),
        **_completed("职业高中", _S),
        **_completed("技工学校", _S),
        **_completed("普通高中", _H),
        **_completed("高中", _H),
        "初中毕业": EducationForm(_H),
        "初中肄业": EducationForm(_H),
        "小学毕业": EducationForm(_H),
        "小学肄业": EducationForm(_H),
        # The short forms. 研究生 alone is a 硕士 unless the degree says 博士 (education_form).
        "博士": EducationForm(_D),
        "硕士": EducationForm(_M),
        "研究生": EducationForm(_M),
        "研究生班": EducationForm(_M),
        "本科": EducationForm(_B),
        "大学": EducationForm(_B),
        "大本": EducationForm(_B),
        "专科": EducationForm(_J),
        "大专": EducationForm(_J),
        "高职": EducationForm(_J),
        "高等职业教育": EducationForm(_J),
        "中等专科": EducationForm(_S),
        "中等专业学校": EducationForm(_S),
        "中技": EducationForm(_S),
        "技校": EducationForm(_S),
        "职高": EducationForm(_S),
        "高中": EducationForm(_H),
        "初中": EducationForm(_H),
        "小学": EducationForm(_H),
        # 党校: the organisation system's codes and the ways files write them.
        "中央党校研究生": EducationForm(_M, _PARTY),
        "省(区、市)委党校研究生": EducationForm(_M, _PARTY),
        "省区市委党校研究生": EducationForm(_M, _PARTY),
        "省委党校研究生": EducationForm(_M, _PARTY),
        "党校研究生": EducationForm(_M, _PARTY),
        "中央党校大学": EducationForm(_B, _PARTY),
        "中央党校本科": EducationForm(_B, _PARTY),
        "省(区、市)委党校大学": EducationForm(_B, _PARTY),
        "省区市委党校大学": EducationForm(_B, _PARTY),
        "省委党校大学": EducationForm(_B, _PARTY),
        "省委党校本科": EducationForm(_B, _PARTY),
        "市委党校大学": EducationForm(_B, _PARTY),
        "市委党校本科": EducationForm(_B, _PARTY),
        "党校大学": EducationForm(_B, _PARTY),
        "党校本科": EducationForm(_B, _PARTY),
        "中央党校大专": EducationForm(_J, _PARTY),
        "省(区、市)委党校大专": EducationForm(_J, _PARTY),
        "省区市委党校大专": EducationForm(_J, _PARTY),
        "省委党校大专": EducationForm(_J, _PARTY),
        "市委党校大专": EducationForm(_J, _PARTY),
        "党校大专": EducationForm(_J, _PARTY),
        # In-service (在职) education: 在职, 函授, 自考, 电大, 网络教育, 成人, 夜大.
        "在职博士研究生": EducationForm(_D, _IN),
        "在职博士": EducationForm(_D, _IN),
        "在职研究生": EducationForm(_M, _IN),
        "在职硕士研究生": EducationForm(_M, _IN),
        "在职硕士": EducationForm(_M, _IN),
        "在职大学": EducationForm(_B, _IN),
        "在职本科": EducationForm(_B, _IN),
        "在职大学本科": EducationForm(_B, _IN),
        "在职大专": EducationForm(_J, _IN),
        "在职专科": EducationForm(_J, _IN),
        "在职大学专科": EducationForm(_J, _IN),
        "在职中专": EducationForm(_S, _IN),
        **{
            f"{way}{level_text}": EducationForm(level, _IN)
            for way in ("函授", "自考", "自学考试", "电大", "网络教育", "成人", "成教", "夜大")
            for level_text, level in (("本科", _B), ("大学", _B), ("大专", _J), ("专科", _J))
        },
    }
)


def education_form(written, degree=""):
    """Return the EducationForm of a written 学历, or None; 研究生 with a 博士 degree is 博士研究生."""
    key = normalized(written)
    form = EDUCATION.get(key)
    # Only the forms that say 研究生 without its level: 硕士研究生, 研究生班 and 党校 研究生 say theirs.
    plain = "研究生" in key and not any(word in key for word in ("硕士", "班", "党校"))
    if form is not None and plain and form.level == Education.MASTER and degree == Degree.DOCTOR:
        return EducationForm(Education.DOCTORAL, form.mode)
    return form


# 学位: GB/T 6864 — 名誉博士 (1), 博士 (2), 硕士 (3), 学士 (4), each by 学科门类 or as a
# professional degree (工商管理硕士 (MBA) …). 名誉博士 is not an earned degree: stored as 无,
# the written form kept.
DEGREE_SUBJECTS = (
    "哲学", "经济学", "法学", "教育学", "文学", "历史学", "理学", "工学", "农学", "医学", "军事学", "管理学",
    "艺术学", "交叉学科",
)  # fmt: skip
PROFESSIONAL_DEGREES = {
    Degree.MASTER: (
        "工商管理", "公共管理", "法律", "教育", "工程", "社会工作", "会计", "金融", "公共卫生", "临床医学",
        "农业推广", "兽医", "体育", "翻译", "艺术", "汉语国际教育", "应用统计", "税务", "国际商务", "保险",
        "资产评估", "审计", "图书情报", "工程管理", "旅游管理", "新闻与传播", "出版", "文物与博物馆",
        "警务", "军事", "建筑学", "城市规划", "风景园林", "口腔医学", "中医", "护理", "药学", "中药学",
        "高级管理人员工商管理",
    ),
    Degree.DOCTOR: ("临床医学", "口腔医学", "兽医", "教育", "工程", "中医"),
    Degree.BACHELOR: ("建筑学",),
}  # fmt: skip
DEGREE = table(
    {
        **{value: value for value in Degree.values},
        **{f"{value}学位": value for value in (Degree.DOCTOR, Degree.MASTER, Degree.BACHELOR)},
        **{f"{subject}{level}": level for subject in DEGREE_SUBJECTS for level in Degree.values if level != "无"},
        **{f"{name}{level}": level for level, names in PROFESSIONAL_DEGREES.items() for name in names},
        "工商管理硕士(MBA)": Degree.MASTER,
        "高级管理人员工商管理硕士(EMBA)": Degree.MASTER,
        "公共管理硕士(MPA)": Degree.MASTER,
        "法律硕士(JM)": Degree.MASTER,
        "MBA": Degree.MASTER,
        "EMBA": Degree.MASTER,
        "MPA": Degree.MASTER,
        "双学士": Degree.BACHELOR,
        "第二学士": Degree.BACHELOR,
        "名誉博士": Degree.NONE,
        "无学位": Degree.NONE,
        "": Degree.NONE,
    }
)
# A degree not in the table but named like one (信息管理学硕士, 社会学博士学位): by its last word.
_DEGREE_ENDING = re.compile(r"(博士|硕士|学士)(?:学位)?(?:\([A-Za-z]+\))?$")


def degree_value(written):
    """Return the Degree a written 学位 names, or None."""
    key = normalized(written)
    found = DEGREE.get(key)
    if found is not None:
        return found
    ending = _DEGREE_ENDING.search(key)
    if ending and not key.startswith("名誉"):
        return {"博士": Degree.DOCTOR, "硕士": Degree.MASTER, "学士": Degree.BACHELOR}[ending[1]]
    return None


def education_level_of(written, degree=""):
    """Return the level a written 学历 reads as (研究生 with a 博士 degree is 博士研究生), or None."""
    form = education_form(written, degree)
    return form.level if form is not None else None


def education_mode_of(written):
    """Return the StudyMode a written 学历 says (省委党校研究生 → 党校, 函授本科 → 在职), or None."""
    form = EDUCATION.get(normalized(written))
    return form.mode if form is not None else None

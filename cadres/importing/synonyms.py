"""The vocabularies of the coded fields as the national standards and cadre files write them.

One table per field: the key is a written form (compared after `normalized`: full-width folded,
spaces dropped), the value what is stored. Where the stored choice is coarser than what was
written (九三学社社员 is 民主党派, 省委党校研究生 is a 硕士研究生 level of 党校 education), the
record also keeps the written form, so that an export prints what came in (`written_form`).
Adding a form is a one-line change here and one line in tests/importing/test_synonyms.py.
"""

import re
import unicodedata
from typing import NamedTuple

from ..choices import CadreStatus, Degree, Education, Gender, LeaveReason, PoliticalStatus, StudyMode

_SPACE = re.compile(r"\s+")


def normalized(text):
    """Return `text` as the tables compare it: NFKC (full-width to half-width), no spaces at all."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)))


def _table(entries):
    return {normalized(key): value for key, value in entries.items()}


GENDER = _table({"男": Gender.MALE, "女": Gender.FEMALE, "男性": Gender.MALE, "女性": Gender.FEMALE})


# 民族: GB/T 3304 — the 56 names in the order of their numeric codes (汉族 01 … 基诺族 56).
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip
# Each by its full name, its short name (土家, 维吾尔; 土族 stays 土族 so that 土 alone means nothing)
# and its numeric code, with or without the leading zero.
ETHNICITY = _table(
    {
        **{name: name for name in ETHNIC_GROUPS},
        **{name.removesuffix("族"): name for name in ETHNIC_GROUPS if len(name) > 2},
        **{f"{code:02d}": name for code, name in enumerate(ETHNIC_GROUPS, start=1)},
        **{str(code): name for code, name in enumerate(ETHNIC_GROUPS, start=1)},
        "汉": "汉族",
        "回": "回族",
        "藏": "藏族",
        "苗": "苗族",
        "彝": "彝族",
        "壮": "壮族",
        "满": "满族",
        "侗": "侗族",
        "瑶": "瑶族",
        "白": "白族",
        "傣": "傣族",
        "黎": "黎族",
        "佤": "佤族",
        "畲": "畲族",
        "羌": "羌族",
        "京": "京族",
        "怒": "怒族",
        "蒙": "蒙古族",
        "维": "维吾尔族",
        "朝鲜": "朝鲜族",
        "俄罗斯": "俄罗斯族",
    }
)


# 政治面貌: GB/T 4762 (codes 01–13), full names and the short names cadre files use.
DEMOCRATIC_PARTIES = {
    # full name (GB/T 4762): the short names in use
    "中国国民党革命委员会会员": ("民革会员", "民革党员", "民革"),
    "中国民主同盟盟员": ("民盟盟员", "民盟"),
    "中国民主建国会会员": ("民建会员", "民建"),
    "中国民主促进会会员": ("民进会员", "民进"),
    "中国农工民主党党员": ("农工党党员", "农工党", "农工民主党"),
    "中国致公党党员": ("致公党党员", "致公党"),
    "九三学社社员": ("九三社员", "九三学社"),
    "台湾民主自治同盟盟员": ("台盟盟员", "台盟"),
}
POLITICAL_STATUS = _table(
    {
        **{value: value for value in PoliticalStatus.values},
        "中国共产党党员": PoliticalStatus.CPC_MEMBER,
        "中共党员": PoliticalStatus.CPC_MEMBER,
        "党员": PoliticalStatus.CPC_MEMBER,
        "中共": PoliticalStatus.CPC_MEMBER,
        "01": PoliticalStatus.CPC_MEMBER,
        "中国共产党预备党员": PoliticalStatus.CPC_PROBATIONARY,
        "中共预备党员": PoliticalStatus.CPC_PROBATIONARY,
        "预备党员": PoliticalStatus.CPC_PROBATIONARY,
        "02": PoliticalStatus.CPC_PROBATIONARY,
        "中国共产主义青年团团员": PoliticalStatus.CYL_MEMBER,
        "共青团员": PoliticalStatus.CYL_MEMBER,
        "团员": PoliticalStatus.CYL_MEMBER,
        "共青团": PoliticalStatus.CYL_MEMBER,
        "03": PoliticalStatus.CYL_MEMBER,
        **{full: PoliticalStatus.DEMOCRATIC_PARTY for full in DEMOCRATIC_PARTIES},
        **{short: PoliticalStatus.DEMOCRATIC_PARTY for shorts in DEMOCRATIC_PARTIES.values() for short in shorts},
        **{f"{code:02d}": PoliticalStatus.DEMOCRATIC_PARTY for code in range(4, 12)},
        "无党派民主人士": PoliticalStatus.NON_PARTY,
        "无党派人士": PoliticalStatus.NON_PARTY,
        "无党派": PoliticalStatus.NON_PARTY,
        "12": PoliticalStatus.NON_PARTY,
        "群众": PoliticalStatus.MASSES,
        "13": PoliticalStatus.MASSES,
    }
)
# A democratic party's name as a .lrmx 入党时间 may carry it after the month (201005九三学社).
PARTY_NAMES = tuple(
    sorted(
        {*DEMOCRATIC_PARTIES, *(short for shorts in DEMOCRATIC_PARTIES.values() for short in shorts)},
        key=len,
        reverse=True,
    )
)


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
EDUCATION = _table(
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
DEGREE = _table(
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


# 状态 and 去向: rosters write the reason a cadre left in the 状态 column. Each form is read as a
# status and, for one who left, the reason. 借调, 挂职 and the like are not leaving.
_LEFT = CadreStatus.LEFT
LEAVE_REASON = _table(
    {
        **{value: value for value in LeaveReason.values},
        "调离": LeaveReason.TRANSFERRED_OUT,
        "调任": LeaveReason.TRANSFERRED_OUT,
        "调走": LeaveReason.TRANSFERRED_OUT,
        "转任": LeaveReason.TRANSFERRED_OUT,
        "交流调出": LeaveReason.TRANSFERRED_OUT,
        "离休": LeaveReason.RETIRED,
        "提前退休": LeaveReason.RETIRED,
        "死亡": LeaveReason.DECEASED,
        "病故": LeaveReason.DECEASED,
        "因病去世": LeaveReason.DECEASED,
        "解除聘用": LeaveReason.CONTRACT_ENDED,
        "解除聘用合同": LeaveReason.CONTRACT_ENDED,
        "解除劳动合同": LeaveReason.CONTRACT_ENDED,
        "考取研究生": LeaveReason.FURTHER_STUDY,
        "读研": LeaveReason.FURTHER_STUDY,
        "自动离职": LeaveReason.RESIGNED,
        "辞去公职": LeaveReason.RESIGNED,
        "除名": LeaveReason.DISMISSED,
        "开除公职": LeaveReason.EXPELLED,
    }
)


class StatusForm(NamedTuple):
    """What a written 状态 means: the status, and for one who left the reason if it says one."""

    status: str
    reason: str = ""


STATUS = _table(
    {
        **{value: StatusForm(value) for value in CadreStatus.values},
        "在岗": StatusForm(CadreStatus.ACTIVE),
        "在编在岗": StatusForm(CadreStatus.ACTIVE),
        "在职在岗": StatusForm(CadreStatus.ACTIVE),
        "正常": StatusForm(CadreStatus.ACTIVE),
        "现职": StatusForm(CadreStatus.ACTIVE),
        "借调": StatusForm(CadreStatus.ACTIVE),
        "借调外单位": StatusForm(CadreStatus.ACTIVE),
        "挂职": StatusForm(CadreStatus.ACTIVE),
        "抽调": StatusForm(CadreStatus.ACTIVE),
        "跟班学习": StatusForm(CadreStatus.ACTIVE),
        "试用期": StatusForm(CadreStatus.ACTIVE),
        "拟录": StatusForm(CadreStatus.PENDING),
        "拟录用人员": StatusForm(CadreStatus.PENDING),
        "待入职": StatusForm(CadreStatus.PENDING),
        "公示期": StatusForm(CadreStatus.PENDING),
        "离开": StatusForm(_LEFT),
        "离职": StatusForm(_LEFT),
        "不在岗": StatusForm(_LEFT),
        **{written: StatusForm(_LEFT, reason) for written, reason in LEAVE_REASON.items() if reason != "其他"},
    }
)


# 职级 and 职务层次: 公务员职务与职级并行规定 (一级巡视员 … 二级科员, 试用期), the older 级别
# (正科级, 副科级, 科员, 办事员 …), the 领导职务层次, and the 事业单位 岗位等级 (管理岗 一级 …
# 十级, 专业技术岗 一级 … 十三级). The table folds the variants onto one spelling; a rank it does
# not know is kept as written (the field is text).
_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三")
CIVIL_SERVANT_RANKS = (
    "一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
    "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员", "试用期",
)  # fmt: skip
LEADERSHIP_LEVELS = (
    "省部级正职", "省部级副职", "厅局级正职", "厅局级副职", "县处级正职", "县处级副职", "乡科级正职", "乡科级副职",
)  # fmt: skip
OLD_GRADES = {
    "正厅级": ("正厅",), "副厅级": ("副厅",), "正处级": ("正处", "正县级"), "副处级": ("副处", "副县级"),
    "正科级": ("正科",), "副科级": ("副科",), "科员": ("科员级",), "办事员": ("办事员级",),
}  # fmt: skip
RANK = _table(
    {
        **{rank: rank for rank in (*CIVIL_SERVANT_RANKS, *LEADERSHIP_LEVELS, *OLD_GRADES)},
        # 4级主任科员: the grade written as a digit.
        **{f"{'一二三四'.index(rank[0]) + 1}{rank[1:]}": rank for rank in CIVIL_SERVANT_RANKS if rank[1] == "级"},
        **{variant: grade for grade, variants in OLD_GRADES.items() for variant in variants},
        "试用期人员": "试用期",
        "试用": "试用期",
        **{
            form.format(n=numeral): f"管理{numeral}级"
            for numeral in _NUMERALS[:10]
            for form in ("管理{n}级", "管理岗{n}级", "管理岗位{n}级", "{n}级职员")
        },
        **{
            form.format(n=numeral): f"专业技术{numeral}级"
            for numeral in _NUMERALS
            for form in ("专业技术{n}级", "专技{n}级", "专业技术岗{n}级", "专业技术岗位{n}级")
        },
    }
)


# 进入方式: the channels are data (their names and codes come from the database); these are the other
# names rosters use for the seeded channels, keyed to the channel's code.
CHANNEL = _table(
    {
        "选调": "xuandiao",
        "选调生招录": "xuandiao",
        "公务员": "gongwuyuan",
        "公务员考录": "gongwuyuan",
        "公务员招考": "gongwuyuan",
        "考录": "gongwuyuan",
        "招硕": "zhaoshuo",
        "引进硕博": "zhaoshuo",
        "事业单位": "shiye",
        "事业编": "shiye",
        "事业单位公开招聘": "shiye",
        "社区定向": "shequ",
        "社区干部定向招聘": "shequ",
        "退伍": "tuiwu",
        "军转": "tuiwu",
        "军转安置": "tuiwu",
        "军队转业": "tuiwu",
        "退役军人安置": "tuiwu",
        "调任": "diaoru",
        "调动": "diaoru",
        "转任": "diaoru",
        "机构改革转隶": "zhuanli",
    }
)


def rank_value(written):
    """Return the 职级 as the table spells it, or the written text when the table does not know it."""
    typed = str(written).strip()
    return RANK.get(normalized(typed), typed)


def choice_value(table, written):
    """Return the stored value `table` gives a written form, or None."""
    return table.get(normalized(written))


def written_form(written, stored):
    """Return what to keep of a written form, as written: nothing when it says no more than the stored choice."""
    typed = str(written).strip(" \u3000\t\r\n\xa0")
    return "" if normalized(typed) == normalized(stored) else typed


def political_status_of(written):
    """Return the PoliticalStatus a written 政治面貌 names (九三学社社员 → 民主党派), or None."""
    return choice_value(POLITICAL_STATUS, written)


def education_level_of(written, degree=""):
    """Return the level a written 学历 reads as (研究生 with a 博士 degree is 博士研究生), or None."""
    form = education_form(written, degree)
    return form.level if form is not None else None


def education_mode_of(written):
    """Return the StudyMode a written 学历 says (省委党校研究生 → 党校, 函授本科 → 在职), or None."""
    form = EDUCATION.get(normalized(written))
    return form.mode if form is not None else None

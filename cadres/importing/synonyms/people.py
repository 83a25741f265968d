"""Vocabularies of the person: 性别, 民族 (GB/T 3304) and 政治面貌 (GB/T 4762)."""

from ...choices import Gender, PoliticalStatus
from .forms import choice_value, table

GENDER = table({"男": Gender.MALE, "女": Gender.FEMALE, "男性": Gender.MALE, "女性": Gender.FEMALE})


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
ETHNICITY = table(
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
POLITICAL_STATUS = table(
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


def political_status_of(written):
    """Return the PoliticalStatus a written 政治面貌 names (九三学社社员 → 民主党派), or None."""
    return choice_value(POLITICAL_STATUS, written)

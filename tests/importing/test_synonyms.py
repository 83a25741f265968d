"""Every entry of the vocabularies, against the national standards written out here once more.

Each table is tested entry by entry, and a completeness test fails when a table gains a form that
this file does not list (an entry added without its test).
"""

import pytest

from cadres.importing import synonyms
from cadres.importing.synonyms import EducationForm, StatusForm, normalized

# GB/T 3304: numeric code, full name.
GB_3304 = {
    1: "汉族", 2: "蒙古族", 3: "回族", 4: "藏族", 5: "维吾尔族", 6: "苗族", 7: "彝族", 8: "壮族", 9: "布依族",
    10: "朝鲜族", 11: "满族", 12: "侗族", 13: "瑶族", 14: "白族", 15: "土家族", 16: "哈尼族", 17: "哈萨克族",
    18: "傣族", 19: "黎族", 20: "傈僳族", 21: "佤族", 22: "畲族", 23: "高山族", 24: "拉祜族", 25: "水族",
    26: "东乡族", 27: "纳西族", 28: "景颇族", 29: "柯尔克孜族", 30: "土族", 31: "达斡尔族", 32: "仫佬族",
    33: "羌族", 34: "布朗族", 35: "撒拉族", 36: "毛南族", 37: "仡佬族", 38: "锡伯族", 39: "阿昌族", 40: "普米族",
    41: "塔吉克族", 42: "怒族", 43: "乌孜别克族", 44: "俄罗斯族", 45: "鄂温克族", 46: "德昂族", 47: "保安族",
    48: "裕固族", 49: "京族", 50: "塔塔尔族", 51: "独龙族", 52: "鄂伦春族", 53: "赫哲族", 54: "门巴族",
    55: "珞巴族", 56: "基诺族",
}  # fmt: skip
# The one-character short names in use, and the two-character ones of names of two characters and more.
ETHNIC_SHORT = {
    "汉": "汉族", "回": "回族", "藏": "藏族", "苗": "苗族", "彝": "彝族", "壮": "壮族", "满": "满族", "侗": "侗族",
    "瑶": "瑶族", "白": "白族", "傣": "傣族", "黎": "黎族", "佤": "佤族", "畲": "畲族", "羌": "羌族", "京": "京族",
    "怒": "怒族", "蒙": "蒙古族", "维": "维吾尔族", "朝鲜": "朝鲜族", "俄罗斯": "俄罗斯族",
}  # fmt: skip


def ethnicity_expected():
    expected = {}
    for code, name in GB_3304.items():
        expected[name] = name
        expected[f"{code:02d}"] = name
        expected[str(code)] = name
        if len(name) > 2:
            expected[name[:-1]] = name
    expected.update(ETHNIC_SHORT)
    return expected


ETHNICITY = ethnicity_expected()

# GB/T 4762: code, full name, short name → the stored choice.
CPC, PROBATIONARY, CYL, PARTY, NON_PARTY, MASSES = (
    "中共党员",
    "中共预备党员",
    "共青团员",
    "民主党派",
    "无党派人士",
    "群众",
)
POLITICAL_STATUS = {
    "01": CPC, "中国共产党党员": CPC, "中共党员": CPC, "党员": CPC, "中共": CPC,
    "02": PROBATIONARY, "中国共产党预备党员": PROBATIONARY, "中共预备党员": PROBATIONARY, "预备党员": PROBATIONARY,
    "03": CYL, "中国共产主义青年团团员": CYL, "共青团员": CYL, "团员": CYL, "共青团": CYL,
    "04": PARTY, "中国国民党革命委员会会员": PARTY, "民革会员": PARTY, "民革党员": PARTY, "民革": PARTY,
    "05": PARTY, "中国民主同盟盟员": PARTY, "民盟盟员": PARTY, "民盟": PARTY,
    "06": PARTY, "中国民主建国会会员": PARTY, "民建会员": PARTY, "民建": PARTY,
    "07": PARTY, "中国民主促进会会员": PARTY, "民进会员": PARTY, "民进": PARTY,
    "08": PARTY, "中国农工民主党党员": PARTY, "农工党党员": PARTY, "农工党": PARTY, "农工民主党": PARTY,
    "09": PARTY, "中国致公党党员": PARTY, "致公党党员": PARTY, "致公党": PARTY,
    "10": PARTY, "九三学社社员": PARTY, "九三社员": PARTY, "九三学社": PARTY,
    "11": PARTY, "台湾民主自治同盟盟员": PARTY, "台盟盟员": PARTY, "台盟": PARTY,
    "12": NON_PARTY, "无党派民主人士": NON_PARTY, "无党派人士": NON_PARTY, "无党派": NON_PARTY,
    "13": MASSES, "群众": MASSES, "民主党派": PARTY,
}  # fmt: skip

D, M, B, J, S, H = "博士研究生", "硕士研究生", "大学本科", "大学专科", "中专", "高中及以下"
IN, SCHOOL = "在职", "党校"
EDUCATION = {
    # The stored levels themselves.
    D: (D, None), M: (M, None), B: (B, None), J: (J, None), S: (S, None), H: (H, None),
    # GB/T 4658: 毕业, 结业, 肄业 of each kind of schooling.
    "博士研究生毕业": (D, None), "博士研究生结业": (D, None), "博士研究生肄业": (D, None),
    "硕士研究生毕业": (M, None), "硕士研究生结业": (M, None), "硕士研究生肄业": (M, None),
    "研究生班毕业": (M, None), "研究生班结业": (M, None), "研究生班肄业": (M, None),
    "研究生毕业": (M, None), "研究生结业": (M, None), "研究生肄业": (M, None),
    "大学本科毕业": (B, None), "大学本科结业": (B, None), "大学本科肄业": (B, None), "大学普通班毕业": (B, None),
    "本科毕业": (B, None), "本科结业": (B, None), "本科肄业": (B, None),
    "大学专科毕业": (J, None), "大学专科结业": (J, None), "大学专科肄业": (J, None),
    "专科毕业": (J, None), "专科结业": (J, None), "专科肄业": (J, None),
    "大专毕业": (J, None), "大专结业": (J, None), "大专肄业": (J, None),
    "中等专科毕业": (S, None), "中等专科结业": (S, None), "中等专科肄业": (S, None),
    "中专毕业": (S, None), "中专结业": (S, None), "中专肄业": (S, None),
    "职业高中毕业": (S, None), "职业高中结业": (S, None), "职业高中肄业": (S, None),
    "技工学校毕业": (S, None), "技工学校结业": (S, None), "技工学校肄业": (S, None),
    "普通高中毕业": (H, None), "普通高中结业": (H, None), "普通高中肄业": (H, None),
    "高中毕业": (H, None), "高中结业": (H, None), "高中肄业": (H, None),
    "初中毕业": (H, None), "初中肄业": (H, None), "小学毕业": (H, None), "小学肄业": (H, None),
    # Short forms.
    "博士": (D, None), "硕士": (M, None), "研究生": (M, None), "研究生班": (M, None), "本科": (B, None),
    "大学": (B, None), "大本": (B, None), "专科": (J, None), "大专": (J, None), "高职": (J, None),
    "高等职业教育": (J, None), "中等专科": (S, None), "中等专业学校": (S, None), "中技": (S, None), "技校": (S, None),
    "职高": (S, None), "高中": (H, None), "初中": (H, None), "小学": (H, None),
    # 党校.
    "中央党校研究生": (M, SCHOOL), "省（区、市）委党校研究生": (M, SCHOOL), "省区市委党校研究生": (M, SCHOOL),
    "省委党校研究生": (M, SCHOOL), "党校研究生": (M, SCHOOL),
    "中央党校大学": (B, SCHOOL), "中央党校本科": (B, SCHOOL), "省（区、市）委党校大学": (B, SCHOOL),
    "省区市委党校大学": (B, SCHOOL), "省委党校大学": (B, SCHOOL), "省委党校本科": (B, SCHOOL),
    "市委党校大学": (B, SCHOOL), "市委党校本科": (B, SCHOOL), "党校大学": (B, SCHOOL), "党校本科": (B, SCHOOL),
    "中央党校大专": (J, SCHOOL), "省（区、市）委党校大专": (J, SCHOOL), "省区市委党校大专": (J, SCHOOL),
    "省委党校大专": (J, SCHOOL), "市委党校大专": (J, SCHOOL), "党校大专": (J, SCHOOL),
    # In-service.
    "在职博士研究生": (D, IN), "在职博士": (D, IN), "在职研究生": (M, IN), "在职硕士研究生": (M, IN),
    "在职硕士": (M, IN), "在职大学": (B, IN), "在职本科": (B, IN), "在职大学本科": (B, IN), "在职大专": (J, IN),
    "在职专科": (J, IN), "在职大学专科": (J, IN), "在职中专": (S, IN),
    **{
        f"{way}{level}": (value, IN)
        for way in ("函授", "自考", "自学考试", "电大", "网络教育", "成人", "成教", "夜大")
        for level, value in (("本科", B), ("大学", B), ("大专", J), ("专科", J))
    },
}  # fmt: skip

# GB/T 6864: the 学科门类 of 名誉博士, 博士, 硕士, 学士, and professional degrees.
SUBJECTS = (
    "哲学", "经济学", "法学", "教育学", "文学", "历史学", "理学", "工学", "农学", "医学", "军事学", "管理学", "艺术学",
    "交叉学科",
)  # fmt: skip
MASTERS = (
    "工商管理", "公共管理", "法律", "教育", "工程", "社会工作", "会计", "金融", "公共卫生", "临床医学", "农业推广",
    "兽医", "体育", "翻译", "艺术", "汉语国际教育", "应用统计", "税务", "国际商务", "保险", "资产评估", "审计",
    "图书情报", "工程管理", "旅游管理", "新闻与传播", "出版", "文物与博物馆", "警务", "军事", "建筑学", "城市规划",
    "风景园林", "口腔医学", "中医", "护理", "药学", "中药学", "高级管理人员工商管理",
)  # fmt: skip
DOCTORS = ("临床医学", "口腔医学", "兽医", "教育", "工程", "中医")
DEGREE = {
    "博士": "博士", "硕士": "硕士", "学士": "学士", "无": "无", "": "无", "无学位": "无",
    "博士学位": "博士", "硕士学位": "硕士", "学士学位": "学士",
    **{f"{subject}{level}": level for subject in SUBJECTS for level in ("博士", "硕士", "学士")},
    **{f"{name}硕士": "硕士" for name in MASTERS},
    **{f"{name}博士": "博士" for name in DOCTORS},
    "建筑学学士": "学士",
    "工商管理硕士（MBA）": "硕士", "高级管理人员工商管理硕士（EMBA）": "硕士", "公共管理硕士（MPA）": "硕士",
    "法律硕士（JM）": "硕士", "MBA": "硕士", "EMBA": "硕士", "MPA": "硕士", "双学士": "学士", "第二学士": "学士",
    "名誉博士": "无",
}  # fmt: skip

LEFT, ACTIVE, PENDING = "已离开", "在职", "拟录用"
LEAVE_REASON = {
    "调出": "调出", "辞职": "辞职", "退休": "退休", "辞退": "辞退", "去世": "去世", "开除": "开除", "解聘": "解聘",
    "升学": "升学", "其他": "其他", "调离": "调出", "调任": "调出", "调走": "调出", "转任": "调出",
    "交流调出": "调出", "离休": "退休", "提前退休": "退休", "死亡": "去世", "病故": "去世", "因病去世": "去世",
    "解除聘用": "解聘", "解除聘用合同": "解聘", "解除劳动合同": "解聘", "考取研究生": "升学", "读研": "升学",
    "自动离职": "辞职", "辞去公职": "辞职", "除名": "辞退", "开除公职": "开除",
}  # fmt: skip
STATUS = {
    "在职": (ACTIVE, ""), "拟录用": (PENDING, ""), "已离开": (LEFT, ""),
    "在岗": (ACTIVE, ""), "在编在岗": (ACTIVE, ""), "在职在岗": (ACTIVE, ""), "正常": (ACTIVE, ""),
    "现职": (ACTIVE, ""),
    "借调": (ACTIVE, ""), "借调外单位": (ACTIVE, ""), "挂职": (ACTIVE, ""), "抽调": (ACTIVE, ""),
    "跟班学习": (ACTIVE, ""), "试用期": (ACTIVE, ""),
    "拟录": (PENDING, ""), "拟录用人员": (PENDING, ""), "待入职": (PENDING, ""), "公示期": (PENDING, ""),
    "离开": (LEFT, ""), "离职": (LEFT, ""), "不在岗": (LEFT, ""),
    **{written: (LEFT, reason) for written, reason in LEAVE_REASON.items() if reason != "其他"},
}  # fmt: skip

NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三")
RANK = {
    **{rank: rank for rank in (
        "一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员",
        "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员", "试用期", "省部级正职", "省部级副职",
        "厅局级正职", "厅局级副职", "县处级正职", "县处级副职", "乡科级正职", "乡科级副职", "正厅级", "副厅级",
        "正处级", "副处级", "正科级", "副科级", "科员", "办事员",
    )},
    "1级巡视员": "一级巡视员", "2级巡视员": "二级巡视员", "1级调研员": "一级调研员", "2级调研员": "二级调研员",
    "3级调研员": "三级调研员", "4级调研员": "四级调研员", "1级主任科员": "一级主任科员",
    "2级主任科员": "二级主任科员", "3级主任科员": "三级主任科员", "4级主任科员": "四级主任科员",
    "1级科员": "一级科员", "2级科员": "二级科员",
    "正厅": "正厅级", "副厅": "副厅级", "正处": "正处级", "正县级": "正处级", "副处": "副处级", "副县级": "副处级",
    "正科": "正科级", "副科": "副科级", "科员级": "科员", "办事员级": "办事员", "试用期人员": "试用期",
    "试用": "试用期",
    **{f"管理{n}级": f"管理{n}级" for n in NUMERALS[:10]},
    **{f"管理岗{n}级": f"管理{n}级" for n in NUMERALS[:10]},
    **{f"管理岗位{n}级": f"管理{n}级" for n in NUMERALS[:10]},
    **{f"{n}级职员": f"管理{n}级" for n in NUMERALS[:10]},
    **{f"专业技术{n}级": f"专业技术{n}级" for n in NUMERALS},
    **{f"专技{n}级": f"专业技术{n}级" for n in NUMERALS},
    **{f"专业技术岗{n}级": f"专业技术{n}级" for n in NUMERALS},
    **{f"专业技术岗位{n}级": f"专业技术{n}级" for n in NUMERALS},
}  # fmt: skip

CHANNEL = {
    "选调": "xuandiao", "选调生招录": "xuandiao", "公务员": "gongwuyuan", "公务员考录": "gongwuyuan",
    "公务员招考": "gongwuyuan", "考录": "gongwuyuan", "招硕": "zhaoshuo", "引进硕博": "zhaoshuo", "事业单位": "shiye",
    "事业编": "shiye", "事业单位公开招聘": "shiye", "社区定向": "shequ", "社区干部定向招聘": "shequ", "退伍": "tuiwu",
    "军转": "tuiwu", "军转安置": "tuiwu", "军队转业": "tuiwu", "退役军人安置": "tuiwu", "调任": "diaoru",
    "调动": "diaoru", "转任": "diaoru", "机构改革转隶": "zhuanli",
}  # fmt: skip
GENDER = {"男": "男", "女": "女", "男性": "男", "女性": "女"}


@pytest.mark.parametrize(("written", "stored"), ETHNICITY.items())
def test_each_ethnic_group_by_full_name_short_name_and_code(written, stored):
    assert synonyms.choice_value(synonyms.ETHNICITY, written) == stored


def test_the_56_groups_of_gb_3304_in_code_order():
    assert tuple(GB_3304[code] for code in range(1, 57)) == synonyms.ETHNIC_GROUPS


@pytest.mark.parametrize("written", ["土", "火星族", "57", "穿青人"])
def test_anything_else_is_no_ethnic_group(written):
    assert synonyms.choice_value(synonyms.ETHNICITY, written) is None


@pytest.mark.parametrize(("written", "stored"), POLITICAL_STATUS.items())
def test_each_political_status_of_gb_4762(written, stored):
    assert synonyms.political_status_of(written) == stored


@pytest.mark.parametrize(("written", "expected"), EDUCATION.items())
def test_each_written_education_has_its_level_and_mode(written, expected):
    assert synonyms.education_form(written) == EducationForm(*expected)


@pytest.mark.parametrize(("written", "degree"), [("研究生", "博士"), ("研究生毕业", "博士"), ("在职研究生", "博士")])
def test_postgraduate_without_its_level_and_a_doctorate_is_doctoral(written, degree):
    assert synonyms.education_form(written, degree).level == D


@pytest.mark.parametrize("written", ["硕士研究生", "研究生班", "省委党校研究生"])
def test_postgraduate_that_says_its_level_keeps_it_whatever_the_degree(written):
    assert synonyms.education_form(written, "博士").level == M


@pytest.mark.parametrize(("written", "stored"), DEGREE.items())
def test_each_degree_of_gb_6864(written, stored):
    assert synonyms.degree_value(written) == stored


@pytest.mark.parametrize(("written", "stored"), [("信息管理学硕士", "硕士"), ("社会学博士学位", "博士")])
def test_a_degree_named_like_one_is_read_by_its_last_word(written, stored):
    assert synonyms.degree_value(written) == stored


@pytest.mark.parametrize("written", ["名誉教授", "博士后"])
def test_what_is_no_degree_is_not_read_as_one(written):
    assert synonyms.degree_value(written) is None


@pytest.mark.parametrize(("written", "expected"), STATUS.items())
def test_each_status_and_leave_reason_written_in_the_status_column(written, expected):
    assert synonyms.choice_value(synonyms.STATUS, written) == StatusForm(*expected)


@pytest.mark.parametrize(("written", "stored"), LEAVE_REASON.items())
def test_each_leave_reason(written, stored):
    assert synonyms.choice_value(synonyms.LEAVE_REASON, written) == stored


@pytest.mark.parametrize(("written", "stored"), RANK.items())
def test_each_rank_of_the_parallel_ranks_rules_and_older_grades(written, stored):
    assert synonyms.rank_value(written) == stored


@pytest.mark.parametrize(("written", "code"), CHANNEL.items())
def test_each_other_name_of_a_channel(written, code):
    assert synonyms.CHANNEL[normalized(written)] == code


@pytest.mark.parametrize(("written", "stored"), GENDER.items())
def test_each_gender(written, stored):
    assert synonyms.choice_value(synonyms.GENDER, written) == stored


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (synonyms.ETHNICITY, ETHNICITY),
        (synonyms.POLITICAL_STATUS, POLITICAL_STATUS),
        (synonyms.EDUCATION, EDUCATION),
        (synonyms.DEGREE, DEGREE),
        (synonyms.STATUS, STATUS),
        (synonyms.LEAVE_REASON, LEAVE_REASON),
        (synonyms.RANK, RANK),
        (synonyms.CHANNEL, CHANNEL),
        (synonyms.GENDER, GENDER),
    ],
)
def test_every_entry_of_each_table_is_tested_here(table, expected):
    assert set(table) == {normalized(written) for written in expected}


def test_full_width_and_spaces_are_folded():
    assert synonyms.choice_value(synonyms.POLITICAL_STATUS, " 中共 党员\u3000") == CPC


def test_what_is_kept_of_a_written_form_is_nothing_when_it_says_no_more():
    assert (synonyms.written_form("大学本科", "大学本科"), synonyms.written_form("九三学社社员", PARTY)) == (
        "",
        "九三学社社员",
    )

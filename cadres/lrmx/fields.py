"""The element names of a .lrmx file (LRMX.md, in the editor's order) and their text formats."""

import re

# Every direct child of <Person>, in the editor's order; readers map them by name, so never rename.
PERSON_ELEMENTS = (
    "XingMing",
    "XingBie",
    "ChuShengNianYue",
    "MinZu",
    "JiGuan",
    "ChuShengDi",
    "RuDangShiJian",
    "CanJiaGongZuoShiJian",
    "JianKangZhuangKuang",
    "ZhuanYeJiShuZhiWu",
    "ShuXiZhuanYeYouHeZhuanChang",
    "QuanRiZhiJiaoYu_XueLi",
    "QuanRiZhiJiaoYu_XueWei",
    "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi",
    "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi",
    "ZaiZhiJiaoYu_XueLi",
    "ZaiZhiJiaoYu_XueWei",
    "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi",
    "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi",
    "XianRenZhiWu",
    "NiRenZhiWu",
    "NiMianZhiWu",
    "JianLi",
    "JiangChengQingKuang",
    "NianDuKaoHeJieGuo",
    "RenMianLiYou",
    "JiaTingChengYuan",
    "ChengBaoDanWei",
    "JiSuanNianLingShiJian",
    "TianBiaoShiJian",
    "TianBiaoRen",
    "ShenFenZheng",
    "ZhaoPian",
    "Version",
)
FAMILY = "JiaTingChengYuan"
FAMILY_ITEM = "Item"
FAMILY_ELEMENTS = ("ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao", "GongZuoDanWeiJiZhiWu")
# Written by newer editors; read when present (LRMX.md).
OPTIONAL_ELEMENTS = ("DaoLingNianYue", "GaiGeQianRenZhiNianLingJieXian")

LABELS = {
    "XingMing": "姓名",
    "XingBie": "性别",
    "ChuShengNianYue": "出生年月",
    "MinZu": "民族",
    "JiGuan": "籍贯",
    "ChuShengDi": "出生地",
    "RuDangShiJian": "入党时间",
    "CanJiaGongZuoShiJian": "参加工作时间",
    "JianKangZhuangKuang": "健康状况",
    "ZhuanYeJiShuZhiWu": "专业技术职务",
    "ShuXiZhuanYeYouHeZhuanChang": "熟悉专业有何专长",
    "QuanRiZhiJiaoYu_XueLi": "全日制教育学历",
    "QuanRiZhiJiaoYu_XueWei": "全日制教育学位",
    "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "全日制学历毕业院校系及专业",
    "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "全日制学位毕业院校系及专业",
    "ZaiZhiJiaoYu_XueLi": "在职教育学历",
    "ZaiZhiJiaoYu_XueWei": "在职教育学位",
    "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": "在职学历毕业院校系及专业",
    "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": "在职学位毕业院校系及专业",
    "XianRenZhiWu": "现任职务",
    "NiRenZhiWu": "拟任职务",
    "NiMianZhiWu": "拟免职务",
    "JianLi": "简历",
    "JiangChengQingKuang": "奖惩情况",
    "NianDuKaoHeJieGuo": "年度考核结果",
    "RenMianLiYou": "任免理由",
    "JiaTingChengYuan": "家庭主要成员及重要社会关系",
    "ChengBaoDanWei": "呈报单位",
    "JiSuanNianLingShiJian": "计算年龄时间",
    "TianBiaoShiJian": "填表时间",
    "TianBiaoRen": "填表人",
    "ShenFenZheng": "公民身份号码",
    "ZhaoPian": "照片",
    "Version": "版本",
    "DaoLingNianYue": "到龄年月",
    "GaiGeQianRenZhiNianLingJieXian": "改革前任职年龄界限",
}

NONE_TEXT = "无"
# A date at the start of an element's text (201005, 2010.05, 2010年5月), and what follows it (a party's name).
_LEADING_DATE = re.compile(r"^\s*([0-9０-９][0-9０-９.．/\-年月日]*)\s*(.*?)\s*$", re.S)


def yyyymm(day):
    """Return `day` as the file writes dates: six digits, or "" for no date."""
    return f"{day:%Y%m}" if day else ""


def split_date(text):
    """Return (the date at the start of `text`, the rest): 201005九三学社 is ("201005", "九三学社").

    A text that does not start with a digit is all rest: ("", 九三学社).
    """
    match = _LEADING_DATE.match(text)
    if not match:
        return "", text.strip()
    return match[1], match[2]


def form_age(birth_date, as_of):
    """Return the age printed on the form: one year older from the first day of the birth month.

    The form's own convention (LRMX.md "Age on the form"), at month precision; the statistics
    count 周岁 to the day instead (DESIGN.md), so the two may differ within the birth month.
    """
    return as_of.year - birth_date.year - (1 if as_of.month < birth_date.month else 0)


def birth_with_age(birth_date, as_of):
    """Return 出生年月 as the printed form shows it: `1990.01（31岁）`."""
    return f"{birth_date:%Y.%m}（{form_age(birth_date, as_of)}岁）"

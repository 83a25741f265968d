"""The print-ready 干部任免审批表: the official two-page A4 form (LRMX.md "The printed form").

The values are the .lrmx file's, so the printed form and the exchanged file always agree.
"""

import base64

from cadres.lrmx.fields import FAMILY, birth_with_age
from cadres.lrmx.writer import person_values

from .excel import FormSheet, fit_font_size

TITLE = "干部任免审批表"
WIDTHS = (11, 12, 9, 11, 13, 14, 15)
LAST_COLUMN = "G"
JIANLI_HEIGHT = 430
JIANLI_WIDTH = sum(WIDTHS[1:])
CURRENT_POST_WIDTH = sum(WIDTHS[2:5])
POST_HEIGHT = 34
FAMILY_ROWS = 7
PAGE_ONE_LAST_ROW = 11
PHOTO_BOX = "G2:G5"
SEAL = "（盖章）\n\n年　　月　　日"


def form_filename(cadre):
    return f"干部任免审批表_{cadre.name}.xlsx"


def appointment_form(cadre, *, as_of, filled_on, user):
    """Return the xlsx bytes of `cadre`'s 任免审批表, ages as of `as_of` (the form's convention)."""
    v = person_values(cadre, as_of=as_of, filled_on=filled_on, filled_by="", user=user)
    v["TianBiaoRen"] = user.get_full_name() or user.get_username() if user is not None else ""
    sheet = FormSheet(TITLE, WIDTHS)
    sheet.box(f"A1:{LAST_COLUMN}1", TITLE, size=22, bold=True, border=False)
    sheet.height(1, 48)
    page_one(sheet, cadre, v, as_of)
    sheet.page_break_after(PAGE_ONE_LAST_ROW)
    last = page_two(sheet, v)
    return sheet.to_bytes(f"A1:{LAST_COLUMN}{last}")


def page_one(sheet, cadre, v, as_of):
    rows = [
        ("姓名", v["XingMing"], "性别", v["XingBie"], "出生年月\n（岁）", birth_and_age(cadre, as_of)),
        ("民族", v["MinZu"], "籍贯", v["JiGuan"], "出生地", v["ChuShengDi"]),
        (
            "入党时间",
            month(v["RuDangShiJian"]),
            "参加工作\n时间",
            month(v["CanJiaGongZuoShiJian"]),
            "健康状况",
            v["JianKangZhuangKuang"],
        ),
    ]
    for row, values in enumerate(rows, start=2):
        for column, value in zip("ABCDEF", values, strict=True):
            sheet.box(f"{column}{row}", value, size=12)
        sheet.height(row, 40)
    sheet.box("A5", "专业技术\n职务", size=12)
    sheet.box("B5:C5", v["ZhuanYeJiShuZhiWu"], size=11)
    sheet.box("D5", "熟悉专业\n有何专长", size=12)
    sheet.box("E5:F5", v["ShuXiZhuanYeYouHeZhuanChang"], size=11)
    sheet.height(5, 40)
    # The photo is the file's (ZhaoPian), so the form and the .lrmx show the same one.
    if v["ZhaoPian"]:
        sheet.box(PHOTO_BOX, None, size=12)
        sheet.picture(PHOTO_BOX, base64.b64decode(v["ZhaoPian"]))
    else:
        sheet.box(PHOTO_BOX, "照片", size=12)
    sheet.box("A6:A7", "学历\n学位", size=12)
    for row, prefix, label in ((6, "QuanRiZhiJiaoYu", "全日制\n教育"), (7, "ZaiZhiJiaoYu", "在职\n教育")):
        sheet.box(f"B{row}", label, size=12)
        sheet.box(f"C{row}:D{row}", join(v[f"{prefix}_XueLi"], v[f"{prefix}_XueWei"]), size=11)
        sheet.box(f"E{row}", "毕业院校\n系及专业", size=12)
        schools = join(v[f"{prefix}_XueLi_BiYeYuanXiaoXi"], v[f"{prefix}_XueWei_BiYeYuanXiaoXi"])
        sheet.box(f"F{row}:G{row}", schools, size=11)
        sheet.height(row, 44)
    # 到龄年月 belongs to the post held (the age limit of that post), so it closes the 现任职务 row.
    current = v["XianRenZhiWu"]
    sheet.box("A8:B8", "现任职务", size=12)
    size = fit_font_size(current, width=CURRENT_POST_WIDTH, height=POST_HEIGHT)
    sheet.box("C8:E8", current, size=size, align="left", vertical="center")
    sheet.box("F8", "到龄年月", size=12)
    sheet.box("G8", month(v.get("DaoLingNianYue", "")), size=12)
    sheet.height(8, POST_HEIGHT)
    for row, label, element in ((9, "拟任职务", "NiRenZhiWu"), (10, "拟免职务", "NiMianZhiWu")):
        sheet.box(f"A{row}:B{row}", label, size=12)
        sheet.box(f"C{row}:G{row}", v[element], size=12, align="left", vertical="center")
        sheet.height(row, POST_HEIGHT)
    size = fit_font_size(v["JianLi"], width=JIANLI_WIDTH, height=JIANLI_HEIGHT)
    sheet.box("A11", "简\n\n\n\n历", size=12)
    sheet.box("B11:G11", v["JianLi"], size=size, align="left")
    sheet.height(11, JIANLI_HEIGHT)


def page_two(sheet, v):
    row = PAGE_ONE_LAST_ROW + 1
    for label, element, height in (
        ("奖惩\n情况", "JiangChengQingKuang", 90),
        ("年度考核\n结果", "NianDuKaoHeJieGuo", 60),
        ("任免\n理由", "RenMianLiYou", 80),
    ):
        sheet.box(f"A{row}", label, size=12)
        text = v[element]
        sheet.box(f"B{row}:G{row}", text, size=fit_font_size(text, width=JIANLI_WIDTH, height=height), align="left")
        sheet.height(row, height)
        row += 1
    members = v[FAMILY]
    count = max(FAMILY_ROWS, len(members))
    sheet.box(f"A{row}:A{row + count}", "家庭\n主要\n成员\n及\n重要\n社会\n关系", size=12)
    for column, header in zip("BCDE", ("称谓", "姓名", "出生年月", "政治面貌"), strict=True):
        sheet.box(f"{column}{row}", header, size=12)
    sheet.box(f"F{row}:G{row}", "工作单位及职务", size=12)
    sheet.height(row, 30)
    for index in range(count):
        member = (
            members[index]
            if index < len(members)
            else dict.fromkeys(("ChengWei", "XingMing", "ChuShengRiQi", "ZhengZhiMianMao", "GongZuoDanWeiJiZhiWu"), "")
        )
        current = row + 1 + index
        values = (member["ChengWei"], member["XingMing"], month(member["ChuShengRiQi"]), member["ZhengZhiMianMao"])
        for column, value in zip("BCDE", values, strict=True):
            sheet.box(f"{column}{current}", value, size=11)
        sheet.box(f"F{current}:G{current}", member["GongZuoDanWeiJiZhiWu"], size=11, align="left", vertical="center")
        sheet.height(current, 30)
    row += count + 1
    sheet.box(f"A{row}", "呈报\n单位", size=12)
    sheet.box(f"B{row}:D{row}", v["ChengBaoDanWei"], size=12)
    sheet.box(f"E{row}:G{row}", SEAL, size=12)
    sheet.height(row, 80)
    row += 1
    sheet.box(f"A{row}", "审批\n机关\n意见", size=12)
    sheet.box(f"B{row}:C{row}", SEAL, size=12)
    sheet.box(f"D{row}", "行政\n机关\n任免\n意见", size=12)
    sheet.box(f"E{row}:G{row}", SEAL, size=12)
    sheet.height(row, 110)
    row += 1
    filled = month(v["TianBiaoShiJian"])
    sheet.box(
        f"A{row}:{LAST_COLUMN}{row}",
        f"填表人：{v['TianBiaoRen']}　　　　填表时间：{filled}",
        size=12,
        align="left",
        border=False,
    )
    sheet.height(row, 30)
    return row


def birth_and_age(cadre, as_of):
    """Return 出生年月 over its age, `1990.03` and `（31岁）` on two lines: the box is too narrow for one."""
    return birth_with_age(cadre.birth_date, as_of).replace("（", "\n（", 1)


def month(text):
    """Return `YYYYMM` as the form prints it, `YYYY.MM`."""
    return f"{text[:4]}.{text[4:6]}" if len(text) >= 6 else text


def join(first, second):
    return "\n".join(part for part in (first, second) if part)

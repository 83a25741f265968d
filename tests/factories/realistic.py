"""A roster in the layout district offices send: an instructions sheet first, a title and 填报单位 line,
a two-row header with 全日制教育 / 在职教育 groups, 状态 written as the reason, 党校 education, the
standard's words for 政治面貌 and 学历, dates in every form, and a footer.

The people are chosen so that the statistics of 2021-07-31 can be worked out by hand
(tests/roster_import/test_real_world.py).
"""

import datetime

from openpyxl import Workbook

from cadres.models import Unit, UnitAlias

from .records import make_id_number, make_unit
from .rosters import workbook_bytes

D = datetime.date
TITLE = "下陆区优秀年轻干部花名册（截至2021年7月31日）"
FRAME = "填报单位：中共下陆区委组织部（盖章）                    填报时间：2021年8月2日"
INSTRUCTIONS = [
    ["填表说明"],
    ["1. 本表由各单位组织人事部门填写，一人一行。"],
    ["2. 出生年月、进入时间等按“1990.01”格式填写。"],
    ["3. 状态栏填写在职、拟录用，或调出、辞职、退休等离开原因。"],
]
FOOTER = [["填表人：李四", None, "联系电话：6212345", None, None, "审核人：王五"]]
HEADER_TOP = [
    "序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "政治面貌", "全日制教育", None, None,
    "在职教育", None, None, "工作单位", "现任职务", "职务层次", "进入方式", "进入时间", "参加工作时间", "状态",
    "离开时间", "备注",
]  # fmt: skip
HEADER_SUB = [None] * 7 + ["学历", "学位", "毕业院校系及专业", "学历", "学位", "毕业院校系及专业"] + [None] * 9
# The units as the system knows them, and the other names the roster uses for some.
UNITS = {
    "中共下陆区委组织部": ("区委组织部",),
    "团山街道办事处": ("团山街道",),
    "团山街道团城社区居民委员会": (),
    "下陆区教育局": (),
    "下陆区财政局": ("区财政局",),
}
NONE_STUDY = (None, None, None)
BACHELOR = ("大学本科毕业", "法学学士", "武汉大学法学院法学")


def row(name, gender, ethnicity, birth, political, full_time, in_service, unit, post, rank, channel, entry, status,
        leave=None, *, id_number=True, birth_text=None, first_work=None):  # fmt: skip
    """One person's cells in the order of the header."""
    number = make_id_number(birth, gender) if id_number else None
    return [
        None, name, gender, ethnicity, birth_text or f"{birth:%Y.%m}", number, political, *full_time, *in_service,
        unit, post, rank, channel, entry, first_work or entry, status, leave, None,
    ]  # fmt: skip


REALISTIC_PEOPLE = [
    row("张伟", "男", "汉族", D(1990, 3, 15), "中国共产党党员", BACHELOR, NONE_STUDY, "区委组织部", "干部科科员",
        "一级科员", "选调生", "2019.08", "在职"),
    row("李娜", "女", "土家", D(1992, 11, 3), "中共预备党员",
        ("硕士研究生毕业", "公共管理硕士（MPA）", "华中科技大学公共管理学院行政管理"), NONE_STUDY, "团山街道",
        "党政办科员", "一级科员", "选调生", "2020-07-15", "在岗"),
    row("王强", "男", "汉", D(1985, 8, 1), "九三学社社员", ("大学专科毕业", None, "黄石理工学院计算机应用"),
        ("函授本科", "文学学士", "华中师范大学汉语言文学"), "下陆区教育局", "教研员", "管理岗九级", "事业单位招聘",
        datetime.datetime(2012, 9, 1), "在职"),
    row("赵敏", "女", "回族", D(1989, 12, 20), "中共党员", ("大学本科毕业", "经济学学士", "湖北大学经济学"),
        ("省委党校研究生", None, "湖北省委党校经济管理"), "区财政局", "预算股股长", "三级主任科员", "公务员",
        "201307", "在职"),
    row("陈刚", "男", "汉族", D(1990, 6, 1), "群众", ("大专", None, "湖北职业技术学院社会工作"), NONE_STUDY,
        "团山街道团城社区居民委员会", "社区工作者", None, "社区定向", 20210301, "在职", id_number=False,
        birth_text="1990.06", first_work="2013.07"),
    row("刘洋", "男", "汉族", D(1991, 2, 8), "共青团员", BACHELOR, NONE_STUDY, "区委组织部", "科员", "试用期",
        "公务员", "2021-08-02", "在职"),
    row("孙丽", "女", "汉族", D(1993, 5, 9), "中共党员", BACHELOR, NONE_STUDY, "区财政局", "科员", "试用期",
        "公务员", "2021.07.01", "在职"),
    row("周杰", "男", "汉族", D(1988, 4, 2), "中共党员", ("硕士研究生毕业", "工学硕士", "武汉理工大学土木工程"),
        NONE_STUDY, "区委组织部", "组织科副科长", "二级主任科员", "招硕引博", "2018.06", "调出", "2021.07.31"),
    row("吴磊", "男", "汉族", D(1987, 9, 10), "中共党员", BACHELOR, NONE_STUDY, "团山街道", "副主任",
        "四级主任科员", "选调生", "2012年8月", "辞职", "2021年8月15日"),
    row("郑芳", "女", "汉族", D(1984, 6, 30), "中共党员", BACHELOR, NONE_STUDY, "区财政局", "办公室主任",
        "二级主任科员", "调入", "2010.01", "在职"),
    row("冯雪", "女", "汉族", D(1995, 1, 5), "群众", BACHELOR, NONE_STUDY, "区委组织部", None, None, "公务员",
        None, "拟录", first_work=None),
    row("蒋涛", "男", "汉族", D(1990, 10, 12), "中共党员", BACHELOR, NONE_STUDY, "区委组织部", "科员",
        "一级科员", "转隶", "2019.01", "借调"),
    row("杨帆", "男", "汉族", D(1992, 8, 18), "中共党员", ("大学", None, "海军工程大学"), NONE_STUDY, "团山街道",
        "科员", "二级科员", "退伍", "2017.12", "在职"),
]  # fmt: skip
for number, cells in enumerate(REALISTIC_PEOPLE, start=1):
    cells[0] = number


def make_realistic_units():
    """Create the units the roster names, with the aliases it uses; return {name: Unit}."""
    units = {}
    for name, aliases in UNITS.items():
        kind = "街道" if name == "团山街道办事处" else "社区" if name.endswith("居民委员会") else "党政机关"
        units[name] = make_unit(name, kind=kind)
        for alias in aliases:
            UnitAlias.objects.create(unit=units[name], name=alias)
    Unit.objects.filter(name="团山街道团城社区居民委员会").update(parent=units["团山街道办事处"])
    return units


def realistic_roster(people=REALISTIC_PEOPLE):
    """Return the roster's bytes."""
    workbook = Workbook()
    guide = workbook.active
    guide.title = "填表说明"
    for line in INSTRUCTIONS:
        guide.append(line)
    ws = workbook.create_sheet("花名册")
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER_TOP))
    ws.append([FRAME])
    ws.append(HEADER_TOP)
    ws.append(HEADER_SUB)
    for column, text in enumerate(HEADER_TOP, start=1):
        if text in ("全日制教育", "在职教育"):
            ws.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + 2)
        elif text is not None:
            ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    for cells in people:
        ws.append(cells)
        ws.cell(row=ws.max_row, column=6).number_format = "@"
    for line in FOOTER:
        ws.append(line)
    return workbook_bytes(workbook)

"""The roster's columns: which header texts (and aliases) mean which field of a cadre.

This table is the one description of a roster: the reader finds columns by it, and the import
template (reports/roster_template.py) is generated from it, with its example row and notes.
"""

import re
import unicodedata
from dataclasses import dataclass

# Two-row headers: a merged parent over 学历 / 学位 / 毕业院校及专业 decides their meaning.
EDUCATION_PARENTS = {"全日制教育": "fulltime", "在职教育": "inservice"}
EDUCATION_SUBCOLUMNS = {
    "学历": "education",
    "学位": "degree",
    "毕业院校及专业": "school",
    "毕业院校系及专业": "school",
    "毕业院校": "school",
}
EXAMPLE_ID_NUMBER = "420204199005121035"


@dataclass(frozen=True)
class Column:
    """A field the roster can fill, the header texts that name it, and whether a roster must have it.

    `example` and `note` fill the import template, which has the columns marked `template`;
    `choices` names the vocabulary its drop-down list offers.
    """

    key: str
    label: str
    aliases: tuple
    required: bool = False
    template: bool = True
    example: str = ""
    note: str = ""
    choices: str = ""


def _education(prefix, parent, short):
    """The three columns of an education group, by their flat headers (全日制学历) too."""
    return (
        Column(
            f"{prefix}.education",
            f"{parent}·学历",
            (f"{parent}学历", f"{short}学历"),
            template=False,
        ),
        Column(f"{prefix}.degree", f"{parent}·学位", (f"{parent}学位", f"{short}学位"), template=False),
        Column(
            f"{prefix}.school",
            f"{parent}·毕业院校及专业",
            tuple(
                f"{head}{tail}"
                for head in (parent, short)
                for tail in ("毕业院校及专业", "毕业院校系及专业", "毕业院校", "院校及专业", "毕业学校及专业")
            ),
            template=False,
        ),
    )


COLUMNS = (
    Column("name", "姓名", ("姓名",), required=True, example="张三", note="填写全名；两字姓名不要加空格"),
    Column(
        "gender", "性别", ("性别",), example="男", note="男或女；填写公民身份号码时可不填，由号码读取", choices="gender"
    ),
    Column("ethnicity", "民族", ("民族",), example="汉族", note="56个民族的全称、简称或代码，如 汉族、土家、15"),
    Column(
        "birth_date",
        "出生日期",
        ("出生日期", "出生年月", "出生时间", "出生年月日"),
        example="1990-05-12",
        note="如 1990-05-12、1990.05.12 或只到月的 1990.05；填写公民身份号码时可不填",
    ),
    Column(
        "id_number",
        "公民身份号码",
        ("公民身份号码", "身份证号", "身份证号码", "身份证", "居民身份证号码", "身份证件号码"),
        example=EXAMPLE_ID_NUMBER,
        note="18位，本列为文本格式，请勿改为数字",
    ),
    Column(
        "political_status",
        "政治面貌",
        ("政治面貌", "党派", "政治面目"),
        required=True,
        example="中共党员",
        note="从下拉列表选择；也可写 中国共产党党员、预备党员、九三学社社员 等标准写法",
        choices="political_status",
    ),
    Column(
        "education",
        "学历",
        ("学历", "最高学历", "文化程度"),
        required=True,
        example="大学本科",
        note="从下拉列表选择；也可写 大学本科毕业、研究生、省委党校研究生、在职大学 等；"
        "也可改用“全日制教育”“在职教育”两组列",
        choices="education",
    ),
    Column("degree", "学位", ("学位", "最高学位"), example="学士", note="博士、硕士、学士或无；也可写 法学学士 等"),
    Column(
        "unit",
        "工作单位",
        ("工作单位", "单位", "所在单位", "单位名称", "现工作单位", "工作单位名称"),
        required=True,
        example="下陆区委组织部",
        note="系统中的单位名称或其别名",
    ),
    Column("post", "职务", ("职务", "现任职务", "现职务", "职务名称"), example="科员"),
    Column(
        "rank",
        "职级",
        ("职级", "职务层次", "现职级", "职务职级", "级别"),
        example="一级科员",
        note="如 四级主任科员、一级科员、试用期、副科级、管理八级",
    ),
    Column(
        "channel",
        "进入方式",
        ("进入方式", "招录渠道", "来源渠道", "来源", "进入渠道", "录用方式", "入职方式"),
        required=True,
        example="选调生",
        note="从下拉列表选择",
        choices="channel",
    ),
    Column(
        "entry_date",
        "进入时间",
        ("进入时间", "入职时间", "到岗时间", "录用时间", "进入本单位时间", "进入日期"),
        example="2015-08-03",
        note="拟录用人员不填；可只写到月，如 2015.08",
    ),
    Column("first_work_date", "参加工作时间", ("参加工作时间", "参加工作年月", "参加工作日期"), example="2015-08-03"),
    Column(
        "status",
        "状态",
        ("状态", "人员状态", "在职状态", "现状", "在岗状态"),
        example="在职",
        note="在职、拟录用或已离开；也可直接写离开原因（调出、辞职、退休、去世等），此时须填离开时间",
    ),
    Column("leave_date", "离开时间", ("离开时间", "调出时间", "离职时间", "离开日期"), note="已离开的填写"),
    Column(
        "leave_reason",
        "离开原因",
        ("离开原因", "去向", "离开去向", "调出原因", "离职原因"),
        note="调出、辞职、退休、辞退、去世、开除、解聘、升学或其他",
    ),
    Column("notes", "备注", ("备注",)),
    *_education("fulltime", "全日制教育", "全日制"),
    *_education("inservice", "在职教育", "在职"),
)
BY_KEY = {column.key: column for column in COLUMNS}
ALIASES = {alias: column.key for column in COLUMNS for alias in column.aliases}
REQUIRED_KEYS = tuple(column.key for column in COLUMNS if column.required)
# 学历 is required, in one of its three places.
EDUCATION_KEYS = ("education", "fulltime.education", "inservice.education")
TEMPLATE_COLUMNS = tuple(column for column in COLUMNS if column.template)

_NOTE = re.compile(r"[（(][^）)]*[）)]")
_SPACE = re.compile(r"\s+")


def normalize_header(value):
    """Return a header cell's text as people mean it: no spaces or line breaks, no `*`, no (notes).

    `姓  名`, `出生⏎年月`, `身份证号*（已核对）` and `性别 ` become `姓名`, `出生年月`, `身份证号`, `性别`.
    """
    if value is None or not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFKC", value)
    text = _NOTE.sub("", text)
    text = _SPACE.sub("", text)
    return text.replace("*", "").replace(":", "").strip()


def header_key(text):
    """Return the field key a normalized header names, or None."""
    return ALIASES.get(text)

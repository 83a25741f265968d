"""The roster's columns: which header texts (and aliases) mean which field of a cadre."""

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
}


@dataclass(frozen=True)
class Column:
    """A field the roster can fill, the header texts that name it, and whether a roster must have it."""

    key: str
    label: str
    aliases: tuple
    required: bool = False


COLUMNS = (
    Column("name", "姓名", ("姓名",), required=True),
    Column("gender", "性别", ("性别",)),
    Column("ethnicity", "民族", ("民族",)),
    Column("birth_date", "出生日期", ("出生日期", "出生年月")),
    Column("id_number", "公民身份号码", ("公民身份号码", "身份证号", "身份证号码")),
    Column("political_status", "政治面貌", ("政治面貌",), required=True),
    Column("education", "学历", ("学历",)),
    Column("degree", "学位", ("学位",)),
    Column("unit", "工作单位", ("工作单位", "单位"), required=True),
    Column("post", "职务", ("职务", "现任职务")),
    Column("rank", "职级", ("职级",)),
    Column("channel", "进入方式", ("进入方式", "招录渠道", "来源渠道"), required=True),
    Column("entry_date", "进入时间", ("进入时间", "入职时间", "到岗时间")),
    Column("first_work_date", "参加工作时间", ("参加工作时间",)),
    Column("status", "状态", ("状态",)),
    Column("leave_date", "离开时间", ("离开时间", "调出时间")),
    Column("leave_reason", "离开原因", ("离开原因",)),
    Column("notes", "备注", ("备注",)),
)
BY_KEY = {column.key: column for column in COLUMNS}
ALIASES = {alias: column.key for column in COLUMNS for alias in column.aliases}
REQUIRED_KEYS = tuple(column.key for column in COLUMNS if column.required)
EDUCATION_KEYS = ("education", "fulltime.education", "inservice.education")

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

"""The roster import template (花名册导入模板.xlsx): headers, one example row, drop-down lists, a guide."""

from cadres.choices import Education, Gender, PoliticalStatus
from cadres.models import Channel
from cadres.validators import id_check_char

from .excel import WorkbookWriter, text_width

FILENAME = "花名册导入模板.xlsx"
SHEET = "花名册"
GUIDE_SHEET = "填写说明"
VALIDATION_ROWS = 2000
CHOICE_ERROR = "请从下拉列表中选择"
EXAMPLE_ID_FIRST17 = "42020419900512103"
# (header, required, example, explanation)
COLUMNS = (
    ("姓名", True, "张三", "填写全名；两字姓名不要加空格"),
    ("性别", False, "男", "男或女；填写公民身份号码时可不填，由号码读取"),
    ("民族", False, "汉族", "如 汉族、土家族；可简写为“汉”"),
    ("出生日期", False, "1990-05-12", "如 1990-05-12 或 1990.05；填写公民身份号码时可不填"),
    (
        "公民身份号码",
        False,
        EXAMPLE_ID_FIRST17 + id_check_char(EXAMPLE_ID_FIRST17),
        "18位，本列为文本格式，请勿改为数字",
    ),
    ("政治面貌", True, "中共党员", "从下拉列表选择；也可写 党员、预备党员、团员"),
    ("学历", True, "大学本科", "从下拉列表选择；也可写 本科、研究生"),
    ("学位", False, "学士", "博士、硕士、学士或无"),
    ("工作单位", True, "下陆区委组织部", "须与系统中的单位名称一致"),
    ("职务", False, "科员", ""),
    ("职级", False, "一级科员", ""),
    ("进入方式", True, "选调生", "从下拉列表选择"),
    ("进入时间", False, "2015-08-01", "拟录用人员不填"),
    ("参加工作时间", False, "2015-08-01", ""),
    ("状态", False, "在职", "在职、拟录用或已离开；不填时按进入和离开时间判断"),
    ("离开时间", False, "", "已离开的填写"),
    ("离开原因", False, "", "调出、辞职、退休、辞退、去世或其他"),
    ("备注", False, "", ""),
)
CHOICES = {
    "性别": Gender.values,
    "政治面貌": PoliticalStatus.values,
    "学历": Education.values,
}


def roster_template():
    """Return the bytes of the import template; it imports back cleanly once its unit exists."""
    writer = WorkbookWriter()
    headers = [f"{name}*" if required else name for name, required, _example, _note in COLUMNS]
    sheet = writer.sheet(SHEET, [max(text_width(header), 12) for header in headers], header_row=1)
    sheet.row(headers, "header")
    sheet.row([(example, "body", "@") if name == "公民身份号码" else example for name, _r, example, _n in COLUMNS])
    choices = dict(CHOICES, 进入方式=list(Channel.objects.values_list("name", flat=True)))
    for index, (name, *_rest) in enumerate(COLUMNS, start=1):
        if name in choices:
            sheet.choices(index, choices[name], first_row=2, last_row=VALIDATION_ROWS, error=CHOICE_ERROR)
    guide = writer.sheet(GUIDE_SHEET, [14, 8, 70], landscape=False, header_row=1)
    guide.row(["列名", "必填", "填写说明"], "header")
    for name, required, _example, note in COLUMNS:
        guide.row([name, "是" if required else "", note])
    return writer.to_bytes()

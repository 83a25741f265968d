"""The roster import template (花名册导入模板.xlsx): headers, one example row, drop-down lists, a guide.

Generated from the import's own column table (cadres/roster_import/columns.py), so the template
names, requires and explains exactly what the import reads; its example row imports as it is.
"""

from cadres.choices import Education, Gender, PoliticalStatus
from cadres.models import Channel
from cadres.roster_import.columns import TEMPLATE_COLUMNS

from .excel import WorkbookWriter, text_width

FILENAME = "花名册导入模板.xlsx"
SHEET = "花名册"
GUIDE_SHEET = "填写说明"
VALIDATION_ROWS = 2000
CHOICE_ERROR = "请从下拉列表中选择"
TEXT_COLUMNS = ("id_number",)


def _choices():
    """Return {vocabulary name: the words its drop-down list offers}."""
    return {
        "gender": Gender.values,
        "political_status": PoliticalStatus.values,
        "education": Education.values,
        "channel": list(Channel.objects.values_list("name", flat=True)),
    }


def roster_template():
    """Return the bytes of the import template."""
    writer = WorkbookWriter()
    headers = [f"{column.label}*" if column.required else column.label for column in TEMPLATE_COLUMNS]
    sheet = writer.sheet(SHEET, [max(text_width(header), 12) for header in headers], header_row=1)
    sheet.row(headers, "header")
    sheet.row(
        [(column.example, "body", "@") if column.key in TEXT_COLUMNS else column.example for column in TEMPLATE_COLUMNS]
    )
    choices = _choices()
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        if column.choices:
            sheet.choices(index, choices[column.choices], first_row=2, last_row=VALIDATION_ROWS, error=CHOICE_ERROR)
    guide = writer.sheet(GUIDE_SHEET, [14, 8, 70], landscape=False, header_row=1)
    guide.row(["列名", "必填", "填写说明"], "header")
    for column in TEMPLATE_COLUMNS:
        guide.row([column.label, "是" if column.required else "", column.note])
    return writer.to_bytes()

"""The monthly workbook's sheets of the department's staffing: 科室配备 and 抽调情况.

Named in settings.MONTHLY_REPORT_SHEETS and called by reports as write_monthly_sheets(book, params) with the
workbook being written (reports.excel.WorkbookWriter: fonts, widths, print setup and formula escaping are
its business) and the month's parameters (as_of: the month's last day). The monthly report counts the whole
district, so every section is shown.
"""

from cadres.models import Secondment

from .board import staffing_board
from .models import Pairing, Section

STAFFING_SHEET = "科室配备"
STAFFING_TITLE = "科室配备情况（{date}）"
STAFFING_HEADER = [
    ("序号", 6),
    ("单位", 22),
    ("科室", 14),
    ("人数", 6),
    ("科室人员", 22),
    ("上级对口科室数", 9),
    ("上级对口科室", 40),
    ("A角", 10),
    ("B角", 10),
    ("负责人", 10),
    ("抽调人员", 18),
    ("风险", 44),
    ("本月A、B角调整", 30),
]
NO_SECTIONS = "尚未登记科室。"
NO_RISK = "无"
CHANGE = "{date}起：A角{a}，B角{b}"
NOT_SET = "未设"

SECONDMENT_SHEET = "抽调情况"
SECONDMENT_TITLE = "挂职、跟班学习和抽调情况（{month}在岗）"
SECONDMENT_HEADER = [
    ("序号", 6),
    ("姓名", 10),
    ("派出单位", 24),
    ("类别", 10),
    ("接收单位", 24),
    ("接收科室", 14),
    ("开始时间", 12),
    ("计划结束时间", 14),
    ("实际结束时间", 14),
    ("本月情况", 10),
    ("期满评价", 36),
]
NO_SECONDMENTS = "本月没有在岗的挂职、跟班学习和抽调人员。"
BEGAN, ENDED, BEGAN_AND_ENDED, ONGOING = "本月开始", "本月结束", "本月开始并结束", "在岗"


def write_monthly_sheets(book, params):
    """Write the sheets 科室配备 (on the month's last day) and 抽调情况 (the month's secondments) to `book`."""
    month_end = params.as_of
    month_start = month_end.replace(day=1)
    write_staffing_sheet(book, month_start, month_end)
    write_secondment_sheet(book, month_start, month_end)


def write_staffing_sheet(book, month_start, month_end):
    board = staffing_board(Section.objects.all(), month_end)
    changes = {}
    changed = Pairing.objects.filter(start_date__gte=month_start, start_date__lte=month_end).select_related("a", "b")
    for pairing in changed.order_by("start_date", "pk"):
        text = CHANGE.format(date=f"{pairing.start_date:%m-%d}", a=pairing.a, b=pairing.b or NOT_SET)
        changes.setdefault(pairing.section_id, []).append(text)
    sheet = book.sheet(STAFFING_SHEET, [width for _, width in STAFFING_HEADER], header_row=2)
    sheet.merged(STAFFING_TITLE.format(date=f"{month_end.year}年{month_end.month}月{month_end.day}日"), "title")
    sheet.row([title for title, _ in STAFFING_HEADER], "header")
    for number, row in enumerate(board.rows, start=1):
        sheet.row(
            [
                number,
                row.section.unit.name,
                row.section.name,
                row.staff_count,
                "、".join(member.cadre.name for member in row.staff),
                row.offices_count,
                "、".join(str(office) for office in row.offices),
                row.a.name if row.a else NOT_SET,
                row.b.name if row.b else NOT_SET,
                row.section.head.name if row.section.head else "",
                "、".join(placement.secondment.cadre.name for placement in row.secondees),
                "；".join(f"{risk.kind.label}：{risk.text}" for risk in row.risks) or NO_RISK,
                "；".join(changes.get(row.section.pk, ())),
            ]
        )
    if not board.rows:
        sheet.merged(NO_SECTIONS)
    for reminder in board.reminders:
        sheet.merged(reminder.text)


def write_secondment_sheet(book, month_start, month_end):
    secondments = (
        Secondment.objects.overlapping(month_start, month_end)
        .select_related("cadre__unit", "from_unit", "to_unit", "placement__section")
        .order_by("start_date", "cadre__name", "pk")
    )
    sheet = book.sheet(SECONDMENT_SHEET, [width for _, width in SECONDMENT_HEADER], header_row=2)
    sheet.merged(SECONDMENT_TITLE.format(month=f"{month_end.year}年{month_end.month}月"), "title")
    sheet.row([title for title, _ in SECONDMENT_HEADER], "header")
    written = 0
    for written, secondment in enumerate(secondments, start=1):
        placement = getattr(secondment, "placement", None)
        sheet.row(
            [
                written,
                secondment.cadre.name,
                (secondment.from_unit or secondment.cadre.unit).name,
                secondment.get_kind_display(),
                secondment.to_unit.name if secondment.to_unit else secondment.to_unit_name,
                placement.section.name if placement else "",
                secondment.start_date,
                secondment.planned_end_date,
                secondment.end_date,
                month_state(secondment, month_start, month_end),
                secondment.outcome,
            ]
        )
    if not written:
        sheet.merged(NO_SECONDMENTS)


def month_state(secondment, month_start, month_end):
    """Return 本月开始, 本月结束, 本月开始并结束 or 在岗: how a secondment in progress in the month stands in it.

    `secondment` is annotated with its `last_day` (SecondmentQuerySet.overlapping).
    """
    began = secondment.start_date >= month_start
    ended = secondment.last_day is not None and secondment.last_day <= month_end
    return {(True, True): BEGAN_AND_ENDED, (True, False): BEGAN, (False, True): ENDED}.get((began, ended), ONGOING)

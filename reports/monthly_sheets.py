"""What the monthly workbook adds to the statistics workbook on its 汇总 sheet: the cover block (填报单位,
统计截止日期, 填报人, 填报日期, 审核人 left blank for a signature), 本月 / 上月 / 增减 per group, and native
Excel charts drawn from those cells (openpyxl.chart), in greys that print in black and white.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList

from cadres.dates import day_in_words, month_end

COVER_UNIT = "填报单位：{unit}"
COVER_PEOPLE = "填报人：{preparer}　　填报日期：{filled}　　审核人：　　　　　　　　"
CHANGE_HEADER = ["进入方式", "本月", "上月", "增减"]
CHANGE_TITLE = "本月与上月比较（上月截至{previous}，按现有数据计算）"
GROUP_CHART_TITLE = "按进入方式：本月与上月"
RECENT_CHART_TITLE = "按进入方式：其中{label}招录"
GREYS = ("404040", "A6A6A6")
DEFAULT_UNIT = "中共下陆区委组织部"
CHART_ROWS = 16  # the rows of 15 points a chart covers, left blank below the tables


@dataclass
class MonthlyExtras:
    """The monthly report's own parts: who files it and when, and last month's figures to compare with."""

    preparer: str
    filled: datetime.date
    previous: object  # the YoungCadreStats of the month before, with the same parameters

    @property
    def unit(self):
        """Return the 填报单位: settings.MONTHLY_REPORT_UNIT, the district's organization department by default."""
        return getattr(settings, "MONTHLY_REPORT_UNIT", "") or DEFAULT_UNIT


def previous_month_end(day):
    """Return the last day of the month before `day`'s."""
    first = day.replace(day=1) - datetime.timedelta(days=1)
    return month_end(first.year, first.month)


def write_cover(sheet, stats, extras):
    """Append the cover block above the table: 填报单位, 填报人, 填报日期 and a blank 审核人 to sign.

    The 统计截止日期 is the line above it, as on every 汇总 sheet.
    """
    sheet.merged(COVER_UNIT.format(unit=extras.unit), "subtitle")
    sheet.merged(COVER_PEOPLE.format(preparer=extras.preparer, filled=day_in_words(extras.filled)), "subtitle")


def write_month_over_month(sheet, stats, extras):
    """Append 本月 / 上月 / 增减 per group and the charts drawn from it; return nothing."""
    previous = {group.name: group for group in extras.previous.groups}
    sheet.blank()
    sheet.merged(CHANGE_TITLE.format(previous=day_in_words(extras.previous.params.as_of)), "subtitle")
    sheet.row(CHANGE_HEADER, "header")
    first = sheet.row_number + 1
    for group in stats.groups:
        before = previous[group.name].count if group.name in previous else 0
        sheet.row([group.name, group.count, before, group.count - before])
    last = sheet.row_number
    sheet.row(["合计", stats.total, extras.previous.total, stats.total - extras.previous.total], "total")
    # The recent figures beside, for the stacked chart: hidden from nobody, they are the table's own.
    sheet.blank()
    sheet.row(["进入方式", f"其中{stats.recent_label}招录", "其他"], "header")
    recent_first = sheet.row_number + 1
    for group in stats.groups:
        sheet.row([group.name, group.recent, group.count - group.recent])
    recent_last = sheet.row_number
    anchor = sheet.row_number + 2
    sheet.ws.add_chart(_group_chart(sheet.ws, first, last), f"A{anchor}")
    sheet.ws.add_chart(
        _recent_chart(sheet.ws, recent_first, recent_last, stats.recent_label), f"A{anchor + CHART_ROWS + 1}"
    )
    for _ in range(2 * CHART_ROWS + 2):
        sheet.blank()  # the charts' rows, so that the print area holds them


def _bar_chart(title):
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.style = 2
    chart.height, chart.width = 7.5, 16
    chart.y_axis.title = "人数"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.legend.position = "b"
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    return chart


def _grey(chart):
    for series, colour in zip(chart.series, GREYS, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = "000000"


def _group_chart(ws, first, last):
    chart = _bar_chart(GROUP_CHART_TITLE)
    chart.grouping = "clustered"
    data = Reference(ws, min_col=2, max_col=3, min_row=first - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    _grey(chart)
    return chart


def _recent_chart(ws, first, last, recent_label):
    chart = _bar_chart(RECENT_CHART_TITLE.format(label=recent_label))
    chart.grouping = "stacked"
    chart.overlap = 100
    data = Reference(ws, min_col=2, max_col=3, min_row=first - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    _grey(chart)
    return chart

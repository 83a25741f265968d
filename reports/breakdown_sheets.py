"""The 分项统计 sheet of the young-cadre workbook: every breakdown of the one statistics result."""

from .excel import text_width

BREAKDOWN_SHEET = "分项统计"
BREAKDOWN_HEADER = ["人数", "占比（%）"]
AVERAGE_AGE = "平均年龄（周岁）"
SHARE_FORMAT = "0.0"


def write_breakdowns(book, stats, *, title, subtitle):
    """Append the sheet 分项统计: one block per breakdown (bands, 合计, shares, note), the average age first.

    `title` and `subtitle` head the sheet as they head 汇总 (reports/workbooks.py).
    """
    labels = [band.label for breakdown in stats.breakdowns for band in breakdown.bands]
    first = max([text_width(text) for text in [*labels, "其中少数民族", AVERAGE_AGE]]) + 2
    sheet = book.sheet(BREAKDOWN_SHEET, [first, 10, 12, 10], landscape=False)
    sheet.merged(f"{title}（分项统计）", "title", height=30)
    sheet.merged(subtitle, "subtitle")
    sheet.ws.print_title_rows = "1:2"
    sheet.row([AVERAGE_AGE, (float(stats.average_age) if stats.average_age is not None else "—", "number", "0.0")])
    for breakdown in stats.breakdowns:
        sheet.blank()
        if breakdown.series:
            write_two_way(sheet, breakdown)
        else:
            write_one_way(sheet, breakdown)
        if breakdown.note:
            sheet.merged(f"注：{breakdown.note}", height=15 * (1 + len(breakdown.note) // 28))


def write_one_way(sheet, breakdown):
    sheet.row([breakdown.title, *BREAKDOWN_HEADER], "header")
    for band in breakdown.bands:
        sheet.row([band.label, band.count, (breakdown.share(band.count), "number", SHARE_FORMAT)])
    sheet.row(["合计", breakdown.counted, (100.0 if breakdown.total else 0.0, "total", SHARE_FORMAT)], "total")
    for share in breakdown.shares:
        sheet.row(
            [(f"其中{share.label}", "indent"), share.count, (breakdown.share(share.count), "number", SHARE_FORMAT)]
        )


def write_two_way(sheet, breakdown):
    sheet.row([breakdown.title, *breakdown.series, "小计"], "header")
    for label in breakdown.labels:
        counts = breakdown.series_counts(label)
        sheet.row([label, *counts, sum(counts)])
    totals = [sum(band.count for band in breakdown.bands if band.series == name) for name in breakdown.series]
    sheet.row(["合计", *totals, breakdown.counted], "total")

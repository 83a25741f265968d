"""The young-cadre workbook (汇总, 分项统计 and 花名册), written from a YoungCadreStats and the counted cadres."""

from cadres.dates import age_on, day_in_words, years_before

from .breakdown_sheets import write_breakdowns
from .excel import WorkbookWriter, text_width
from .monthly_sheets import write_cover, write_month_over_month
from .narrative import chinese_count, experience_text

SUMMARY_SHEET = "汇总"
SHARE_FORMAT = "0.0"
ROSTER_SHEET = "花名册"
SUMMARY_HEADER = ["进入方式", "人数", "占比（%）", "其中近{years}年招录"]
ROSTER_HEADER = [
    ("序号", 6),
    ("姓名", 10),
    ("性别", 6),
    ("出生日期", 12),
    ("年龄", 6),
    ("工作单位", 34),
    ("职务", 20),
    ("进入方式", 14),
    ("统计分组", 14),
    ("进入时间", 12),
    ("近{years}年招录", 12),
]


def summary_title(params):
    return f"{params.scope_name}{params.max_age}周岁以下年轻干部统计表"


def summary_subtitle(params):
    return f"统计截止日期：{day_in_words(params.as_of)}　年龄：{params.max_age}周岁以下（含）"


def workbook_filename(params, prefix="年轻干部统计"):
    """Return the download name, e.g. 年轻干部统计_2021-07-31.xlsx."""
    scope = f"_{params.unit.name}" if params.unit else ""
    return f"{prefix}{scope}_{params.as_of.isoformat()}.xlsx"


def young_cadre_workbook(stats, counted, extra_sheets=(), *, monthly=None):
    """Return the .xlsx bytes of the statistics: sheet 汇总 (the table, footnote, narrative) and
    sheet 花名册 (one row per counted cadre, from `counted`, the queryset of stats.counted_cadres, read a
    chunk of plain rows at a time).

    `extra_sheets`: functions (book, params) that write further sheets after these (the monthly report's);
    `monthly`: the monthly report's cover and last month (reports/monthly_sheets.py MonthlyExtras), on 汇总.
    """
    book = WorkbookWriter()
    write_summary(book, stats, monthly=monthly)
    write_breakdowns(book, stats, title=summary_title(stats.params), subtitle=summary_subtitle(stats.params))
    write_counted(book, stats, counted)
    for write in extra_sheets:
        write(book, stats.params)
    return book.to_bytes()


def write_summary(book, stats, *, monthly=None):
    params = stats.params
    years = chinese_count(params.recent_years)
    header = [text.format(years=years) for text in SUMMARY_HEADER]
    widths = [max(text_width(header[0]), *(text_width(g.name) + 10 for g in stats.groups)), 10, 12, 18]
    sheet = book.sheet(SUMMARY_SHEET, widths, landscape=False)
    sheet.merged(summary_title(params), "title", height=30)
    window_start = years_before(params.as_of, params.recent_years)
    sheet.merged(summary_subtitle(params), "subtitle")
    sheet.merged(f"近{years}年：{day_in_words(window_start)}（不含）至{day_in_words(params.as_of)}进入", "subtitle")
    if monthly is not None:
        write_cover(sheet, stats, monthly)
    sheet.row(header, "header", height=22)
    sheet.ws.print_title_rows = f"{sheet.row_number}:{sheet.row_number}"
    for group in stats.groups:
        sheet.row([group.name, group.count, (stats.share(group.count), "number", SHARE_FORMAT), group.recent])
        if len(group.channels) > 1:
            for channel in group.channels:
                sheet.row(
                    [
                        (f"其中：{channel.name}", "indent"),
                        channel.count,
                        (stats.share(channel.count), "number", SHARE_FORMAT),
                        channel.recent,
                    ]
                )
    sheet.row(["合计", stats.total, (stats.share(stats.total), "total", SHARE_FORMAT), stats.recent], "total")
    sheet.blank()
    if stats.footnote:
        sheet.merged(f"注：{stats.footnote}。")
    sheet.merged(stats.narrative, height=15 * (1 + len(stats.narrative) // 30))
    sheet.merged(f"{experience_text(stats)}。")
    if monthly is not None:
        write_month_over_month(sheet, stats, monthly)


# What a row of the 花名册 reads, in one tuple per cadre (no model instance per row).
ROSTER_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "unit__name",
    "post",
    "channel__name",
    "channel__group__name",
    "entry_date",
    "is_recent",
)
ROSTER_CHUNK = 2000


def roster_row(number, row, as_of):
    """Return the 花名册 row of one cadre: `row` is the tuple of ROSTER_FIELDS."""
    name, gender, birth_date, unit, post, channel, group, entry_date, recent = row
    return [
        number,
        name,
        gender,
        birth_date,
        age_on(birth_date, as_of),
        unit,
        post or None,
        channel,
        group,
        entry_date,
        "是" if recent else "否",
    ]


def write_counted(book, stats, counted):
    params = stats.params
    years = chinese_count(params.recent_years)
    sheet = book.sheet(ROSTER_SHEET, [width for _, width in ROSTER_HEADER], header_row=1)
    sheet.ws.oddHeader.center.text = f"{summary_title(params)}（花名册）  截至{day_in_words(params.as_of)}"
    sheet.row([title.format(years=years) for title, _ in ROSTER_HEADER], "header")
    as_of = params.as_of
    rows = counted.values_list(*ROSTER_FIELDS).iterator(chunk_size=ROSTER_CHUNK)
    for number, row in enumerate(rows, start=1):
        sheet.body(roster_row(number, row, as_of))
    sheet.grid_body(2)

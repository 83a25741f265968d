"""The table of the cadre list page: each person as on the list's date."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django_tables2.data import TableQuerysetData

from cadres.dates import age_on

from ..tables import NUMERIC

HAS_OR_NOT = {True: "有", False: "无"}
# Long values wrap inside their column so the table fits 1366 px (static/css/site.css): names of units and posts
# over a few lines, a political status or a pool status over two; a rank (二级主任科员) stays on one line.
WRAP = {"td": {"class": "wrap"}, "th": {"class": "wrap"}}
WRAP_NARROW = {"td": {"class": "wrap-narrow"}, "th": {"class": "wrap-narrow"}}
# Columns whose value is that of the list's date: their header says the date.
DATED = {
    "age": "年龄",
    "unit": "工作单位",
    "post": "职务",
    "rank": "职级",
    "status": "状态",
    "pool_status": "年轻干部库",
    "grassroots": "基层经验",
    "organ": "机关阅历",
}
# The date on a line of its own, small and without brackets, so the dated columns stay narrow.
DATED_HEADER = '{}<span class="header-date">{}</span>'


class PageFirstData(TableQuerysetData):
    """The cadres of the list, a page of them found by id first and then read with their values of the date.

    The values of the date (unit, post, rank, status, pool status) are a subquery each per row. Sliced
    directly, PostgreSQL computes them for every row before the page too (25,000 rows for page 500);
    narrowed to the page's ids (`pk IN (… ORDER BY … LIMIT … OFFSET …)`), for the page's rows only.
    Still one query, in the list's order.
    """

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.data.filter(pk__in=self.data.values("pk")[key])
        return super().__getitem__(key)


class CadreListTable(tables.Table):
    """The cadre list (/cadres/): one row per cadre as on `as_of`, the name linking to the profile of that date."""

    id = tables.CheckBoxColumn(
        accessor="pk",
        attrs={
            "th__input": {"class": "select-all", "aria-label": "全选本页"},
            "td__input": {"class": "select-row", "form": "bulk-form", "aria-label": "选择"},
        },
    )
    name = tables.Column("姓名")
    gender = tables.Column("性别")
    birth_date = tables.DateColumn("Y-m-d", verbose_name="出生日期")
    age = tables.Column("年龄", empty_values=(), order_by=("-birth_date",), attrs=NUMERIC)
    unit = tables.Column("工作单位", accessor="unit_name_on_date", order_by=("unit_name_on_date",), attrs=WRAP)
    post = tables.Column("职务", accessor="post_on_date", order_by=("post_on_date",), attrs=WRAP)
    rank = tables.Column("职级", accessor="rank_on_date", order_by=("rank_on_date",))
    channel = tables.Column("进入方式", order_by=("channel__group__sort_order", "channel__sort_order"))
    entry_date = tables.DateColumn("Y-m-d", verbose_name="进入时间")
    political_status = tables.Column("政治面貌", attrs=WRAP_NARROW)
    education = tables.Column("最高学历")
    status = tables.Column("状态", accessor="status_on_date", order_by=("status_on_date",))
    pool_status = tables.Column(
        "年轻干部库", accessor="pool_status_on_date", order_by=("pool_status_on_date",), attrs=WRAP_NARROW
    )
    grassroots = tables.Column("基层经验", accessor="has_grassroots", empty_values=(), orderable=False)
    organ = tables.Column("机关阅历", accessor="has_organ", empty_values=(), orderable=False)

    class Meta:
        attrs = {"class": "table cadre-list-table"}
        empty_text = "没有符合条件的干部"
        order_by_field = "sort"
        page_field = "page"
        # The page size is read by reports/cadre_list/page.py (20, 50 or 100 only), not from the request here.
        per_page_field = "_per_page"

    def __init__(self, data, *, as_of, link_as_of=None, **kwargs):
        """`data` annotated on `as_of` (CadreQuerySet.with_flags_on and .as_on), read with the page's rows.

        `link_as_of`: the date the names' profile links open on; None opens today's profile.
        """
        self.as_of = as_of
        self.link_as_of = link_as_of
        super().__init__(PageFirstData(data), **kwargs)
        for key, label in DATED.items():
            self.columns[key].column.verbose_name = format_html(DATED_HEADER, label, f"{as_of:%Y-%m-%d}")

    def render_name(self, record, value):
        url = reverse("cadre_detail", args=[record.pk])
        if self.link_as_of is not None:
            url = f"{url}?as_of={self.link_as_of:%Y-%m-%d}"
        return format_html('<a href="{}">{}</a>', url, value)

    def render_grassroots(self, value):
        return HAS_OR_NOT[bool(value)]

    def render_organ(self, value):
        return HAS_OR_NOT[bool(value)]

    def render_age(self, record):
        return age_on(record.birth_date, self.as_of)

"""The table of the cadre list page."""

import django_tables2 as tables

from cadres.dates import age_on

from ..tables import NUMERIC

HAS_OR_NOT = {True: "有", False: "无"}


class CadreListTable(tables.Table):
    """The cadre list (/cadres/): one row per cadre, the name linking to the profile; sortable, paged."""

    name = tables.LinkColumn("cadre_detail", args=[tables.A("pk")], verbose_name="姓名")
    gender = tables.Column("性别")
    birth_date = tables.DateColumn("Y-m-d", verbose_name="出生日期")
    age = tables.Column("年龄", empty_values=(), order_by=("-birth_date",), attrs=NUMERIC)
    unit = tables.Column("工作单位", order_by=("unit__sort_order", "unit__name"))
    post = tables.Column("职务")
    channel = tables.Column("进入方式", order_by=("channel__group__sort_order", "channel__sort_order"))
    entry_date = tables.DateColumn("Y-m-d", verbose_name="进入时间")
    political_status = tables.Column("政治面貌")
    education = tables.Column("最高学历")
    status = tables.Column("状态")
    grassroots = tables.Column("基层经验", accessor="has_grassroots", empty_values=(), orderable=False)
    organ = tables.Column("机关阅历", accessor="has_organ", empty_values=(), orderable=False)

    class Meta:
        attrs = {"class": "table cadre-list-table"}
        empty_text = "没有符合条件的干部"
        order_by_field = "sort"
        page_field = "page"

    def __init__(self, data, *, as_of, **kwargs):
        """`data` annotated with the flags on `as_of` (CadreQuerySet.with_flags_on), read with the page's rows."""
        self.as_of = as_of
        super().__init__(data, **kwargs)
        self.columns["age"].column.verbose_name = f"年龄（{as_of:%Y-%m-%d}）"
        self.columns["grassroots"].column.verbose_name = f"基层经验（{as_of:%Y-%m-%d}）"
        self.columns["organ"].column.verbose_name = f"机关阅历（{as_of:%Y-%m-%d}）"

    def render_grassroots(self, value):
        return HAS_OR_NOT[bool(value)]

    def render_organ(self, value):
        return HAS_OR_NOT[bool(value)]

    def render_age(self, record):
        return age_on(record.birth_date, self.as_of)

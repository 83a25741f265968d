"""The statistics table of the page."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join

from .drilldown import drilldown_url


def figure_link(stats, figure, **narrowing):
    """Return `figure` linked to the cadre list of exactly its people (the drill-down)."""
    return format_html('<a href="{}">{}</a>', drilldown_url(stats.params, **narrowing), figure)


NUMERIC = {"td": {"class": "num"}, "tf": {"class": "num"}, "th": {"class": "num"}}


class GroupTable(tables.Table):
    """One row per statistics group; the footer carries the totals."""

    name = tables.Column("进入方式", footer="合计")
    channels = tables.Column("包含渠道", empty_values=(), orderable=False)
    count = tables.Column("人数", attrs=NUMERIC, footer=lambda table: figure_link(table.stats, table.stats.total))
    share = tables.Column(
        "占比", empty_values=(), attrs=NUMERIC, footer=lambda table: f"{table.stats.share(table.stats.total)}%"
    )
    recent = tables.Column(
        "近年招录", attrs=NUMERIC, footer=lambda table: figure_link(table.stats, table.stats.recent, recent="1")
    )

    class Meta:
        orderable = False
        attrs = {"class": "table stats-table"}

    def __init__(self, stats, **kwargs):
        self.stats = stats
        super().__init__(stats.groups, **kwargs)
        self.columns["recent"].column.verbose_name = f"其中{stats.recent_label}招录"

    def render_channels(self, record):
        if len(record.channels) == 1:
            return "—"
        return format_html_join(
            "、",
            '{}<a href="{}">{}</a>人',
            (
                (channel.name, drilldown_url(self.stats.params, channel=channel.code), channel.count)
                for channel in record.channels
            ),
        )

    def render_count(self, record):
        return figure_link(self.stats, record.count, group=record.name)

    def render_recent(self, record):
        return figure_link(self.stats, record.recent, group=record.name, recent="1")

    def render_share(self, record):
        return f"{self.stats.share(record.count)}%"


# The breakdowns drawn as charts beside their tables (static/js/charts.js names them).
CHARTS = {
    "age_band": "age_bands",
    "age_gender": "age_pyramid",
    "education": "education",
    "political_status": "political_status",
    "unit": "units",
}


def breakdown_views(stats):
    """Return the breakdowns as the page shows them: each band and share with its count, share and link.

    A two-way breakdown (the age pyramid) gives one row per band with a cell per series.
    """
    views = []
    for breakdown in stats.breakdowns:
        view = {
            "breakdown": breakdown,
            "two_way": bool(breakdown.series),
            "chart": CHARTS.get(breakdown.key, ""),
            "rows": [],
            "shares": [],
        }
        if breakdown.series:
            for label in breakdown.labels:
                cells = [
                    {"count": band.count, "url": drilldown_url(stats.params, **band.narrowing)}
                    for name in breakdown.series
                    for band in breakdown.bands
                    if band.label == label and band.series == name
                ]
                view["rows"].append({"label": label, "cells": cells, "count": sum(c["count"] for c in cells)})
            view["series_totals"] = [
                sum(band.count for band in breakdown.bands if band.series == name) for name in breakdown.series
            ]
        else:
            view["rows"] = [
                {
                    "label": band.label,
                    "count": band.count,
                    "share": breakdown.share(band.count),
                    "url": drilldown_url(stats.params, **band.narrowing),
                }
                for band in breakdown.bands
            ]
        view["shares"] = [
            {
                "label": share.label,
                "count": share.count,
                "share": breakdown.share(share.count),
                "url": drilldown_url(stats.params, **share.narrowing),
            }
            for share in breakdown.shares
        ]
        views.append(view)
    return views


# The shares the dashboard puts beside the total: (breakdown key, wording).
HEADLINE_SHARES = (("gender", "女性干部"), ("political_status", "党外干部"), ("ethnicity", "少数民族干部"))


def headline_figures(stats):
    """Return the dashboard's shares (女性, 党外, 少数民族) as {label, count, share, url}."""
    figures = []
    for key, label in HEADLINE_SHARES:
        breakdown = stats.breakdowns[key]
        share = breakdown.shares[0]
        figures.append(
            {
                "label": label,
                "count": share.count,
                "share": breakdown.share(share.count),
                "url": drilldown_url(stats.params, **share.narrowing),
            }
        )
    return figures

"""The Chinese wording of the statistics, in the article's style, generated from the figures."""

import calendar

from django.utils.html import format_html

from cadres.dates import day_in_words, month_in_words

CHINESE_NUMERALS = "零一二三四五六七八九十"
OTHER_CHANNEL_NAME = "其他"


def chinese_count(number):
    """Return a small count in Chinese numerals (三, 十, 十二); larger ones stay in digits."""
    if 0 <= number <= 10:
        return CHINESE_NUMERALS[number]
    if number < 20:
        return "十" + CHINESE_NUMERALS[number - 10]
    return str(number)


EXPERIENCE_TEXT = "其中缺乏基层经验{grassroots}人、缺乏机关阅历{organ}人"


def experience_text(stats):
    """Return "其中缺乏基层经验X人、缺乏机关阅历Y人" for the counted cadres of `stats`."""
    return EXPERIENCE_TEXT.format(grassroots=stats.lacking_grassroots, organ=stats.lacking_organ)


def experience_html(stats, *, grassroots_url, organ_url):
    """Return the same sentence as experience_text, each figure linked to its people (the drill-down)."""
    link = '<a href="{}">{}</a>'
    return format_html(
        EXPERIENCE_TEXT,
        grassroots=format_html(link, grassroots_url, stats.lacking_grassroots),
        organ=format_html(link, organ_url, stats.lacking_organ),
    )


def as_of_text(as_of):
    """Return "2021年7月" for a month's last day (the article's "截至今年7月"), else the full date."""
    if as_of.day == calendar.monthrange(as_of.year, as_of.month)[1]:
        return month_in_words(as_of)
    return day_in_words(as_of)


def footnote_text(excluded):
    """Return e.g. "2021年公务员、事业单位招聘未计算在内" for the excluded intakes, or ""."""
    by_year = {}
    for intake in excluded:
        by_year.setdefault(intake.year, []).append(intake.name)
    parts = [f"{year}年{'、'.join(names)}" for year, names in sorted(by_year.items())]
    return f"{'，'.join(parts)}未计算在内" if parts else ""


def group_phrase(group):
    """Return "选调生44人", or for a group of several channels "转隶、调入、退伍安置等其他方式进入15人"."""
    if len(group.channels) == 1:
        return f"{group.name}{group.count}人"
    named = [channel.name for channel in group.channels if channel.name != OTHER_CHANNEL_NAME]
    return f"{'、'.join(named)}等{group.name}进入{group.count}人"


def narrative_text(stats):
    """Return the paragraph that states the figures, e.g. 截至2021年7月，全区35周岁以下年轻干部共146人…"""
    params = stats.params
    note = f"（{stats.footnote}）" if stats.footnote else ""
    groups = "，".join(group_phrase(group) for group in stats.groups)
    return (
        f"截至{as_of_text(params.as_of)}，{params.scope_name}{params.max_age}周岁以下年轻干部共{stats.total}人{note}，"
        f"其中，{groups}；在这{stats.total}人中，有{stats.recent}人是近{chinese_count(params.recent_years)}年招录进入。"
    )

"""The Chinese wording of the statistics: the article's sentence, the footnote, the numerals."""

import datetime

import pytest

from cadres.models import Channel, ChannelGroup
from reports.narrative import as_of_text, chinese_count
from reports.params import StatsParams
from reports.stats import young_cadre_stats
from tests.factories import make_cadre, make_counted, make_unit

from .helpers import RECENT_ENTRY, YOUNG_BIRTH

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2021, 7, 31)
ARTICLE_EXCLUDED = ((2021, "gongwuyuan"), (2021, "shiye"))


def stats_for(**params):
    params.setdefault("as_of", AS_OF)
    return young_cadre_stats(StatsParams(**params))


def test_narrative_states_the_figures_in_the_articles_words():
    make_counted("xuandiao", 3)
    make_counted("xuandiao", 1, entry_date=RECENT_ENTRY)
    make_counted("gongwuyuan", 2)
    make_counted("zhaoshuo", 1, entry_date=RECENT_ENTRY)
    make_counted("shiye", 2)
    make_counted("shequ", 1)
    make_counted("zhuanli", 1)
    make_counted("tuiwu", 1, entry_date=RECENT_ENTRY)
    # The excluded 2021 intakes: not counted, named in the parentheses.
    make_cadre(channel="gongwuyuan", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 6, 1))
    make_cadre(channel="shiye", birth_date=YOUNG_BIRTH, entry_date=datetime.date(2021, 5, 1))

    stats = stats_for(excluded=ARTICLE_EXCLUDED)

    assert stats.narrative == (
        "截至2021年7月，全区35周岁以下年轻干部共12人（2021年公务员、事业单位招聘未计算在内），"
        "其中，选调生4人，公务员2人，招硕引博1人，事业单位招聘2人，社区定向招聘1人，"
        "转隶、调入、退伍安置等其他方式进入2人；在这12人中，有3人是近三年招录进入。"
    )


def test_month_end_as_of_is_written_as_the_month():
    assert stats_for(as_of=datetime.date(2021, 7, 31)).narrative.startswith("截至2021年7月，全区")


def test_28_february_of_a_common_year_is_written_as_the_month():
    assert stats_for(as_of=datetime.date(2021, 2, 28)).narrative.startswith("截至2021年2月，全区")


def test_28_february_of_a_leap_year_is_written_in_full():
    assert stats_for(as_of=datetime.date(2024, 2, 28)).narrative.startswith("截至2024年2月28日，全区")


def test_as_of_within_a_month_is_written_in_full():
    assert stats_for(as_of=datetime.date(2021, 7, 15)).narrative.startswith("截至2021年7月15日，全区")


def test_as_of_text_writes_no_leading_zeros():
    assert as_of_text(datetime.date(2021, 3, 5)) == "2021年3月5日"
    assert as_of_text(datetime.date(2021, 9, 30)) == "2021年9月"


def test_unit_name_replaces_the_district():
    unit = make_unit("下陆区财政局")
    make_counted("xuandiao", 2, unit=unit)

    narrative = stats_for(unit=unit).narrative

    assert narrative.startswith("截至2021年7月，下陆区财政局35周岁以下年轻干部共2人，其中，选调生2人，")
    assert "全区" not in narrative


def test_no_exclusions_means_no_parentheses():
    make_counted("xuandiao", 1)

    stats = stats_for()

    assert stats.narrative == (
        "截至2021年7月，全区35周岁以下年轻干部共1人，其中，选调生1人，公务员0人，招硕引博0人，"
        "事业单位招聘0人，社区定向招聘0人，转隶、调入、退伍安置等其他方式进入0人；"
        "在这1人中，有0人是近三年招录进入。"
    )
    assert "（" not in stats.narrative
    assert stats.footnote == ""


def test_max_age_is_named_in_the_sentence():
    assert "，全区40周岁以下年轻干部共0人，" in stats_for(max_age=40).narrative


def test_recent_window_is_named_in_chinese_numerals():
    assert stats_for(recent_years=5).narrative.endswith("有0人是近五年招录进入。")


def test_other_group_phrase_lists_its_named_channels_but_not_the_catch_all():
    stats = stats_for()

    assert "，转隶、调入、退伍安置等其他方式进入0人；" in stats.narrative
    assert "、其他等" not in stats.narrative


def test_channel_added_by_an_admin_is_named_in_its_groups_phrase():
    Channel.objects.create(code="jiediao", name="借调", group=ChannelGroup.objects.get(name="其他方式"), sort_order=75)
    make_counted("jiediao", 2)

    stats = stats_for()

    assert "，转隶、调入、借调、退伍安置等其他方式进入2人；" in stats.narrative
    assert stats.total == 2


def test_footnote_names_the_articles_excluded_intakes():
    assert stats_for(excluded=ARTICLE_EXCLUDED).footnote == "2021年公务员、事业单位招聘未计算在内"


def test_footnote_groups_exclusions_by_year():
    stats = stats_for(excluded=((2020, "gongwuyuan"), (2021, "gongwuyuan"), (2021, "shiye")))

    assert stats.footnote == "2020年公务员，2021年公务员、事业单位招聘未计算在内"


def test_footnote_names_a_channel_of_a_shared_group_by_the_channel():
    assert stats_for(excluded=((2021, "diaoru"),)).footnote == "2021年调入未计算在内"


def test_footnote_appears_in_parentheses_after_the_total():
    make_counted("xuandiao", 1)

    narrative = stats_for(excluded=((2021, "diaoru"),)).narrative

    assert narrative.startswith("截至2021年7月，全区35周岁以下年轻干部共1人（2021年调入未计算在内），其中，")


@pytest.mark.parametrize(
    ("number", "text"),
    [(0, "零"), (1, "一"), (3, "三"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"), (20, "20"), (146, "146")],
)
def test_chinese_count_writes_small_numbers_in_chinese(number, text):
    assert chinese_count(number) == text

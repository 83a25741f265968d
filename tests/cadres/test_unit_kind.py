"""The kind of a unit told by its name (UnitKind.from_name): it decides 基层经验 of the units an import creates."""

import pytest

from cadres.choices import UnitKind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # The demo district's units, as the organisation department classes them.
        ("中共下陆区委组织部", "党政机关"),
        ("中共下陆区纪律检查委员会机关", "党政机关"),
        ("下陆区人民政府办公室", "党政机关"),
        ("下陆区发展和改革局", "党政机关"),
        ("下陆区政务服务中心", "事业单位"),
        ("下陆区教育教学研究室", "事业单位"),
        ("团山街道办事处", "街道"),
        ("团山街道团城社区居民委员会", "社区"),
        ("东方山街道山南村村民委员会", "村"),
        ("下陆区城市建设投资有限公司", "国有企业"),
        ("下陆区工商业联合会", "其他"),
        # The other endings of grassroots units.
        ("某某镇人民政府", "乡镇"),
        ("某某镇", "乡镇"),
        ("某某乡", "乡镇"),
        ("某某村委会", "村"),
        ("某某村", "村"),
        ("某某社区", "社区"),
        ("某某居委会", "社区"),
        ("某某街道", "街道"),
        ("某某街道办", "街道"),
    ],
)
def test_a_units_kind_is_told_by_how_its_name_ends(name, kind):
    assert UnitKind.from_name(name) == kind


def test_a_community_under_a_subdistrict_is_a_community_not_the_subdistrict():
    """基层经验 counts either, but the kind must be the unit's own: the ending decides, not a word inside."""
    assert UnitKind.from_name("团山街道团城社区居民委员会") == UnitKind.COMMUNITY

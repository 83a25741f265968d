"""Seed the article's six statistics groups and the nine channels of DESIGN.md."""

from django.db import migrations

GROUPS = ["选调生", "公务员", "招硕引博", "事业单位招聘", "社区定向招聘", "其他方式"]
CHANNELS = [
    ("xuandiao", "选调生", "选调生"),
    ("gongwuyuan", "公务员招录", "公务员"),
    ("zhaoshuo", "招硕引博", "招硕引博"),
    ("shiye", "事业单位招聘", "事业单位招聘"),
    ("shequ", "社区定向招聘", "社区定向招聘"),
    ("zhuanli", "转隶", "其他方式"),
    ("diaoru", "调入", "其他方式"),
    ("tuiwu", "退伍安置", "其他方式"),
    ("qita", "其他", "其他方式"),
]


def seed(apps, schema_editor):
    ChannelGroup = apps.get_model("cadres", "ChannelGroup")
    Channel = apps.get_model("cadres", "Channel")
    groups = {}
    for order, name in enumerate(GROUPS, start=1):
        groups[name], _ = ChannelGroup.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    for order, (code, name, group) in enumerate(CHANNELS, start=1):
        Channel.objects.get_or_create(
            code=code, defaults={"name": name, "group": groups[group], "sort_order": order * 10}
        )


def unseed(apps, schema_editor):
    apps.get_model("cadres", "Channel").objects.filter(code__in=[c[0] for c in CHANNELS]).delete()
    apps.get_model("cadres", "ChannelGroup").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("cadres", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]

"""Vocabularies of a career: 状态 and 去向 (the leave reason), 职级, and the other names of 进入方式."""

from typing import NamedTuple

from ...choices import CadreStatus, LeaveReason
from .forms import normalized, table

# 状态 and 去向: rosters write the reason a cadre left in the 状态 column. Each form is read as a
# status and, for one who left, the reason. 借调, 挂职 and the like are not leaving.
_LEFT = CadreStatus.LEFT
LEAVE_REASON = table(
    {
        **{value: value for value in LeaveReason.values},
        "调离": LeaveReason.TRANSFERRED_OUT,
        "调任": LeaveReason.TRANSFERRED_OUT,
        "调走": LeaveReason.TRANSFERRED_OUT,
        "转任": LeaveReason.TRANSFERRED_OUT,
        "交流调出": LeaveReason.TRANSFERRED_OUT,
        "离休": LeaveReason.RETIRED,
        "提前退休": LeaveReason.RETIRED,
        "死亡": LeaveReason.DECEASED,
        "病故": LeaveReason.DECEASED,
        "因病去世": LeaveReason.DECEASED,
        "解除聘用": LeaveReason.CONTRACT_ENDED,
        "解除聘用合同": LeaveReason.CONTRACT_ENDED,
        "解除劳动合同": LeaveReason.CONTRACT_ENDED,
        "考取研究生": LeaveReason.FURTHER_STUDY,
        "读研": LeaveReason.FURTHER_STUDY,
        "自动离职": LeaveReason.RESIGNED,
        "辞去公职": LeaveReason.RESIGNED,
        "除名": LeaveReason.DISMISSED,
        "开除公职": LeaveReason.EXPELLED,
    }
)


class StatusForm(NamedTuple):
    """What a written 状态 means: the status, and for one who left the reason if it says one."""

    status: str
    reason: str = ""


STATUS = table(
    {
        **{value: StatusForm(value) for value in CadreStatus.values},
        "在岗": StatusForm(CadreStatus.ACTIVE),
        "在编在岗": StatusForm(CadreStatus.ACTIVE),
        "在职在岗": StatusForm(CadreStatus.ACTIVE),
        "正常": StatusForm(CadreStatus.ACTIVE),
        "现职": StatusForm(CadreStatus.ACTIVE),
        "借调": StatusForm(CadreStatus.ACTIVE),
        "借调外单位": StatusForm(CadreStatus.ACTIVE),
        "挂职": StatusForm(CadreStatus.ACTIVE),
        "抽调": StatusForm(CadreStatus.ACTIVE),
        "跟班学习": StatusForm(CadreStatus.ACTIVE),
        "试用期": StatusForm(CadreStatus.ACTIVE),
        "拟录": StatusForm(CadreStatus.PENDING),
        "拟录用人员": StatusForm(CadreStatus.PENDING),
        "待入职": StatusForm(CadreStatus.PENDING),
        "公示期": StatusForm(CadreStatus.PENDING),
        "离开": StatusForm(_LEFT),
        "离职": StatusForm(_LEFT),
        "不在岗": StatusForm(_LEFT),
        **{written: StatusForm(_LEFT, reason) for written, reason in LEAVE_REASON.items() if reason != "其他"},
    }
)


# 职级 and 职务层次: 公务员职务与职级并行规定 (一级巡视员 … 二级科员, 试用期), the older 级别
# (正科级, 副科级, 科员, 办事员 …), the 领导职务层次, and the 事业单位 岗位等级 (管理岗 一级 …
# 十级, 专业技术岗 一级 … 十三级). The table folds the variants onto one spelling; a rank it does
# not know is kept as written (the field is text).
_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三")
CIVIL_SERVANT_RANKS = (
    "一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
    "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员", "二级科员", "试用期",
)  # fmt: skip
LEADERSHIP_LEVELS = (
    "省部级正职", "省部级副职", "厅局级正职", "厅局级副职", "县处级正职", "县处级副职", "乡科级正职", "乡科级副职",
)  # fmt: skip
OLD_GRADES = {
    "正厅级": ("正厅",), "副厅级": ("副厅",), "正处级": ("正处", "正县级"), "副处级": ("副处", "副县级"),
    "正科级": ("正科",), "副科级": ("副科",), "科员": ("科员级",), "办事员": ("办事员级",),
}  # fmt: skip
RANK = table(
    {
        **{rank: rank for rank in (*CIVIL_SERVANT_RANKS, *LEADERSHIP_LEVELS, *OLD_GRADES)},
        # 4级主任科员: the grade written as a digit.
        **{f"{'一二三四'.index(rank[0]) + 1}{rank[1:]}": rank for rank in CIVIL_SERVANT_RANKS if rank[1] == "级"},
        **{variant: grade for grade, variants in OLD_GRADES.items() for variant in variants},
        "试用期人员": "试用期",
        "试用": "试用期",
        **{
            form.format(n=numeral): f"管理{numeral}级"
            for numeral in _NUMERALS[:10]
            for form in ("管理{n}级", "管理岗{n}级", "管理岗位{n}级", "{n}级职员")
        },
        **{
            form.format(n=numeral): f"专业技术{numeral}级"
            for numeral in _NUMERALS
            for form in ("专业技术{n}级", "专技{n}级", "专业技术岗{n}级", "专业技术岗位{n}级")
        },
    }
)


# 进入方式: the channels are data (their names and codes come from the database); these are the other
# names rosters use for the seeded channels, keyed to the channel's code.
CHANNEL = table(
    {
        "选调": "xuandiao",
        "选调生招录": "xuandiao",
        "公务员": "gongwuyuan",
        "公务员考录": "gongwuyuan",
        "公务员招考": "gongwuyuan",
        "考录": "gongwuyuan",
        "招硕": "zhaoshuo",
        "引进硕博": "zhaoshuo",
        "事业单位": "shiye",
        "事业编": "shiye",
        "事业单位公开招聘": "shiye",
        "社区定向": "shequ",
        "社区干部定向招聘": "shequ",
        "退伍": "tuiwu",
        "军转": "tuiwu",
        "军转安置": "tuiwu",
        "军队转业": "tuiwu",
        "退役军人安置": "tuiwu",
        "调任": "diaoru",
        "调动": "diaoru",
        "转任": "diaoru",
        "机构改革转隶": "zhuanli",
    }
)


def rank_value(written):
    """Return the 职级 as the table spells it, or the written text when the table does not know it."""
    typed = str(written).strip()
    return RANK.get(normalized(typed), typed)

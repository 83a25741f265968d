"""The forms clerks write values in, one table per field: adding a synonym is a one-line change.

Keys are the value as typed (after trimming); values are the stored choice. A value already equal
to a choice is accepted without being listed.
"""

from ..choices import CadreStatus, Degree, Education, Gender, LeaveReason, PoliticalStatus

GENDER = {"男性": Gender.MALE, "女性": Gender.FEMALE}
ETHNICITY = {
    "汉": "汉族",
    "回": "回族",
    "满": "满族",
    "壮": "壮族",
    "苗": "苗族",
    "瑶": "瑶族",
    "侗": "侗族",
    "彝": "彝族",
    "藏": "藏族",
    "白": "白族",
    "土家": "土家族",
    "蒙古": "蒙古族",
    "维吾尔": "维吾尔族",
}
POLITICAL_STATUS = {
    "党员": PoliticalStatus.CPC_MEMBER,
    "中共": PoliticalStatus.CPC_MEMBER,
    "预备党员": PoliticalStatus.CPC_PROBATIONARY,
    "团员": PoliticalStatus.CYL_MEMBER,
    "共青团": PoliticalStatus.CYL_MEMBER,
    "无党派": PoliticalStatus.NON_PARTY,
    "民革": PoliticalStatus.DEMOCRATIC_PARTY,
    "民盟": PoliticalStatus.DEMOCRATIC_PARTY,
    "民建": PoliticalStatus.DEMOCRATIC_PARTY,
    "民进": PoliticalStatus.DEMOCRATIC_PARTY,
    "农工党": PoliticalStatus.DEMOCRATIC_PARTY,
    "致公党": PoliticalStatus.DEMOCRATIC_PARTY,
    "九三学社": PoliticalStatus.DEMOCRATIC_PARTY,
    "台盟": PoliticalStatus.DEMOCRATIC_PARTY,
}
EDUCATION = {
    "本科": Education.BACHELOR,
    "大学": Education.BACHELOR,
    "大本": Education.BACHELOR,
    # 研究生 alone is a master's unless the degree says 博士 (see cells.education_value).
    "研究生": Education.MASTER,
    "硕士": Education.MASTER,
    "博士": Education.DOCTORAL,
    "专科": Education.JUNIOR_COLLEGE,
    "大专": Education.JUNIOR_COLLEGE,
    "中技": Education.SECONDARY,
    "高中": Education.HIGH_SCHOOL,
    "初中": Education.HIGH_SCHOOL,
}
DEGREE = {
    "学士学位": Degree.BACHELOR,
    "硕士学位": Degree.MASTER,
    "博士学位": Degree.DOCTOR,
    "": Degree.NONE,
}
STATUS = {
    "在岗": CadreStatus.ACTIVE,
    "离开": CadreStatus.LEFT,
    "离职": CadreStatus.LEFT,
    "调离": CadreStatus.LEFT,
    "拟录": CadreStatus.PENDING,
}
LEAVE_REASON = {"调离": LeaveReason.TRANSFERRED_OUT, "调走": LeaveReason.TRANSFERRED_OUT, "死亡": LeaveReason.DECEASED}
# Channel names and codes come from the database; these are the other names rosters use.
CHANNEL = {
    "公务员": "gongwuyuan",
    "公务员考录": "gongwuyuan",
    "事业单位": "shiye",
    "事业编": "shiye",
    "社区定向": "shequ",
    "退伍": "tuiwu",
    "军转": "tuiwu",
    "调任": "diaoru",
}

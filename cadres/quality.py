"""Data quality (校核): the 三龄两历一身份 checks clerks are audited on, as findings per cadre.

三龄 are age, 党龄 and 工龄; 两历 are the education and work histories; 一身份 is the
公民身份号码. Each rule returns findings; none writes anything.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.core.exceptions import ValidationError

from .choices import PoliticalStatus
from .dates import shift_years
from .validators import parse_id_number

RULE_LABELS = {
    "id_invalid": "公民身份号码无效",
    "id_mismatch": "身份证号与出生日期、性别不符",
    "party_too_young": "入党时未满18周岁",
    "work_too_young": "参加工作时未满16周岁",
    "entry_before_work": "进入时间早于参加工作时间",
    "work_overlap": "工作经历时间重叠",
    "work_gap": "工作经历时间断档",
    "missing": "缺少必填项",
}
ID_BIRTH = "公民身份号码中的出生日期为{id_date}，登记的出生日期为{birth}"
ID_GENDER = "公民身份号码中的性别为{id_gender}，登记的性别为{gender}"
PARTY_TOO_YOUNG = "入党时间{joined}时年龄不足18周岁（出生日期{birth}）"
WORK_TOO_YOUNG = "参加工作时间{work}时年龄不足16周岁（出生日期{birth}）"
ENTRY_BEFORE_WORK = "进入时间{entry}早于参加工作时间{work}"
OVERLAP = "“{first}”（{first_span}）与“{second}”（{second_span}）时间重叠"
GAP = "“{first}”结束于{end}，下一段“{second}”开始于{start}，中间断档{months}个月"
MISSING = "缺少：{fields}"
# Fields the 干部任免审批表 cannot be filled without (LRMX.md), as verbose names come from the model.
REQUIRED_FIELDS = ("id_number", "native_place", "birthplace", "first_work_date", "health")


@dataclass(frozen=True)
class Finding:
    """One broken rule: the cadre, the rule's code (see RULE_LABELS) and what is wrong."""

    cadre: object
    rule: str
    message: str

    @property
    def rule_label(self):
        return RULE_LABELS[self.rule]


def quality_cadres(queryset):
    """Return `queryset` with what the checks read, so checking a list costs a fixed number of queries."""
    return queryset.select_related("unit").prefetch_related("work_records")


def check_cadre(cadre):
    """Return the findings of one cadre (its work records should be prefetched)."""
    findings = []
    for rule in RULES:
        findings.extend(Finding(cadre, code, message) for code, message in rule(cadre))
    return findings


def check_cadres(queryset):
    """Return the findings of every cadre of `queryset` (scope it with visible_to first)."""
    findings = []
    for cadre in quality_cadres(queryset):
        findings.extend(check_cadre(cadre))
    return findings


def by_unit(findings):
    """Return [(unit, findings)] in the order the findings came (the cadres' unit order)."""
    groups = {}
    for finding in findings:
        groups.setdefault(finding.cadre.unit, []).append(finding)
    return list(groups.items())


def id_rules(cadre):
    """一身份: the number's own checks (GB 11643 check digit), then agreement with birth date and gender."""
    if not cadre.id_number:
        return
    try:
        info = parse_id_number(cadre.id_number)
    except ValidationError as error:
        yield "id_invalid", error.messages[0]
        return
    if info.birth_date != cadre.birth_date:
        yield "id_mismatch", ID_BIRTH.format(id_date=info.birth_date, birth=cadre.birth_date)
    if info.gender != cadre.gender:
        yield "id_mismatch", ID_GENDER.format(id_gender=info.gender, gender=cadre.gender)


def age_rules(cadre):
    """三龄: 入党 at 18 or later (党章第一条), 参加工作 at 16 or later (劳动法第十五条), entry after work."""
    joined, work = cadre.party_joined_date, cadre.first_work_date
    if joined and joined < shift_years(cadre.birth_date, 18):
        yield "party_too_young", PARTY_TOO_YOUNG.format(joined=joined, birth=cadre.birth_date)
    if work and work < shift_years(cadre.birth_date, 16):
        yield "work_too_young", WORK_TOO_YOUNG.format(work=work, birth=cadre.birth_date)
    if work and cadre.entry_date and cadre.entry_date < work:
        yield "entry_before_work", ENTRY_BEFORE_WORK.format(entry=cadre.entry_date, work=work)


def work_history_rules(cadre):
    """两历: consecutive posts must neither overlap nor leave a month or more unaccounted for."""
    records = sorted(cadre.work_records.all(), key=lambda r: (r.start_date, r.pk))
    for first, second in pairwise(records):
        if first.end_date is None or second.start_date < first.end_date:
            yield (
                "work_overlap",
                OVERLAP.format(first=first, first_span=span(first), second=second, second_span=span(second)),
            )
            continue
        months = month_index(second.start_date) - month_index(first.end_date) - 1
        if months >= 1:
            yield (
                "work_gap",
                GAP.format(first=first, end=first.end_date, second=second, start=second.start_date, months=months),
            )


def missing_rules(cadre):
    """Fields the 任免审批表 needs: 入党时间 too for party members."""
    names = [name for name in REQUIRED_FIELDS if not getattr(cadre, name)]
    if cadre.political_status in PoliticalStatus.party_members() and not cadre.party_joined_date:
        names.append("party_joined_date")
    if names:
        labels = "、".join(str(cadre._meta.get_field(name).verbose_name) for name in names)
        yield "missing", MISSING.format(fields=labels)


def span(record):
    return f"{record.start_date}至{record.end_date or '今'}"


def month_index(day):
    return day.year * 12 + day.month


RULES = (id_rules, age_rules, work_history_rules, missing_rules)

"""The rotation planner (轮流抽调): who of the young cadres to second into the department for a period, ranked.

Eligible (settings ROTATION_ELIGIBILITY over the published selection rules, staffing/conf.py):
- on the roster on the first day, not one of the department's own staff, not seconded anywhere then;
- aged `max_age` or under on the first day (CadreQuerySet.aged_at_most: the one rule of age);
- highest 学历 `min_education` or higher (CadreQuerySet.education_at_least: the one order of levels);
- the latest `appraisals` annual appraisals (年度考核) of the years before the first day's all among
  `appraisal_results` (称职/合格 or better); fewer on record leaves the cadre out.

Ranked by points (settings ROTATION_WEIGHTS), each shown with its reason:
- no 机关阅历 on the first day (CadreQuerySet.with_flags_on, the one rule of 机关阅历);
- never seconded (挂职、跟班学习、抽调) before; else per full year since the last one ended, at most as much;
- entered in the last ROTATION_RECENT_YEARS years (CadreQuerySet.recent);
- studies or specialty that fit a section at risk (its fit keywords), which is proposed for them.
Equal points: never seconded first, then the longest since the last secondment, then the earliest entry.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce

from cadres.choices import Education
from cadres.dates import age_on
from cadres.models import Secondment

from .board import staffing_board
from .conf import eligibility, setting, weights
from .cover import cover_calendar
from .models import SectionMember
from .periods import chinese_number

NO_ORGAN = "尚无机关阅历"
NEVER_SECONDED = "从未挂职、跟班学习或抽调"
SINCE_SECONDMENT = "上次挂职、跟班学习或抽调于{date}结束，已满{years}年"
RECENT = "近{years}年招录（{date}进入）"
FITS = "{what}“{word}”适合有风险的“{section}”"
STUDIED, SPECIALTY = "所学专业", "专长"

RULE_ROSTER = "抽调开始日（{start}）在职，不是本部门人员，抽调期间没有其他挂职、跟班学习或抽调"
RULE_AGE = "抽调开始日{max_age}周岁以下（含{max_age}周岁）"
RULE_EDUCATION = "最高学历{level}以上"
RULE_APPRAISAL = "{year}年以前最近{count}次年度考核均为{results}"

EXCLUDED_STAFF = "本部门人员或抽调期间已有挂职、跟班学习或抽调"
EXCLUDED_AGE = "年龄超过{max_age}周岁"
EXCLUDED_EDUCATION = "学历低于{level}"
EXCLUDED_APPRAISAL = "最近{count}次年度考核不全是{results}或不足{count}次"

SHOWN_AT_LEAST, SHOWN_PER_PLACE = 20, 5
WEIGHT_TEXTS = {
    "no_organ_experience": "尚无机关阅历",
    "never_seconded": "从未挂职、跟班学习或抽调",
    "per_year_since_secondment": "上次结束后每满一年（不超过“从未”的分值）",
    "recent_entry": "近{years}年招录",
    "fits_section_at_risk": "所学专业或专长适合有风险的科室",
}


@dataclass
class Reason:
    text: str
    points: float


@dataclass
class Candidate:
    cadre: object
    reasons: list
    never_seconded: bool
    last_secondment_end: object  # date or None
    age: int = 0  # on the first day
    section: object = None  # proposed receiving section
    rank: int = 0

    @property
    def score(self):
        return sum(reason.points for reason in self.reasons)

    def order_key(self):
        return (
            -self.score,
            not self.never_seconded,
            self.last_secondment_end or datetime.date.min,
            self.cadre.entry_date,
            self.cadre.pk,
        )


@dataclass
class AtRisk:
    section: object
    reasons: list  # words


@dataclass
class RotationPlan:
    start: object
    end: object
    places: int
    candidates: list
    at_risk: list  # AtRisk
    rules: list  # words
    exclusions: list  # (words, count)
    weights: list  # (words, points)
    eligible_count: int = 0
    notes: list = field(default_factory=list)

    @property
    def shown(self):
        """Return the candidates the page lists: the first SHOWN_PER_PLACE per place, at least SHOWN_AT_LEAST."""
        return self.candidates[: max(SHOWN_AT_LEAST, self.places * SHOWN_PER_PLACE)]

    @property
    def not_shown(self):
        return len(self.candidates) - len(self.shown)


def eligibility_steps(cadres, sections, start, end):
    """Return [(words of the step, queryset after it), …]: the pool, then each rule applied in turn.

    The last queryset is the eligible cadres; the counts between steps say how many each rule left out.
    """
    rules = eligibility()
    count, results = rules["appraisals"], "、".join(rules["appraisal_results"])
    level = Education(rules["min_education"]).label
    on_roster = cadres.on_roster(start)
    outside = on_roster.exclude(unit__in=sections.values("unit")).exclude(
        pk__in=SectionMember.objects.overlapping(start, end).values("cadre")
    )
    free = outside.exclude(pk__in=Secondment.objects.overlapping(start, end).values("cadre"))
    aged = free.aged_at_most(start, rules["max_age"])
    educated = aged.education_at_least(rules["min_education"], party_school=rules["party_school"])
    appraised = educated.appraised_latest(rules["appraisal_results"], count=count, before_year=start.year)
    return [
        (RULE_ROSTER.format(start=start.isoformat()), EXCLUDED_STAFF, free),
        (RULE_AGE.format(max_age=rules["max_age"]), EXCLUDED_AGE.format(max_age=rules["max_age"]), aged),
        (RULE_EDUCATION.format(level=level), EXCLUDED_EDUCATION.format(level=level), educated),
        (
            RULE_APPRAISAL.format(year=start.year, count=chinese_number(count), results=results),
            EXCLUDED_APPRAISAL.format(count=chinese_number(count), results=results),
            appraised,
        ),
    ], on_roster


def eligible(cadres, sections, start, end):
    """Return the cadres of `cadres` eligible to be seconded into `sections`' units from `start` to `end`."""
    steps, _ = eligibility_steps(cadres, sections, start, end)
    return steps[-1][2]


def sections_at_risk(sections, start, end):
    """Return the sections at risk for a rotation from `start` to `end`: a risk on the board on the first day,
    or a day of the period whose A is away with nobody to take over."""
    found = {}
    for row in staffing_board(sections, start).rows:
        for risk in row.risks:
            found.setdefault(row.section.pk, AtRisk(row.section, [])).reasons.append(risk.text)
    for item in cover_calendar(sections, start, end).uncovered_sections():
        text = f"{item.days_text}无人接手"
        found.setdefault(item.section.pk, AtRisk(item.section, [])).reasons.append(text)
    return list(found.values())


def rotation_plan(cadres, sections, *, start, end, places):
    """Return the ranked candidates of a rotation into `sections` (scoped) from `start` to `end` for `places`.

    `cadres` are the cadres the reader may see. A fixed number of queries, whatever the number of candidates.
    """
    points, recent_years = weights(), setting("ROTATION_RECENT_YEARS")
    steps, on_roster = eligibility_steps(cadres, sections, start, end)
    exclusions, before = [], on_roster.count()
    for _, excluded_text, queryset in steps:
        count = queryset.count()
        exclusions.append((excluded_text, before - count))
        before = count
    found = steps[-1][2]
    rows = list(
        found.select_related("unit")
        .prefetch_related("education_records")
        .with_flags_on(start, recent_years)
        .annotate(
            secondments_before=Count("secondments", filter=Q(secondments__start_date__lt=start)),
            last_secondment_end=Max(
                Coalesce("secondments__end_date", "secondments__planned_end_date", "secondments__start_date"),
                filter=Q(secondments__start_date__lt=start),
            ),
        )
    )
    at_risk = sections_at_risk(sections, start, end)
    candidates = [candidate_of(cadre, start, at_risk, points, recent_years) for cadre in rows]
    candidates.sort(key=Candidate.order_key)
    for rank, candidate in enumerate(candidates, start=1):
        candidate.rank = rank
    propose_sections(candidates, at_risk, list(sections))
    return RotationPlan(
        start=start,
        end=end,
        places=places,
        candidates=candidates,
        at_risk=at_risk,
        rules=[rule for rule, _, _ in steps],
        exclusions=[(text, count) for text, count in exclusions if count],
        weights=[
            (WEIGHT_TEXTS[name].format(years=chinese_number(recent_years)), value) for name, value in points.items()
        ],
        eligible_count=len(candidates),
    )


def candidate_of(cadre, start, at_risk, points, recent_years):
    """Return `cadre` (annotated by CadreQuerySet.with_flags_on) as a candidate with the reasons for its points."""
    reasons = []
    if not cadre.has_organ:
        reasons.append(Reason(NO_ORGAN, points["no_organ_experience"]))
    never = cadre.secondments_before == 0
    if never:
        reasons.append(Reason(NEVER_SECONDED, points["never_seconded"]))
    else:
        # Completed years from the last day of the last secondment to the first day of this one.
        years = max(age_on(cadre.last_secondment_end, start), 0)
        worth = min(points["never_seconded"], years * points["per_year_since_secondment"])
        reasons.append(Reason(SINCE_SECONDMENT.format(date=cadre.last_secondment_end.isoformat(), years=years), worth))
    if cadre.is_recent:
        text = RECENT.format(years=chinese_number(recent_years), date=cadre.entry_date.isoformat())
        reasons.append(Reason(text, points["recent_entry"]))
    last_end = None if never else cadre.last_secondment_end
    candidate = Candidate(cadre, reasons, never, last_end, age=age_on(cadre.birth_date, start))
    fit = fitting_section(cadre, at_risk)
    if fit is not None:
        section, what, word = fit
        candidate.section = section
        reasons.append(Reason(FITS.format(what=what, word=word, section=section), points["fits_section_at_risk"]))
    return candidate


def fitting_section(cadre, at_risk):
    """Return (section, what matched, keyword) of the first section at risk whose keywords the cadre's studied
    majors or specialty contain, or None."""
    texts = [(STUDIED, record.major) for record in cadre.education_records.all() if record.major]
    if cadre.specialty:
        texts.append((SPECIALTY, cadre.specialty))
    for item in at_risk:
        for word in item.section.keywords():
            for what, text in texts:
                if word in text:
                    return item.section, what, word
    return None


def propose_sections(candidates, at_risk, sections):
    """Give each candidate without a fitting section one: the sections at risk in turn, else the first section."""
    turn = [item.section for item in at_risk] or sections[:1]
    index = 0
    for candidate in candidates:
        if candidate.section is None and turn:
            candidate.section = turn[index % len(turn)]
            index += 1

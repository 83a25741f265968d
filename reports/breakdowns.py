"""The breakdowns of the young-cadre set (分项统计), counted by the database in four grouped queries.

Each breakdown splits the counted people into bands that add up to the total; each band carries the
cadre list filters (`narrowing`) that list exactly its people, so every figure has its drill-down.
Whatever the number of cadres, the four queries group by a handful of values (birth year and
whether the birthday has come; political status, ethnicity and education; unit; entry year) and
Python only adds up their rows.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear

from cadres.choices import Education, Gender, PoliticalStatus, StudyMode, UnitKind

from .narrative import chinese_count

# The bands of the national statistics bulletin: 30岁及以下, 31至35岁, 36至40岁 … (upper edges, 周岁, included).
AGE_EDGES = (30, 35, 40, 45, 50, 55)
AGE_NOTE = "年龄按周岁计算（截至统计截止日期）；“30岁及以下”即不满31周岁，“31至35岁”即满31周岁不满36周岁，{limit}"
# 80后 = born 1980–1989; before and after the decades a young-cadre report names.
COHORT_DECADES = (1980, 1990, 2000)
EDUCATION_LEVELS = {
    "研究生": (Education.DOCTORAL, Education.MASTER),
    "大学本科": (Education.BACHELOR,),
    "大学专科": (Education.JUNIOR_COLLEGE,),
    "中专及以下": (Education.SECONDARY, Education.HIGH_SCHOOL),
}
PARTY_SCHOOL_BAND = "党校教育"
NO_FULL_TIME = "无全日制学历记录"
HAN = "汉族"
TOP_UNITS = 10
OTHER_UNITS = "其他单位"


@dataclass
class Band:
    """One band of a breakdown: its people are listed by the cadre list filtered with `narrowing`."""

    key: str
    label: str
    count: int
    narrowing: dict = field(default_factory=dict)
    series: str = ""  # the second dimension of a two-way breakdown (the gender of the age pyramid)


@dataclass
class Share:
    """A headline share of a breakdown (女性占比): `count` of the total, with its drill-down."""

    label: str
    count: int
    narrowing: dict = field(default_factory=dict)


@dataclass
class Breakdown:
    """The counted people split into bands that must add up to `total` (the cross-checks say so)."""

    key: str
    title: str
    bands: list
    total: int
    note: str = ""
    shares: list = field(default_factory=list)
    series: tuple = ()  # the series of a two-way breakdown, in order

    @property
    def counted(self):
        """Return the sum of the bands (equal to `total` when the breakdown is right)."""
        return sum(band.count for band in self.bands)

    def share(self, count):
        return round(100 * count / self.total, 1) if self.total else 0.0

    def series_counts(self, label):
        """Return the counts of the band `label` in each series (the rows of a pyramid)."""
        found = {band.series: band.count for band in self.bands if band.label == label}
        return [found.get(name, 0) for name in self.series]

    @property
    def labels(self):
        """Return the band labels in order, each once (a two-way breakdown repeats them per series)."""
        return list(dict.fromkeys(band.label for band in self.bands))


@dataclass
class Breakdowns:
    """Every breakdown of one statistics result, and the average age."""

    items: list
    total: int
    average_age: Decimal | None  # 周岁 on as_of, one decimal; None when nobody is counted
    age_sum: int = 0

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, key):
        return next(item for item in self.items if item.key == key)


def compute_breakdowns(counted, params, *, recent_label):
    """Return the Breakdowns of `counted` (the young_cadres queryset of `params`) in four queries."""
    as_of = params.as_of
    birthday_passed = Case(
        When(
            Q(birth_date__month__lt=as_of.month) | Q(birth_date__month=as_of.month, birth_date__day__lte=as_of.day),
            then=Value(1),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    people = counted.order_by()
    # 1. Birth year, whether the birthday has come by as_of (so the exact 周岁), gender.
    #    A 29 February birthday compares as (2, 29): after 28 February, before 1 March — the rule of DESIGN.md.
    by_birth = list(
        people.values(born=ExtractYear("birth_date"), passed=birthday_passed, sex=F("gender"))
        .annotate(n=Count("pk"))
        .values_list("born", "passed", "sex", "n")
    )
    # 2. Political status, ethnicity, highest 学历 and its mode, highest 全日制 学历.
    by_person = list(
        people.with_full_time_education()
        .values("political_status", "ethnicity", "education", "education_mode", "full_time_rank")
        .annotate(n=Count("pk"))
        .values_list("political_status", "ethnicity", "education", "education_mode", "full_time_rank", "n")
    )
    # 3. Unit (the cadre's own, as the statistics' unit parameter reads it) and its kind.
    by_unit = list(
        people.values("unit", "unit__name", "unit__kind", "unit__sort_order")
        .annotate(n=Count("pk"))
        .values_list("unit", "unit__name", "unit__kind", "unit__sort_order", "n")
    )
    # 4. Entry year and whether the entry is in the recent window.
    by_entry = list(
        people.with_recent_flag(as_of, params.recent_years)
        .values(entered=ExtractYear("entry_date"), recent=F("is_recent"))
        .annotate(n=Count("pk"))
        .values_list("entered", "recent", "n")
    )
    total = sum(row[-1] for row in by_birth)
    ages = [(as_of.year - born - (0 if passed else 1), born, sex, n) for born, passed, sex, n in by_birth]
    age_sum = sum(age * n for age, _, _, n in ages)
    average = (Decimal(age_sum) / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP) if total else None
    items = [
        _age_bands(ages, total, params.max_age),
        _age_pyramid(ages, total, params.max_age),
        _cohorts(ages, total),
        _birth_years(ages, total),
        _gender(ages, total),
        _ethnicity(by_person, total),
        _political(by_person, total),
        _education(by_person, total),
        _education_mode(by_person, total),
        _full_time(by_person, total),
        _units(by_unit, total),
        _unit_kinds(by_unit, total),
        _entry_years(by_entry, total),
        _recent(by_entry, total, recent_label),
    ]
    return Breakdowns(items=items, total=total, average_age=average, age_sum=age_sum)


def age_bands(max_age):
    """Return (key, label, low, high) of the bulletin's bands that can hold someone aged ≤ max_age.

    `high` is None for the open last band; both ends are 周岁 and included.
    """
    bands, low = [], None
    for high in AGE_EDGES:
        if low is None:
            bands.append((f"-{high}", f"{high}岁及以下", None, high))
        else:
            bands.append((f"{low}-{high}", f"{low}至{high}岁", low, high))
        low = high + 1
    bands.append((f"{low}-", f"{low}岁及以上", low, None))
    return [band for band in bands if band[2] is None or band[2] <= max_age]


def _age_narrowing(low, high):
    narrowing = {}
    if low is not None:
        narrowing["age_min"] = low
    if high is not None:
        narrowing["age_max"] = high
    return narrowing


def _in_band(age, low, high):
    return (low is None or age >= low) and (high is None or age <= high)


def age_note(max_age):
    limit = f"“{max_age}岁及以下”即不满{max_age + 1}周岁。"
    return AGE_NOTE.format(limit=limit)


def _age_bands(ages, total, max_age):
    bands = [
        Band(key, label, sum(n for age, _, _, n in ages if _in_band(age, low, high)), _age_narrowing(low, high))
        for key, label, low, high in age_bands(max_age)
    ]
    return Breakdown("age_band", "年龄段", bands, total, note=age_note(max_age))


def _age_pyramid(ages, total, max_age):
    bands = []
    for key, label, low, high in age_bands(max_age):
        for sex in Gender.values:
            count = sum(n for age, _, s, n in ages if s == sex and _in_band(age, low, high))
            bands.append(Band(f"{key}/{sex}", label, count, {**_age_narrowing(low, high), "gender": sex}, series=sex))
    return Breakdown("age_gender", "年龄段（按性别）", bands, total, series=tuple(Gender.values))


def _year_range(first, last):
    return {"born_from": f"{first}-01-01", "born_to": f"{last}-12-31"}


def _cohorts(ages, total):
    first, last = COHORT_DECADES[0], COHORT_DECADES[-1] + 9
    bands = [
        Band(
            "before",
            f"{first}年以前出生",
            sum(n for _, born, _, n in ages if born < first),
            {"born_to": f"{first - 1}-12-31"},
        )
    ]
    for decade in COHORT_DECADES:
        label = f"{decade % 100:02d}后"
        count = sum(n for _, born, _, n in ages if decade <= born <= decade + 9)
        bands.append(Band(str(decade), label, count, _year_range(decade, decade + 9)))
    bands.append(
        Band(
            "after",
            f"{last + 1}年以后出生",
            sum(n for _, born, _, n in ages if born > last),
            {"born_from": f"{last + 1}-01-01"},
        )
    )
    # The decades named always show; the open ends only when someone is there.
    bands = [band for band in bands if band.count or band.key not in ("before", "after")]
    note = "80后即1980年1月1日至1989年12月31日出生，余类推"
    return Breakdown("cohort", "出生年代", bands, total, note=note)


def _birth_years(ages, total):
    counts = {}
    for _, born, _, n in ages:
        counts[born] = counts.get(born, 0) + n
    bands = [Band(str(year), f"{year}年", counts[year], _year_range(year, year)) for year in sorted(counts)]
    return Breakdown("birth_year", "出生年份", bands, total)


def _gender(ages, total):
    counts = {sex: sum(n for _, _, s, n in ages if s == sex) for sex in Gender.values}
    bands = [Band(sex, sex, counts[sex], {"gender": sex}) for sex in Gender.values]
    shares = [Share("女性", counts[Gender.FEMALE], {"gender": Gender.FEMALE})]
    return Breakdown("gender", "性别", bands, total, shares=shares)


def _ethnicity(rows, total):
    counts = {}
    for _, ethnicity, _, _, _, n in rows:
        counts[ethnicity] = counts.get(ethnicity, 0) + n
    names = sorted(counts, key=lambda name: (name != HAN, -counts[name], name))
    bands = [Band(name, name, counts[name], {"ethnicity": name}) for name in names]
    minority = sum(count for name, count in counts.items() if name != HAN)
    shares = [Share("少数民族", minority, {"minority": "1"})]
    return Breakdown("ethnicity", "民族", bands, total, shares=shares)


def _political(rows, total):
    counts = {status: 0 for status in PoliticalStatus.values}
    for status, _, _, _, _, n in rows:
        counts[status] = counts.get(status, 0) + n
    bands = [Band(status, status, count, {"political_status": status}) for status, count in counts.items()]
    outside = [status for status in counts if status not in PoliticalStatus.party_members()]
    shares = [Share("党外", sum(counts[s] for s in outside), {"political_status": outside})]
    return Breakdown("political_status", "政治面貌", bands, total, shares=shares)


def level_of(education):
    """Return the level (研究生 / 大学本科 / 大学专科 / 中专及以下) of a 学历."""
    return next(level for level, values in EDUCATION_LEVELS.items() if education in values)


def _education(rows, total):
    counts = {level: 0 for level in EDUCATION_LEVELS}
    party_school = 0
    for _, _, education, mode, _, n in rows:
        if mode == StudyMode.PARTY_SCHOOL:
            party_school += n
        else:
            counts[level_of(education)] += n
    not_party = [StudyMode.FULL_TIME, StudyMode.IN_SERVICE]
    bands = [
        Band(level, level, counts[level], {"education": list(EDUCATION_LEVELS[level]), "education_mode": not_party})
        for level in EDUCATION_LEVELS
    ]
    if party_school:  # 党校 education apart, where any is recorded
        bands.append(Band("party_school", PARTY_SCHOOL_BAND, party_school, {"education_mode": StudyMode.PARTY_SCHOOL}))
    note = "按最高学历计；最高学历为党校教育的单列为“党校教育”"
    return Breakdown("education", "最高学历", bands, total, note=note)


def _education_mode(rows, total):
    counts = {mode: 0 for mode in StudyMode.values}
    for _, _, _, mode, _, n in rows:
        counts[mode] = counts.get(mode, 0) + n
    bands = [Band(mode, StudyMode(mode).label, counts[mode], {"education_mode": mode}) for mode in StudyMode.values]
    return Breakdown("education_mode", "最高学历类别", bands, total)


def _full_time(rows, total):
    counts = {level: 0 for level in EDUCATION_LEVELS}
    missing = 0
    ranks = {Education.rank(value): value for value in Education.values}
    for _, _, _, _, rank, n in rows:
        if rank is None or rank < 0:
            missing += n
        else:
            counts[level_of(ranks[rank])] += n
    bands = [Band(level, level, counts[level], {"full_time_education": level}) for level in EDUCATION_LEVELS]
    bands.append(Band("none", NO_FULL_TIME, missing, {"full_time_education": "none"}))
    note = "按全日制教育的最高学历计（最高学历为全日制的，及全日制学习经历）"
    return Breakdown("full_time_education", "全日制学历", bands, total, note=note)


def _units(rows, total):
    counts = {}
    for unit, name, _, sort_order, n in rows:
        counts[unit] = (name, sort_order, counts.get(unit, (name, sort_order, 0))[2] + n)
    ranked = sorted(counts.items(), key=lambda item: (-item[1][2], item[1][1], item[1][0]))
    top, rest = ranked[:TOP_UNITS], ranked[TOP_UNITS:]
    bands = [Band(str(pk), name, count, {"own_unit": pk}) for pk, (name, _, count) in top]
    if rest:
        bands.append(
            Band(
                "other",
                OTHER_UNITS,
                sum(count for _, (_, _, count) in rest),
                {"not_own_unit": [pk for pk, _ in top]},
            )
        )
    note = f"按干部所在单位（不含下级单位）计，人数最多的{chinese_count(TOP_UNITS)}个单位单列"
    return Breakdown("unit", "所在单位", bands, total, note=note)


def _unit_kinds(rows, total):
    counts = {kind: 0 for kind in UnitKind.values}
    for _, _, kind, _, n in rows:
        counts[kind] = counts.get(kind, 0) + n
    bands = [Band(kind, kind, count, {"unit_kind": kind}) for kind, count in counts.items() if count]
    return Breakdown("unit_kind", "单位类型", bands, total)


def _entry_years(rows, total):
    counts = {}
    for year, _, n in rows:
        counts[year] = counts.get(year, 0) + n
    bands = [
        Band(str(year), f"{year}年", counts[year], {"entry_from": f"{year}-01-01", "entry_to": f"{year}-12-31"})
        for year in sorted(counts)
    ]
    return Breakdown("entry_year", "进入年份", bands, total)


def _recent(rows, total, recent_label):
    recent = sum(n for _, flag, n in rows if flag)
    bands = [
        Band("1", f"{recent_label}招录", recent, {"recent": "1"}),
        Band("0", f"{recent_label}以前进入", sum(n for _, flag, n in rows if not flag), {"recent": "0"}),
    ]
    shares = [Share(f"{recent_label}招录", recent, {"recent": "1"})]
    return Breakdown("recent", f"{recent_label}招录", bands, total, shares=shares)

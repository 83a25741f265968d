"""What the cadre profile computes: the 三龄 and the standing of a cadre on a chosen date."""

from dataclasses import dataclass

from .dates import age_on
from .experience import grassroots_months_required, grassroots_periods, months_served

AS_OF_BEFORE_BIRTH = "所选日期早于出生日期，已按今天计算"


@dataclass(frozen=True)
class ThreeAges:
    """三龄 on `as_of`, each in completed years; None where the date is unknown or still to come."""

    as_of: object
    age: int
    party_years: int | None
    work_years: int | None


def completed_years(since, as_of):
    """Return the completed years from `since` to `as_of` (anniversaries as for 周岁), None if unknown or later."""
    if since is None or since > as_of:
        return None
    return age_on(since, as_of)


def three_ages(cadre, as_of):
    """Return the 三龄 of `cadre` on `as_of`: age (周岁), 党龄 from 转正时间, 工龄 from 参加工作时间.

    党龄 counts from the confirmation (转正), not from joining (入党): a probationary member has none yet.
    """
    return ThreeAges(
        as_of=as_of,
        age=age_on(cadre.birth_date, as_of),
        party_years=completed_years(cadre.party_confirmed_date, as_of),
        work_years=completed_years(cadre.first_work_date, as_of),
    )


@dataclass(frozen=True)
class Standing:
    """A cadre's pool status and experience flags on `as_of`, by the rules every list uses."""

    as_of: object
    pool_status: str
    grassroots_months: int
    grassroots_required: int
    has_grassroots_experience: bool
    has_organ_experience: bool
    status: str = ""
    unit_name: str = ""
    post: str = ""
    rank: str = ""


def standing_on(cadres, pk, as_of):
    """Return the Standing of the cadre `pk` of the queryset `cadres` on `as_of`, in two queries.

    Status, unit, post, rank and pool status are CadreQuerySet.as_on (the cadre list's rule for a
    date), the flags are cadres/experience.py (the roster's and the statistics' rule): the profile
    never counts alone.
    """
    one = cadres.filter(pk=pk)
    row = (
        one.as_on(as_of)
        .with_flags_on(as_of)
        .values(
            "pool_status_on_date",
            "has_grassroots",
            "has_organ",
            "status_on_date",
            "unit_name_on_date",
            "post_on_date",
            "rank_on_date",
        )
        .get()
    )
    return Standing(
        as_of=as_of,
        pool_status=row["pool_status_on_date"],
        grassroots_months=months_served(grassroots_periods(one, as_of).get(pk, [])),
        grassroots_required=grassroots_months_required(),
        has_grassroots_experience=row["has_grassroots"],
        has_organ_experience=row["has_organ"],
        status=row["status_on_date"],
        unit_name=row["unit_name_on_date"],
        post=row["post_on_date"],
        rank=row["rank_on_date"],
    )

"""Cross-checks (校核) of one statistics result, run before anything is downloaded or archived.

Within a table: every breakdown adds up to the total, so each counted person falls in exactly one of its
bands (a band left too narrow — 35岁及以下 counted as under 35 — leaves people out; overlapping bands count
someone twice); each group is the sum of its channels; the total and the recent figure are the sums of the
groups. Across tables: the breakdowns, counted by their own queries, count as many people as the groups;
the age pyramid's genders are the gender breakdown; the recent band is the recent figure.
"""

from dataclasses import dataclass

CHECK_FAILED = "校核未通过：{figure}为{found}，应为{expected}（相差{difference:+d}）"
CHECKS_FAILED = "校核未通过，不能下载或归档：{details}"


@dataclass(frozen=True)
class CheckFailure:
    """One figure that does not agree with what it must equal."""

    figure: str
    found: int
    expected: int

    @property
    def difference(self):
        return self.found - self.expected

    @property
    def message(self):
        return CHECK_FAILED.format(
            figure=self.figure, found=self.found, expected=self.expected, difference=self.difference
        )


class CrossCheckError(Exception):
    """Raised where a failed cross-check must stop a download or an archive; carries the failures."""

    def __init__(self, failures):
        self.failures = list(failures)
        super().__init__(failures_text(self.failures))


def failures_text(failures):
    """Return the failures in one line, each naming the figure and the difference."""
    return CHECKS_FAILED.format(details="；".join(failure.message.removeprefix("校核未通过：") for failure in failures))


def cross_check(stats):
    """Return the CheckFailures of `stats` (a YoungCadreStats); an empty list when every figure agrees."""
    failures = []

    def expect(figure, found, expected):
        if found != expected:
            failures.append(CheckFailure(figure, found, expected))

    for group in stats.groups:
        expect(f"{group.name}人数", group.count, sum(channel.count for channel in group.channels))
        expect(f"{group.name}{stats.recent_label}招录人数", group.recent, sum(c.recent for c in group.channels))
    expect("合计人数", stats.total, sum(group.count for group in stats.groups))
    expect(f"合计{stats.recent_label}招录人数", stats.recent, sum(group.recent for group in stats.groups))
    breakdowns = stats.breakdowns
    if breakdowns is None:
        return failures
    expect("分项统计人数", breakdowns.total, stats.total)
    for breakdown in breakdowns:
        expect(f"“{breakdown.title}”各项之和", breakdown.counted, stats.total)
        for share in breakdown.shares:
            if share.count > breakdown.counted:
                expect(f"“{breakdown.title}”中{share.label}人数", share.count, breakdown.counted)
    by_key = {breakdown.key: breakdown for breakdown in breakdowns}
    pyramid, gender = by_key.get("age_gender"), by_key.get("gender")
    if pyramid is not None and gender is not None:
        for band in gender.bands:
            found = sum(item.count for item in pyramid.bands if item.series == band.label)
            expect(f"“{pyramid.title}”中{band.label}性人数", found, band.count)
    recent = by_key.get("recent")
    if recent is not None:
        expect(f"“{recent.title}”人数", recent.bands[0].count, stats.recent)
    return failures


def require_checks_pass(stats):
    """Raise CrossCheckError when a cross-check of `stats` fails (before a download or an archive)."""
    failures = cross_check(stats)
    if failures:
        raise CrossCheckError(failures)

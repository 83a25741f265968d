"""The 科室配备 board on a date: each section's staff, the offices above it (向上一对多), its A and B, the young
cadres seconded in, its risks in words, and the reminder of the six-monthly review of the pairings.

One function computes it (staffing_board); the page, the JSON and the monthly sheet only format it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from .absences import Absences
from .conf import setting
from .models import HeadCover, Leave, Pairing, PairingReview
from .periods import add_months, period_text

NO_PAIRING = "未明确A、B角：有人不在岗时不知由谁接手"
ALONE_WITHOUT_B = "科室只有{count}人，未设B角：A角{a}不在岗时无人接手"
NOBODY_WITHOUT_B = "科室没有本部门人员，未设B角：A角{a}不在岗时无人接手"
SECONDEES_HELP = "（抽调人员{names}在本科室协助）"
B_OVERLOADED = "B角{b}同时是其他{count}个科室的A角（{sections}），A角不在岗时难以兼顾（至多{most}个）"
A_AND_B_AWAY = "A角{a}（{a_leave}）与B角{b}（{b_leave}）同时不在岗"
HEAD_COVERS = "，由负责人{head}代岗"
NOBODY_COVERS = "，无人接手"

REVIEW_NEVER = "{unit}尚未复核发布A、B角配备（应每{months}个月复核发布一次）"
REVIEW_OVERDUE = "{unit}的A、B角配备上次于{last}复核发布，应于{due}前再次复核发布，已逾期"
REVIEW_SOON = "{unit}的A、B角配备应于{due}前复核发布（上次：{last}）"
REVIEW_OK = "{unit}的A、B角配备上次于{last}复核发布，下次应于{due}前"


class RiskKind(models.TextChoices):
    NO_PAIRING = "no_pairing", "未明确A、B角"
    ALONE_WITHOUT_B = "alone_without_b", "一人一岗、未设B角"
    B_OVERLOADED = "b_overloaded", "B角兼任其他科室A角过多"
    A_AND_B_AWAY = "a_and_b_away", "A、B角同时不在岗"


class ReviewState(models.TextChoices):
    NEVER = "never", "尚未复核发布"
    OVERDUE = "overdue", "已逾期"
    DUE_SOON = "due_soon", "即将到期"
    OK = "ok", "按期"


@dataclass
class Risk:
    kind: RiskKind
    text: str


@dataclass
class SectionRow:
    section: object
    staff: list  # SectionMember
    offices: list  # UpperOffice
    pairing: object  # Pairing or None
    secondees: list  # SecondmentPlacement
    away: dict = field(default_factory=dict)  # cadre id → Leave, of this row's people away that day
    risks: list = field(default_factory=list)

    @property
    def a(self):
        return self.pairing.a if self.pairing else None

    @property
    def b(self):
        return self.pairing.b if self.pairing else None

    @property
    def a_leave(self):
        return self.away.get(self.pairing.a_id) if self.pairing else None

    @property
    def b_leave(self):
        return self.away.get(self.pairing.b_id) if self.pairing and self.pairing.b_id else None

    @property
    def staff_count(self):
        return len(self.staff)

    @property
    def offices_count(self):
        return len(self.offices)

    @property
    def offices_per_person(self):
        """Return the upper offices per person of the section (向上一对多), None with nobody in it."""
        return round(self.offices_count / self.staff_count, 1) if self.staff_count else None


@dataclass
class Reminder:
    unit: object
    state: ReviewState
    text: str
    last: object = None  # PairingReview
    due: object = None  # date


@dataclass
class StaffingBoard:
    day: object
    rows: list
    reminders: list
    absences: Absences

    @property
    def at_risk(self):
        return [row for row in self.rows if row.risks]

    @property
    def away(self):
        """Return the leaves that take someone of the board away that day, by start date."""
        people = {person.pk for row in self.rows for person in people_of(row)}
        return [leave for leave in self.absences.leaves() if leave.cadre_id in people]


def board_rules():
    """Return the settings the board's risk and review rules use, for the page to state them."""
    return {"max_other": setting("STAFFING_B_MAX_OTHER_A_POSTS"), "review_months": setting("STAFFING_REVIEW_MONTHS")}


def people_of(row):
    """Return the people of a board row: its staff, A, B and secondees, each once."""
    found = {member.cadre.pk: member.cadre for member in row.staff}
    for person in (row.a, row.b, *(placement.secondment.cadre for placement in row.secondees)):
        if person is not None:
            found.setdefault(person.pk, person)
    return list(found.values())


def staffing_board(sections, day):
    """Return the board of `sections` (a Section queryset, already scoped) on `day`.

    Whether a B is the A of too many other sections is counted over every section, whoever reads the board.
    """
    sections = list(sections.with_arrangement_on(day))
    leaves = list(Leave.objects.away_on(day).select_related("cadre"))
    absences = Absences(leaves, HeadCover.objects.filter(leave__in=leaves).select_related("head"))
    a_posts = defaultdict(list)
    for section_id, name, a_id in Pairing.objects.on(day).values_list("section", "section__name", "a"):
        a_posts[a_id].append((section_id, name))
    rows = []
    for section in sections:
        row = SectionRow(
            section=section,
            staff=section.staff_on,
            offices=list(section.upper_offices.all()),
            pairing=section.pairings_on[0] if section.pairings_on else None,
            secondees=section.placements_on,
        )
        leaves_of_row = ((person.pk, absences.leave_of(person, day)) for person in people_of(row))
        row.away = {pk: leave for pk, leave in leaves_of_row if leave is not None}
        row.risks = risks_of(row, day, absences, a_posts)
        rows.append(row)
    units = list({section.unit_id: section.unit for section in sections}.values())
    return StaffingBoard(day=day, rows=rows, reminders=review_reminders(units, day), absences=absences)


def risks_of(row, day, absences, a_posts):
    """Return the risks of a board row on `day`, in words.

    - no pairing in force;
    - one person (or none) in the section and no B;
    - a B who is the A of more than STAFFING_B_MAX_OTHER_A_POSTS other sections;
    - the A and the B away on the same day (with the head recorded as cover, or nobody).
    """
    pairing = row.pairing
    if pairing is None:
        return [Risk(RiskKind.NO_PAIRING, NO_PAIRING)]
    risks = []
    if pairing.b is None and row.staff_count <= 1:
        text = (ALONE_WITHOUT_B if row.staff_count else NOBODY_WITHOUT_B).format(count=row.staff_count, a=pairing.a)
        if row.secondees:
            text += SECONDEES_HELP.format(names="、".join(p.secondment.cadre.name for p in row.secondees))
        risks.append(Risk(RiskKind.ALONE_WITHOUT_B, text))
    if pairing.b is not None:
        most = setting("STAFFING_B_MAX_OTHER_A_POSTS")
        others = [name for section_id, name in a_posts.get(pairing.b_id, ()) if section_id != row.section.pk]
        if len(others) > most:
            text = B_OVERLOADED.format(b=pairing.b, count=len(others), sections="、".join(others), most=most)
            risks.append(Risk(RiskKind.B_OVERLOADED, text))
        a_leave, b_leave = absences.leave_of(pairing.a, day), absences.leave_of(pairing.b, day)
        if a_leave and b_leave:
            head = absences.head_cover(row.section, a_leave, b_leave)
            text = A_AND_B_AWAY.format(
                a=pairing.a, a_leave=leave_text(a_leave), b=pairing.b, b_leave=leave_text(b_leave)
            ) + (HEAD_COVERS.format(head=head) if head else NOBODY_COVERS)
            risks.append(Risk(RiskKind.A_AND_B_AWAY, text))
    return risks


def leave_text(leave):
    """Return "休假，2025-06-30至2025-07-02"."""
    return f"{leave.get_kind_display()}，{period_text(leave.start_date, leave.end_date)}"


def review_reminders(units, day):
    """Return, for each of `units`, when its pairings were last reviewed and whether a review is due on `day`."""
    months, warn = setting("STAFFING_REVIEW_MONTHS"), setting("STAFFING_REVIEW_WARN_DAYS")
    latest = PairingReview.objects.latest_per_unit(units, day)
    reminders = []
    for unit in units:
        last = latest.get(unit.pk)
        if last is None:
            reminders.append(Reminder(unit, ReviewState.NEVER, REVIEW_NEVER.format(unit=unit, months=months)))
            continue
        due = add_months(last.published_on, months)
        if day > due:
            state, text = ReviewState.OVERDUE, REVIEW_OVERDUE
        elif (due - day).days <= warn:
            state, text = ReviewState.DUE_SOON, REVIEW_SOON
        else:
            state, text = ReviewState.OK, REVIEW_OK
        reminders.append(Reminder(unit, state, text.format(unit=unit, last=last.published_on, due=due), last, due))
    return reminders

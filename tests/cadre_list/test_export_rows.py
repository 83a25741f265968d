"""The export's 简历 and 最近年度考核 read from plain rows, against the rule they replace (hypothesis).

The export used to read each cadre as a model instance with its records prefetched as instances and
cut them at `as_of` (records begun later left out, one ending later still running); it now reads
plain rows, the records of a chunk of cadres by one query per kind. For any records, any date and
any chunk size the cells must read the same.
"""

import copy
import datetime
from contextlib import contextmanager

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadres.choices import Degree, Education, StudyMode
from cadres.models import Appraisal, Cadre, EducationRecord, ResumeNote, WorkRecord
from cadres.models.career import AppraisalResult
from cadres.resume import resume_text
from reports.cadre_list import export
from tests.factories import make_cadre, make_unit

pytestmark = pytest.mark.django_db

D = datetime.date
BASE = D(2005, 1, 1)
SPAN = 20 * 366
COLUMNS = [export.COLUMNS_BY_KEY["work_history"], export.COLUMNS_BY_KEY["appraisal"]]


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def day(draw):
    return BASE + datetime.timedelta(days=draw(st.integers(0, SPAN)))


def period(draw, *, dated=True):
    start = day(draw) if dated or draw(st.booleans()) else None
    length = draw(st.one_of(st.none(), st.integers(0, 2000)))
    end = None if start is None or length is None else start + datetime.timedelta(days=length)
    return start, end


@st.composite
def careers(draw):
    """Posts (in a district unit or outside), studies (of each mode, dated or not), notes and appraisals."""
    posts = [(draw(st.booleans()), *period(draw), draw(st.sampled_from(["科员", "副科长", "=SUM(A1)"])),
              draw(st.sampled_from(["", "一级科员", "科员"]))) for _ in range(draw(st.integers(0, 4)))]  # fmt: skip
    studies = [(draw(st.sampled_from(StudyMode.values)), *period(draw, dated=False),
                draw(st.sampled_from(["", *Education.values])), draw(st.sampled_from(["", *Degree.values])),
                draw(st.sampled_from(["", "法学硕士"]))) for _ in range(draw(st.integers(0, 3)))]  # fmt: skip
    notes = [(day(draw) if draw(st.booleans()) else None, f"附注{number}") for number in range(draw(st.integers(0, 2)))]
    years = draw(st.sets(st.integers(2005, 2025), max_size=3))
    appraisals = [(year, draw(st.sampled_from(AppraisalResult.values))) for year in sorted(years)]
    return posts, studies, notes, appraisals


def create(cadre, unit, career):
    posts, studies, notes, appraisals = career
    for in_district, start, end, post, rank in posts:
        where = {"unit": unit} if in_district else {"unit_name": "区外某局"}
        WorkRecord.objects.create(cadre=cadre, start_date=start, end_date=end, post=post, rank=rank, **where)
    for mode, start, end, education, degree, written in studies:
        fields = {"education": education, "degree": degree, "degree_written": written}
        EducationRecord.objects.create(
            cadre=cadre, mode=mode, school="某大学", major="法学", start_date=start, end_date=end, **fields
        )
    for start, text in notes:
        ResumeNote.objects.create(cadre=cadre, start_date=start, text=text)
    for year, result in appraisals:
        Appraisal.objects.create(cadre=cadre, year=year, result=result)


def replaced_rule(cadre, as_of):
    """The cells as the export wrote them from model instances (before the plain rows)."""

    def known(records):
        for record in records:
            if record.start_date is not None and record.start_date > as_of:
                continue
            if record.end_date is not None and record.end_date > as_of:
                record = copy.copy(record)
                record.end_date = None
            yield record

    notes = [note for note in cadre.resume_notes.all() if note.start_date is None or note.start_date <= as_of]
    text = resume_text(
        education=list(known(cadre.education_records.all())),
        work=list(known(cadre.work_records.select_related("unit").order_by("start_date", "pk"))),
        notes=notes,
    )
    appraisals = [item for item in cadre.appraisals.all() if item.year <= as_of.year]
    return [text or None, str(max(appraisals, key=lambda item: item.year)) if appraisals else None]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    careers=st.lists(careers(), min_size=1, max_size=3),
    as_of=st.builds(lambda days: BASE + datetime.timedelta(days=days), st.integers(0, SPAN)),
    chunk=st.integers(1, 3),
)
def test_resume_and_appraisal_cells_match_the_rule_they_replace(monkeypatch, careers, as_of, chunk):
    monkeypatch.setattr(export, "CHUNK_SIZE", chunk)
    with rolled_back():
        unit = make_unit("某镇")
        cadres = []
        for career in careers:
            cadre = make_cadre(unit=unit)
            create(cadre, unit, career)
            cadres.append(cadre)
        queryset = Cadre.objects.filter(pk__in=[cadre.pk for cadre in cadres]).order_by("pk")
        context = export.ExportContext(as_of, 3, None)

        rows = list(export.export_rows(queryset, COLUMNS, as_of, 3))

        assert [[column.value(row, context) for column in COLUMNS] for row in rows] == [
            replaced_rule(cadre, as_of) for cadre in queryset
        ]

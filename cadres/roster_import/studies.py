"""The education records a roster row creates or corrects (its 全日制 / 在职教育 毕业院校及专业)."""

from ..importing.outcome import Change
from .outcome import CHANGE_LABELS, STUDY_MODES, STUDY_ROWS, PlannedStudy


def planned_studies(records, studies, changes):
    """Return the education records to create or correct for a cadre with `records` (KnownStudy), adding
    them to `changes`.

    A school the cadre already has a record of (of that row of the form, as 院校 or 院校+专业)
    is corrected only where its 学历/学位 differ; otherwise the undated record of that row, which
    an earlier roster made, is corrected, or else a new undated record is made. Dated records
    keep their school and dates.
    """
    planned = []
    for prefix, study in studies.items():
        row_modes = STUDY_ROWS[STUDY_MODES[prefix]]
        same_row = [record for record in records if record.mode in row_modes]
        label = CHANGE_LABELS[f"{prefix}school"]
        known = next((r for r in same_row if study.school in (r.school, r.school + r.major)), None)
        if known is not None:
            stored = (known.mode, known.education, known.education_written, known.degree, known.degree_written)
            wanted = (study.mode, study.education, study.education_written, study.degree, study.degree_written)
            if study.education and stored != wanted:
                planned.append(PlannedStudy(known.pk, study.mode, known.school, *wanted[1:], major=known.major))
                changes.append(Change(label, _study_text(known), _study_text(study), f"{prefix}school"))
            continue
        undated = next((record for record in same_row if record.start_date is None), None)
        if undated is None:
            planned.append(study)
            changes.append(Change(label, "", study.school, f"{prefix}school"))
        else:
            planned.append(PlannedStudy(undated.pk, *_fields_of(study)))
            changes.append(Change(label, undated.school + undated.major, study.school, f"{prefix}school"))
    return tuple(planned)


def _fields_of(study):
    return (study.mode, study.school, study.education, study.education_written, study.degree, study.degree_written)


def _study_text(study):
    education = study.education_written or study.education
    degree = study.degree_written or study.degree
    return "，".join(part for part in (study.school + study.major, education, degree) if part)

"""The board and the cover calendar as plain dicts for JSON: the same result objects the pages format."""


def person(cadre):
    return None if cadre is None else {"id": cadre.pk, "name": cadre.name}


def leave_as_dict(leave):
    return {
        "id": leave.pk,
        "cadre": person(leave.cadre),
        "kind": leave.get_kind_display(),
        "start": leave.start_date.isoformat(),
        "end": leave.end_date.isoformat(),
    }


def board_as_dict(board):
    return {
        "as_of": board.day.isoformat(),
        "sections": [
            {
                "id": row.section.pk,
                "name": row.section.name,
                "unit": row.section.unit.name,
                "staff_count": row.staff_count,
                "staff": [person(member.cadre) for member in row.staff],
                "upper_offices": [{"name": office.name, "level": office.get_level_display()} for office in row.offices],
                "upper_offices_count": row.offices_count,
                "upper_offices_per_person": row.offices_per_person,
                "a": person(row.a),
                "b": person(row.b),
                "head": person(row.section.head),
                "secondees": [
                    {
                        **person(placement.secondment.cadre),
                        "unit": placement.secondment.cadre.unit.name,
                        "start": placement.secondment.start_date.isoformat(),
                        "last_day": placement.last_day.isoformat() if placement.last_day else None,
                    }
                    for placement in row.secondees
                ],
                "away": [leave_as_dict(leave) for leave in row.away.values()],
                "risks": [{"kind": risk.kind.value, "label": risk.kind.label, "text": risk.text} for risk in row.risks],
            }
            for row in board.rows
        ],
        "reviews": [
            {
                "unit": reminder.unit.name,
                "state": reminder.state.value,
                "last": reminder.last.published_on.isoformat() if reminder.last else None,
                "due": reminder.due.isoformat() if reminder.due else None,
                "text": reminder.text,
            }
            for reminder in board.reminders
        ],
    }


def cover_entry_as_dict(entry):
    return {
        "section": {"id": entry.section.pk, "name": entry.section.name},
        "a": person(entry.a),
        "leave": leave_as_dict(entry.leave),
        "b": person(entry.b),
        "covered_by": person(entry.by),
        "how": entry.how.label if entry.how else None,
    }


def cover_as_dict(calendar):
    return {
        "start": calendar.start.isoformat(),
        "end": calendar.end.isoformat(),
        "days": [
            {
                "date": day.day.isoformat(),
                "covered": [cover_entry_as_dict(entry) for entry in day.covered],
                "uncovered": [cover_entry_as_dict(entry) for entry in day.uncovered],
            }
            for day in calendar.days
        ],
        "uncovered_sections": [
            {"id": item.section.pk, "name": item.section.name, "days": [day.isoformat() for day in item.days]}
            for item in calendar.uncovered_sections()
        ],
    }

"""What a preview shows: the plan in words and the first rows, each cell with its problem, if any, so
the page can highlight it — as plain data, which a background reading keeps until the page shows it."""

from dataclasses import dataclass
from itertools import islice

from ..importing.outcome import ACTION_LABELS
from ..importing.problems import WHOLE_ROW
from .cells import display, is_blank

PREVIEW_ROWS = 500


@dataclass(frozen=True)
class PreviewCell:
    text: str
    problem: str = ""


def preview_table(sheet, plan, limit=PREVIEW_ROWS):
    """Return (headers, rows) for the first `limit` rows.

    A row is (Excel row, action label, cells, problem of the whole row, the changes an update makes).
    """
    columns = sorted(sheet.columns.items())
    headers = [text for _index, (_key, text) in columns]
    problems = {}
    for problem in plan.problems:
        problems.setdefault((problem.row, problem.column), []).append(problem.reason)
    planned_rows = {planned.row: planned for planned in plan.people}
    rows = []
    for number, values in islice(sheet.iter_rows(), limit):
        cells = [
            PreviewCell(
                "" if is_blank(values.get(key)) else display(values.get(key)),
                "；".join(problems.get((number, text), [])),
            )
            for _index, (key, text) in columns
        ]
        whole_row = "；".join(problems.get((number, WHOLE_ROW), []))
        planned = planned_rows.get(number)
        action = ACTION_LABELS[planned.action] if planned else "有错误"
        changes = "；".join(planned.change_lines) if planned else ""
        rows.append((number, action, cells, whole_row, changes))
    return headers, rows


def preview_context(sheet, plan, limit=PREVIEW_ROWS):
    """Return what the preview page shows of `plan` as plain data (JSON-ready), read by cadres/roster_preview.html."""
    headers, rows = preview_table(sheet, plan, limit)
    return {
        "plan": {
            "filename": plan.filename,
            "sheet": plan.sheet,
            "header_row": plan.header_row,
            "counts": plan.counts,
            "new_units": [{"name": unit.name} for unit in plan.new_units],
            "ignored_columns": list(plan.ignored_columns),
            "skipped": [list(item) for item in plan.skipped],
            "problems": [str(problem) for problem in plan.problems],
        },
        "headers": headers,
        "rows": [
            [number, action, [{"text": cell.text, "problem": cell.problem} for cell in cells], whole_row, changes]
            for number, action, cells, whole_row, changes in rows
        ],
        "limit": limit,
    }

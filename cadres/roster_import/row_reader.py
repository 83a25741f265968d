"""Reading one roster row's cells into field values, a Problem for each bad cell."""

from ..importing.dates import AmbiguousMonth, parse_date
from ..importing.problems import WHOLE_ROW, Problem, Unreadable
from . import cells
from .formulas import UNCALCULATED, ExcelError

REQUIRED = "必须填写"
FORMULA_UNCALCULATED = "公式未计算，请在Excel中重新计算后保存，或改为直接填写数值"
EXCEL_ERROR = "单元格是Excel错误值“{value}”，请改正后再导入"


# Columns whose few distinct values (choices, units, dates) are converted once per value, not once
# per row; names, ID numbers and notes differ on every row and are not worth remembering.
UNREMEMBERED = frozenset({"name", "id_number", "notes"})


class RowReader:
    """Reads one row's cells into field values, collecting a Problem per bad cell.

    `memo` remembers each conversion by column, then cell value and type (and a text argument such
    as the degree an education depends on), so a value met again costs a lookup.
    """

    def __init__(self, sheet, number, values, problems, memo=None):
        self.sheet, self.number, self.values, self.problems = sheet, number, values, problems
        self.memo = {} if memo is None else memo

    def problem(self, key, reason):
        column = WHOLE_ROW if key is None else self.sheet.label(key)
        self.problems.append(Problem(self.number, column, reason))

    def has(self, key):
        return key in self.values and not cells.is_blank(self.values[key])

    def read(self, key, convert, *args, required=False):
        value = self.values.get(key)
        remembered = key not in UNREMEMBERED
        if remembered and value.__class__ is str and not args:
            # The common case, a text cell of a column whose values repeat: one dict lookup.
            memo = self.memo.get(key)
            found = memo.get(value) if memo is not None else None
            if found is not None:
                return found[0] if found[1] is None else self._reported(key, value, found)
        # cells.is_blank, inline: this runs for every cell of every row.
        if value is None or (value.__class__ is str and not value.strip(cells.SPACES)):
            if required:
                self.problem(key, REQUIRED)
            elif remembered and value is not None and not args:
                self.memo.setdefault(key, {})[value] = (None, None)
            return None
        if value is UNCALCULATED:
            self.problem(key, FORMULA_UNCALCULATED)
            return None
        if value.__class__ is ExcelError:
            self.problem(key, EXCEL_ERROR.format(value=value))
            return None
        if not remembered:
            return self._convert(key, convert, value, args)
        # Each key has one converter, whose other arguments are fixed but for a text one (the degree an
        # education depends on). The type as well: 1.0, 1 and True are equal keys but not the same cell;
        # a text is its own key (the common case, and a text never equals a number).
        memo = self.memo.get(key)
        if memo is None:
            memo = self.memo[key] = {}
        memo_key = value if value.__class__ is str else (value.__class__, value)
        if args and args[0].__class__ is str:
            memo_key = (memo_key, args[0])
        found = memo.get(memo_key)
        if found is None:
            try:
                found = (convert(value, *args), None)
            except AmbiguousMonth as error:
                found = (error, str(error))
            except Unreadable as error:
                found = (None, str(error))
            memo[memo_key] = found
        if found[1] is None:
            return found[0]
        return self._reported(key, value, found)

    def _reported(self, key, value, found):
        """Report a cell's problem (found: the conversion's (result, reason)) and return None, or the value
        of a month that the cell's format makes plain."""
        result, reason = found
        if result.__class__ is AmbiguousMonth and self.sheet.shows_two_decimals(self.number, key):
            # The cell shows 1985.10: the month Excel saved as 1985.1 is October.
            return parse_date(value, two_decimals=True)
        self.problem(key, reason)
        return None

    def _convert(self, key, convert, value, args):
        try:
            return convert(value, *args)
        except Unreadable as error:
            self.problem(key, str(error))
            return None

"""The one error type of every import: a Problem says where and why; ImportRefused carries them.

A roster's problem is at an Excel row and a column as the file names it; a .lrmx file's problem
is in a file (of a zip) at an element. A value that a converter cannot read raises Unreadable with
the reason, and the reader turns it into a Problem at the place it read the value from.
"""

from dataclasses import dataclass

ROW_ERROR = "第{row}行 · {column} · {reason}"
FILE_ERROR = "{file} · {column} · {reason}"
WHOLE_ROW = "整行"


class Unreadable(Exception):
    """A value that cannot be read; the message is the reason shown to the clerk, as it is."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an upload.

    `row` is the roster's Excel row (None for a .lrmx file or a whole file), `column` the header
    text or the .lrmx element, `label` how a person names that element (例如 公民身份号码), and
    `file` the file in the upload the problem is in.
    """

    row: int | None
    column: str
    reason: str
    file: str = ""
    label: str = ""

    def __str__(self):
        if self.row is not None:
            return ROW_ERROR.format(row=self.row, column=self.column, reason=self.reason)
        if not self.file and not self.column:
            return self.reason
        return FILE_ERROR.format(file=self.file, column=self.label or self.column, reason=self.reason)


class ImportRefused(Exception):
    """An upload refused as a whole; nothing was written. `problems` say why.

    Give the Problems, or one reason (a Chinese sentence) for the file as a whole.
    """

    def __init__(self, problems):
        if isinstance(problems, str):
            problems = [Problem(None, "", problems)]
        self.problems = list(problems)
        super().__init__("；".join(str(problem) for problem in self.problems))

"""The one plan type of every import: what each person would become, or the problems that stop it.

A reader (roster, .lrmx) builds an ImportPlan of planned people, each created, updated (with its
changes) or unchanged; the preview shows it, and its fingerprint tells a confirmation whether
planning the same upload again still gives what was previewed.
"""

import hashlib
import json
from dataclasses import dataclass, field

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
ACTION_LABELS = {CREATED: "新增", UPDATED: "更新", UNCHANGED: "未变"}
CHANGE = "{label}：{old} → {new}"
EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    """One line of a diff: the field as a person names it, its old and its new text.

    `name` is the field's own name where there is one (the import record keeps changes by it).
    """

    label: str
    old: str
    new: str
    name: str = ""

    def __str__(self):
        return CHANGE.format(label=self.label, old=self.old or EMPTY, new=self.new or EMPTY)


class Planned:
    """What a plan holds for one person: `action`, `changes` (Change list) and `identity()`.

    `identity()` names the person's record and the version read ((pk, version), (None, None)
    for a new one), so that the fingerprint changes when the stored record does.
    """

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]

    @property
    def change_lines(self):
        """Each change as a person reads it: 职务：科员 → 副科长."""
        return [str(change) for change in self.changes]

    def identity(self):
        raise NotImplementedError


@dataclass
class ImportPlan:
    """The outcome of reading an upload: the planned people, or the problems that stop it all."""

    filename: str = ""
    sha256: str = ""
    people: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    # The 公民身份号码 of rows refused because they are cadres outside the user's units (importing/probes.py).
    out_of_scope: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def count(self, action):
        return sum(1 for planned in self.people if planned.action == action)

    @property
    def counts(self):
        return {action: self.count(action) for action in ACTION_LABELS}

    def fingerprint_items(self):
        """Yield what besides the people makes this plan what it is (a plan for new units adds them)."""
        return ()

    def fingerprint(self):
        """Return a digest of what applying would do, to tell whether anything changed since a preview."""
        digest = hashlib.sha256(self.sha256.encode())
        for item in self.fingerprint_items():
            digest.update(json.dumps(item, ensure_ascii=False, default=str).encode())
        for planned in self.people:
            changes = [[change.label, change.old, change.new] for change in planned.changes]
            item = [planned.action, *planned.identity(), changes]
            digest.update(json.dumps(item, ensure_ascii=False, default=str).encode())
        for problem in self.problems:
            digest.update(str(problem).encode())
        return digest.hexdigest()

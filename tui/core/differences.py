"""What differs between two records of one actor's stance on one issue, in parts a reader can be
told: the value, the conditions (which were dropped, which were added), the summary.

A change of conditions under the same value is a change (see ``tui.core.history``), and shown as
"value → value" it reads as no change at all; the parts here let a view say what moved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.dataset import StanceRecord
    from tui.core.records import Condition


@dataclass(frozen=True)
class Differences:
    """``before`` against ``after``; a record that is None states nothing."""

    value: bool  # the stance's value differs (a withdrawal and a first value included)
    dropped: tuple[Condition, ...]  # conditions before that are gone after
    added: tuple[Condition, ...]  # conditions after that were not there before
    summary: bool  # the summary's words differ

    @property
    def conditions(self) -> bool:
        return bool(self.dropped or self.added)

    @property
    def only_conditions(self) -> bool:
        """The same value, with other conditions: what a reader must be told in words."""
        return self.conditions and not self.value


def _said(condition: Condition) -> tuple:
    # A condition is the same when it asks the same of the same stance, whatever its wording's
    # whitespace.
    return (
        condition.actor,
        condition.issue,
        condition.min,
        condition.max,
        " ".join(condition.text.split()),
    )


def differences(before: StanceRecord | None, after: StanceRecord | None) -> Differences:
    old = before.conditions if before is not None else ()
    new = after.conditions if after is not None else ()
    old_said = {_said(c) for c in old}
    new_said = {_said(c) for c in new}
    value_before = before.stance if before is not None else None
    value_after = after.stance if after is not None else None
    summary_before = before.position.summary if before is not None else ""
    summary_after = after.position.summary if after is not None else ""
    return Differences(
        value=value_before != value_after,
        dropped=tuple(c for c in old if _said(c) not in new_said),
        added=tuple(c for c in new if _said(c) not in old_said),
        summary=" ".join(summary_before.split()) != " ".join(summary_after.split()),
    )

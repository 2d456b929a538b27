"""Adjudication commands on a session: the merged review takes one reviewer's version.

:class:`AdjudicationCommands` is the part of :class:`tui.review.ReviewSession` an
adjudicator uses on the merged review: it turns "take A's (or B's) version of this
difference" into item changes (through the pure functions of
:mod:`tui.corpus.agreement_settle`) and records them as one undoable command, saved
like any other change. Editing a taken item afterwards uses the ordinary commands.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from tui.changes import Change, Command
from tui.corpus.agreement_diff import Comparison, Side, settled
from tui.corpus.agreement_settle import take
from tui.model import Annotations


class AdjudicationCommands(ABC):
    """Settling a difference between two reviews, undoably (see the module docstring)."""

    @property
    @abstractmethod
    def annotations(self) -> Annotations: ...

    @abstractmethod
    def _check_writable(self) -> None: ...

    @abstractmethod
    def _run(
        self, label: str, changes: Iterable[Change], *, stamp: bool = True
    ) -> Command | None: ...

    def take_version(self, comparison: Comparison, index: int, side: Side) -> Command | None:
        """Put ``side``'s version of difference ``index`` into this (merged) review.

        None when the merged review already holds exactly that version.
        """
        self._check_writable()
        d = comparison.differences[index]
        state, current = settled(comparison, self.annotations)[index]
        if state == side:
            return None
        changes = take(self.annotations, comparison, d, current, side)
        quote = d.anchor.text if len(d.anchor.text) <= 40 else d.anchor.text[:39] + "…"
        return self._run(f"take {side}'s {d.kind} {quote!r}", changes)

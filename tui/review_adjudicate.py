"""Adjudication commands on a session: the merged review takes one reviewer's version.

:class:`AdjudicationCommands` is the part of :class:`tui.review.ReviewSession` an
adjudicator uses on the merged review: it turns "take A's (or B's) version of this
difference" into item changes (through the pure functions of
:mod:`tui.corpus.agreement_settle`) and records them as one undoable command, saved
like any other change. Editing a taken item afterwards uses the ordinary commands.
"""

from __future__ import annotations

import shlex
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.changes import Change, Command
from tui.corpus.agreement_diff import Comparison, Side, compare, settled
from tui.corpus.agreement_inputs import Copy, InputError, read_reviews
from tui.corpus.agreement_settle import initial, take
from tui.extract.codebook import Codebook
from tui.model import Annotations
from tui.store import reanchor, sidecar
from tui.text import DEFAULT_MAX_BYTES, Document, load_document

if TYPE_CHECKING:
    from tui.review import ReviewSession


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


@dataclass(frozen=True, slots=True)
class Adjudication:
    """Two reviews of an article, compared, and the session of the merged review."""

    session: ReviewSession
    comparison: Comparison
    names: tuple[str, str]  # who made reviews A and B (their recorded reviewer, else "A"/"B")
    notes: tuple[str, ...] = ()


def _review_of(document: Document, path: Path, label: str, max_bytes: int) -> tuple[Copy, str]:
    """The copy in ``path`` (sidecar, article or folder) that reviews ``document``."""
    reviews = read_reviews(path, label, max_bytes=max_bytes)
    name = document.path.name if document.path else ""
    same = [c for c in reviews.copies if c.sha256 == document.sha256]
    same = same or [c for c in reviews.copies if c.name == name]
    if len(same) != 1:
        what = "no review" if not same else f"{len(same)} reviews"
        raise InputError(f"{path}: {what} of {name or 'the article'} in it")
    copy = same[0]
    if copy.sha256 != document.sha256:
        placed, report = reanchor(copy.annotations, document.text)
        note = (
            f"{copy.sidecar}: another version of the article; re-anchored"
            f" ({len(report.moved)} items moved, {len(report.orphaned)} could not be placed)"
        )
        copy = replace(
            copy, annotations=placed, sha256=document.sha256, notes=(note,), extractor=None
        )
    who = reviews.names[0] if reviews.names else label
    return copy, who


def open_adjudication(
    article: Path,
    a: Path,
    b: Path,
    *,
    out: Path | None = None,
    reviewer: str = "",
    codebook: Codebook | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Adjudication:
    """Compare A's and B's reviews of ``article`` and open the merged review.

    The merged review is kept in ``out`` (default: the article's own sidecar). When it
    exists it is taken up where it was left; else it starts from what A and B agree
    on. LoadError for the article, InputError for a review or a merged file that
    cannot be used (a file that is not a sidecar is never written over).
    """
    from tui.review import ReviewSession  # the session class mixes these commands in

    document = load_document(article, max_bytes=max_bytes)
    copy_a, name_a = _review_of(document, a, "A", max_bytes)
    copy_b, name_b = _review_of(document, b, "B", max_bytes)
    comparison = compare(copy_a.annotations, copy_b.annotations)
    target = out if out is not None else sidecar.sidecar_path(article)
    try:
        stored = sidecar.read(target)
        if stored is None:
            sidecar.check_overwritable(target)
    except sidecar.SidecarError as exc:
        raise InputError(str(exc)) from None
    if stored is not None:
        session = ReviewSession.from_stored(
            document, stored, sidecar_path=target, reviewer=reviewer, codebook=codebook
        )
    else:
        # Both reviews hold one extractor's suggestions: so does the merged one, and the
        # reader opens it as current (no fresh suggestions slipped in after adjudication).
        same = copy_a.extractor if copy_a.extractor == copy_b.extractor else None
        session = ReviewSession(
            document,
            initial(comparison),
            sidecar_path=target,
            reviewer=reviewer,
            codebook=codebook,
            extracted_by=same,
        )
    if name_a == name_b:
        name_a, name_b = f"A {name_a}", f"B {name_b}"
    return Adjudication(session, comparison, (name_a, name_b), (*copy_a.notes, *copy_b.notes))


def reading_hint(article: Path, merged: Path) -> str:
    """How to open the merged review in the reader (said when it is done, and on exit)."""
    command = ["marginalia", str(article)]
    if merged != sidecar.sidecar_path(article):
        command += ["--sidecar", str(merged)]
    return f"the merged review is {merged}; read it with: {shlex.join(command)}"

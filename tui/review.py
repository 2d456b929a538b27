"""ReviewSession: the one interface the UI uses to read and change a document's annotations.

It owns the document, its annotations, the sidecar they are saved to, and (with
the review issue) the command history. No textual import: scripts and tests drive
it the same way the reader does.

Reading::

    session = ReviewSession.open("aleppo.txt")     # LoadError for a bad article
    session.document.text, session.annotations      # Document, Annotations
    session.apply_extraction(extract(session.document))  # merge fresh suggestions
    session.progress, session.save_state, session.read_only, session.notices

A sidecar that cannot be used (does not parse, newer format, not ours) never
raises here: the session opens read-only and ``read_only`` says why and where.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.model import Annotations, Claim, Entity
from tui.store import anchoring, sidecar
from tui.store.merge import merge
from tui.text.document import Document
from tui.text.loader import DEFAULT_MAX_BYTES, load_document


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the review has come."""

    claims_total: int
    claims_reviewed: int
    suggestions_left: int


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return os.environ.get("USER", "") or "reviewer"


class ReviewSession:
    """A document under review, its annotations and where they are kept."""

    def __init__(
        self,
        document: Document,
        annotations: Annotations | None = None,
        *,
        sidecar_path: Path | None = None,
        reviewer: str = "",
        read_only: str | None = None,
        notices: tuple[str, ...] = (),
        anchor_report: anchoring.AnchorReport | None = None,
    ) -> None:
        self._document = document
        self._annotations = (annotations or Annotations()).sorted()
        self._sidecar_path = sidecar_path
        self.reviewer = reviewer or default_reviewer()
        self._read_only = read_only
        self._notices = tuple(document.notices) + tuple(notices)
        self.anchor_report = anchor_report or anchoring.AnchorReport()
        self._dirty = False
        self._save_error: str | None = None
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls, path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, reviewer: str = ""
    ) -> ReviewSession:
        """Load the article (LoadError if it cannot be read) and its sidecar, if any."""
        document = load_document(path, max_bytes=max_bytes)
        side = sidecar.sidecar_path(path)
        notices: list[str] = []
        try:
            stored = sidecar.read(side)
        except sidecar.SidecarError as exc:
            return cls(
                document,
                sidecar_path=side,
                reviewer=reviewer,
                read_only=f"read-only: {exc}",
                notices=(f"{exc}; not saving over it",),
            )
        annotations = Annotations()
        report = anchoring.AnchorReport()
        if stored is not None:
            annotations = stored.annotations
            if stored.sha256 != document.sha256:
                annotations, report = anchoring.reanchor(annotations, document.text)
                notices.append(
                    f"article changed since it was annotated: {len(report.moved)} items moved,"
                    f" {len(report.orphaned)} need attention"
                )
        return cls(
            document,
            annotations,
            sidecar_path=side,
            reviewer=reviewer,
            notices=tuple(notices),
            anchor_report=report,
        )

    # ------------------------------------------------------------ reading

    @property
    def document(self) -> Document:
        return self._document

    @property
    def annotations(self) -> Annotations:
        return self._annotations

    @property
    def sidecar_path(self) -> Path | None:
        return self._sidecar_path

    @property
    def read_only(self) -> str | None:
        """None, or a one-line reason why changes cannot be saved."""
        return self._read_only

    @property
    def notices(self) -> tuple[str, ...]:
        return self._notices

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._annotations.entity(entity_id)

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self._annotations.claims if c.id == claim_id), None)

    @property
    def progress(self) -> Progress:
        ann = self._annotations
        live = [c for c in ann.claims if c.status != "rejected"]
        reviewed = sum(1 for c in live if c.review.verdict is not None)
        suggestions = sum(
            1
            for item in (*ann.mentions, *ann.claims, *ann.events)
            if item.status == "suggested"
        )
        return Progress(len(live), reviewed, suggestions)

    @property
    def save_state(self) -> str:
        if self._read_only:
            return "read-only"
        if self._save_error:
            return f"error: {self._save_error}"
        return "unsaved" if self._dirty else "saved"

    # ------------------------------------------------------------ changing

    def subscribe(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after every change to the annotations."""
        self._listeners.append(callback)

    def _changed(self, *, dirty: bool) -> None:
        self._dirty = self._dirty or dirty
        for callback in list(self._listeners):
            callback()

    def apply_extraction(self, fresh: Annotations) -> None:
        """Merge fresh suggestions; the reviewer's items win, rejected ones stay rejected.

        Suggestions alone do not make the session dirty: opening an article and
        reading it writes no file; the first real change saves them all.
        """
        self._annotations = merge(self._annotations, fresh)
        self._changed(dirty=False)

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Write the sidecar now if there is anything unsaved; False if it could not be."""
        if self._read_only or self._sidecar_path is None or not self._dirty:
            return self._read_only is None
        try:
            sidecar.save(
                self._sidecar_path,
                self._annotations,
                sha256=self._document.sha256,
                length=len(self._document.text),
                name=self._document.path.name if self._document.path else "",
            )
        except (OSError, sidecar.SidecarError) as exc:
            self._save_error = str(exc)
            self._changed(dirty=False)
            return False
        self._dirty = False
        self._save_error = None
        self._changed(dirty=False)
        return True

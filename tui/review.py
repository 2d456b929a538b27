"""ReviewSession: the one interface the UI uses to read and change a document's annotations.

It owns the document, its annotations, the command history and the sidecar they
are saved to. No textual import: scripts and tests drive it exactly as the reader
does.

Reading::

    session = ReviewSession.open("aleppo.txt")      # LoadError for a bad article
    session.document.text, session.annotations       # Document, Annotations
    if session.needs_extraction:    # False: the sidecar is current (same text, same extractor)
        session.apply_extraction(extract(session.document))   # merge fresh suggestions
    session.progress, session.save_state, session.read_only, session.notices

Changing (every command is undoable; ReadOnlyError when the sidecar cannot be
written; KeyError for an unknown id; ValueError for a bad value)::

    session.set_verdict("c3", "verified"); session.set_note("c3", "AP confirms")
    session.accept("m4"); session.reject("v2"); session.accept_all(["m5", "m6"])
    session.retype("m4", "GPE"); session.add_mention(10, 16, "ORG")
    session.undo(); session.redo()

Saving (:mod:`tui.review_saving`): with ``autosave=True`` every change is written by a
background thread within a second; ``flush()`` writes now (quit, SIGTERM). Save-state
listeners may be called from that thread: a UI must hop back to its own thread.
"""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from tui import importing
from tui.changes import Change, Command, History, Item, apply
from tui.extract.codebook import Codebook, default_codebook
from tui.extract.version import extractor_version
from tui.importing import ImportReport
from tui.model import Annotations, Claim, Entity, Event, Mention
from tui.review_adjudicate import AdjudicationCommands
from tui.review_commands import ReadOnlyError, ReviewCommands
from tui.review_saving import SessionSaving
from tui.store import anchoring, leftovers, reopen, sidecar
from tui.store.formats.incoming import Incoming
from tui.store.keeper import SidecarKeeper
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


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ReviewSession(ReviewCommands, AdjudicationCommands, SessionSaving):
    """A document under review, its annotations, their history, and where they are kept."""

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
        codebook: Codebook | None = None,
        clock: Callable[[], str] = utc_now,
        extracted_by: str | None = None,
    ) -> None:
        self._document = document
        self._annotations = (annotations or Annotations()).sorted()
        self._sidecar_path = sidecar_path
        self.reviewer = reviewer or default_reviewer()
        self._read_only = read_only
        self._notices = tuple(document.notices) + tuple(notices)
        self.anchor_report = anchor_report or anchoring.AnchorReport()
        self._codebook = codebook
        self._clock = clock
        self._history = History()
        self._lock = threading.RLock()
        self._keeper = SidecarKeeper(
            sidecar_path,
            document,
            lock=self._lock,
            snapshot=lambda: self._annotations,
            notify=self._notify_state,
        )
        self._keeper.extractor = extracted_by  # whose suggestions these are, if known
        self._listeners: list[Callable[[], None]] = []
        self._state_listeners: list[Callable[[str], None]] = []

    # ------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        reviewer: str = "",
        codebook: Codebook | None = None,
        sidecar_path: Path | None = None,
    ) -> ReviewSession:
        """Load the article (LoadError if it cannot be read) and its sidecar, if any.

        ``sidecar_path``: where the annotations are kept, when not beside the article
        (a merged review written by ``marginalia adjudicate --out``, a second reviewer's
        own file). A sidecar that cannot be used opens the session read-only, with the reason.
        """
        document = load_document(path, max_bytes=max_bytes)
        side = sidecar_path if sidecar_path is not None else sidecar.sidecar_path(path)
        leftovers.sweep(side)  # temporary files of a save a kill interrupted
        try:
            stored = sidecar.read(side)
        except sidecar.SidecarError as exc:
            return cls(
                document,
                sidecar_path=side,
                reviewer=reviewer,
                read_only=str(exc),
                notices=(f"read-only: {exc}",),
                codebook=codebook,
            )
        session = cls.from_stored(
            document, stored, sidecar_path=side, reviewer=reviewer, codebook=codebook
        )
        if stored is not None and stored.sha256 != document.sha256:
            # Re-anchored: saved now, so the file never describes a text that is gone (the
            # old version stays as .bak); a failure shows in save_state.
            with session._lock:
                session._keeper.changed()
            session._keeper.save()
        return session

    @classmethod
    def from_stored(
        cls,
        document: Document,
        stored: sidecar.Sidecar | None,
        *,
        sidecar_path: Path | None = None,
        reviewer: str = "",
        codebook: Codebook | None = None,
    ) -> ReviewSession:
        """A session over a document and its already-read sidecar, placed as :meth:`open` does.

        Batch jobs use it where the files were read elsewhere (a Dask worker gets bytes).
        """
        placed = reopen.place(stored, document.text, document.sha256)
        return cls(
            document,
            placed.annotations,
            sidecar_path=sidecar_path,
            reviewer=reviewer,
            notices=placed.notices,
            anchor_report=placed.report,
            codebook=codebook,
            extracted_by=placed.extracted_by,
        )

    # ------------------------------------------------------------ reading

    @property
    def codebook(self) -> Codebook:
        """The verdict scale, entity types and event types (parsed on first use)."""
        if self._codebook is None:
            self._codebook = default_codebook()
        return self._codebook

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
        """None, or a one-line reason why changes cannot be made or saved."""
        return self._read_only

    @property
    def notices(self) -> tuple[str, ...]:
        return self._notices

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._annotations.entity(entity_id)

    def claim(self, claim_id: str | None) -> Claim | None:
        return next((c for c in self._annotations.claims if c.id == claim_id), None)

    def item(self, item_id: str) -> Item | None:
        """Any entity, mention, claim or event by id."""
        ann = self._annotations
        for items in (ann.claims, ann.events, ann.mentions, ann.entities):
            for it in items:
                if it.id == item_id:
                    return it
        return None

    def needs_attention(self) -> tuple[Item, ...]:
        """Items that moved or could not be placed after the article changed."""
        ann = self._annotations
        placed: list[Mention | Claim | Event] = [*ann.mentions, *ann.claims, *ann.events]
        return tuple(it for it in placed if it.anchor != "ok")

    @property
    def progress(self) -> Progress:
        ann = self._annotations
        live = [c for c in ann.claims if c.status != "rejected"]
        reviewed = sum(1 for c in live if c.review.verdict is not None)
        items: list[Mention | Claim | Event] = [*ann.mentions, *ann.claims, *ann.events]
        suggestions = sum(1 for item in items if item.status == "suggested")
        return Progress(len(live), reviewed, suggestions)

    @property
    def dirty(self) -> bool:
        return self._keeper.dirty

    @property
    def save_state(self) -> str:
        """'saved', 'unsaved', 'saving', 'conflict', 'read-only' or 'error: ...'."""
        if self._read_only:
            return "read-only"
        return self._keeper.state

    @property
    def can_undo(self) -> bool:
        return self._history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._history.can_redo

    # ------------------------------------------------------------ listeners

    def subscribe(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` (on the caller's thread) after every change to the annotations."""
        self._listeners.append(callback)

    def subscribe_save_state(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(save_state)`` when it changes; may run on the saver thread."""
        self._state_listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()

    def _notify_state(self) -> None:
        state = self.save_state
        for callback in list(self._state_listeners):
            callback(state)

    # ------------------------------------------------------------ commands

    def _check_writable(self) -> None:
        if self._read_only:
            raise ReadOnlyError(self._read_only)

    def _run(self, label: str, changes: Iterable[Change], *, stamp: bool = True) -> Command | None:
        changes = tuple(c for c in changes if c.before != c.after)
        if not changes:
            return None
        if stamp:
            changes = self._stamped(changes)
        command = Command(label, changes)
        self._commit(command)
        self._history.record(command)
        return command

    def _stamped(self, changes: tuple[Change, ...]) -> tuple[Change, ...]:
        """Every mention, claim and event the command leaves records who changed it, when."""
        at = self._clock()
        return tuple(
            Change(c.before, replace(c.after, by=self.reviewer, at=at))
            if isinstance(c.after, (Mention, Claim, Event))
            else c
            for c in changes
        )

    def _commit(self, command: Command) -> None:
        with self._lock:
            self._annotations = apply(self._annotations, command.changes)
            self._keeper.changed()
        self._notify()
        self._notify_state()

    @property
    def needs_extraction(self) -> bool:
        """False when the annotations are final: the sidecar was written for this very
        text (sha256) by this extractor version, or its suggestions were merged since."""
        return self._keeper.extractor != extractor_version()

    def apply_extraction(self, fresh: Annotations, extractor: str | None = None) -> None:
        """Merge fresh suggestions; the reviewer's items win, rejected ones stay rejected.

        ``extractor``: the version that made them (default: this installation's).
        They create no file, but update an existing one (with their version: reopening
        then finds it current and need not extract again).
        """
        version = extractor or extractor_version()
        with self._lock:
            before = self._annotations
            self._annotations = merge(before, fresh)
            news = self._keeper.extractor != version or self._annotations != before
            self._keeper.extractor = version
            side = self._sidecar_path
            if news and self._read_only is None and side is not None and side.exists():
                self._keeper.changed()
        self._notify()
        self._notify_state()

    def import_annotations(self, incoming: Incoming) -> ImportReport:
        """Bring in annotations read from another tool's file, as one undoable command.

        Placed and merged by :func:`tui.importing.plan`: reviewed and rejected items
        are never touched; what cannot be placed is kept as an orphan and reported.
        """
        self._check_writable()
        changes, report = importing.plan(
            self._annotations,
            incoming,
            self._document.text,
            reviewer=self.reviewer,
            now=self._clock(),
        )
        self._run(f"import from {Path(incoming.source).name}", changes)
        return report

"""Saving a review session's sidecar: autosave, flush, conflicts with the file on disk.

:class:`SessionSaving` is the part of :class:`tui.review.ReviewSession` that hands its
annotations to the :class:`~tui.store.keeper.SidecarKeeper` and resolves a conflict
with a sidecar someone else changed (keep mine, or reload theirs as one undoable
command). Like :class:`tui.review_commands.ReviewCommands`, it declares what it needs
from the session, which supplies it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path

from tui import editing
from tui.changes import Change, Command
from tui.model import Annotations
from tui.store import anchoring, reopen, sidecar
from tui.store.keeper import SidecarKeeper
from tui.text.document import Document


class SessionSaving(ABC):
    """Where and when the session's annotations are written (see the module docstring)."""

    anchor_report: anchoring.AnchorReport
    _annotations: Annotations
    _document: Document
    _keeper: SidecarKeeper
    _notices: tuple[str, ...]
    _read_only: str | None
    _sidecar_path: Path | None

    @abstractmethod
    def _check_writable(self) -> None:
        """Raise ReadOnlyError when nothing may change."""

    @abstractmethod
    def _run(self, label: str, changes: Iterable[Change], *, stamp: bool = True) -> Command | None:
        """Apply ``changes`` as one command and record it in the history."""

    @abstractmethod
    def _notify_state(self) -> None:
        """Tell the save-state listeners."""

    def start_autosave(self, *, quiet: float = 0.25, max_wait: float = 0.8) -> None:
        """Save in a background thread within ``max_wait`` seconds of any change."""
        if self._read_only is None:
            self._keeper.start_autosave(quiet=quiet, max_wait=max_wait)

    def flush(self) -> bool:
        """Write everything now (quit, SIGTERM, SIGHUP); False if it could not be written."""
        return self._read_only is None and self._keeper.flush()

    def close(self) -> bool:
        return self._read_only is None and self._keeper.close()

    def disk_changed(self) -> bool:
        """Has someone else (an editor, git pull) changed the sidecar since we read or wrote it?"""
        return self._keeper.disk_changed()

    def save(self, *, force: bool = False) -> bool:
        """Write the sidecar if anything is unsaved; False if it could not be (or read-only).

        A sidecar changed on disk by someone else is not written over (state
        'conflict') unless ``force``: see :meth:`keep_mine` and :meth:`reload_from_disk`.
        """
        return self._read_only is None and self._keeper.save(force=force)

    def keep_mine(self) -> bool:
        """Resolve a conflict by writing our annotations; theirs stay as the .bak file."""
        return self._read_only is None and self._keeper.keep_mine()

    def reload_from_disk(self) -> str | None:
        """Resolve a conflict by taking the file on disk; undoable. A one-line error, or None."""
        self._check_writable()
        assert self._sidecar_path is not None
        try:
            stored = sidecar.read(self._sidecar_path)
        except sidecar.SidecarError as exc:
            return str(exc)
        placed = reopen.place(stored, self._document.text, self._document.sha256)
        self.anchor_report = placed.report
        self._notices = self._notices + placed.notices
        changes = editing.diff(self._annotations, placed.annotations)
        self._keeper.adopt_disk()
        self._keeper.extractor = placed.extracted_by
        if self._run("reload from disk", changes, stamp=False) is not None:
            self._keeper.mark_saved()
        self._notify_state()
        return None

"""SidecarKeeper: keeps one document's sidecar file in step with its annotations.

It counts changes (generations) against what is on disk, writes through the
atomic store (now, or from the debounced autosave thread), and refuses to write
over a file someone else changed since we last read or wrote it (a conflict the
user resolves). The ReviewSession owns one; nothing here imports textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from tui.model import Annotations
from tui.store import forked, sidecar
from tui.store.autosave import Autosaver
from tui.text.document import Document

# From this many items a save is written by a forked child (tui.store.forked): encoding
# them in a thread would slow every key pressed meanwhile; below it, the fork is not worth it.
FORK_ITEMS = 3000


def _items(ann: Annotations) -> int:
    return len(ann.entities) + len(ann.mentions) + len(ann.claims) + len(ann.events)


def file_stamp(path: Path | None) -> tuple[int, int] | None:
    """(mtime_ns, size) of ``path``, or None when it is absent."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class SidecarKeeper:
    def __init__(
        self,
        path: Path | None,
        document: Document,
        *,
        lock: threading.RLock,
        snapshot: Callable[[], Annotations],
        notify: Callable[[], None],
    ) -> None:
        self.path = path
        self._document = document
        self._lock = lock  # the session's: a snapshot and its generation are read together
        self._snapshot = snapshot
        self._notify = notify
        self.generation = 0  # bumped by every change that needs saving
        self.saved_generation = 0
        self.saving = False
        self.error: str | None = None
        self.conflict = False
        self._stamp = file_stamp(path)
        self._autosaver: Autosaver | None = None
        # The extractor whose suggestions the annotations hold; recorded in the file
        # (set with the session's lock held, read with the snapshot).
        self.extractor: str | None = None

    @property
    def dirty(self) -> bool:
        return self.generation != self.saved_generation

    @property
    def state(self) -> str:
        """'conflict', 'error: ...', 'saving', 'unsaved' or 'saved'."""
        if self.conflict:
            return "conflict"
        if self.error:
            return f"error: {self.error}"
        if self.saving:
            return "saving"
        return "unsaved" if self.dirty else "saved"

    def changed(self) -> None:
        """The annotations changed (call with the session's lock held)."""
        self.generation += 1
        if self._autosaver is not None:
            self._autosaver.poke()

    def start_autosave(self, *, quiet: float, max_wait: float) -> None:
        if self._autosaver is None:
            self._autosaver = Autosaver(self.save, quiet=quiet, max_wait=max_wait)

    def flush(self) -> bool:
        """Write everything now; False if it could not be written."""
        if self._autosaver is not None:
            self._autosaver.flush()
            return not self.dirty
        return self.save()

    def close(self) -> bool:
        ok = self.flush()
        if self._autosaver is not None:
            self._autosaver.close()
            self._autosaver = None
        return ok

    def disk_changed(self) -> bool:
        """Has someone else (an editor, git pull) changed the file since we read or wrote it?

        False while our own save is writing it: its stamp is recorded only once the
        write is done, and a UI polling from another thread must not mistake our own
        write for someone else's.
        """
        with self._lock:
            if self.saving:
                return False
            return self.path is not None and file_stamp(self.path) != self._stamp

    def save(self, *, force: bool = False) -> bool:
        """Write the sidecar if anything is unsaved; False if it could not be.

        If the file changed on disk since we last read or wrote it, nothing is
        written (state 'conflict') unless ``force`` (the user chose "keep mine";
        their version is then kept as the .bak).
        """
        if self.path is None:
            return True
        with self._lock:
            if not self.dirty and not force:
                return True
            if self.disk_changed() and not force:
                self.conflict = True
                conflict = True
            else:
                conflict = False
                ann, generation = self._snapshot(), self.generation
                extractor = self.extractor
                self.saving = True
        self._notify()
        if conflict:
            return False
        doc, path = self._document, self.path

        def write() -> None:
            sidecar.save(
                path,
                ann,
                sha256=doc.sha256,
                length=len(doc.text),
                name=doc.path.name if doc.path else "",
                extractor=extractor,
            )

        try:
            if _items(ann) >= FORK_ITEMS:
                errors = {"SidecarError": lambda text: sidecar.SidecarError(path, text)}
                forked.run(write, errors=errors, timeout=60)
            else:
                write()
        except (OSError, sidecar.SidecarError) as exc:
            with self._lock:
                self.saving = False
                self.error = str(exc)
            self._notify()
            return False
        with self._lock:
            self.saving = False
            self.error = None
            self.conflict = False
            self.saved_generation = max(self.saved_generation, generation)
            self._stamp = file_stamp(self.path)
        self._notify()
        return True

    def keep_mine(self) -> bool:
        """Resolve a conflict by writing ours; theirs stays as the .bak file."""
        with self._lock:
            self.generation += 1  # make sure there is something to write
        return self.save(force=True)

    def adopt_disk(self) -> None:
        """The file on disk was just read in: it is what we know, and nothing is in conflict."""
        with self._lock:
            self.conflict = False
            self._stamp = file_stamp(self.path)

    def mark_saved(self) -> None:
        """What we hold is what is on disk (after taking the disk's version)."""
        with self._lock:
            self.saved_generation = self.generation

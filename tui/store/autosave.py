"""Debounced background saving, so the UI thread never waits for the disk.

A change ``poke()``s the saver; it writes once changes have been quiet for
``quiet`` seconds, and never later than ``max_wait`` after the first unsaved
change, so a reviewer typing steadily still has everything on disk within a second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Autosaver:
    def __init__(
        self, save: Callable[[], object], *, quiet: float = 0.25, max_wait: float = 0.8
    ) -> None:
        self._save = save
        self._quiet = quiet
        self._max_wait = max_wait
        self._cond = threading.Condition()
        self._save_lock = threading.Lock()
        self._first: float | None = None  # first unsaved change
        self._last = 0.0  # latest change
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="marginalia-autosave", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Something changed: save soon."""
        with self._cond:
            now = time.monotonic()
            if self._first is None:
                self._first = now
            self._last = now
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._first is None and not self._closed:
                    self._cond.wait()
                if self._first is None:
                    return  # closed with nothing pending
                while not self._closed and self._first is not None:
                    due = min(self._last + self._quiet, self._first + self._max_wait)
                    wait = due - time.monotonic()
                    if wait <= 0:
                        break
                    self._cond.wait(wait)
                if self._first is None:
                    continue  # flushed meanwhile
                self._first = None
            self._write()

    def _write(self) -> None:
        with self._save_lock:
            self._save()

    def flush(self) -> None:
        """Save now, in this thread, if anything is pending (on quit, on SIGTERM)."""
        with self._cond:
            self._first = None
        self._write()

    def close(self) -> None:
        """Flush and stop the thread."""
        self.flush()
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)

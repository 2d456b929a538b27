"""Temporary files an interrupted save left behind, removed without touching anyone's work.

A save writes ``.<sidecar>.XXXXXXXX.tmp`` beside the sidecar (and, keeping the
backup, ``.<sidecar>.bak.XXXXXXXX.tmp``), then renames it over. A kill between
the two leaves the temporary file; nothing else will ever remove it. When an
article is opened, :func:`sweep` removes such files for its sidecar, but only a
file that

- has exactly our name pattern (mkstemp's eight characters) for *this* sidecar,
- is a regular file (not a link) owned by the user running us,
- has not changed for :data:`STALE_AFTER` seconds, and
- is not locked: a save holds an exclusive lock on its temporary file until the
  rename (:func:`hold`), so a file another live process is writing is skipped
  even if that process is stopped in the middle of it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: the age test alone guards there
    fcntl = None  # type: ignore[assignment]

STALE_AFTER = 60.0  # seconds; a save takes well under one


def hold(fd: int) -> None:
    """Mark the temporary file ``fd`` as being written (released when it is closed)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a filesystem without locks: the age test remains
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _pattern(sidecar: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(sidecar.name)}\.(?:bak\.)?[a-z0-9_]{{8}}\.tmp")


def sweep(sidecar: Path, *, stale_after: float = STALE_AFTER) -> list[Path]:
    """Remove the stale temporary files of saves of ``sidecar``; the ones removed."""
    pattern = _pattern(sidecar)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(sidecar.parent))
    except OSError:
        return removed
    for entry in entries:
        if pattern.fullmatch(entry.name):
            path = Path(entry.path)
            with contextlib.suppress(OSError):
                if _remove_if_stale(path, stale_after):
                    removed.append(path)
    return removed


def _remove_if_stale(path: Path, stale_after: float) -> bool:
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    # ctime too: the backup's temporary name is a hard link to the sidecar, whose
    # mtime may be old while the link itself is brand new
    if time.time() - max(st.st_mtime, st.st_ctime) < stale_after:
        return False
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a save is writing it right now
        if os.fstat(fd).st_ino != os.lstat(path).st_ino:
            return False  # replaced meanwhile
        os.unlink(path)
        return True
    finally:
        os.close(fd)

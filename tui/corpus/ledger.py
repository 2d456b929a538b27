"""Which extractor last filled each article's sidecar, for which text and file states.

Batch extraction skips an article whose sidecar is current. When neither file changed
since the last batch wrote or checked it (same size and mtime), the ledger alone says
so and nothing is read: resuming a batch of 10,000 articles costs 20,000 stat calls.
Otherwise a worker compares the text's sha256 with the sidecar's and the recorded one.
Kept in the library's index (a cache: losing it only means checking again).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from tui.corpus.freshness import EXTRACTOR_VERSION
from tui.corpus.index import CorpusIndex

Stamp = tuple[int, int] | None


class Ledger:
    """The extraction records of one library; a Ledger(None) remembers nothing."""

    def __init__(self, index: CorpusIndex | None) -> None:
        self._index = index
        self._rows: dict[str, tuple] = {}
        if index is not None:
            with contextlib.suppress(sqlite3.Error):
                self._rows = {r[0]: r[1:] for r in index.query("SELECT * FROM extracted")}

    def _rel(self, path: Path) -> str:
        return self._index.relative(path) if self._index is not None else str(path)

    def recorded(self, path: Path) -> tuple[str, str] | None:
        """(text sha256, extractor version) of the last extraction of ``path``."""
        row = self._rows.get(self._rel(path))
        return None if row is None else (row[0], row[1])

    def unchanged_since(self, path: Path, stamp: Stamp, side_stamp: Stamp) -> bool:
        """Neither file changed since this extractor last filled or checked the sidecar."""
        row = self._rows.get(self._rel(path))
        if row is None or row[1] != EXTRACTOR_VERSION or side_stamp is None:
            return False
        return (row[2], row[3]) == stamp and (row[4], row[5]) == side_stamp

    def record(self, path: Path, sha256: str, stamp: Stamp, side_stamp: Stamp) -> None:
        if self._index is None or stamp is None or side_stamp is None:
            return
        row = (sha256, EXTRACTOR_VERSION, *stamp, *side_stamp)
        self._rows[self._rel(path)] = row
        self._index.record_extraction(self._rel(path), row)

"""What batch extraction tells the library's index as it goes.

For each article it handled: which extractor filled its sidecar, for which text and
which file states (so the next batch skips it without reading anything: resuming a
batch of 10,000 articles costs 20,000 stat calls), and its library row and search rows,
computed by the worker from the annotations it just merged, so the index is current
after a batch without reading a sidecar again. Written in batches; the index is a
cache, so a lost record only means checking that article again.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from pathlib import Path

from tui.corpus.analyse import Analysis
from tui.corpus.freshness import EXTRACTOR_VERSION
from tui.corpus.index import CorpusIndex, Entry, StoredState

Stamp = tuple[int, int] | None
FLUSH_EVERY = 100


class Ledger:
    """The extraction records of one library; a Ledger(None) remembers nothing."""

    def __init__(self, index: CorpusIndex | None) -> None:
        self._index = index
        self._rows: dict[str, tuple] = {}
        self._records: list[tuple] = []
        self._entries: list[Entry] = []
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

    def record(
        self, path: Path, text_sha256: str, files: StoredState, analysis: Analysis | None
    ) -> None:
        """The sidecar of ``path`` holds what this extractor makes of the text, as ``files``."""
        if self._index is None or files.side_stamp is None:
            return
        rel = self._rel(path)
        row = (text_sha256, EXTRACTOR_VERSION, *files.stamp, *files.side_stamp)
        self._rows[rel] = row
        self._records.append((rel, *row))
        if analysis is not None:
            summary = replace(analysis.summary, path=rel)
            self._entries.append(Entry(rel, files, replace(analysis, summary=summary)))
        if len(self._records) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        if self._index is None or not (self._records or self._entries):
            return
        records, entries = self._records, self._entries
        self._records, self._entries = [], []
        with contextlib.suppress(sqlite3.Error):
            self._index.record_extractions(records)
            self._index.put(entries)

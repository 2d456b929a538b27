"""The library's index: a SQLite file in ``DIR/.marginalia/`` with one summary row per
article and an FTS5 index over the texts and annotations.

It is only a cache. The sidecars stay the truth; an index that is missing, corrupt,
from another version, or locked by another process for longer than a moment is
rebuilt (a private copy in memory when the folder cannot hold one), never an error.
Refreshing is incremental: an article whose file and sidecar have the same size and
mtime is not read; one whose bytes hash the same is not analysed again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cache.extractions import TextKey
from tui.corpus import schema
from tui.corpus.analyse import Analysis
from tui.corpus.discover import INDEX_FOLDER
from tui.corpus.summary import ArticleSummary

if TYPE_CHECKING:
    from tui.corpus.refresh import RefreshReport

INDEX_FILE = "index.sqlite3"
BUSY_TIMEOUT = 3.0  # seconds to wait for another process's write before going private

Stamp = tuple[int, int]  # (mtime_ns, size), as SidecarKeeper's file_stamp gives


@dataclass(frozen=True, slots=True)
class StoredState:
    """The state of an article's files when the index last read them."""

    stamp: Stamp  # (mtime_ns, size) of the article; (-1, -1) when it could not be read
    sha256: str | None
    side_stamp: Stamp | None  # None: no sidecar
    side_sha256: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One article as the index stores it: its files' state and what they say."""

    rel: str
    state: StoredState
    analysis: Analysis


@dataclass
class IndexNotes:
    """What happened to the index file, for a status line; empty when all was well."""

    messages: list[str] = field(default_factory=list)


def _error_name(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or str(exc).upper()


def _is_locked(exc: sqlite3.Error) -> bool:
    name = _error_name(exc)
    return "BUSY" in name or "LOCKED" in name


class _Stale(Exception):
    """The file holds an index of another schema version."""


def _connect(target: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last commit is fine
        conn.execute("PRAGMA foreign_keys=ON")
        version = _schema_version(conn)
        if version is None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executescript(schema.SCHEMA)  # commits
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(schema.SCHEMA_VERSION),)
            )
        elif version != str(schema.SCHEMA_VERSION):
            raise _Stale(version)
        conn.execute("SELECT count(*) FROM articles").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _schema_version(conn: sqlite3.Connection) -> str | None:
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
    ).fetchone()
    if not has_meta:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    return row[0] if row else "unknown"


def _remove_index_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


class CorpusIndex:
    """The index of the library rooted at ``root``. Safe to share between threads."""

    def __init__(self, root: Path, conn: sqlite3.Connection, location: Path | None) -> None:
        self.root = root
        self.location = location  # None: a private index in memory
        self.notes = IndexNotes()
        self._folders: dict[str, str] = {}
        self._root_prefix = os.path.join(os.fspath(root), "")
        self._conn = conn
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, root: Path, *, location: Path | None = None) -> CorpusIndex:
        """Open (creating or rebuilding as needed) the index of the folder ``root``."""
        root = root.resolve()
        path = location or root / INDEX_FOLDER / INDEX_FILE
        conn, where, note = cls._open_file(path)
        index = cls(root, conn, where)
        if note:
            index.notes.messages.append(note)
        return index

    @staticmethod
    def _open_file(path: Path) -> tuple[sqlite3.Connection, Path | None, str]:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return (
                _connect(":memory:"),
                None,
                f"index kept in memory: cannot create {path.parent} ({exc.strerror or exc})",
            )
        note = ""
        for _attempt in range(2):
            try:
                return _connect(str(path)), path, note
            except _Stale as exc:
                note = f"index from another version ({exc}) rebuilt"
            except sqlite3.Error as exc:
                if _is_locked(exc):
                    return (
                        _connect(":memory:"),
                        None,
                        "index busy in another process: using a private copy",
                    )
                note = f"index unreadable ({exc}) rebuilt"
            _remove_index_files(path)
        return _connect(":memory:"), None, note + "; kept in memory"

    def _rebuild(self, reason: str) -> None:
        """Throw the index away and start again (its contents come back on refresh)."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            if self.location is not None:
                _remove_index_files(self.location)
                self._conn, self.location, note = self._open_file(self.location)
            else:
                self._conn, note = _connect(":memory:"), ""
            self.notes.messages.append(f"index {reason}: rebuilt" + (f" ({note})" if note else ""))

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        """Rows of a read-only query (search and the library use it)."""
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # ------------------------------------------------------------------ paths

    def relative(self, path: Path) -> str:
        """How the index names ``path``: relative to the root, with "/" separators.

        Folders are resolved once each (symlinks, ".."), not every file: listing
        10,000 articles costs a few hundred folder lookups, not 10,000 resolves.
        """
        parent, name = os.path.split(os.fspath(path))
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = os.path.realpath(parent or ".")
        full = os.path.join(folder, name)
        if full.startswith(self._root_prefix):
            full = full[len(self._root_prefix) :]
        return full.replace(os.sep, "/")

    def absolute(self, rel: str) -> Path:
        return self.root / rel

    # ------------------------------------------------------------------ writing

    def refresh(self, articles: Sequence[Path], **options: Any) -> RefreshReport:
        """Bring the rows of ``articles`` up to date (see :func:`tui.corpus.refresh.refresh`)."""
        from tui.corpus.refresh import refresh

        return refresh(self, articles, **options)

    def stored(self) -> dict[str, StoredState]:
        """What the index knows of each article's files: (stamp, sha256, sidecar stamp, sha)."""
        rows = self.query(
            "SELECT path, mtime_ns, size, sha256, side_mtime_ns, side_size, side_sha256 "
            "FROM articles"
        )
        return {
            r[0]: StoredState((r[1], r[2]), r[3], None if r[4] is None else (r[4], r[5]), r[6])
            for r in rows
        }

    def put(self, entries: Sequence[Entry]) -> None:
        """Store fresh analyses (one transaction; a few hundred at a time keeps locks short)."""
        with self._write() as conn:
            for e in entries:
                self._store(conn, e)

    def touch(self, states: Sequence[tuple[str, StoredState]]) -> None:
        """New file stamps for articles whose bytes did not change."""
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET mtime_ns=?, size=?, side_mtime_ns=?, side_size=? WHERE path=?",
                [(*st.stamp, *(st.side_stamp or (None, None)), rel) for rel, st in states],
            )

    @staticmethod
    def _store(conn: sqlite3.Connection, e: Entry) -> None:
        s, state = e.analysis.summary, e.state
        (article_id,) = conn.execute(
            schema.UPSERT_ARTICLE,
            (
                e.rel,
                *state.stamp,
                state.sha256,
                *(state.side_stamp or (None, None)),
                state.side_sha256,
                *(getattr(s, c) for c in schema.SUMMARY_COLUMNS),
                *_text_values(e.analysis.text),
            ),
        ).fetchone()
        conn.execute("DELETE FROM items WHERE article = ?", (article_id,))
        rows = e.analysis.rows
        (last,) = conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()
        ids = range(last + 1, last + 1 + len(rows))  # ours alone: the write lock is held
        states = ["reviewed" if r.reviewed else "unreviewed" for r in rows]
        conn.executemany(
            schema.INSERT_ITEM,
            [
                (i, article_id, r.kind, r.item, r.start, st, r.label, *r.sentence, *r.fields)
                for i, r, st in zip(ids, rows, states, strict=True)
            ],
        )
        conn.executemany(
            schema.INSERT_FTS,
            [(i, *r.fields, r.kind, st) for i, r, st in zip(ids, rows, states, strict=True)],
        )

    def remove(self, rels: Sequence[str]) -> int:
        """Forget articles (deleted from the folder)."""
        if not rels:
            return 0
        with self._write() as conn:
            for rel in rels:
                row = conn.execute("SELECT id FROM articles WHERE path = ?", (rel,)).fetchone()
                if row:
                    conn.execute("DELETE FROM items WHERE article = ?", row)
                    conn.execute("DELETE FROM articles WHERE id = ?", row)
        return len(rels)

    def recover(self, exc: sqlite3.Error) -> bool:
        """After an error: go private (locked) or rebuild (damaged); False if nothing helps."""
        if self.location is None:
            return False
        if _is_locked(exc):
            self._go_private()
        else:
            self._rebuild(f"damaged ({exc})")
        return True

    def _go_private(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn, self.location = _connect(":memory:"), None
            self.notes.messages.append("index busy in another process: using a private copy")

    # ------------------------------------------------------------------ extraction record

    def record_extractions(self, rows: Sequence[tuple]) -> None:
        """Remember what batch extraction last did to articles (see ledger.py)."""
        with self._write() as conn:
            conn.executemany("INSERT OR REPLACE INTO extracted VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    # ------------------------------------------------------------------ reading

    def summary_map(self) -> dict[str, ArticleSummary]:
        """Every indexed article's row, by its path relative to the root."""
        cols = ", ".join(schema.SUMMARY_COLUMNS)
        return {r[0]: _summary(r) for r in self.query(f"SELECT path, {cols} FROM articles")}

    def summaries(self, articles: Sequence[Path] | None = None) -> list[ArticleSummary]:
        """Rows of ``articles`` (in that order, those indexed), or of all by path."""
        by_path = self.summary_map()
        if articles is None:
            return [by_path[k] for k in sorted(by_path)]
        rels = (self.relative(p) for p in articles)
        return [s for rel in rels if (s := by_path.get(rel)) is not None]

    def unannotated(self) -> int:
        """Indexed articles with no sidecar yet (unreadable ones aside): search finds only
        their text, none of the claims and events they will have once extracted."""
        rows = self.query(
            "SELECT count(*) FROM articles WHERE NOT annotated AND coalesce(error, '') = ''"
        )
        return int(rows[0][0])

    def summary(self, path: Path) -> ArticleSummary | None:
        cols = ", ".join(schema.SUMMARY_COLUMNS)
        rows = self.query(
            f"SELECT path, {cols} FROM articles WHERE path = ?", (self.relative(path),)
        )
        return _summary(rows[0]) if rows else None


def _text_values(text: TextKey | None) -> tuple[object, ...]:
    if text is None:
        return (None, None, None, None)
    return (text.sha256, text.length, *(text.title or (None, None)))


def _summary(row: tuple) -> ArticleSummary:
    """A summary from (path, *SUMMARY_COLUMNS), in ArticleSummary's field order."""
    (path, title, source, date, words, annotated, total, reviewed, events, suggestions) = row[:10]
    attention, last_by, last_at, error = row[10:]
    return ArticleSummary(
        path,
        title,
        source or "",
        date or "",
        words or 0,
        bool(annotated),
        total or 0,
        reviewed or 0,
        events or 0,
        suggestions or 0,
        attention or 0,
        last_by or "",
        last_at or "",
        error or "",
    )

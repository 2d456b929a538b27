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
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.corpus import schema
from tui.corpus.analyse import Analysis, analyse
from tui.corpus.discover import INDEX_FOLDER
from tui.corpus.summary import ArticleSummary, untitled
from tui.store.sidecar import sidecar_path

INDEX_FILE = "index.sqlite3"
BUSY_TIMEOUT = 3.0  # seconds to wait for another process's write before going private
BATCH = 200  # articles written per transaction: short locks, bounded memory

Progress = Callable[[int, int], None]
Stamp = tuple[int, int]  # (size, mtime_ns)


@dataclass(frozen=True, slots=True)
class RefreshReport:
    checked: int = 0
    analysed: int = 0
    removed: int = 0


@dataclass(slots=True)
class _Pending:
    """An article whose bytes must be read and perhaps analysed again."""

    rel: str
    path: Path
    stamp: Stamp
    side_stamp: Stamp | None
    known: tuple[str | None, str | None] | None = None  # stored (sha, side sha)


@dataclass
class IndexNotes:
    """What happened to the index file, for a status line; empty when all was well."""

    messages: list[str] = field(default_factory=list)


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


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
        """How the index names ``path``: relative to the root, with "/" separators."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()

    def absolute(self, rel: str) -> Path:
        return self.root / rel

    # ------------------------------------------------------------------ refreshing

    def refresh(
        self,
        articles: Sequence[Path],
        *,
        progress: Progress | None = None,
        prune: bool = True,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> RefreshReport:
        """Bring the rows of ``articles`` up to date with the files on disk.

        ``prune`` drops rows of articles that no longer exist. A damaged or vanished
        index is rebuilt and the refresh started over, once.
        """
        for attempt in range(3):
            try:
                return self._refresh(articles, progress, prune, cancelled)
            except sqlite3.Error as exc:
                if attempt == 2 or self.location is None:
                    raise
                if _is_locked(exc):
                    self._go_private()
                else:
                    self._rebuild(f"damaged ({exc})")
        raise AssertionError("unreachable")

    def _go_private(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn, self.location = _connect(":memory:"), None
            self.notes.messages.append("index busy in another process: using a private copy")

    def _stored(self) -> dict[str, tuple[int, Stamp, Stamp | None, str | None, str | None]]:
        rows = self.query(
            "SELECT path, id, size, mtime_ns, side_size, side_mtime_ns, sha256, side_sha256 "
            "FROM articles"
        )
        return {
            r[0]: (r[1], (r[2], r[3]), None if r[4] is None else (r[4], r[5]), r[6], r[7])
            for r in rows
        }

    def _refresh(
        self,
        articles: Sequence[Path],
        progress: Progress | None,
        prune: bool,
        cancelled: Callable[[], bool],
    ) -> RefreshReport:
        stored = self._stored()
        pending: list[_Pending] = []
        wanted: set[str] = set()
        for path in articles:
            rel = self.relative(path)
            wanted.add(rel)
            stamp = _stamp(path) or (-1, -1)
            side_stamp = _stamp(sidecar_path(path))
            known = stored.get(rel)
            if known is not None and known[1] == stamp and known[2] == side_stamp:
                continue
            pending.append(
                _Pending(rel, path, stamp, side_stamp, None if known is None else known[3:])
            )
        total, done, analysed = len(pending), 0, 0
        if progress is not None:
            progress(0, total)
        for start in range(0, total, BATCH):
            if cancelled():
                break
            batch = pending[start : start + BATCH]
            analysed += self._refresh_batch(batch)
            done += len(batch)
            if progress is not None:
                progress(done, total)
        removed = 0
        if prune:
            gone = [rel for rel in stored if rel not in wanted and not self.absolute(rel).exists()]
            removed = self._remove(gone)
        return RefreshReport(len(articles), analysed, removed)

    def _refresh_batch(self, batch: list[_Pending]) -> int:
        """Read, hash and (when the bytes changed) analyse a batch, then write it at once."""
        stamps_only: list[tuple] = []
        fresh: list[tuple[_Pending, str | None, str | None, Analysis]] = []
        for p in batch:
            data = _read(p.path)
            side = _read(sidecar_path(p.path))
            sha, side_sha = _sha(data), _sha(side)
            if p.known is not None and p.known == (sha, side_sha) and data is not None:
                stamps_only.append((*p.stamp, *(p.side_stamp or (None, None)), p.rel))
                continue
            if data is None:
                summary = ArticleSummary(p.rel, untitled(p.rel), error=f"{p.path}: cannot be read")
                analysis = Analysis(summary, ())
            else:
                analysis = analyse(p.rel, p.path, data, side)
            fresh.append((p, sha, side_sha, analysis))
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET size=?, mtime_ns=?, side_size=?, side_mtime_ns=? WHERE path=?",
                stamps_only,
            )
            for p, sha, side_sha, analysis in fresh:
                self._store(conn, p, sha, side_sha, analysis)
        return len(fresh)

    @staticmethod
    def _store(
        conn: sqlite3.Connection, p: _Pending, sha: str | None, side_sha: str | None, a: Analysis
    ) -> None:
        s = a.summary
        side_size, side_mtime = p.side_stamp or (None, None)
        (article_id,) = conn.execute(
            schema.UPSERT_ARTICLE,
            (
                p.rel,
                *p.stamp,
                sha,
                side_size,
                side_mtime,
                side_sha,
                *(getattr(s, c) for c in schema.SUMMARY_COLUMNS),
            ),
        ).fetchone()
        conn.execute("DELETE FROM items WHERE article = ?", (article_id,))
        conn.executemany(
            schema.INSERT_ITEM,
            [
                (
                    article_id,
                    r.kind,
                    r.item,
                    r.start,
                    int(r.reviewed),
                    r.label,
                    r.sentence,
                    *r.fields,
                )
                for r in a.rows
            ],
        )

    def _remove(self, rels: list[str]) -> int:
        if not rels:
            return 0
        with self._write() as conn:
            for rel in rels:
                row = conn.execute("SELECT id FROM articles WHERE path = ?", (rel,)).fetchone()
                if row:
                    conn.execute("DELETE FROM items WHERE article = ?", row)
                    conn.execute("DELETE FROM articles WHERE id = ?", row)
        return len(rels)

    # ------------------------------------------------------------------ extraction record

    def record_extraction(self, rel: str, row: tuple) -> None:
        """Remember what batch extraction last did to an article (see ledger.py)."""
        with contextlib.suppress(sqlite3.Error), self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO extracted VALUES (?, ?, ?, ?, ?, ?, ?)", (rel, *row)
            )

    # ------------------------------------------------------------------ reading

    def summaries(self, articles: Sequence[Path] | None = None) -> list[ArticleSummary]:
        """Rows of ``articles`` (in that order), or of every indexed article by path."""
        cols = ", ".join(schema.SUMMARY_COLUMNS)
        rows = self.query(f"SELECT path, {cols} FROM articles ORDER BY path")
        by_path = {r[0]: _summary(r) for r in rows}
        if articles is None:
            return list(by_path.values())
        out = []
        for path in articles:
            s = by_path.get(self.relative(path))
            if s is not None:
                out.append(s)
        return out

    def summary(self, path: Path) -> ArticleSummary | None:
        cols = ", ".join(schema.SUMMARY_COLUMNS)
        rows = self.query(
            f"SELECT path, {cols} FROM articles WHERE path = ?", (self.relative(path),)
        )
        return _summary(rows[0]) if rows else None


def _summary(row: tuple) -> ArticleSummary:
    values = dict(zip(("path", *schema.SUMMARY_COLUMNS), row, strict=True))
    values["annotated"] = bool(values["annotated"])
    for key in ("source", "date", "last_by", "last_at", "error"):
        values[key] = values[key] or ""
    return ArticleSummary(**values)

"""Bringing the index up to date with the files on disk.

Incremental: an article whose file and sidecar kept their size and mtime is not read;
one whose bytes hash as before only gets its new stamps; only the rest is analysed
(parsed, placed as the reader places it, turned into rows). Many articles to analyse
(a first build, a rebuild) are shared out over processes.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import signal
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.corpus.analyse import Analysis, analyse, analysis_of
from tui.corpus.index import CorpusIndex, Entry, StoredState
from tui.corpus.summary import ArticleSummary, untitled
from tui.review import ReviewSession
from tui.store.keeper import file_stamp
from tui.store.sidecar import sidecar_path

BATCH = 200  # articles read, analysed and written together: bounded memory, short locks
POOL_FROM = 400  # fewer articles than this are analysed here: a pool's start-up would not pay

Progress = Callable[[int, int], None]
Analyser = Callable[[list[tuple[str, str, bytes, bytes | None]]], list[Analysis]]


@dataclass(frozen=True, slots=True)
class RefreshReport:
    checked: int = 0
    analysed: int = 0
    removed: int = 0


@dataclass(frozen=True, slots=True)
class _Stale:
    rel: str
    path: Path
    stamp: tuple[int, int]
    side_stamp: tuple[int, int] | None
    known: StoredState | None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _analyse(job: tuple[str, str, bytes, bytes | None]) -> Analysis:
    rel, path, data, side = job
    return analyse(rel, Path(path), data, side)


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle


@contextlib.contextmanager
def _analyser(jobs: int) -> Iterator[Analyser]:
    if jobs <= 1:
        yield lambda batch: [_analyse(job) for job in batch]
        return
    # Forking a process that runs other threads (the library's UI) can copy a held lock
    # into the child; there, workers start afresh instead.
    forkable = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    method = "fork" if forkable and threading.active_count() == 1 else "spawn"
    with multiprocessing.get_context(method).Pool(jobs, initializer=_quiet_worker) as pool:
        yield lambda batch: pool.map(_analyse, batch, chunksize=8)


def refresh(
    index: CorpusIndex,
    articles: Sequence[Path],
    *,
    progress: Progress | None = None,
    prune: bool = True,
    cancelled: Callable[[], bool] = lambda: False,
    jobs: int = 1,
) -> RefreshReport:
    """Bring the rows of ``articles`` up to date; ``prune`` forgets deleted articles.

    An index that turns out damaged is rebuilt, one locked by another process for too
    long is swapped for a private one, and the refresh starts over.
    """
    for attempt in range(3):
        try:
            return _refresh(index, articles, progress, prune, cancelled, jobs)
        except sqlite3.Error as exc:
            if attempt == 2 or not index.recover(exc):
                raise
    raise AssertionError("unreachable")


def _stale(index: CorpusIndex, articles: Sequence[Path]) -> tuple[list[_Stale], set[str], dict]:
    stored = index.stored()
    stale: list[_Stale] = []
    wanted: set[str] = set()
    for path in articles:
        rel = index.relative(path)
        wanted.add(rel)
        stamp = file_stamp(path) or (-1, -1)
        side_stamp = file_stamp(sidecar_path(path))
        known = stored.get(rel)
        if known is None or known.stamp != stamp or known.side_stamp != side_stamp:
            stale.append(_Stale(rel, path, stamp, side_stamp, known))
    return stale, wanted, stored


def _refresh(
    index: CorpusIndex,
    articles: Sequence[Path],
    progress: Progress | None,
    prune: bool,
    cancelled: Callable[[], bool],
    jobs: int,
) -> RefreshReport:
    stale, wanted, stored = _stale(index, articles)
    total, done, analysed = len(stale), 0, 0
    if progress is not None:
        progress(0, total)
    with _analyser(jobs if total >= POOL_FROM else 1) as run:
        for start in range(0, total, BATCH):
            if cancelled():
                break
            analysed += _refresh_batch(index, stale[start : start + BATCH], run)
            done = min(total, start + BATCH)
            if progress is not None:
                progress(done, total)
    removed = 0
    if prune:
        removed = index.remove(
            [rel for rel in stored if rel not in wanted and not index.absolute(rel).exists()]
        )
    return RefreshReport(len(articles), analysed, removed)


def _refresh_batch(index: CorpusIndex, batch: list[_Stale], run: Analyser) -> int:
    touched: list[tuple[str, StoredState]] = []
    todo: list[tuple[_Stale, StoredState, bytes, bytes | None]] = []
    entries: list[Entry] = []
    for s in batch:
        data, side = _read(s.path), _read(sidecar_path(s.path))
        state = StoredState(s.stamp, _sha(data), s.side_stamp, _sha(side))
        if data is None:
            summary = ArticleSummary(s.rel, untitled(s.rel), error=f"{s.path}: cannot be read")
            entries.append(Entry(s.rel, state, Analysis(summary, ())))
        elif s.known is not None and (s.known.sha256, s.known.side_sha256) == (
            state.sha256,
            state.side_sha256,
        ):
            touched.append((s.rel, state))
        else:
            todo.append((s, state, data, side))
    analyses = run([(s.rel, str(s.path), data, side) for s, _, data, side in todo])
    entries.extend(
        Entry(s.rel, state, a) for (s, state, _, _), a in zip(todo, analyses, strict=True)
    )
    if touched:
        index.touch(touched)
    if entries:
        index.put(entries)
    return len(entries)


def index_session(index: CorpusIndex, path: Path, session: ReviewSession) -> ArticleSummary:
    """Index an article from its open (just saved) session: what the reader shows, no parse."""
    stamp, side_path = file_stamp(path), sidecar_path(path)
    side_stamp = file_stamp(side_path)
    data, side = _read(path), _read(side_path)
    state = StoredState(stamp or (-1, -1), _sha(data), side_stamp, _sha(side))
    rel = index.relative(path)
    analysis = analysis_of(rel, session, annotated=side is not None)
    index.put([Entry(rel, state, analysis)])
    return analysis.summary

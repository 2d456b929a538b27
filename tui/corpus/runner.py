"""Running a batch extraction: reading files, handing jobs to workers, writing results.

Only this process reads articles and writes sidecars (atomically, with interrupts held
back for the few milliseconds of a write), so Ctrl+C, SIGTERM or a dying worker never
leave a sidecar half-written. Workers are local processes forked once the extractor is
loaded (so each starts warm), a Dask cluster, or nothing (``--jobs 1``: this process).
"""

from __future__ import annotations

import concurrent.futures as cf
import gc
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TextIO

from tui.corpus.batch import Job, Outcome, run_job, warm_up
from tui.corpus.index import StoredState
from tui.corpus.interrupts import _held_interrupts, _interrupts_as_keyboard_interrupt
from tui.corpus.ledger import Ledger
from tui.corpus.pool import ProcessPool, WorkerDied
from tui.corpus.progress import BatchProgress
from tui.corpus.remote_cache import ClientCache
from tui.corpus.visible import visible
from tui.extract.codebook import Codebook
from tui.store import sidecar
from tui.store.keeper import file_stamp
from tui.text.document import LoadError
from tui.text.loader import DEFAULT_MAX_BYTES, read_article_bytes

POLL = 0.2  # seconds between checks for Ctrl+C while waiting on workers


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class Tally:
    total: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    load_errors: int = 0
    interrupted: bool = False

    def add(self, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1

    def summary(self) -> str:
        done = sum(self.counts.values())
        parts = [
            f"{self.counts[k]} {label}"
            for k, label in (
                ("written", "written"),
                ("unchanged", "unchanged"),
                ("current", "already current"),
                ("printed", "extracted"),
            )
            if self.counts.get(k)
        ]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        head = f"{done + len(self.failed)} of {self.total} articles"
        return head + (": " + ", ".join(parts) if parts else "")


@dataclass(frozen=True)
class BatchOptions:
    mode: str = "json"  # "write" | "json" | "yaml"
    jobs: int = 1
    dask: str | None = None
    codebook: Codebook | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False
    cache: tuple[str, int] | None = None  # the extraction cache: folder, size limit


# ---------------------------------------------------------------------- workers

_worker_codebook: Codebook | None = None


def _init_worker(codebook: Codebook | None, warm: bool) -> None:
    """In each local worker: Ctrl+C is the client's business; load models if not forked warm."""
    global _worker_codebook
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_codebook = codebook
    if warm:
        warm_up(codebook)


def _sha(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _finished(executor: cf.Executor, pending: dict[cf.Future[Outcome], Job]) -> list:
    """The jobs done within a moment, in input order (the moment lets Ctrl+C in)."""
    if isinstance(executor, ProcessPool):
        executor.pump(POLL)
        done = [f for f in pending if f.done()]
    else:
        done = list(cf.wait(pending, timeout=POLL, return_when=cf.FIRST_COMPLETED)[0])
    return sorted(done, key=lambda f: pending[f].index)


def _work(job: Job, mode: str) -> Outcome:
    return run_job(job, mode, _worker_codebook)


class _Here(cf.Executor):
    """``--jobs 1``: run each job in this process when it is submitted."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


def _local_pool(jobs: int, codebook: Codebook | None) -> ProcessPool:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform != "darwin":
        # Load the extractor once here; every forked worker starts with it in memory
        # (copy-on-write, kept shared by freezing it out of the collector's sight).
        warm_up(codebook)
        gc.freeze()
        context: BaseContext = multiprocessing.get_context("fork")
        warm = False
    else:
        context, warm = multiprocessing.get_context("spawn"), True
    return ProcessPool(jobs, context, _init_worker, (codebook, warm))


# ---------------------------------------------------------------------- the batch


class Batch:
    """One run of ``marginalia extract``: feeds jobs to an executor, handles outcomes."""

    def __init__(
        self,
        paths: list[Path],
        options: BatchOptions,
        *,
        out: TextIO | None = None,
        err: TextIO | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        self.paths = paths
        self.options = options
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.ledger = ledger or Ledger(None)
        self.tally = Tally(total=len(paths))
        # the files as read, by job index: a sidecar changed since is not overwritten,
        # and the ledger records what was seen
        self._files: dict[int, StoredState] = {}
        self._waiting: dict[int, Outcome] = {}  # printed out of order, held for input order
        self._next_out = 0
        self._printed = 0
        # On a cluster, this machine's cache is looked in and filled here (remote_cache.py).
        self.remote = None
        if options.dask:
            self.remote = ClientCache.of(options.cache, options.codebook, force=options.force)

    # ---------------------------------------------------------------- jobs

    def _jobs(self, progress: BatchProgress) -> Iterator[Job]:
        write = self.options.mode == "write"
        for i, path in enumerate(self.paths):
            stamp = file_stamp(path)
            side_path = sidecar.sidecar_path(path)
            side_stamp = file_stamp(side_path) if write else None
            if (
                write
                and not self.options.force
                and self.ledger.unchanged_since(path, stamp, side_stamp)
            ):
                self.tally.add("current")
                progress.advance(0)
                continue
            try:
                article = read_article_bytes(path, max_bytes=self.options.max_bytes)
            except LoadError as exc:
                failed = Outcome(i, str(path), "failed", error=str(exc), bad_input=True)
                self._fail(failed, progress)
                continue
            side: bytes | None = None
            if write:
                try:
                    side = side_path.read_bytes()
                except FileNotFoundError:
                    side = None
                except OSError as exc:
                    error = f"{side_path}: cannot read ({exc.strerror or exc})"
                    self._fail(Outcome(i, str(path), "failed", error=error), progress)
                    continue
                self._files[i] = StoredState(
                    stamp or (-1, -1), _sha(article), side_stamp, _sha(side)
                )
            recorded = self.ledger.recorded(path) if write else None
            # Not on a cluster: the folder is this machine's, the workers' disks are theirs.
            cache = self.options.cache if not self.options.dask else None
            job = Job(i, str(path), article, side, recorded, self.options.force, cache)
            yield self.remote.job(job) if self.remote is not None else job

    # ---------------------------------------------------------------- outcomes

    def _fail(self, outcome: Outcome, progress: BatchProgress) -> None:
        self.tally.failed.append(outcome.path)
        if outcome.bad_input:
            self.tally.load_errors += 1
        progress.line(f"marginalia: {visible(outcome.error)}")
        progress.advance(outcome.words)
        if self.options.mode != "write":
            self._skip_in_order(outcome.index)

    def _handle(self, outcome: Outcome, progress: BatchProgress) -> None:
        if outcome.status == "failed":
            self._fail(outcome, progress)
            return
        for notice in outcome.notices:
            progress.line(f"marginalia: {visible(outcome.path)}: note: {visible(notice)}")
        if outcome.status == "printed":
            self._waiting[outcome.index] = outcome
            self._flush_in_order()
        elif outcome.status == "written":
            error = self._write(outcome)
            if error:
                self._fail(
                    Outcome(
                        outcome.index, outcome.path, "failed", words=outcome.words, error=error
                    ),
                    progress,
                )
                return
        state = self._files.get(outcome.index)
        if state is not None and outcome.status in ("written", "unchanged", "current"):
            if outcome.status == "written":
                side_stamp = file_stamp(sidecar.sidecar_path(Path(outcome.path)))
                state = replace(state, side_stamp=side_stamp, side_sha256=_sha(outcome.data))
            self.ledger.record(Path(outcome.path), outcome.sha256, state, outcome.analysis)
        self.tally.add(outcome.status)
        progress.advance(outcome.words)

    def _write(self, outcome: Outcome) -> str:
        """Write one sidecar unless someone changed it since we read it; an error or ""."""
        side_path = sidecar.sidecar_path(Path(outcome.path))
        read = self._files.get(outcome.index)
        if read is None or file_stamp(side_path) != read.side_stamp:
            return f"{side_path}: changed while extracting (saved in the reader?); run again"
        try:
            sidecar.check_overwritable(side_path)
            sidecar.write_atomic(side_path, outcome.data)
        except sidecar.SidecarError as exc:
            return str(exc)
        except OSError as exc:
            return f"{side_path}: cannot write ({exc.strerror or exc})"
        return ""

    def _skip_in_order(self, index: int) -> None:
        self._waiting[index] = Outcome(index, "", "failed")
        self._flush_in_order()

    def _flush_in_order(self) -> None:
        while self._next_out in self._waiting:
            outcome = self._waiting.pop(self._next_out)
            self._next_out += 1
            if outcome.status != "printed":
                continue
            if self.options.mode == "yaml" and self._printed:
                self.out.write("---\n")
            self.out.write(outcome.data.decode("utf-8"))
            self.out.flush()
            self._printed += 1

    # ---------------------------------------------------------------- running

    def _executor(self) -> tuple[cf.Executor, int, Callable[[], None]]:
        """The executor, how many jobs to keep in flight, and how to close it."""
        opts = self.options
        if opts.dask:
            from tui.corpus.dask_runner import dask_executor

            executor, width, close = dask_executor(opts.dask)
            return executor, width * 2, close
        jobs = max(1, min(opts.jobs, len(self.paths)))
        if jobs == 1:
            return _Here(), 1, lambda: None
        pool = _local_pool(jobs, opts.codebook)
        return pool, jobs * 3, lambda: pool.shutdown(wait=True)

    def run(self) -> Tally:
        with (
            _interrupts_as_keyboard_interrupt(),
            BatchProgress(len(self.paths), stream=self.err) as progress,
        ):
            try:
                self._run(progress)
            except KeyboardInterrupt:
                self.tally.interrupted = True
            finally:
                with _held_interrupts():
                    self.ledger.flush()  # what was written is in the index, even if stopped
        return self.tally

    def _submit(self, executor: cf.Executor, job: Job) -> cf.Future[Outcome]:
        if isinstance(executor, ProcessPool):
            return executor.submit(_work, job, self.options.mode)
        return executor.submit(run_job, job, self.options.mode, self.options.codebook)

    def _run(self, progress: BatchProgress) -> None:
        # The executor (and the extractor's start-up) only once a job needs it: a
        # resumed batch whose articles are all current starts no process.
        executor: cf.Executor | None = None
        width, close = 1, (lambda: None)
        pending: dict[cf.Future[Outcome], Job] = {}
        jobs = self._jobs(progress)
        finished = False
        try:
            while True:
                while len(pending) < width:
                    job = next(jobs, None)
                    if job is None:
                        break
                    if executor is None:
                        executor, width, close = self._executor()
                    pending[self._submit(executor, job)] = job
                if not pending:
                    break
                assert executor is not None  # jobs are pending: it was made for them
                for future in _finished(executor, pending):
                    job = pending.pop(future)
                    outcome = self._outcome(future, job)
                    if self.remote is not None:
                        outcome = self.remote.keep(job, outcome)
                    with _held_interrupts():  # a write and its bookkeeping, whole
                        self._handle(outcome, progress)
            finished = True
        finally:
            if not finished and isinstance(executor, ProcessPool):
                executor.terminate()  # its workers write nothing: stopping them loses nothing
            else:
                close()

    @staticmethod
    def _outcome(future: cf.Future[Outcome], job: Job) -> Outcome:
        try:
            return future.result()
        except WorkerDied:
            error = f"{job.path}: the worker process died extracting it (out of memory?)"
        except Exception as exc:  # the cluster lost the task, or could not run it
            error = f"{job.path}: worker failed ({type(exc).__name__}: {exc})"
        return Outcome(job.index, job.path, "failed", error=error)

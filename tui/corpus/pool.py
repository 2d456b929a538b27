"""A pool of local worker processes with no helper threads, so that it can be stopped at once.

concurrent.futures' process pool reads results in a thread; a worker killed while
sending one (Ctrl+C) leaves that thread waiting for the rest of the message forever,
and the interpreter waits for the thread at exit. Here the caller pumps results itself
(``pump``), each worker runs one job at a time on its own pipe, a worker that dies
fails only the job it was running, and ``terminate`` ends everything without a wait.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import os
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any


class WorkerDied(Exception):
    """The worker process running the job ended without an answer (killed, out of memory)."""


def _serve(
    conn: Connection, inherited: list[int], initializer: Callable[..., None], initargs: tuple
) -> None:
    # A forked worker holds copies of the pool's ends of its own pipe and of the workers
    # started before it. Kept open, they outlive a killed batch: the worker's send of a
    # big result never fails and it waits forever. Closed, the send fails and it ends.
    for fd in inherited:
        with contextlib.suppress(OSError):
            os.close(fd)
    initializer(*initargs)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, args = task
        try:
            result: tuple[bool, Any] = (True, fn(*args))
        except Exception as exc:
            result = (False, exc)
        try:
            conn.send(result)
        except OSError:  # the pool is gone (killed): nobody is left to answer
            return


class _Worker:
    def __init__(
        self,
        context: BaseContext,
        initializer: Callable[..., None],
        initargs: tuple,
        others: list[_Worker],
    ):
        self.conn, child = context.Pipe()
        forked = context.get_start_method() == "fork"
        ends = (self.conn, *(w.conn for w in others))
        inherited = [c.fileno() for c in ends if not c.closed] if forked else []
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, inherited, initializer, initargs), daemon=True
        )
        self.process.start()
        child.close()
        self.future: cf.Future[Any] | None = None


class ProcessPool(cf.Executor):
    """``jobs`` processes; ``submit`` queues, ``pump`` delivers results into the futures."""

    def __init__(
        self,
        jobs: int,
        context: BaseContext,
        initializer: Callable[..., None],
        initargs: tuple = (),
    ) -> None:
        self._start = lambda: _Worker(context, initializer, initargs, self._workers)
        self._workers: list[_Worker] = []
        for _ in range(jobs):
            self._workers.append(self._start())
        self._queue: deque[tuple[cf.Future[Any], Callable[..., Any], tuple]] = deque()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        self._queue.append((future, fn, args))
        self._dispatch()
        return future

    def _dispatch(self) -> None:
        for worker in self._workers:
            while worker.future is None and self._queue:
                future, fn, args = self._queue.popleft()
                if not future.set_running_or_notify_cancel():
                    continue
                worker.future = future
                worker.conn.send((fn, args))

    def pump(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for results and hand them to their futures."""
        busy = [w for w in self._workers if w.future is not None]
        if not busy:
            return
        waitables: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(waitables, timeout))
        for i, worker in enumerate(list(self._workers)):
            future = worker.future
            if future is None:
                continue
            if worker.conn in ready:
                try:
                    ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    ok, value = False, WorkerDied("the worker process died")
                worker.future = None
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
                if isinstance(value, WorkerDied):
                    self._replace(i)
            elif worker.process.sentinel in ready:
                worker.future = None
                future.set_exception(WorkerDied("the worker process died"))
                self._replace(i)
        self._dispatch()

    def _replace(self, i: int) -> None:
        old = self._workers[i]
        with contextlib.suppress(OSError):
            old.conn.close()
        old.process.join(0.1)
        self._workers[i] = self._start()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Let the workers finish what they run and stop (or, without ``wait``, end them)."""
        if not wait:
            self.terminate()
            return
        for future, _, _ in self._queue:
            future.cancel()
        self._queue.clear()
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join()
            with contextlib.suppress(OSError):
                worker.conn.close()

    def terminate(self) -> None:
        """End every worker now (they hold no file open for writing: nothing is lost)."""
        for worker in self._workers:
            with contextlib.suppress(Exception):
                worker.process.terminate()
        for worker in self._workers:
            with contextlib.suppress(Exception):
                worker.process.join(0.5)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join(0.5)
            with contextlib.suppress(OSError):
                worker.conn.close()
        for future, _, _ in self._queue:
            future.cancel()
        self._queue.clear()

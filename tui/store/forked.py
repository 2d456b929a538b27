"""Long saves in a forked child, so they never hold the reader's interpreter lock.

Encoding the sidecar of a long article (40,000 items) is pure Python and takes
seconds of CPU; in a thread it shares the interpreter lock with the reader, and
every key pressed meanwhile waits for it. A forked child gets a copy of the
annotations for free (copy-on-write, nothing pickled) and its own interpreter, so
the reader keeps the whole lock while the child encodes and writes; the saving
thread only waits for the child's exit, which releases the lock. This is how Redis
writes its snapshots.

The child runs only the given function and leaves with ``os._exit`` (no atexit,
no buffered output flushed twice). If it cannot be forked, or it does not finish
within ``timeout`` (a lock some other thread held at the fork, never released in
the copy), the work is done here instead, as before.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import signal
import time
import warnings
from collections.abc import Callable, Mapping

ERROR_BYTES = 4000


def run(
    work: Callable[[], None],
    *,
    errors: Mapping[str, Callable[[str], Exception]] | None = None,
    timeout: float = 120.0,
) -> None:
    """Run ``work`` in a forked child and wait for it. An exception it raised is raised
    here again: made by ``errors[its class name]`` when there is one, else an OSError."""
    if not hasattr(os, "fork"):
        work()
        return
    read_end, write_end = os.pipe()
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns on fork with threads running: the child runs only
            # ``work``, which needs no other thread, and exits.
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        work()
        return
    if pid == 0:  # pragma: no cover - the child (its coverage is not collected)
        _child(work, read_end, write_end)
    os.close(write_end)
    try:
        message = _wait(read_end, pid, timeout)
    finally:
        os.close(read_end)
    if message is None:  # stuck: done here instead
        work()
        return
    if message:
        kind, _, text = message.partition("\t")
        make = (errors or {}).get(kind)
        raise make(text) if make is not None else OSError(text or "the save stopped")


def _child(work: Callable[[], None], read_end: int, write_end: int) -> None:  # pragma: no cover
    code = 0
    try:
        os.close(read_end)
        gc.disable()  # walking every object would copy the parent's pages for nothing
        for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, signal.SIG_DFL)  # a kill ends the child at once
        with contextlib.suppress(ValueError, OSError):
            signal.set_wakeup_fd(-1)  # the parent's loop must not hear the child's signals
        work()
    except BaseException as exc:  # every failure goes back to the parent, in one line
        code = 1
        line = f"{type(exc).__name__}\t{exc}".replace("\n", " ")
        with contextlib.suppress(OSError):
            os.write(write_end, line.encode("utf-8", "replace")[:ERROR_BYTES])
    finally:
        os._exit(code)


def _wait(read_end: int, pid: int, timeout: float) -> str | None:
    """The child's error line ("" when it succeeded), or None if it was stuck."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([read_end], [], [], max(left, 0))
        if not ready:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None
        chunk = os.read(read_end, ERROR_BYTES)
        if not chunk:
            break  # the child closed its end: it has exited
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    message = b"".join(chunks).decode("utf-8", "replace")
    if not message and status != 0:
        message = "OSError\tthe save was interrupted"
    return message

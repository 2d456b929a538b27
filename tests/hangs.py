"""What a hung test was waiting for: every asyncio task's chain of awaits, dumped just
before pytest-timeout fails the test.

pytest-timeout prints the threads' stacks, but an asyncio test that hangs shows only the
event loop asleep in epoll: the await that never completes is in a suspended task, which
no thread's stack contains. A few seconds before the timeout a watchdog thread finds the
main thread's running loop and has it print, for each task, the await chain down to the
future it waits on (and the timers pending: none means nothing will ever wake it).
It goes to the test's captured stderr, reported with the failure (xdist included).
"""

from __future__ import annotations

import asyncio
import gc
import sys
import threading
import traceback
from types import FrameType
from typing import Any

import pytest

MARGIN = 5.0  # seconds before pytest-timeout's own failure


def _running_loop(frame: FrameType | None) -> asyncio.AbstractEventLoop | None:
    """The event loop whose run_forever is on this (the main thread's) stack."""
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, asyncio.AbstractEventLoop) and candidate.is_running():
            return candidate
        frame = frame.f_back
    return None


def await_chain(awaitable: Any) -> list[str]:
    """Where a suspended coroutine (or generator, or async generator) is, down to the
    future at the bottom of its awaits."""
    lines = []
    seen = 0
    while awaitable is not None and seen < 100:
        seen += 1
        frame = (
            getattr(awaitable, "cr_frame", None)
            or getattr(awaitable, "gi_frame", None)
            or getattr(awaitable, "ag_frame", None)
        )
        if frame is not None:
            code = frame.f_code
            lines.append(f"  {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        elif type(awaitable).__name__ == "FutureIter":  # `await future`: name the future
            future = next(iter(gc.get_referents(awaitable)), awaitable)
            lines.append(f"  waits on {future!r:.300}")
            awaitable = future
        else:
            lines.append(f"  waits on {awaitable!r:.300}")
        children = getattr(awaitable, "_children", None)  # asyncio.gather's future
        if children:
            lines.append(f"    gathering {', '.join(repr(child)[:200] for child in children)}")
        awaitable = (
            getattr(awaitable, "cr_await", None)
            or getattr(awaitable, "gi_yieldfrom", None)
            or getattr(awaitable, "ag_await", None)
            or _generator_of(awaitable)
        )
    return lines


def _generator_of(awaitable: Any) -> Any:
    """The async generator an ``athrow``/``asend`` awaitable drives (``async with`` on an
    @asynccontextmanager: Textual's run_test), which exposes no attribute for it."""
    if type(awaitable).__name__ not in ("async_generator_athrow", "async_generator_asend"):
        return None
    return next((r for r in gc.get_referents(awaitable) if hasattr(r, "ag_frame")), None)


def _pump_state(task: asyncio.Task[Any]) -> str:
    """What an idle message pump (a Textual widget, screen or app) knows of itself."""
    frame = getattr(task.get_coro(), "cr_frame", None)
    pump = frame.f_locals.get("self") if frame is not None else None
    flags = ("_running", "_closing", "_closed", "_is_mounted", "_pruning")
    state = [name.strip("_") for name in flags if getattr(pump, name, False)]
    queue = getattr(getattr(pump, "_message_queue", None), "values", ())
    return f"{task.get_name()} [{' '.join(state)}; {len(queue)} queued]"


def describe_tasks(loop: asyncio.AbstractEventLoop) -> str:
    scheduled = getattr(loop, "_scheduled", None)
    ready = getattr(loop, "_ready", None)
    lines = [
        f"asyncio: {len(scheduled) if scheduled is not None else '?'} timers pending, "
        f"{len(ready) if ready is not None else '?'} callbacks ready"
    ]
    for handle in list(scheduled or ())[:20]:
        lines.append(f"  timer {handle!r:.300}")
    idle = []
    for task in sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name()):
        chain = await_chain(task.get_coro())
        if any(line.endswith(" in _get_message") for line in chain):
            idle.append(_pump_state(task))
            continue
        lines.append(f"task {task.get_name()!r:.200}:")
        lines.extend(chain)
    # Textual's message pumps waiting for their next message: waiting is their job
    lines.append(f"{len(idle)} idle message pumps: {', '.join(idle):.2000}")
    return "\n".join(lines)


def _dump(main: threading.Thread, nodeid: str) -> None:
    out = sys.stderr
    frame = sys._current_frames().get(main.ident or -1)
    loop = _running_loop(frame)
    print(f"\n+++ {nodeid} still running: its asyncio tasks +++", file=out, flush=True)
    if loop is None:
        print("no event loop running in the main thread; its stack:", file=out)
        print("".join(traceback.format_stack(frame)), file=out, flush=True)
        return
    done = threading.Event()

    def in_loop() -> None:  # all_tasks is read on the loop's own thread
        try:
            print(describe_tasks(loop), file=out, flush=True)
        finally:
            done.set()

    loop.call_soon_threadsafe(in_loop)
    if not done.wait(2.0):  # the loop is not getting round to it: busy in a callback
        print("the loop did not answer in 2 s; the main thread's stack:", file=out)
        print("".join(traceback.format_stack(frame)), file=out, flush=True)


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> None:
    timeout = getattr(settings, "timeout", None)
    if not timeout or timeout <= MARGIN * 2:
        return
    main = threading.current_thread()
    watchdog = threading.Timer(timeout - MARGIN, _dump, (main, item.nodeid))
    watchdog.name = f"hang dump {item.nodeid}"
    watchdog.daemon = True
    watchdog.start()
    item.stash[_WATCHDOG] = watchdog
    # None: pytest-timeout's own implementation still sets its timer


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_timeout_cancel_timer(item: pytest.Item) -> None:
    watchdog = item.stash.get(_WATCHDOG, None)
    if watchdog is not None:
        watchdog.cancel()


_WATCHDOG = pytest.StashKey[threading.Timer]()

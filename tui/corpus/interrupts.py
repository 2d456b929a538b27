"""Ctrl+C and SIGTERM during a batch: both stop it cleanly, and neither lands in the
middle of writing one file (a sidecar and its bookkeeping are written whole)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def _interrupts_as_keyboard_interrupt() -> Iterator[None]:
    """SIGTERM stops a batch as Ctrl+C does (cleanly), while the batch runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def _held_interrupts() -> Iterator[None]:
    """Hold Ctrl+C and SIGTERM back for the few milliseconds of writing one file."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    signals = (signal.SIGINT, signal.SIGTERM)
    old = {s: signal.signal(s, lambda n, f: caught.append(n)) for s in signals}
    try:
        yield
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if caught:
        raise KeyboardInterrupt

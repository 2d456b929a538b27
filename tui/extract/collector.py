"""The cyclic garbage collector, paused while a document is extracted and written out.

Extraction and the serialisation of its result allocate millions of small objects that
die young and form no cycles (a test checks that extraction leaves no cyclic garbage).
With the collector on, each surviving batch of them is scanned again and again, and so
are the long-lived models: on 1 MB of news, `marginalia extract` spent 0.7-1.0 s of its
8.5-9.5 CPU seconds in the collector, most of it after extraction, while writing the
result. Reference counting still frees everything while paused; cyclic garbage, if any,
waits for the collector to resume.
"""

from __future__ import annotations

import gc
from _thread import allocate_lock  # threading's Lock, without importing threading (2 ms)
from collections.abc import Iterator
from contextlib import contextmanager

_lock = allocate_lock()
_depth = 0  # pauses in progress, in any thread
_resume = False  # was the collector on when the first of them began?


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; it resumes (if it was on) when the last
    pause in progress ends, on any exit, in whatever thread."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()

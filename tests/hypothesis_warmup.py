"""Hypothesis's two slow first uses, done once per run instead of once per worker.

On a fresh clone (CI's case) ``.hypothesis/`` is empty, and every pytest-xdist worker pays
for the same two tables before its first property test: the code points ``text()`` may
encode as UTF-8 (a loop over all of Unicode, ~1.8 s of CPU) and the literals of every
module of ours it has loaded, which it mixes into what it generates (~0.8 s). Both are
kept in ``.hypothesis/`` under names Hypothesis derives itself, written atomically, so the
controller builds them in a thread while its workers start and collect, and a worker that
needs one sooner simply builds it as before. Warm runs find both already there: nothing
to do. Only Hypothesis's own functions fill the folder; if one of them is renamed in a new
release, the warm-up does nothing and the run is as slow as before, never wrong.
"""

from __future__ import annotations

import contextlib
import threading
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def warm_up() -> None:
    with contextlib.suppress(Exception):
        from hypothesis.internal import charmap

        charmap.intervals_from_codec("utf-8")  # what text()'s default alphabet asks for
    with contextlib.suppress(Exception):
        from hypothesis.internal.constants_ast import constants_from_module

        for path in sorted((ROOT / "tui").rglob("*.py")):
            # Read by file name and keyed by the source's hash: a stand-in module is enough.
            module = types.ModuleType(path.stem)
            module.__file__ = str(path)
            constants_from_module(module)


def start_in_background() -> threading.Thread:
    thread = threading.Thread(target=warm_up, name="hypothesis-warm-up", daemon=True)
    thread.start()
    return thread

"""First-use costs of a fresh clone, paid once per run instead of once per process.

On a fresh clone (CI's case) there is no ``__pycache__`` and ``.hypothesis/`` is empty, so
every pytest-xdist worker, and every child Python a test starts early, compiles the same
modules of ours; and every worker builds the same two Hypothesis tables before its first
property test: the code points ``text()`` may encode as UTF-8 (a loop over all of Unicode,
~1.8 s of CPU) and the literals of each module of ours it has loaded, which it mixes into
what it generates (~0.8 s). Python and Hypothesis keep all of them in files they name
themselves and write atomically, so the controller builds them in a thread while its
workers start and collect, and a process that needs one sooner simply builds it as before.
Warm runs find everything there: nothing to do. Only Python's and Hypothesis's own
functions write the files; if Hypothesis renames one in a new release, that part does
nothing and the run is as slow as before, never wrong.
"""

from __future__ import annotations

import compileall
import contextlib
import threading
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tui", "training", "benchmarks")  # what tests import (Hypothesis skips tests/)


def warm_up() -> None:
    with contextlib.suppress(Exception):
        # Each worker, and each child Python a test starts before the cache is there,
        # would compile the same modules of ours again (a fresh clone has no __pycache__).
        for folder in PACKAGES:
            compileall.compile_dir(ROOT / folder, quiet=2)
    with contextlib.suppress(Exception):
        from hypothesis.internal import charmap

        charmap.intervals_from_codec("utf-8")  # what text()'s default alphabet asks for
    with contextlib.suppress(Exception):
        from hypothesis.internal.constants_ast import constants_from_module

        for path in sorted(p for d in PACKAGES for p in (ROOT / d).rglob("*.py")):
            # Read by file name and keyed by the source's hash: a stand-in module is enough.
            module = types.ModuleType(path.stem)
            module.__file__ = str(path)
            constants_from_module(module)


def start_in_background() -> threading.Thread:
    thread = threading.Thread(target=warm_up, name="hypothesis-warm-up", daemon=True)
    thread.start()
    return thread

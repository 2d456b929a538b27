"""What each module pulls in, seen from one fresh interpreter per test process.

A module already imported by another test would hide a bad import in-process, so a child
Python imports the modules below in this order and reports, after each, which of the
watched modules are loaded. One child serves every layer test (a Python that imports
textual and the extractor costs a second or two of CPU; one each was most of their time).
The order matters: ``tui.cli`` first, on its own; everything that must not load textual
before the UI; the UI last, so that what it loads is seen too.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = (
    "tui.cli",
    "tui.text",
    "tui.extract",
    "tui.store",
    "tui.cache.extractions",
    "tui.review",
    "tui.model",
    "tui.cli_agree",
    "tui.cli_agree_table",
    "tui.ui.state",
    "tui.extract.pipeline",
    "tui.ui.app",
)
PROBE = """
import json, sys
loaded = {}
for name in sys.argv[1:]:
    __import__(name)
    loaded[name] = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "markdown_it")
                          or m in ("tui.extract.pipeline", "tui.ui"))
print(json.dumps(loaded))
"""


def loaded_by(*modules: str) -> dict[str, list[str]]:
    """For each of ``modules`` imported in turn: the watched modules loaded so far."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout)


@functools.cache
def loaded_in_order() -> dict[str, list[str]]:
    """``loaded_by(*ORDER)``, run once per test process."""
    return loaded_by(*ORDER)

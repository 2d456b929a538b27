"""Crash safety: the app in a subprocess, killed right after a change.

The subprocess runs the real app headless on a temp copy of the seed (Textual's
``auto_pilot`` presses the keys), prints CHANGED after the verdict key, then idles.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.review_helpers import seed_copy
from tui.store import read, sidecar_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import asyncio, sys
from pathlib import Path
from tests.ui.fixtures import seed_annotations
from tui.ui.app import MarginaliaApp

async def review(pilot):
    app = pilot.app
    while not (getattr(app.screen, "session", None) and app.screen.claims):
        await asyncio.sleep(0.02)
    await pilot.press("J", "1")
    print("CHANGED", flush=True)
    for _ in range(1200):  # idle like a reader, until something makes the app exit
        if app.return_code is not None:
            return
        await asyncio.sleep(0.05)

app = MarginaliaApp(Path(sys.argv[1]), extractor=seed_annotations)
app.run(headless=True, auto_pilot=review, size=(120, 40))
print("EXITED", flush=True)
"""


def start(path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # blocks until the change is made (or the app died)
    if line.strip() != "CHANGED":
        proc.kill()
        pytest.fail(f"the app did not make the change: {line!r} {proc.stderr.read()[-2000:]}")
    return proc


def verdict_on_disk(path: Path) -> str | None:
    stored = read(sidecar_path(path))
    assert stored is not None, "no sidecar written"
    return next(c for c in stored.annotations.claims if c.id == "c1").review.verdict


def test_sigkill_after_the_debounce_loses_nothing(tmp_path):
    path = seed_copy(tmp_path)
    proc = start(path)
    time.sleep(1.2)  # the session promises the disk within ~0.8 s of a change
    proc.send_signal(signal.SIGKILL)
    proc.wait(5)
    assert verdict_on_disk(path) == "verified"
    assert not list(tmp_path.glob("*.tmp*"))  # atomic: no half-written file left behind


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_save_at_once_and_exit(tmp_path, sig):
    path = seed_copy(tmp_path)
    proc = start(path)
    proc.send_signal(sig)  # before the debounce: only the signal handler can save it
    out, _err = proc.communicate(timeout=10)
    assert "EXITED" in out
    assert verdict_on_disk(path) == "verified"


async def test_a_failed_save_is_shown_not_hidden(tmp_path, monkeypatch):
    import asyncio

    from tests.ui.review_helpers import review_app, status_line
    from tui.store import sidecar

    def disk_full(*_args, **_kwargs):
        raise OSError("No space left on device")

    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(sidecar, "save", disk_full)
        await pilot.press("J", "1")
        for _ in range(60):  # the saver tries within ~0.8 s
            await asyncio.sleep(0.05)
            if "error" in status_line(app):
                break
        await pilot.pause()
        assert "error: No space left on device" in status_line(app)
        assert any("could not save" in n.message for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("0")  # the next change saves again
        for _ in range(60):
            await asyncio.sleep(0.05)
            if "· saved" in status_line(app):
                break
        assert "· saved" in status_line(app)

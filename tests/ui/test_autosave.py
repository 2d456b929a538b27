"""Crash safety: the app in a subprocess, killed right after a change.

The subprocess runs the real app headless on a temp copy of the seed (Textual's
``auto_pilot`` presses the keys). It tells the test the change is made by creating a
file, never by printing: inside a running app ``sys.stdout`` is Textual's capture, and a
block-buffered pipe would keep the line from the test for good. It exits by itself
after a bounded idle, so a test that stops waiting never leaves it behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy
from tests.waiting import finish, wait_until
from tui.review import ReviewSession
from tui.store import read, sidecar_path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import asyncio, os, sys
from pathlib import Path
from tests.ui.fixtures import seed_annotations
from tui.ui.app import MarginaliaApp

article, flags, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]

def flag(name):
    # Atomic: the test never sees a half-made flag.
    (flags / (name + ".part")).write_text(name)
    os.replace(flags / (name + ".part"), flags / name)

async def stuck(pilot):
    # The extractor never answers: the reader must still quit on a signal.
    app = pilot.app
    for _ in range(1000):
        if getattr(app.screen, "extracting", False):
            break
        await asyncio.sleep(0.02)
    (flags / "child").write_text(str(app.screen.extraction.pid))
    flag("CHANGED")
    for _ in range(600):  # until a signal ends the app (or 30 s)
        if app.return_code is not None:
            return
        await asyncio.sleep(0.05)
    app.exit()

async def review(pilot):
    app = pilot.app
    for _ in range(1000):
        if getattr(app.screen, "session", None) and app.screen.state.claims:
            break
        await asyncio.sleep(0.02)
    await pilot.press("J", "1")
    flag("CHANGED")
    for _ in range(600):  # idle like a reader for up to 30 s, unless something ends the app
        if app.return_code is not None:
            return
        await asyncio.sleep(0.05)
    app.exit()

if mode == "stuck":
    from tui.ui.extraction import ProcessExtraction
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    app = MarginaliaApp(article, extraction=ProcessExtraction(argv=sleeper))
    app.run(headless=True, auto_pilot=stuck, size=(120, 40))
else:
    app = MarginaliaApp(article, extractor=seed_annotations)
    app.run(headless=True, auto_pilot=review, size=(120, 40))
flag("EXITED")
"""


class App:
    """The app in a subprocess, with its flag folder and its stderr in a file."""

    def __init__(self, article: Path, folder: Path, mode: str = "review") -> None:
        self.flags = folder / "flags"
        self.flags.mkdir()
        self.stderr = folder / "stderr.txt"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.stderr.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", SCRIPT, str(article), str(self.flags), mode],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )

    def seen(self) -> str:
        flags = sorted(p.name for p in self.flags.iterdir())
        state = "running" if self.proc.poll() is None else f"exited {self.proc.returncode}"
        tail = self.stderr.read_text(errors="replace")[-1500:]
        return f"flags {flags}, process {state}, stderr: {tail!r}"

    def wait_for(self, name: str) -> None:
        def flagged_or_dead() -> bool:
            return (self.flags / name).exists() or self.proc.poll() is not None

        wait_until(flagged_or_dead, f"the app to flag {name}", seen=self.seen)
        if not (self.flags / name).exists():
            pytest.fail(f"the app ended before {name}: {self.seen()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


@pytest.fixture
def app_in_subprocess(tmp_path):
    started: list[App] = []

    def start(article: Path, mode: str = "review") -> App:
        app = App(article, tmp_path, mode)
        started.append(app)
        app.wait_for("CHANGED")
        return app

    yield start
    for app in started:  # whatever the test did, no process outlives it
        app.stop()


def verdict_on_disk(path: Path) -> str | None:
    stored = read(sidecar_path(path))
    assert stored is not None, "no sidecar written"
    return next(c for c in stored.annotations.claims if c.id == "c1").review.verdict


def test_sigkill_after_the_debounce_loses_nothing(tmp_path, app_in_subprocess):
    path = seed_copy(tmp_path)
    app = app_in_subprocess(path)
    # The session promises the disk within ~0.8 s of a change; give a loaded machine longer.
    wait_until(
        lambda: sidecar_path(path).exists() and verdict_on_disk(path) == "verified",
        "the autosave",
        seen=app.seen,
    )
    app.proc.send_signal(signal.SIGKILL)
    app.proc.wait(5)
    assert verdict_on_disk(path) == "verified"
    assert not list(tmp_path.glob("*.tmp*"))  # atomic: no half-written file left behind


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_save_at_once_and_exit(tmp_path, sig, app_in_subprocess):
    # Also the positive twin of the kill test's wait: the app flags EXITED and ends
    # cleanly by itself (one app per signal, not one more for the twin: each costs seconds).
    path = seed_copy(tmp_path)
    app = app_in_subprocess(path)
    app.proc.send_signal(sig)  # before the debounce: only the signal handler can save it
    assert finish(app.proc, app.stderr, timeout=10) == 0
    assert (app.flags / "EXITED").exists(), app.seen()
    assert verdict_on_disk(path) == "verified"


async def test_a_failed_save_is_shown_not_hidden(tmp_path, monkeypatch):
    from tests.ui.review_helpers import review_app, status_line
    from tests.waiting import wait_until_async
    from tui.store import sidecar

    def disk_full(*_args, **_kwargs):
        raise OSError("No space left on device")

    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(sidecar, "save", disk_full)
        await pilot.press("J", "1")
        await wait_until_async(
            lambda: "error" in status_line(app), "the save error", seen=lambda: status_line(app)
        )
        await pilot.pause()
        assert "error: No space left on device" in status_line(app)
        assert any("could not save" in n.message for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("0")  # the next change saves again
        await wait_until_async(
            lambda: "· saved" in status_line(app), "saved again", seen=lambda: status_line(app)
        )


def test_sighup_while_the_extractor_never_answers_exits_and_keeps_the_sidecar(
    tmp_path, app_in_subprocess
):
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c1", "verified")
    session.close()
    with path.open("a", encoding="utf-8") as article:  # an update: the sidecar is stale
        article.write("\nUPDATE: the army said it had retaken two villages.\n")
    app = app_in_subprocess(path, "stuck")
    child = int((app.flags / "child").read_text())
    app.proc.send_signal(signal.SIGHUP)
    finish(app.proc, app.stderr, timeout=10)
    assert (app.flags / "EXITED").exists(), app.seen()
    assert verdict_on_disk(path) == "verified"  # the sidecar is whole
    wait_until(lambda: not _alive(child), "the extractor process to be gone")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone but for its exit status: its parent has exited, init reaps it.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return False

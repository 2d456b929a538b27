"""Bounded waits for tests: every wait has a limit, and running out fails with what was seen."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Generous for a 2-core machine with both cores busy; a healthy run takes a fraction of it.
LIMIT = 20.0


def wait_until(
    check: Callable[[], T], what: str, *, timeout: float = LIMIT, seen: Callable[[], str] = str
) -> T:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; saw: {seen()}")
        time.sleep(0.02)


async def wait_until_async(
    check: Callable[[], T], what: str, *, timeout: float = LIMIT, seen: Callable[[], str] = str
) -> T:
    """The same inside a running app's event loop (sleeps with asyncio, so the app keeps running)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; saw: {seen()}")
        await asyncio.sleep(0.02)


def finish(proc: subprocess.Popen[bytes], stderr_file: Path, *, timeout: float = LIMIT) -> int:
    """Wait for a subprocess to exit; kill it and fail with its stderr if it does not."""
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
        tail = stderr_file.read_text(errors="replace")[-2000:]
        raise AssertionError(
            f"the process did not exit within {timeout:.0f} s; stderr: {tail}"
        ) from None

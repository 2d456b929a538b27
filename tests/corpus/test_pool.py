"""The batch's worker pool: its workers never outlive a killed batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]

# A batch whose workers are busy with jobs whose answers are bigger than a pipe holds,
# killed (SIGKILL: no handler runs) while they work. Prints the workers' pids first.
SCRIPT = """
import multiprocessing, os, signal, sys, time
from tui.corpus.pool import ProcessPool

def big(n):
    time.sleep(0.5)
    return b"x" * n

def nothing():
    pass

if __name__ == "__main__":
    pool = ProcessPool(2, multiprocessing.get_context("fork"), nothing)
    for _ in range(4):
        pool.submit(big, 4_000_000)
    print(" ".join(str(w.process.pid) for w in pool._workers), flush=True)
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_end_when_the_batch_is_killed_mid_job(tmp_path: Path) -> None:
    out = tmp_path / "pids"
    with out.open("w") as sink:  # a file, not a pipe: orphans holding it cannot block us
        proc = subprocess.Popen([sys.executable, "-c", SCRIPT], cwd=ROOT, stdout=sink)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    pids = [int(p) for p in out.read_text().split()]
    assert len(pids) == 2 and os.getpid() not in pids
    try:
        wait_until(lambda: not any(_alive(p) for p in pids), "the orphaned workers to end")
    finally:
        for pid in pids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)

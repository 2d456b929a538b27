"""mypy passes on tui/ (configured in pyproject.toml), so the type hints guard something.

mypy is in the test extra. It starts in the background when this module is collected
(a fresh clone has no cache: ~10 s of CPU), so it runs on the second core while the
rest of the suite runs on the first; the test only collects its verdict. One shared
cache under the system temp folder keeps later local runs to about a second.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "marginalia-mypy-cache"
try:
    import mypy  # noqa: F401
except ImportError:  # pragma: no cover - the test extra installs it
    _RUN = None
else:
    _RUN = subprocess.Popen(
        [sys.executable, "-m", "mypy", "--cache-dir", str(CACHE), "--no-error-summary"],
        cwd=ROOT,
        stdout=subprocess.PIPE,  # a clean run says nothing; a bad one waits to be read
        stderr=subprocess.STDOUT,
    )


@pytest.mark.timeout(240)  # a cold run on a loaded 2-core machine; it started at collection
def test_mypy_finds_nothing_wrong_in_tui():
    if _RUN is None:
        pytest.fail("mypy is not installed: pip install -e '.[test]'")
    out, _ = _RUN.communicate(timeout=230)
    report = out.decode("utf-8", "replace")
    assert _RUN.returncode == 0, report[-4000:]
    assert "error:" not in report


def test_mypy_reports_a_type_error(tmp_path):
    """The positive twin: the same configuration does fail on a wrong type."""
    bad = tmp_path / "bad.py"
    bad.write_text("count: int = 'three'\n")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(CACHE),
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(bad),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=200,
    )
    assert out.returncode != 0 and "Incompatible types in assignment" in out.stdout

"""mypy passes on tui/ (configured in pyproject.toml), so the type hints guard something.

mypy is in the test extra. One run checks tui/ together with a planted file holding one
wrong type: tui/ must bring no error, the planted file must bring its own (the positive
twin: the same run, with the same configuration, does report what is wrong). The run is
synchronous, so under pytest-xdist it takes one worker while the other goes on. One shared
cache under the system temp folder keeps later runs to a second or two (a cold one takes
about 10 s of CPU).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "marginalia-mypy-cache"
# The shared cache would replay a stored verdict for a planted file of the same text (and
# the old file's path with it): a line of its own makes mypy check it afresh every run.
PLANTED = "# run {run}\ncount: int = 'three'\n"


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    try:
        import mypy  # noqa: F401
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.fail("mypy is not installed: pip install -e '.[test]'")
    bad = tmp_path_factory.mktemp("typing") / "planted.py"
    bad.write_text(PLANTED.format(run=uuid.uuid4().hex))
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(CACHE), "--no-error-summary"]
        + ["--config-file", str(ROOT / "pyproject.toml"), "tui", str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=200,
    )
    return out.returncode, out.stdout + out.stderr, bad


@pytest.mark.timeout(240)  # a cold run on a loaded 2-core machine
def test_mypy_finds_nothing_wrong_in_tui(mypy_report: tuple[int, str, Path]) -> None:
    _, report, bad = mypy_report
    errors = [line for line in report.splitlines() if "error:" in line]
    assert errors, report[-4000:]  # at least the planted one: mypy did run
    elsewhere = [line for line in errors if not line.startswith(str(bad))]
    assert elsewhere == [], "\n".join(elsewhere)[-4000:]


@pytest.mark.timeout(240)
def test_mypy_reports_a_type_error(mypy_report: tuple[int, str, Path]) -> None:
    """The positive twin: the same run fails on the planted wrong type, and says why."""
    code, report, bad = mypy_report
    assert code != 0
    assert f"{bad}:2: error: Incompatible types in assignment" in report, report[-4000:]

"""Shared fixtures: the seed article, isolation from the user's own config, and the
property tests' example budget."""

import importlib
import os
import sys

# PYTHONDONTWRITEBYTECODE (some shells and sandboxes set it) would make every run, every
# xdist worker and every child Python a test starts compile tui/ again, and pytest rewrite
# the asserts of every test module (and of hypothesis) again: 7 s of CPU per process. Writing
# the cache is what Python does by default; git ignores __pycache__. First, before hypothesis.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from tests.budget import FACTOR, THOROUGH  # noqa: E402

# a hung asyncio test names the await it is stuck in (tests/hangs.py)
from tests.hangs import pytest_timeout_cancel_timer, pytest_timeout_set_timer  # noqa: E402, F401

# Property tests (tests/budget.py): "quick" on every run, "thorough" with
# `--hypothesis-profile thorough` (nightly). Neither has a deadline: on a loaded 2-core
# machine any example can be slow, and speed is measured by benchmarks/, never by tests.
settings.register_profile("quick", deadline=None)
settings.register_profile(THOROUGH, deadline=None, max_examples=100 * FACTOR)
settings.load_profile("quick")


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """One worker per core when pytest-xdist is there (the test extra has it) and the command
    line names no number (`-n 0`: one process). Every test works in its own tmp_path and
    starts its own processes, so 2 cores halve the run; worksteal keeps both busy to the end.
    Set here, not in addopts, so a checkout whose venv predates the extra still runs."""
    xdist_there = hasattr(config.option, "numprocesses")
    if xdist_there and config.option.numprocesses is None and not hasattr(config, "workerinput"):
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "worksteal"


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "aleppo.txt"


def pytest_sessionstart(session: pytest.Session) -> None:
    """On a fresh clone every xdist worker rewrites the asserts of every test module (and
    compiles tui/) while collecting, the same modules in the same order: ~4 s of CPU each
    before its first test. The second worker imports the modules from the far end first,
    so the two meet halfway and each module is rewritten once, the other worker reading the
    cached result. Collection itself, its order and its errors are unchanged."""
    if getattr(session.config, "workerinput", {}).get("workerid") != "gw1":
        return
    for name in reversed(_packaged_test_modules()):
        try:
            importlib.import_module(name)
        except KeyboardInterrupt:
            raise
        except BaseException:  # noqa: BLE001 - collection imports it again and reports it
            sys.modules.pop(name, None)


def _packaged_test_modules() -> list[str]:
    """Test modules importable by dotted name (every folder up to tests/ is a package),
    in collection order; the others are named by pytest in its own way, so left to it."""
    names = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        relative = path.relative_to(ROOT)
        if all((ROOT / folder / "__init__.py").exists() for folder in relative.parents[:-1]):
            names.append(".".join(relative.with_suffix("").parts))
    return names


@pytest.fixture(autouse=True)
def _isolate_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's config, data or cache from tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("MARGINALIA_CACHE_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

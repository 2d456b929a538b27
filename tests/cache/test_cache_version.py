"""The extraction cache is storage, not extraction: its code is no part of the extractor
version, so changing it leaves every user's sidecars current (a change to the extractor's
own code still makes them stale)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tui.cache
import tui.cache.codec
import tui.cache.extractions
import tui.extract.pipeline
from tui.extract import version

TUI = Path(version.__file__).resolve().parents[1]


def test_the_version_hashes_the_extractor_and_no_cache_module():
    hashed = {p.resolve() for p in version._files()}
    cache = {
        Path(m.__file__).resolve() for m in (tui.cache, tui.cache.codec, tui.cache.extractions)
    }
    assert not hashed & cache
    assert Path(tui.extract.pipeline.__file__).resolve() in hashed  # the twin


def _append(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")


def test_changing_the_cache_keeps_the_version_changing_the_extractor_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    tree = tmp_path / "tui"
    for folder in ("extract", "text", "cache"):
        shutil.copytree(TUI / folder, tree / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "data").symlink_to(TUI / "data")
    monkeypatch.setattr(version, "_TUI", tree)
    compute = version.extractor_version.__wrapped__  # uncached: the copy, not this process's
    before = compute()
    assert before == version.extractor_version()  # the copy hashes as the real tree does
    _append(tree / "cache" / "codec.py")
    _append(tree / "cache" / "extractions.py")
    assert compute() == before
    _append(tree / "extract" / "pipeline.py")
    assert compute() != before

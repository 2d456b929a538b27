"""Temporary files of interrupted saves: the stale ones go, nobody's live write does."""

import os
import time
from pathlib import Path

import pytest

from tui.model import Annotations
from tui.store import leftovers, save, sidecar_path
from tui.store import sidecar as sidecar_module

fcntl = pytest.importorskip("fcntl")


@pytest.fixture
def side(tmp_path: Path) -> Path:
    article = tmp_path / "story.txt"
    article.write_text("Text.\n")
    return sidecar_path(article)


def test_stale_temporary_files_of_this_sidecar_are_removed(side: Path) -> None:
    data = side.parent / f".{side.name}.ab12cd_9.tmp"
    backup = side.parent / f".{side.name}.bak.zz99xx00.tmp"
    for p in (data, backup):
        p.write_text("half a save")
    assert set(leftovers.sweep(side, stale_after=0)) == {data, backup}
    assert not data.exists() and not backup.exists()


def test_only_our_own_stale_unlocked_temporary_files_are_touched(side: Path) -> None:
    keep = [
        side.parent / f".{side.name}.ab12cd99.tmp.orig",  # not our pattern
        side.parent / f".{side.name}.ab12.tmp",  # not mkstemp's eight characters
        side.parent / ".other.txt.marginalia.yaml.ab12cd99.tmp",  # another sidecar's
        side.parent / f"{side.name}.ab12cd99.tmp",  # not hidden
        side,
    ]
    for p in keep:
        p.write_text("someone's file")
    fresh = side.parent / f".{side.name}.fresh123.tmp"
    fresh.write_text("being written")
    locked = side.parent / f".{side.name}.locked12.tmp"
    locked.write_text("being written by a stopped process")
    target = side.parent / "elsewhere.txt"
    target.write_text("not ours to delete")
    link = side.parent / f".{side.name}.symlink1.tmp"
    link.symlink_to(target)
    with open(locked, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as a live save holds its file
        assert leftovers.sweep(side) == []  # all too young to be a dead save's
        assert all(p.exists() for p in [*keep, fresh, locked, link, target])
        # old enough now, but the locked one is still being written: only the other goes
        assert leftovers.sweep(side, stale_after=0) == [fresh]
        assert locked.exists()
    # the lock released (its writer died): it goes too; links and others' files never
    assert leftovers.sweep(side, stale_after=0) == [locked]
    assert all(p.exists() for p in [*keep, link, target]) and link.is_symlink()


def test_a_save_in_progress_is_never_swept(side: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another process sweeps while our save sits between writing and renaming.
    real_replace = os.replace
    swept: list[Path] = []

    def replace_after_a_sweep(src: str, dst: object) -> None:
        swept.extend(leftovers.sweep(side, stale_after=0))
        real_replace(src, dst)

    monkeypatch.setattr(sidecar_module.os, "replace", replace_after_a_sweep)
    save(side, Annotations(), sha256="ab" * 32, length=6, name="story.txt")
    assert swept == []  # locked: the data file survived the sweep, and was renamed
    assert side.read_text().startswith("# Marginalia annotations")
    assert not list(side.parent.glob(".*.tmp"))


def test_a_file_goes_only_once_it_is_older_than_any_save_takes(
    side: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    left = side.parent / f".{side.name}.left1234.tmp"
    left.write_text("x")
    assert leftovers.sweep(side) == []  # just written: it may be a save under way
    later = time.time() + leftovers.STALE_AFTER + 1
    monkeypatch.setattr(leftovers.time, "time", lambda: later)
    assert leftovers.sweep(side) == [left]

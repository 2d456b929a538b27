"""Long saves written by a forked child: what it writes arrives, what it raises is
raised here, and a child that never finishes is replaced by doing the work here."""

import os
import time
from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tui.review import ReviewSession
from tui.store import SidecarError, forked, read, sidecar_path
from tui.store import keeper as keeper_module

ROOT = Path(__file__).resolve().parents[2]


def test_the_work_runs_in_a_child_and_its_file_arrives(tmp_path):
    parent, seen = os.getpid(), []
    out = tmp_path / "out.txt"

    def work() -> None:
        seen.append(os.getpid())  # in the child's copy of the list only
        out.write_text(f"written by {os.getpid()}")

    forked.run(work)
    assert out.read_text().startswith("written by ")
    assert out.read_text() != f"written by {parent}"
    assert seen == []  # the parent's list was never touched


def test_the_childs_error_is_raised_here(tmp_path):
    def refuse() -> None:
        raise SidecarError(None, "not a sidecar of ours")

    made = {"SidecarError": lambda text: SidecarError(None, text)}
    with pytest.raises(SidecarError, match="not a sidecar of ours"):
        forked.run(refuse, errors=made)
    with pytest.raises(OSError, match="not a sidecar of ours"):
        forked.run(refuse)  # a class not named: an OSError, still one line


def test_a_stuck_child_is_killed_and_the_work_done_here(tmp_path):
    parent = os.getpid()
    out = tmp_path / "out.txt"

    def work() -> None:
        if os.getpid() != parent:
            time.sleep(60)  # as if stuck on a lock another thread held at the fork
        out.write_text(str(os.getpid()))

    t0 = time.monotonic()
    forked.run(work, timeout=0.5)
    assert time.monotonic() - t0 < 10
    assert out.read_text() == str(parent)


def test_a_long_review_is_saved_by_a_child_and_reads_back(tmp_path, monkeypatch):
    monkeypatch.setattr(keeper_module, "FORK_ITEMS", 1)  # the seed counts as long
    article = tmp_path / "aleppo.txt"
    article.write_text((ROOT / "seeds" / "aleppo.txt").read_text(encoding="utf-8"))
    session = ReviewSession.open(article, reviewer="test")
    session.apply_extraction(seed_annotations(session.document))
    claim = session.annotations.claims[0].id
    session.set_verdict(claim, "verified")
    assert session.save()
    assert session.save_state == "saved" and not session.disk_changed()
    stored = read(sidecar_path(article))
    assert stored is not None
    assert [c.review.verdict for c in stored.annotations.claims if c.id == claim] == ["verified"]

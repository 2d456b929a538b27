"""The index: summaries, incremental refresh, and rebuilding whatever happened to the file."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus.library import make_library
from tests.waiting import LIMIT, wait_until
from tui.corpus import index as index_module
from tui.corpus.discover import find_articles
from tui.corpus.index import INDEX_FILE, CorpusIndex
from tui.corpus.search import search
from tui.review import ReviewSession


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "news")


def refreshed(folder: Path) -> CorpusIndex:
    index = CorpusIndex.open(folder)
    index.refresh(find_articles([folder]))
    return index


def test_summaries_say_what_the_library_lists(library: Path) -> None:
    with refreshed(library) as index:
        rows = {s.path: s for s in index.summaries()}
    assert set(rows) == {"aleppo.txt", "gaza.md", "plain.txt"}
    aleppo, gaza, plain = rows["aleppo.txt"], rows["gaza.md"], rows["plain.txt"]
    assert (aleppo.title, aleppo.source) == ("Rebels take Aleppo airport", "Reuters")
    assert (aleppo.claims_total, aleppo.claims_reviewed, aleppo.events) == (2, 1, 1)
    assert aleppo.suggestions == 5  # m2 m3 m4, c2, v1
    assert (aleppo.last_by, aleppo.last_at) == ("ana", "2024-11-30T10:00:00Z")
    assert not aleppo.done
    assert (gaza.title, gaza.source, gaza.date) == (
        "Truce talks stall",
        "Example Wire",
        "2024-11-28",
    )
    assert gaza.done and gaza.words == 14
    assert plain.title == "plain" and not plain.annotated and not plain.done


def test_refresh_reads_only_what_changed(library: Path) -> None:
    index = refreshed(library)
    articles = find_articles([library])
    assert index.refresh(articles).analysed == 0
    session = ReviewSession.open(library / "aleppo.txt", reviewer="cy")
    session.set_verdict("c2", "disputed")
    assert session.save()
    report = index.refresh(articles)
    assert report.analysed == 1
    row = index.summary(library / "aleppo.txt")
    assert row is not None and row.claims_reviewed == 2 and row.last_by == "cy"
    # touched but the same bytes: the stamps move, nothing is analysed again
    os.utime(library / "gaza.md", ns=(1, 1))
    assert index.refresh(articles).analysed == 0
    assert index.refresh(articles).analysed == 0
    (library / "plain.txt").unlink()
    assert index.refresh(find_articles([library])).removed == 1
    assert [s.path for s in index.summaries()] == ["aleppo.txt", "gaza.md"]
    index.close()


def test_a_deleted_index_is_rebuilt(library: Path) -> None:
    refreshed(library).close()
    for f in (library / ".marginalia").iterdir():
        f.unlink()
    with refreshed(library) as index:
        assert len(index.summaries()) == 3
        assert search(index, "verdict:false").hits


@pytest.mark.parametrize("damage", ["garbage", "truncated", "old version"])
def test_a_damaged_or_old_index_is_rebuilt_never_an_error(library: Path, damage: str) -> None:
    refreshed(library).close()
    path = library / ".marginalia" / INDEX_FILE
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    with refreshed(library) as index:
        assert index.location == path  # rebuilt in place, not given up
        assert {s.path for s in index.summaries()} == {"aleppo.txt", "gaza.md", "plain.txt"}
        assert search(index, "verdict:false").hits[0].item == "c1"


_HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(30)
"""


def test_an_index_locked_by_another_process_gives_way_to_a_private_one(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed(library).close()
    monkeypatch.setattr(index_module, "BUSY_TIMEOUT", 0.2)
    flag = tmp_path / "locked"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(library / ".marginalia" / INDEX_FILE), str(flag)]
    )
    try:
        wait_until(flag.exists, "the other process to lock the index")
        (library / "new.txt").write_text("Officials in Homs said the road was open.\n")
        with refreshed(library) as index:
            assert index.location is None
            assert any("another process" in m for m in index.notes.messages)
            assert len(index.summaries()) == 4
    finally:
        holder.kill()
        holder.wait(LIMIT)
    with refreshed(library) as index:  # once free, the file is used again
        assert index.location is not None and len(index.summaries()) == 4


def _refresh_in_child(folder: str) -> None:
    with CorpusIndex.open(Path(folder)) as index:
        index.refresh(find_articles([Path(folder)]))


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to be quick"
)
def test_two_processes_refreshing_at_once(library: Path) -> None:
    for i in range(20):
        (library / f"extra{i}.txt").write_text(f"Officials said {i} roads were open.\n")
    context = multiprocessing.get_context("fork")
    children = [context.Process(target=_refresh_in_child, args=(str(library),)) for _ in range(2)]
    for child in children:
        child.start()
    for child in children:
        child.join(LIMIT)
        assert child.exitcode == 0
    with CorpusIndex.open(library) as index:
        assert index.location is not None
        assert len(index.summaries()) == 23
        assert index.refresh(find_articles([library])).analysed == 0
        hits = index.query("SELECT count(*) FROM items WHERE kind = 'claim'")
        assert hits == [(3,)]  # no article's rows twice

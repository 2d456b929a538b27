"""Batch extraction: JSON lines in input order, sidecars written and resumed, failures alone."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from tests.waiting import finish, wait_until
from tui.cli import main
from tui.corpus import runner
from tui.extract import extract
from tui.review import ReviewSession
from tui.store import sidecar


def seed_lines() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_folder(folder: Path, n: int = 4) -> Path:
    """``n`` short articles cut from the seed, two paragraphs each."""
    lines = seed_lines()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        part = lines[2 * i : 2 * i + 2] or lines[:2]
        (folder / f"a{i:02}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
    return folder


def sidecars(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.marginalia.yaml"))}


def test_json_lines_in_input_order_whatever_the_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "news")
    assert main(["extract", str(folder), "--jobs", "1"]) == 0
    one = capsys.readouterr().out
    assert main(["extract", str(folder), "--jobs", "2"]) == 0
    two = capsys.readouterr().out
    assert one == two
    paths = [json.loads(line)["path"] for line in one.splitlines()]
    assert paths == [str(folder / f"a{i:02}.txt") for i in range(4)]
    assert all(
        json.loads(line)["claims"] or json.loads(line)["events"] for line in one.splitlines()
    )


def test_write_fills_sidecars_the_same_for_1_and_2_jobs(tmp_path: Path) -> None:
    one = make_folder(tmp_path / "one")
    two = make_folder(tmp_path / "two")
    assert main(["extract", str(one), "--write", "--jobs", "1"]) == 0
    assert main(["extract", str(two), "--write", "--jobs", "2"]) == 0
    assert len(sidecars(one)) == 4
    assert sidecars(one) == sidecars(two)
    for data in sidecars(one).values():
        assert sidecar.loads(data.decode()).annotations.claims


def test_a_second_run_skips_current_sidecars_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "news")
    assert main(["extract", str(folder), "--write", "--jobs", "1"]) == 0
    stamps = {p: p.stat().st_mtime_ns for p in folder.glob("*.yaml")}
    assert main(["extract", str(folder), "--write", "--jobs", "1"]) == 0
    # without the index's record, the sidecars are checked (and found unchanged) again
    shutil.rmtree(folder / ".marginalia")
    assert main(["extract", str(folder), "--write", "--jobs", "1"]) == 0
    assert {p: p.stat().st_mtime_ns for p in folder.glob("*.yaml")} == stamps
    assert not list(folder.glob(".*.tmp"))


def test_a_batch_stopped_halfway_resumes_with_the_articles_left(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "news")
    first = sorted(folder.glob("*.txt"))[:2]  # what an interrupted run got through
    assert main(["extract", *map(str, first), "--write", "--jobs", "1"]) == 0
    stamps = {p: p.stat().st_mtime_ns for p in folder.glob("*.yaml")}
    assert len(stamps) == 2
    assert main(["extract", str(folder), "--write", "--jobs", "2"]) == 0
    assert len(sidecars(folder)) == 4
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # the done ones untouched


def test_reviewed_and_rejected_items_never_change_and_merge_as_the_reader_does(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path / "news", 1)
    article = folder / "a00.txt"
    assert main(["extract", str(folder), "--write", "--jobs", "1"]) == 0
    session = ReviewSession.open(article, reviewer="ana")
    claim = session.annotations.claims[0]
    mention = session.annotations.mentions[0]
    session.set_verdict(claim.id, "disputed")
    session.reject(mention.id)
    assert session.save()
    with article.open("a", encoding="utf-8") as f:
        f.write(seed_lines()[5] + "\n")
    expected = ReviewSession.open(article)  # what the reader would show
    expected.apply_extraction(extract(expected.document))

    assert main(["extract", str(article), "--write", "--jobs", "1"]) == 0
    stored = sidecar.read(sidecar.sidecar_path(article))
    assert stored is not None
    got = stored.annotations.sorted()
    assert got == expected.annotations.sorted()
    kept = next(c for c in got.claims if c.id == claim.id)
    assert kept.review.verdict == "disputed" and kept.review.by == "ana"
    assert next(m for m in got.mentions if m.id == mention.id).status == "rejected"
    assert not [
        m for m in got.mentions if m.id != mention.id and m.span.overlaps(mention.span)
    ]  # the rejected suggestion did not come back under another id
    assert len(got.claims) > 1  # the new paragraph's claim was added


def test_a_broken_file_fails_alone_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "news", 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    foreign = folder / "a01.txt.marginalia.yaml"
    foreign.write_text("- not: [ours\n")
    assert main(["extract", str(folder), "--write", "--jobs", "2"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3, err  # one line per failed file, then the summary
    assert "binary.txt: binary file" in err[0] + err[1]
    assert "a01.txt.marginalia.yaml" in err[0] + err[1] and "left as it was" in err[0] + err[1]
    assert "4 articles: 2 written, 2 failed" in err[2]
    assert foreign.read_text() == "- not: [ours\n"
    assert set(sidecars(folder)) == {
        "a00.txt.marginalia.yaml",
        "a01.txt.marginalia.yaml",
        "a02.txt.marginalia.yaml",
    }


_REAL_RUN_JOB = runner.run_job


def _die_on_a01(job, mode, codebook=None):  # noqa: ANN001, ANN202
    """In a worker process: die on a01.txt as if killed (out of memory, a segfault)."""
    if job.path.endswith("a01.txt"):
        os._exit(3)
    return _REAL_RUN_JOB(job, mode, codebook)


def test_a_worker_that_dies_costs_only_its_own_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "news", 4)
    monkeypatch.setattr(runner, "run_job", _die_on_a01)  # forked workers inherit it
    assert main(["extract", str(folder), "--write", "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "a01.txt: the worker process died" in err
    assert "a01.txt.marginalia.yaml" not in sidecars(folder)
    assert len(sidecars(folder)) == 3


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "--write"]) == 2
    assert "no articles" in capsys.readouterr().err
    assert main(["extract", str(tmp_path), "--jobs", "0"]) == 2  # argparse's exit, returned


def test_ctrl_c_stops_the_batch_and_leaves_every_sidecar_whole(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    # Long articles (a tenth of a second or more of extraction each), so the batch cannot finish in the
    # moment between the first sidecar and the signal, however fast or idle the machine is.
    text = SEED.read_text(encoding="utf-8") * 10
    for i in range(40):
        (folder / f"a{i:02}.txt").write_text(f"Report number {i}\n{text}", encoding="utf-8")
    err = tmp_path / "stderr"
    # A command started in the background by a script (`cmd &`, nohup) inherits Ctrl+C
    # ignored, and Python keeps it so: run so, this test would pass only when the signal
    # landed in the moment the batch holds it itself (seen: 2 runs in 5 hung under load).
    # Started with SIGINT caught here, the child execs with the default: a terminal's job.
    held = signal.signal(signal.SIGINT, signal.default_int_handler)
    with err.open("wb") as err_file:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tui", "extract", str(folder), "--write", "--jobs", "2"],
                stdout=subprocess.DEVNULL,
                stderr=err_file,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                start_new_session=True,  # its own process group, as a shell gives a job
            )
        finally:
            signal.signal(signal.SIGINT, held)
        try:
            wait_until(lambda: list(folder.glob("*.marginalia.yaml")), "a first sidecar")
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl+C sends: workers included
            code = finish(proc, err)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    assert code == 130, err.read_text()
    assert "interrupted" in err.read_text() and "Traceback" not in err.read_text()
    written = list(folder.glob("*.marginalia.yaml"))
    assert 0 < len(written) < 40
    for path in written:
        assert sidecar.read(path) is not None
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_after_a_batch_the_index_is_current_without_reading_a_sidecar(tmp_path: Path) -> None:
    from tui.corpus.discover import find_articles
    from tui.corpus.index import CorpusIndex
    from tui.corpus.search import search

    folder = make_folder(tmp_path / "news", 3)
    assert main(["extract", str(folder), "--write", "--jobs", "1"]) == 0
    with CorpusIndex.open(folder) as index:
        rows = index.summaries()
        assert [r.path for r in rows] == ["a00.txt", "a01.txt", "a02.txt"]
        assert all(r.annotated and r.claims_total for r in rows)
        assert index.refresh(find_articles([folder])).analysed == 0
        assert search(index, "kind:claim").hits

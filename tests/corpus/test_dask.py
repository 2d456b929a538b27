"""--dask: the same batch on a Dask cluster gives exactly what the local run gives."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.corpus.test_batch import make_folder, sidecars
from tui.cli import main

# Found, not imported: distributed and what it pulls in take ~0.8 s to import, which every
# xdist worker would pay while collecting; only the worker that runs these tests pays it.
pytestmark = pytest.mark.skipif(
    find_spec("distributed") is None, reason="distributed: pip install -e '.[test]'"
)


@pytest.fixture(scope="module")
def scheduler() -> str:
    # Workers in this process (threads): the cluster starts in a fraction of a second and
    # its workers share the already-loaded extractor. Jobs still travel as bytes.
    import distributed

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_json_on_the_cluster_equals_the_local_run(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(tmp_path / "news", 3)
    assert main(["extract", str(folder), "--jobs", "1"]) == 0
    local = capsys.readouterr().out
    assert main(["extract", str(folder), "--dask", scheduler]) == 0
    assert capsys.readouterr().out == local
    assert len(local.splitlines()) == 3


def test_write_on_the_cluster_equals_the_local_run(scheduler: str, tmp_path: Path) -> None:
    here = make_folder(tmp_path / "here", 3)
    there = make_folder(tmp_path / "there", 3)
    (there / "broken.txt").write_bytes(b"\x00\x01")
    assert main(["extract", str(here), "--write", "--jobs", "1"]) == 0
    assert main(["extract", str(there), "--write", "--dask", scheduler]) == 1  # broken.txt
    assert sidecars(there) == sidecars(here) and len(sidecars(here)) == 3


def test_an_unreachable_scheduler_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.corpus import dask_runner

    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT", "0.5s")
    folder = make_folder(tmp_path / "news", 1)
    assert main(["extract", str(folder), "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler" in err[0]

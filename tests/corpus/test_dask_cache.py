"""--dask reads and fills this machine's extraction cache: the client looks before handing
a job out and keeps what the workers extract (they may be other machines)."""

from __future__ import annotations

import os
import shutil
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tui.cli import main
from tui.text import Document

pytestmark = pytest.mark.skipif(
    find_spec("distributed") is None, reason="distributed: pip install -e '.[test]'"
)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "aleppo.txt"


@pytest.fixture(scope="module")
def scheduler() -> str:
    import distributed

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The extractor's runs (the workers are threads here, so they see the stand-in)."""
    seen: list[str] = []

    def extract(document: Document, codebook: object = None) -> object:
        seen.append(document.sha256)
        return seed_annotations(document)

    monkeypatch.setattr("tui.extract.pipeline.extract", extract)
    return seen


def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    shutil.copyfile(SEED, news / "a.txt")
    (news / "b.txt").write_text(SEED.read_text(encoding="utf-8") + "\nA second copy.\n")
    return news


def entries() -> list[Path]:
    return sorted(Path(os.environ["XDG_CACHE_HOME"]).glob("marginalia/extractions/*.json"))


def test_a_second_run_on_the_cluster_reads_what_the_first_kept(scheduler, tmp_path, calls, capsys):
    news = folder(tmp_path)
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    first = capsys.readouterr().out
    assert len(calls) == 2 and len(entries()) == 2  # kept by this process
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert capsys.readouterr().out == first and len(calls) == 2  # no extractor run
    assert main(["extract", str(news), "--dask", scheduler, "--force"]) == 0
    assert capsys.readouterr().out == first and len(calls) == 4  # the twin: forced
    # and a local run finds the same entries
    assert main(["extract", str(news), "--jobs", "1"]) == 0
    assert capsys.readouterr().out == first and len(calls) == 4


def test_write_on_the_cluster_uses_the_cache_too(scheduler, tmp_path, calls):
    news = folder(tmp_path)
    assert main(["extract", str(news), "--jobs", "1"]) == 0  # fills the cache
    assert len(calls) == 2
    assert main(["extract", str(news), "--write", "--dask", scheduler]) == 0
    assert len(calls) == 2 and len(list(news.glob("*.marginalia.yaml"))) == 2


def test_a_worker_of_another_extractor_version_is_not_cached_from(
    scheduler, tmp_path, calls, monkeypatch, capsys
):
    monkeypatch.setattr("tui.corpus.batch.EXTRACTOR_VERSION", "x1-another-release")
    news = folder(tmp_path)
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 2 and entries() == []
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 4  # nothing kept: extracted again


def test_a_changed_article_or_a_new_extractor_is_extracted_again_on_the_cluster(
    scheduler, tmp_path, calls, monkeypatch
):
    """The twin of the hits above: the cache's key names the text and the extractor."""
    news = folder(tmp_path)
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 2
    (news / "a.txt").write_text(SEED.read_text(encoding="utf-8") + "\nAn edit.\n")
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 3  # only the edited article
    assert len(entries()) == 3
    for module in ("tui.corpus.batch", "tui.corpus.remote_cache"):
        monkeypatch.setattr(f"{module}.EXTRACTOR_VERSION", "x1-a-new-release")
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 5  # both again, under the new version's names
    assert len(entries()) == 5
    assert main(["extract", str(news), "--dask", scheduler]) == 0
    assert len(calls) == 5

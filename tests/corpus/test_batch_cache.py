"""`marginalia extract` looks in the extraction cache before extracting, and fills it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tui.cli import main
from tui.text import Document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "aleppo.txt"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def extract(document: Document, codebook: object = None) -> object:
        seen.append(document.sha256)
        return seed_annotations(document)

    monkeypatch.setattr("tui.extract.pipeline.extract", extract)
    return seen


def test_a_second_extract_of_the_same_text_reads_the_cache(tmp_path, calls, capsys):
    article = tmp_path / "a.txt"
    shutil.copyfile(SEED, article)
    assert main(["extract", str(article)]) == 0
    first = capsys.readouterr().out
    assert main(["extract", str(article)]) == 0
    assert capsys.readouterr().out == first and len(calls) == 1
    assert main(["extract", str(article), "--force"]) == 0  # the twin: forced, extracted
    assert capsys.readouterr().out == first and len(calls) == 2


def test_with_the_cache_off_in_the_config_every_extract_extracts(tmp_path, calls, monkeypatch):
    config = tmp_path / "config"
    (config / "marginalia").mkdir(parents=True)
    (config / "marginalia" / "config.yaml").write_text("cache: false\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    article = tmp_path / "a.txt"
    shutil.copyfile(SEED, article)
    for _ in range(2):
        assert main(["extract", str(article), "--format", "yaml"]) == 0
    assert len(calls) == 2

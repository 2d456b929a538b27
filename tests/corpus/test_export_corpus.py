"""A folder exports as the library sees it: subfolders included, hidden ones not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus.library import make_library, write_article
from tui.cli import main


def test_export_of_a_folder_takes_the_same_articles_as_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_library(tmp_path / "news")
    write_article(folder / "week2", "homs.txt", "Officials in Homs said the road reopened.\n")
    write_article(folder / ".trash", "old.txt", "Gone.\n")
    assert main(["export", str(folder), "--format", "jsonl", "--status", "all"]) == 0
    paths = [json.loads(line)["meta"]["path"] for line in capsys.readouterr().out.splitlines()]
    names = [Path(p).relative_to(folder).as_posix() for p in paths]
    assert names == ["aleppo.txt", "gaza.md", "plain.txt", "week2/homs.txt"]

"""Which files are articles, and where a library's index lives."""

from pathlib import Path

import pytest

from tui.corpus.discover import DiscoverError, find_articles, library_root


def test_a_folder_lists_its_articles_in_order_skipping_hidden_and_sidecars(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.txt", "a.md.marginalia.yaml", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / ".marginalia").mkdir()
    (tmp_path / ".marginalia" / "x.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_articles([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.txt"]


def test_files_are_taken_as_given_once_each(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.html"
    a.write_text("x")
    b.write_text("x")
    assert find_articles([b, a, tmp_path / "." / "a.txt"]) == [b, a]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DiscoverError, match="no such file"):
        find_articles([tmp_path / "missing"])


def test_the_index_lives_in_the_folder_given_or_the_one_holding_every_file(tmp_path: Path) -> None:
    (tmp_path / "news" / "x").mkdir(parents=True)
    a, b = tmp_path / "news" / "a.txt", tmp_path / "news" / "x" / "b.txt"
    a.write_text("x")
    b.write_text("x")
    assert library_root([tmp_path / "news"]) == (tmp_path / "news").resolve()
    assert library_root([a, b]) == (tmp_path / "news").resolve()
    assert library_root([b]) == (tmp_path / "news" / "x").resolve()

"""`marginalia search DIR QUERY`: JSON lines, a table, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus.library import make_library
from tui.cli import main


def test_json_names_the_article_the_item_and_its_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_library(tmp_path / "news")
    assert main(["search", str(folder), 'source:"Syrian Observatory"', "--format", "json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    hit = json.loads(line)
    assert hit["path"] == str(folder / "aleppo.txt")
    assert (hit["kind"], hit["item"]) == ("claim", "c1")
    assert hit["sentence"].endswith("the Syrian Observatory for Human Rights said.")
    assert main(["search", str(folder), "source:Hezbollah", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    # plain.txt has no sidecar: its claims cannot be found until it is extracted
    assert (
        f"note: 1 article not extracted yet: only its text was searched (marginalia extract {folder} --write)"
        in err
    )


def test_table_in_a_pipe_is_one_line_per_hit_with_control_characters_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_library(tmp_path / "news")
    (folder / "odd.txt").write_text("Officials said \x1b[31mred\x1b[0m alert in Homs.\n")
    assert main(["search", str(folder), "Homs"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    odd = next(line for line in out if "odd.txt" in line)
    assert "\x1b" not in odd and "\\x1b[31mred" in odd
    assert odd.split("\t")[1] == "text"


def exit_code(args: list[str]) -> int:
    """main()'s status, or argparse's when it exits for a usage error."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["MISSING", "x"], "no such folder"),
        (["FOLDER", "colour:red"], "unknown field"),
        (["FOLDER", "kind:claim", "--limit", "0"], "at least 1"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    folder = make_library(tmp_path / "news")
    args = [a.replace("FOLDER", str(folder)).replace("MISSING", str(tmp_path / "x")) for a in args]
    assert exit_code(["search", *args]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and message in err[0]

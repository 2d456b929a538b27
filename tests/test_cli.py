"""The `marginalia` command: headless extract output and one-line errors.

Everything runs `main()` in this process (a new interpreter per case cost a second
or more each); one smoke test starts the real entry point.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.store import loads

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # the checkout, installed or not


def test_extract_json_seed(
    seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["path"] == str(seed_path)
    assert data["text_length"] == len(seed_text)
    assert len(data["sha256"]) == 64
    for key in ("entities", "claims", "events"):
        assert isinstance(data[key], list)
    for m in data["entities"]:
        assert seed_text[m["start"] : m["end"]] == m["text"]
    for c in data["claims"]:
        assert seed_text[c["cue"]["start"] : c["cue"]["end"]] == c["cue"]["text"]
    # every suggestion carries its calibrated confidence, claims as entities and events
    for key in ("entities", "claims", "events"):
        confidences = [x["confidence"] for x in data[key]]
        assert confidences and all(0.0 <= c <= 1.0 for c in confidences)
        assert len(set(confidences)) > 1  # calibrated, not one constant
    for e in data["events"]:
        # every mention of the event, its main trigger among them, in text order
        starts = [m["start"] for m in e["mentions"]]
        assert starts == sorted(starts) and e["trigger"] in e["mentions"]
        for m in e["mentions"]:
            assert seed_text[m["start"] : m["end"]] == m["text"]


def test_extract_many_files_one_line_each(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Officials said the talks failed.\n", encoding="utf-8")
    assert main(["extract", str(seed_path), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["path"] for x in lines] == [str(seed_path), str(other)]


def test_extract_yaml_reads_back(
    seed_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_path), "--format", "yaml"]) == 0
    side = loads(capsys.readouterr().out)
    assert side.length == len(seed_text)
    for m in side.annotations.mentions:
        assert seed_text[m.span.start : m.span.end] == m.span.text


@pytest.fixture
def bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "BIN").write_bytes(b"\x00\x01binary")
    (tmp_path / "BIG").write_bytes(b"word " * 1000)
    (tmp_path / "UNDECODABLE").write_bytes(b"bad \x81\x8d\x8f\x90")
    (tmp_path / "EMPTY").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "MISSING.txt"], "no such file"),
        (["extract", "."], "no articles"),
        (["extract", "BIN"], "binary file"),
        (["extract", "BIG", "--max-size", "0.001"], "too large"),
        (["extract", "UNDECODABLE"], "cannot decode"),
        (["extract", "EMPTY"], "empty file"),
        (["extract"], "required"),
        (["extract", "X", "--format", "xml"], "invalid choice"),
        (["--bogus"], "unrecognized arguments"),
        (["MISSING.txt"], "no such file"),
        (["--max-size", "abc"], "megabytes"),
        (["BIN"], "binary file"),
    ],
)
def test_bad_input_one_line_exit_2(
    args: list[str], message: str, bad_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert message in lines[0]
    assert "Traceback" not in err


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\r"


SHOWN = "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\r"  # escapes, as Python writes them


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (["extract", f"news{ESCAPES}.txt"], 1),  # a missing file
        ([f"news{ESCAPES}.txt"], 1),
        (["extract", f"bin{ESCAPES}"], 1),  # an existing file with a bad name
        (["extract", "BIN", "--format", f"x{ESCAPES}"], 1),  # argparse quotes the bad value
        (["export", f"news{ESCAPES}.txt", "--format", "jsonl"], 2),  # and a summary line
    ],
)
def test_control_characters_from_input_never_reach_the_terminal(
    args: list[str], lines: int, bad_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (bad_files / f"bin{ESCAPES}").write_bytes(b"\x00binary")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == lines, err  # the CR did not start a new line either
    assert not any(ch in err for ch in "\x1b\x07\x9b\r")
    assert SHOWN in err


def test_a_file_name_with_undecodable_bytes_is_shown_not_crashed_on(
    bad_files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"caf\xe9\x1b.txt")  # not UTF-8: a lone surrogate in Python
    assert main(["extract", name]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "caf\\xe9\\x1b.txt" in err


def test_cp1252_notice_is_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    art = tmp_path / "old.txt"
    art.write_bytes("Caf\u00e9 owners said prices rose.\n".encode("cp1252"))
    assert main(["extract", str(art)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["encoding"] == "cp1252"
    assert "decoded as cp1252" in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("marginalia ")
    assert main(["--help"]) == 0
    help_text = capsys.readouterr().out
    assert "examples:" in help_text and "marginalia extract" in help_text
    assert main(["extract", "--help"]) == 0
    assert "examples:" in capsys.readouterr().out


def test_bad_codebook_is_one_line(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "codebook.yaml"
    bad.write_text("foo: 1\n")
    for args in (
        ["extract", str(seed_path), "--codebook", str(bad)],
        [str(seed_path), "--codebook", str(bad)],
    ):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and str(bad) in err


def test_entry_point_smoke_and_broken_pipe_is_quiet(seed_path: Path) -> None:
    # The one real process: `python -m tui` runs and prints JSON, and a reader that
    # goes away early (head) costs no traceback and no error status.
    proc = subprocess.run(
        f"{sys.executable} -m tui extract {seed_path} {seed_path} | head -c 10;"
        " echo; echo status=${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )
    assert proc.stdout.startswith('{"path": ')
    assert proc.stdout.rstrip().endswith("status=0")
    assert "Traceback" not in proc.stderr


def test_seed_is_opened_from_a_working_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.seed_article import bundled_seed, seed_working_copy

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    copy = seed_working_copy()
    assert copy == tmp_path / "marginalia" / "seeds" / "aleppo.txt"
    assert copy.read_bytes() == bundled_seed().read_bytes()
    copy.write_text("changed by the user\n")
    assert seed_working_copy().read_text() == "changed by the user\n"  # never overwritten

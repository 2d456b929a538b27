"""The `marginalia` command: headless extract output and one-line errors."""

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


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        env=ENV,
    )


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
    ],
)
def test_bad_input_one_line_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "BIN").write_bytes(b"\x00\x01binary")
    (tmp_path / "BIG").write_bytes(b"word " * 1000)
    (tmp_path / "UNDECODABLE").write_bytes(b"bad \x81\x8d\x8f\x90")
    (tmp_path / "EMPTY").write_bytes(b"")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_cp1252_notice_is_reported_not_fatal(tmp_path: Path) -> None:
    art = tmp_path / "old.txt"
    art.write_bytes("Caf\u00e9 owners said prices rose.\n".encode("cp1252"))
    result = run("extract", str(art))
    assert result.returncode == 0
    assert json.loads(result.stdout)["encoding"] == "cp1252"
    assert "decoded as cp1252" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("marginalia ")
    help_text = run("--help").stdout
    assert "examples:" in help_text and "marginalia extract" in help_text
    assert "examples:" in run("extract", "--help").stdout


def test_broken_pipe_is_quiet(seed_path: Path) -> None:
    proc = subprocess.run(
        f"{sys.executable} -m tui extract {seed_path} {seed_path} {seed_path} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        env=ENV,
    )
    assert "Traceback" not in proc.stderr


def test_bad_codebook_is_one_line(tmp_path: Path, seed_path: Path) -> None:
    bad = tmp_path / "codebook.yaml"
    bad.write_text("foo: 1\n")
    for args in (
        ["extract", str(seed_path), "--codebook", str(bad)],
        [str(seed_path), "--codebook", str(bad)],
    ):
        result = run(*args)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and str(bad) in result.stderr


def test_seed_is_opened_from_a_working_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import bundled_seed, seed_working_copy

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    copy = seed_working_copy()
    assert copy == tmp_path / "marginalia" / "seeds" / "aleppo.txt"
    assert copy.read_bytes() == bundled_seed().read_bytes()
    copy.write_text("changed by the user\n")
    assert seed_working_copy().read_text() == "changed by the user\n"  # never overwritten

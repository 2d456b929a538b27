"""One list of the config file's keys: every key a command reads is known to the reader
(which reports any other as unknown), and every listed key is read."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy
from tui.cli import main
from tui.config_keys import CONFIG_KEYS
from tui.review import ReviewSession
from tui.ui.config import load_config

ROOT = Path(__file__).resolve().parent.parent
EVERY_KEY = """\
theme: light
keymap: {next-claim: ctrl+n}
measure: 72
reviewer: ana
min_confidence: 0.5
cache: {max_mb: 64}
publisher: {name: Desk Check, url: "https://checks.example.org/reviews"}
"""


def test_the_reader_knows_every_key_a_command_reads(tmp_path: Path):
    config = tmp_path / "config.yaml"
    config.write_text(EVERY_KEY, encoding="utf-8")
    assert set(yaml.safe_load(EVERY_KEY)) == set(CONFIG_KEYS)  # the file uses them all
    assert load_config(config).notice is None
    typo = tmp_path / "typo.yaml"
    typo.write_text(EVERY_KEY + "colour: red\n", encoding="utf-8")
    notice = load_config(typo).notice or ""
    assert "unknown key colour" in notice and "publisher" not in notice  # the twin


def test_export_reads_the_publisher_from_the_file_the_reader_accepts(tmp_path: Path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text(EVERY_KEY, encoding="utf-8")
    article = seed_copy(tmp_path)
    session = ReviewSession.open(article, reviewer="ana")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c1", "verified")
    session.close()
    code = main(["export", str(article), "--format", "claimreview", "--config", str(config)])
    out = capsys.readouterr().out
    assert code == 0
    (review,) = json.loads(out)
    assert review["author"]["name"] == "Desk Check"
    assert review["url"].startswith("https://checks.example.org/reviews")


def test_every_listed_key_is_read_somewhere():
    sources = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tui").rglob("*.py"))
        if p.name != "config_keys.py"
    )
    assert [key for key in CONFIG_KEYS if f'"{key}"' not in sources] == []

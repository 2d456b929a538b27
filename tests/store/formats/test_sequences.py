"""CoNLL IOB2 and doccano: token tags and labels of the seed, and doccano read back."""

from __future__ import annotations

import json
from pathlib import Path

from tests.store.formats import compare
from tests.store.formats.conftest import load
from tui.cli import main


def test_conll_seed(reviewed: Path, capsys) -> None:
    assert main(["export", str(reviewed), "--format", "conll"]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[:6] == ["-DOCSTART- O", "", "The O", "Syrian B-ORG", "army I-ORG", "said O"]
    assert "Islamist O" in lines  # rejected: not a tag
    assert "Hayat B-ORG" in lines and "Tahrir I-ORG" in lines and "Sham I-ORG" in lines
    sentences = "\n".join(lines[2:]).strip().split("\n\n")
    assert len(sentences) >= 14  # a blank line after each sentence
    for line in lines:
        assert line == "" or len(line.split(" ")) == 2


def test_doccano_round_trip(reviewed: Path, fresh: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(reviewed), "--format", "doccano"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["label"][0] == [4, 15, "ORG"] and rec["meta"]["sha256"]
    text = reviewed.read_text(encoding="utf-8")
    assert all(text[s:e] for s, e, _ in rec["label"])
    assert main(["export", str(reviewed), "--format", "doccano", "--relations"]) == 0
    rel = json.loads(capsys.readouterr().out)
    ents = {e["id"]: e for e in rel["entities"]}
    said = next(e for e in rel["entities"] if e["label"] == "Attribution")
    kinds = {r["type"] for r in rel["relations"] if r["from_id"] == said["id"]}
    assert kinds == {"source", "content"}
    path = tmp_path / "rel.jsonl"
    path.write_text(json.dumps(rel) + "\n", encoding="utf-8")
    assert main(["import", str(fresh), "--from", "doccano", str(path)]) == 0
    before, after = load(reviewed), load(fresh)
    live = [m for m in before.mentions if m.status != "rejected"]
    assert sorted((m.span.start, m.span.end, m.type) for m in after.mentions) == sorted(
        (m.span.start, m.span.end, m.type) for m in live
    )
    # claims and events come back with their parts (statuses and verdicts doccano cannot hold)
    strip = lambda rows: [r[:2] + r[5:] for r in rows]  # noqa: E731
    kept = before.__class__(claims=tuple(c for c in before.claims if c.status != "rejected"))
    assert strip(compare.claims(after))[0][0] == strip(compare.claims(kept))[0][0]
    assert [c[0] for c in compare.claims(after)] == [c[0] for c in compare.claims(kept)]
    assert len(after.events) == len([e for e in before.events if e.status != "rejected"])
    assert ents  # used

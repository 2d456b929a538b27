"""Prodigy/spaCy JSONL: spans on spaCy's tokens, read back by sha256 or file name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.store.formats import compare
from tests.store.formats.conftest import load, sidecar_bytes
from tui.cli import main
from tui.extract.codebook import default_codebook
from tui.review import ReviewSession
from tui.store.formats.jsonl import read_jsonl
from tui.store.formats.spacy_tokens import tokenize


def export(article: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["export", str(article), "--format", "jsonl", *extra]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_seed_exports_field_by_field(reviewed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rec = export(reviewed, capsys)
    text = reviewed.read_text(encoding="utf-8")
    assert rec["text"] == text
    assert rec["answer"] == "accept"
    assert rec["meta"]["path"] == str(reviewed) and len(rec["meta"]["sha256"]) == 64
    assert rec["meta"]["title"] is None
    tokens = rec["tokens"]
    assert tokens[:4] == [
        {"text": "The", "start": 0, "end": 3, "id": 0, "ws": True},
        {"text": "Syrian", "start": 4, "end": 10, "id": 1, "ws": True},
        {"text": "army", "start": 11, "end": 15, "id": 2, "ws": True},
        {"text": "said", "start": 16, "end": 20, "id": 3, "ws": True},
    ]
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    first = rec["spans"][0]
    assert first == {
        "start": 4,
        "end": 15,
        "text": "Syrian army",
        "label": "ORG",
        "token_start": 1,
        "token_end": 2,  # inclusive, as Prodigy counts
    }
    for s in rec["spans"]:
        assert text[s["start"] : s["end"]] == s["text"]
        assert tokens[s["token_start"]]["start"] == s["start"]
        assert tokens[s["token_end"]]["end"] == s["end"]
    texts = [s["text"] for s in rec["spans"]]
    assert "Islamist" not in texts  # rejected
    assert "Hayat Tahrir al-Sham" in texts and "Iran" in texts  # "Iran-backed": spaCy splits at -


def test_unaligned_spans_are_reported_and_kept(
    reviewed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = ReviewSession.open(reviewed)
    start = session.document.text.index("Lebanese")
    session.add_mention(start, start + 7, "NORP")  # "Lebanes": ends inside a token
    assert session.flush()
    rec = export(reviewed, capsys)
    assert all(s["text"] != "Lebanes" for s in rec["spans"])
    assert rec["meta"]["unaligned_spans"] == [
        {"start": start, "end": start + 7, "text": "Lebanes", "label": "NORP"}
    ]
    assert main(["export", str(reviewed), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"NORP 'Lebanes' [{start}, {start + 7}) does not align with spaCy's tokens" in err


def test_round_trip(reviewed: Path, fresh: Path, tmp_path: Path, capsys) -> None:
    rec = export(reviewed, capsys, "--status", "all")
    path = tmp_path / "train.jsonl"
    other = {**rec, "text": "Another text.", "meta": {"path": "other.txt", "sha256": "0" * 64}}
    path.write_text(json.dumps(other) + "\n" + json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["import", str(fresh), "--from", "jsonl", str(path), "--as", "accepted"]) == 0
    before = load(reviewed)
    live = before.__class__(
        before.entities, tuple(m for m in before.mentions if m.status != "rejected")
    )
    after = load(fresh)
    assert compare.mentions(after, statuses=False) == compare.mentions(live, statuses=False)
    assert {m.status for m in after.mentions} == {"accepted"}
    assert "Hayat Tahrir al-Sham" in {e.name for e in after.entities}
    # the same name and type make one entity, as they do when a reviewer marks them
    hts = [m for m in after.mentions if m.span.text == "Hayat Tahrir al-Sham"]
    assert len(hts) == 2 and hts[0].entity == hts[1].entity


def test_line_found_by_file_name_else_only_line(fresh: Path, tmp_path: Path) -> None:
    text = fresh.read_text(encoding="utf-8")
    span = {"start": 4, "end": 15, "label": "ORG"}
    by_name = tmp_path / "a.jsonl"
    by_name.write_text(
        json.dumps({"text": "x y", "spans": [], "meta": {"path": "b.txt"}})
        + "\n"
        + json.dumps({"text": text, "spans": [span], "meta": {"path": "/elsewhere/aleppo.txt"}})
        + "\n",
        encoding="utf-8",
    )
    got = read_jsonl(by_name, fresh, text, default_codebook()).annotations
    assert [m.span.text for m in got.mentions] == ["Syrian army"]
    only = tmp_path / "b.jsonl"
    only.write_text(json.dumps({"text": text, "spans": [span]}) + "\n", encoding="utf-8")
    assert len(read_jsonl(only, fresh, text, default_codebook()).annotations.mentions) == 1


def test_answers_reject_and_ignore(fresh: Path, tmp_path: Path) -> None:
    text = fresh.read_text(encoding="utf-8")
    path = tmp_path / "a.jsonl"
    for answer, expected in (("reject", ["rejected"]), ("ignore", [])):
        rec = {"text": text, "spans": [{"start": 4, "end": 15, "label": "ORG"}], "answer": answer}
        path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
        got = read_jsonl(path, fresh, text, default_codebook())
        assert [m.status for m in got.annotations.mentions] == expected
    assert got.skipped == ("line 1: answered 'ignore': nothing to import",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"text": "abc", "spans": []}\n{not json\n',
            ":2: not JSON (Expecting property name enclosed in double quotes, column 2)",
        ),
        ("[1, 2]\n", ":1: expected a JSON object"),
        ('{"spans": []}\n', ":1: no 'text' (the text the offsets point into)"),
        (
            '{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "ORG"}]}\n',
            ":1: span [1, 9) is outside the text (3 characters)",
        ),
        (
            '{"text": "abc", "spans": [{"start": 0, "end": 2, "text": "xy", "label": "ORG"}]}\n',
            ":1: span [0, 2) quotes 'xy' but the text there is 'ab'",
        ),
        (
            '{"text": "abc", "spans": [{"start": "0", "end": 2, "label": "ORG"}]}\n',
            ":1: offsets must be whole numbers, found '0', 2",
        ),
        ("", ": empty: no JSON lines"),
    ],
)
def test_bad_input_one_line_exit_2_sidecar_untouched(
    reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    before = sidecar_bytes(reviewed)
    assert main(["import", str(reviewed), "--from", "jsonl", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"marginalia: {path}{message}"]
    assert sidecar_bytes(reviewed) == before


def test_no_line_for_the_article(fresh: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.jsonl"
    rec = {"text": "x", "spans": [], "meta": {"path": "b.txt"}}
    path.write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["import", str(fresh), "--from", "jsonl", str(path)]) == 2
    assert "none of its 2 lines is for aleppo.txt" in capsys.readouterr().err


def test_unknown_labels_reported(fresh: Path, tmp_path: Path, capsys) -> None:
    text = fresh.read_text(encoding="utf-8")
    rec = {
        "text": text,
        "spans": [
            {"start": 4, "end": 15, "label": "Organization"},
            {"start": 224, "end": 239, "label": "MISC"},
            {"start": 21, "end": 27, "label": "CARDINAL"},
        ],
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["import", str(fresh), "--from", "jsonl", str(path)]) == 0
    out = capsys.readouterr().out
    assert "not imported: line 1: 1 span of unknown type 'MISC' not imported" in out
    assert sorted(m.type for m in load(fresh).mentions) == ["ORG", "QUANTITY"]


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Aleppo",
                "U.S.",
                "al-Assad",
                "Syria’s",
                "(HTS)",
                "“said”",
                "2,500",
                "don't",
                "Mr.",
                "...",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_tokens_cover_the_text(words: list[str]) -> None:
    text = " ".join(words) + ".\n"
    toks = tokenize(text)
    pos = 0
    for t in toks:
        assert text[t.start : t.end] == t.text and t.start == pos
        pos = t.end + (1 if t.ws else 0)
    assert pos == len(text)

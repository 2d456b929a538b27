"""W3C Web Annotation: the seed's annotations, their selectors, ids, and the test suite's schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.formats import w3c_schemas
from tui.cli import main
from tui.store.formats.source import load_article
from tui.store.formats.w3c import web_annotations


def export_lines(article: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["export", str(article), "--format", "w3c", "--jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def by_style(anno: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for t in anno["target"] if isinstance(anno["target"], list) else [anno["target"]]:
        out.setdefault(t.get("styleClass", ""), []).append(t)
    return out


def selectors(t: dict) -> tuple[dict, dict]:
    quote = next(s for s in t["selector"] if s["type"] == "TextQuoteSelector")
    pos = next(s for s in t["selector"] if s["type"] == "TextPositionSelector")
    return quote, pos


def test_seed_annotations_field_by_field(reviewed: Path, capsys) -> None:
    annos = export_lines(reviewed, capsys)
    text = reviewed.read_text(encoding="utf-8")
    first = annos[0]
    assert first["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert first["type"] == "Annotation" and first["motivation"] == "tagging"
    assert first["id"].startswith("urn:uuid:")
    assert first["target"]["source"] == reviewed.resolve().as_uri()
    quote, pos = selectors(first["target"])
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "Syrian army",
        "prefix": "The ",
        "suffix": " said dozens of its soldiers had",
    }
    assert pos == {"type": "TextPositionSelector", "start": 4, "end": 15}
    bodies = {b["purpose"]: b for b in first["body"]}
    assert bodies["tagging"]["value"] == "ORG"
    assert bodies["moderating"]["value"] == "accepted"
    assert bodies["identifying"]["type"] == "SpecificResource"
    assert bodies["identifying"]["source"]["label"] == "Syrian army"
    assert first["creator"] == {"type": "Person", "name": "ana"}
    claim = next(a for a in annos if a["motivation"] == "assessing")
    parts = by_style(claim)
    assert selectors(parts["cue"][0])[0]["exact"] == "said"
    assert selectors(parts["source"][0])[0]["exact"] == "The Syrian army"
    values = {b["purpose"]: b["value"] for b in claim["body"]}
    assert values == {
        "classifying": "indirect",
        "assessing": "verified",
        "commenting": "AP confirms.\nTwo sources.",
        "moderating": "accepted",
    }
    event = next(a for a in annos if "trigger" in by_style(a))
    assert {b["purpose"] for b in event["body"]} >= {"classifying", "linking", "moderating"}
    link = next(b for b in event["body"] if b["purpose"] == "linking")
    assert link["source"] == claim["id"]
    # every position selector quotes the text (code points, end exclusive)
    for anno in annos:
        for parts in by_style(anno).values():
            for t in parts:
                q, p = selectors(t)
                assert text[p["start"] : p["end"]] == q["exact"]


def test_ids_are_stable_across_exports(reviewed: Path, capsys) -> None:
    first = [a["id"] for a in export_lines(reviewed, capsys)]
    second = [a["id"] for a in export_lines(reviewed, capsys)]
    assert first == second and len(set(first)) == len(first)


def test_structure_positive_and_negative(reviewed: Path) -> None:
    """Always runs: the model's must-haves, and that a broken annotation is caught."""
    article = load_article(reviewed)
    for anno in web_annotations(article):
        assert problems(anno) == []
    broken = next(web_annotations(article))
    broken["body"].append({"purpose": "identifying", "id": "http://x.org/e1"})  # bare IRI body
    del broken["@context"]
    assert problems(broken) == ["no @context", "a bare body with a purpose"]


def problems(anno: dict) -> list[str]:
    out = []
    if anno.get("@context") != "http://www.w3.org/ns/anno.jsonld":
        out.append("no @context")
    if anno.get("type") != "Annotation" or not str(anno.get("id", "")).startswith(("urn:", "http")):
        out.append("no type or id")
    for body in anno.get("body", []):
        if "purpose" in body and body.get("type") not in ("TextualBody", "SpecificResource"):
            out.append("a bare body with a purpose")
    return out


@pytest.mark.skipif(not w3c_schemas.available(), reason="../shared/formats/w3c is not here")
def test_valid_against_the_w3c_test_suite(reviewed: Path, tmp_path: Path) -> None:
    article = load_article(reviewed, "all")
    annos = list(web_annotations(article))
    # one of each kind (all 89 pass too, but take 20 s to check)
    sample = [annos[0], next(a for a in annos if a["motivation"] == "assessing"), annos[-1]]
    for anno in sample:
        assert w3c_schemas.failures(anno, "annotations/annotationMusts.test") == []
    bad = {**annos[0], "body": [{"purpose": "identifying", "id": "not a uri"}]}
    assert w3c_schemas.failures(bad, "annotations/annotationMusts.test")
    assert main(["export", str(reviewed), "--format", "w3c", "-o", str(tmp_path / "w3c")]) == 0
    coll = json.loads((tmp_path / "w3c" / "collection.jsonld").read_text(encoding="utf-8"))
    assert coll["total"] == len(load_article(reviewed).annotations.mentions) + len(
        load_article(reviewed).annotations.claims
    ) + len(load_article(reviewed).annotations.events)
    assert w3c_schemas.failures(coll, "collections/collectionMusts.test") == []
    page = json.loads((tmp_path / "w3c" / "page-1.jsonld").read_text(encoding="utf-8"))
    page["items"] = page["items"][:2]  # the page's own keys; items are checked above
    assert w3c_schemas.failures(page, "collections/pages/pageMusts.test") == []


def test_round_trip_jsonl_and_collection(
    reviewed: Path, fresh: Path, tmp_path: Path, capsys
) -> None:
    from tests.store.formats import compare
    from tests.store.formats.conftest import load

    lines = export_lines(reviewed, capsys)
    path = tmp_path / "annos.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in lines), encoding="utf-8")
    assert main(["import", str(fresh), "--from", "w3c", str(path)]) == 0
    assert "0 moved, 0 orphaned" in capsys.readouterr().out
    before, after = load(reviewed), load(fresh)
    kept = before.__class__(
        before.entities,
        tuple(m for m in before.mentions if m.status != "rejected"),
        tuple(c for c in before.claims if c.status != "rejected"),
        tuple(e for e in before.events if e.status != "rejected"),
    )
    assert compare.mentions(after) == compare.mentions(kept)
    assert compare.groups(after) == compare.groups(kept)
    assert compare.claims(after) == compare.claims(kept)
    assert compare.events(after) == compare.events(kept)
    # the collection folder reads back the same, page by page
    again = tmp_path / "again"
    again.mkdir()
    (again / "aleppo.txt").write_bytes(fresh.read_bytes())
    assert main(["export", str(reviewed), "--format", "w3c", "-o", str(tmp_path / "coll")]) == 0
    coll = tmp_path / "coll" / "collection.jsonld"
    assert main(["import", str(again / "aleppo.txt"), "--from", "w3c", str(coll)]) == 0
    assert compare.claims(load(again / "aleppo.txt")) == compare.claims(kept)


def test_quote_placed_when_the_text_moved(
    reviewed: Path, fresh: Path, tmp_path: Path, capsys
) -> None:
    lines = export_lines(reviewed, capsys)
    fresh.write_text("Breaking.\n" + fresh.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "annos.jsonl"
    path.write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
    assert main(["import", str(fresh), "--from", "w3c", str(path)]) == 0
    out = capsys.readouterr().out
    assert "moved: m1 ORG 'Syrian army' [14, 25)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "Annotation", "target": {"source": "x"}}\n{oops\n', ":2: not JSON"),
        ('{"type": "Thing"}', ": not a W3C annotation, page or collection (no such 'type')"),
        ("", ": empty: no annotations"),
    ],
)
def test_bad_input_one_line_exit_2(
    reviewed: Path, tmp_path: Path, capsys, content: str, message: str
) -> None:
    from tests.store.formats.conftest import sidecar_bytes

    path = tmp_path / "bad.jsonld"
    path.write_text(content, encoding="utf-8")
    before = sidecar_bytes(reviewed)
    assert main(["import", str(reviewed), "--from", "w3c", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"marginalia: {path}{message}")
    assert sidecar_bytes(reviewed) == before


def test_offsets_outside_the_text_are_bad_input(reviewed: Path, tmp_path: Path, capsys) -> None:
    anno = export_lines(reviewed, capsys)[0]
    anno["target"]["selector"] = [{"type": "TextPositionSelector", "start": 5, "end": 99999}]
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(anno) + "\n", encoding="utf-8")
    assert main(["import", str(reviewed), "--from", "w3c", str(path)]) == 2
    assert "span [5, 99999) is outside the text" in capsys.readouterr().err

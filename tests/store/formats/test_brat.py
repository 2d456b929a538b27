"""brat: the reviewed seed exported line by line, accepted by its config, read back whole."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.store.formats import compare
from tests.store.formats.brat_check import check, parse_conf
from tests.store.formats.conftest import load, sidecar_bytes
from tui.cli import main
from tui.extract.codebook import default_codebook
from tui.model import Annotations, Claim, Entity, Event, Fatalities, Mention, Ref, Review, Span
from tui.review import ReviewSession
from tui.store.formats.brat import ann_text, escape_note, unescape_note
from tui.store.formats.brat_conf import BratNames
from tui.store.formats.brat_read import read_brat
from tui.store.formats.incoming import FormatError


def export(article: Path, out: Path, *extra: str) -> str:
    assert main(["export", str(article), "--format", "brat", "-o", str(out), *extra]) == 0
    return (out / "aleppo.ann").read_text(encoding="utf-8")


def lines_of(ann: str, prefix: str) -> list[str]:
    return [line for line in ann.split("\n") if line.startswith(prefix)]


def test_seed_exports_line_by_line(reviewed: Path, tmp_path: Path) -> None:
    ann = export(reviewed, tmp_path / "out")
    text = (tmp_path / "out" / "aleppo.txt").read_text(encoding="utf-8")
    assert text == reviewed.read_text(encoding="utf-8")
    t = {line.split("\t")[0]: line for line in lines_of(ann, "T")}
    # the first mention, its status, and the rejected one left out
    assert "T1\tORG 4 15\tSyrian army" in t.values()
    assert "A1\tStatus T1 accepted" in ann
    assert not any("\tNORP 85 93\tIslamist" in line for line in t.values())
    # linked mentions: Hayat Tahrir al-Sham, HTS and Nusra Front are one entity
    hts = {line.split("\t")[0] for line in t.values() if line.endswith(("\tHTS", "\tNusra Front"))}
    hts |= {tid for tid, line in t.items() if line.endswith("\tHayat Tahrir al-Sham")}
    equivs = [set(line.split(" ")[1:]) for line in lines_of(ann, "*\tEquiv")]
    assert hts in equivs
    # the first claim: cue, source phrase, content, kind, verdict, status, note
    e1 = lines_of(ann, "E1\t")[0]
    cue, source, content = re.match(
        r"E1\tAttribution:(T\d+) Source:(T\d+) Content:(T\d+)$", e1
    ).groups()
    assert t[cue].endswith("\tAttribution 16 20\tsaid")
    assert t[source].endswith("\tPhrase 0 15\tThe Syrian army")
    assert t[content].split("\t")[1].startswith("Content 21 248")
    for attr in ("Kind E1 indirect", "Verdict E1 verified", "Status E1 accepted"):
        assert re.search(rf"^A\d+\t{attr}$", ann, re.M), attr
    assert re.search(r"^#\d+\tAnnotatorNotes E1\tAP confirms\.\\nTwo sources\.$", ann, re.M)
    assert re.search(r"^A\d+\tVerdict E\d+ needs_context$", ann, re.M)
    # the rejected claim is not exported
    assert "\tAttribution 298 310\taccording to" not in ann
    # an event: sub-event type as brat stores it, roles, the claim it is reported in
    armed = [line for line in lines_of(ann, "E") if "\tArmed_clash:" in line][0]
    roles = [a.split(":")[0] for a in armed.split("\t")[1].split(" ")[1:]]
    # the incident's other mentions ("killed", "attacked", "the assault") come first
    named = [r.rstrip("0123456789") for r in roles if not r.startswith("Mention")]
    assert roles[0] == "Mention"
    assert sorted(set(named), key=named.index) == [
        "Actor",
        "Target",
        "Place",
        "Fatalities",
        "Claim",
    ]
    assert armed.endswith("Claim:E1")
    fatal = armed.split("Fatalities:")[1].split(" ")[0]
    assert t[fatal].endswith("\tQUANTITY 21 27\tdozens")
    assert re.search(rf"^#\d+\tAnnotatorNotes {fatal}\testimate: 24$", ann, re.M)
    assert "Air_drone_strike:" in ann  # the Russian strikes: one incident
    # an entity's note rides on its first mention
    first_hts = min(hts, key=lambda tid: int(tid[1:]))
    assert re.search(
        rf"^#\d+\tAnnotatorNotes {first_hts}\tdesignated a terrorist group$", ann, re.M
    )


def test_every_offset_quotes_the_text(reviewed: Path, tmp_path: Path) -> None:
    ann = export(reviewed, tmp_path / "out", "--status", "all")
    text = (tmp_path / "out" / "aleppo.txt").read_text(encoding="utf-8")
    spans = lines_of(ann, "T")
    assert len(spans) > 100
    for line in spans:
        _, rest, quote = line.split("\t")
        _, start, end = rest.split(" ")
        assert text[int(start) : int(end)] == quote


@pytest.mark.parametrize("status", ["default", "all", "accepted"])
def test_annotation_conf_accepts_every_line(reviewed: Path, tmp_path: Path, status: str) -> None:
    extra = [] if status == "default" else ["--status", status]
    ann = export(reviewed, tmp_path / "out", *extra)
    conf = parse_conf((tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8"))
    assert check(ann, conf) == []
    visual = (tmp_path / "out" / "visual.conf").read_text(encoding="utf-8")
    assert "Air_drone_strike | Air/drone strike" in visual


def test_checker_rejects_what_brat_rejects(reviewed: Path, tmp_path: Path) -> None:
    """The positive twin of the test above: the checker does find faults."""
    ann = export(reviewed, tmp_path / "out")
    conf = parse_conf((tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8"))
    broken = ann.replace("\tORG 4 15\t", "\tWeapon 4 15\t", 1).replace(" Source:", " Actor:", 1)
    problems = check(broken + "A999\tVerdict T1 verified\n", conf)
    assert any("Weapon is not a known textbound type" in p for p in problems)
    assert any("cannot take a Actor argument" in p for p in problems)
    assert any("Verdict cannot apply to" in p for p in problems)


def test_round_trip_into_a_fresh_sidecar(reviewed: Path, fresh: Path, tmp_path: Path) -> None:
    export(reviewed, tmp_path / "out", "--status", "all")
    assert main(["import", str(fresh), "--from", "brat", str(tmp_path / "out" / "aleppo.ann")]) == 0
    before, after = load(reviewed), load(fresh)
    assert compare.mentions(after) == compare.mentions(before)
    assert compare.groups(after) == compare.groups(before)
    assert compare.claims(after) == compare.claims(before)
    assert compare.events(after) == compare.events(before)
    hts = next(e for e in after.entities if e.name == "Hayat Tahrir al-Sham")
    assert hts.review.note == "designated a terrorist group"


def test_import_prints_what_it_did(
    reviewed: Path, fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export(reviewed, tmp_path / "out")
    capsys.readouterr()
    ann = tmp_path / "out" / "aleppo.ann"
    assert main(["import", str(fresh), "--from", "brat", str(ann)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^added: \d+ claims, \d+ entitys?|^added: ", out, re.M)
    assert "0 moved, 0 orphaned" in out
    # importing the same file again changes nothing the reviewer accepted
    assert main(["import", str(fresh), "--from", "brat", str(ann)]) == 0
    again = capsys.readouterr().out
    assert "left as it was: " in again and "0 added" in again


def test_changed_article_moves_and_orphans(
    reviewed: Path, fresh: Path, tmp_path: Path, capsys
) -> None:
    export(reviewed, tmp_path / "out")
    text = fresh.read_text(encoding="utf-8")
    # A new first sentence shifts everything; "Maraat al Numan" is no longer in the text.
    fresh.write_text(
        "Fighting went on overnight.\n" + text.replace("Maraat al Numan", "the town"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["import", str(fresh), "--from", "brat", str(tmp_path / "out" / "aleppo.ann")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^moved: m\d+ ORG 'Syrian army' \[32, 43\)$", out, re.M)
    assert re.search(r"^orphaned: m\d+ GPE 'Maraat al Numan'", out, re.M)
    session = ReviewSession.open(fresh)
    orphan = [it for it in session.needs_attention() if it.anchor == "orphaned"]
    assert any(isinstance(it, Mention) and it.span.text == "Maraat al Numan" for it in orphan)
    placed = [m for m in session.annotations.mentions if m.anchor != "orphaned"]
    assert all(session.document.text[m.span.start : m.span.end] == m.span.text for m in placed)


def test_reviewed_and_rejected_items_are_never_touched(reviewed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export(reviewed, out)
    ann_path = out / "aleppo.ann"
    # The file says "Syrian army" (accepted here as ORG) is a PERSON and "Islamist"
    # (rejected here) is a NORP to accept.
    ann = ann_path.read_text(encoding="utf-8").replace("\tORG 4 15\t", "\tPERSON 4 15\t")
    ann += "T999\tNORP 85 93\tIslamist\nA999\tStatus T999 accepted\n"
    ann_path.write_text(ann, encoding="utf-8")
    before = {m.id: m for m in load(reviewed).mentions}
    assert main(["import", str(reviewed), "--from", "brat", str(ann_path)]) == 0
    after = {m.id: m for m in load(reviewed).mentions}
    for m in before.values():
        if m.status != "suggested":
            assert after[m.id] == m


def test_import_is_one_undoable_step(reviewed: Path, fresh: Path, tmp_path: Path) -> None:
    export(reviewed, tmp_path / "out")
    session = ReviewSession.open(fresh)
    incoming = read_brat(tmp_path / "out" / "aleppo.ann", session.document.text, default_codebook())
    report = session.import_annotations(incoming)
    assert len(report.added) > 50 and session.annotations.claims
    assert session.undo() == "import from aleppo.ann"
    assert session.annotations == Annotations()
    session.redo()
    rejected = 1  # the review rejected c2, which the export leaves out
    assert len(session.annotations.claims) == len(load(reviewed).claims) - rejected


def test_unknown_types_are_mapped_or_reported(fresh: Path, tmp_path: Path, capsys) -> None:
    ann = tmp_path / "aleppo.ann"
    ann.write_text(
        "T1\tPER 224 239\tBashar al-Assad\nT2\tWeapon 924 931\tmissile\nT3\tOrganization 4 15\tSyrian army\n",
        encoding="utf-8",
    )
    assert main(["import", str(fresh), "--from", "brat", str(ann)]) == 0
    out = capsys.readouterr().out
    assert "not imported: 1 annotation of unknown type 'Weapon' not imported" in out
    types = {m.span.text: m.type for m in load(fresh).mentions}
    assert types == {"Bashar al-Assad": "PERSON", "Syrian army": "ORG"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("T1\tORG 4 15 Syrian army", ":1: not a brat annotation line"),
        ("T1\tORG 4 9999\tSyrian army", ":1: span [4, 9999) is outside the text (2807 characters)"),
        (
            "T1\tORG 4 15\tSyrian navy",
            ":1: span [4, 15) quotes 'Syrian navy' but the text there is 'Syrian army'",
        ),
        (
            "T1\tORG 4 15\tSyrian army\nE1\tAttribution:T7 Source:T1",
            ":2: E1 refers to T7, which is not in the file",
        ),
        ("T1\tORG 15 4\tSyrian army", ":1: empty or reversed span [15, 4)"),
    ],
)
def test_bad_input_one_line_exit_2_sidecar_untouched(
    reviewed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    ann = tmp_path / "bad.ann"
    ann.write_text("\n" * 0 + line + "\n", encoding="utf-8")
    shutil.copyfile(reviewed, tmp_path / "bad.txt")
    before = sidecar_bytes(reviewed)
    assert main(["import", str(reviewed), "--from", "brat", str(ann)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0] == f"marginalia: {ann}{message}"
    assert sidecar_bytes(reviewed) == before


def test_notes_escape_round_trip() -> None:
    for note in ["plain", "two\nlines", "tab\there", "back\\slash\\n", ""]:
        assert unescape_note(escape_note(note)) == note
        assert "\n" not in escape_note(note) and "\t" not in escape_note(note)


# ------------------------------------------------------------------ property


WORDS = ["Aleppo", "army", "said", "rebels", "Assad", "took", "the", "city", "HTS", "killed", "24"]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, Annotations]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=30))
    text = " ".join(words) + ".\n"
    starts = [0]
    for w in words[:-1]:
        starts.append(starts[-1] + len(w) + 1)
    spans = [Span.of(text, s, s + len(w)) for s, w in zip(starts, words, strict=True)]
    picked = draw(st.lists(st.integers(0, len(spans) - 1), unique=True, max_size=8))
    types = ["PERSON", "ORG", "GPE", "QUANTITY"]
    entities, mentions = [], []
    for i, k in enumerate(sorted(picked)):
        etype = draw(st.sampled_from(types))
        group = draw(st.integers(0, 2))
        eid = f"e{group}{etype}"
        if eid not in {e.id for e in entities}:
            entities.append(Entity(eid, spans[k].text, etype))
        mentions.append(
            Mention(
                f"m{i + 1}",
                spans[k],
                etype,
                eid,
                status=draw(st.sampled_from(["suggested", "accepted", "rejected"])),
                estimate=draw(st.none() | st.integers(0, 10**6)) if etype == "QUANTITY" else None,
            )
        )
    claims, events = [], []
    if len(spans) >= 4 and draw(st.booleans()):
        verdict = draw(st.sampled_from([None, "verified", "false", "needs context"]))
        note = draw(st.sampled_from(["", "checked\nby phone", "a | b"]))
        claims.append(
            Claim(
                "c1",
                spans[1],
                (spans[2], spans[3]),
                Ref(spans[0]),
                kind=draw(st.sampled_from(["direct", "indirect", "mixed", "according-to"])),
                status="accepted" if verdict else "suggested",
                review=Review(verdict, note),
            )
        )
        events.append(
            Event(
                "v1",
                "Battles",
                "Armed clash",
                spans[-1],
                actors=(Ref(spans[0]), Ref(spans[2])),
                location=(Ref(spans[3]),),
                # as the extractor does: a figure that is a QUANTITY mention has its estimate
                fatalities=Fatalities(
                    spans[-2],
                    next(
                        (
                            m.estimate
                            for m in mentions
                            if m.span == spans[-2] and m.type == "QUANTITY"
                        ),
                        draw(st.none() | st.integers(0, 500)),
                    ),
                ),
                claim="c1",
                mentions=(spans[-3],),
            )
        )
    return text, Annotations(tuple(entities), tuple(mentions), tuple(claims), tuple(events))


@settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_round_trip_property(tmp_path: Path, doc: tuple[str, Annotations]) -> None:
    text, ann = doc
    path = tmp_path / "doc.ann"
    path.write_text(ann_text(ann, BratNames(default_codebook())), encoding="utf-8")
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    back = read_brat(path, text, default_codebook()).annotations
    assert compare.mentions(back) == compare.mentions(ann)
    assert compare.groups(back) == compare.groups(ann)
    assert compare.claims(back) == compare.claims(ann)
    assert compare.events(back) == compare.events(ann)


def test_format_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text("T1\tORG 0 3\tabc\nnonsense\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        read_brat(path, "abc def\n", default_codebook())
    assert str(err.value) == f"{path}:2: not a brat annotation line"

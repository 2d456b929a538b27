"""The YAML sidecar: round trips, refusals, atomic writes with a backup."""

import os
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tests.waiting import wait_until
from tui.model import (
    Annotations,
    Claim,
    Entity,
    Event,
    Fatalities,
    Mention,
    Ref,
    Review,
    ReviewChange,
    Span,
)
from tui.store import SidecarError, dumps, loads, read, save, sidecar_path, write_atomic
from tui.store import sidecar as sidecar_module

TEXT = (
    "The Syrian army said dozens of its soldiers had been killed. "
    "“We will return,” a security source said on Wednesday.\n"
)


def span(needle: str, text: str = TEXT) -> Span:
    i = text.index(needle)
    return Span.of(text, i, i + len(needle))


def sample() -> Annotations:
    army = Entity("e1", "Syrian army", "ORG", ("army",))
    mentions = (
        Mention("m1", span("Syrian army"), "ORG", "e1", confidence=0.9),
        Mention("m2", span("dozens"), "QUANTITY", "e2", estimate=24, status="rejected"),
    )
    claims = (
        Claim(
            "c1",
            span("said"),
            (span("dozens of its soldiers had been killed"),),
            Ref(span("Syrian army"), "e1"),
            kind="indirect",
            review=Review(
                "verified",
                "Checked with AP.\nTwo lines.",
                "ana",
                "2026-11-25T10:00:00Z",
                (ReviewChange("disputed", "", "ana", "2026-11-25T09:00:00Z"),),
            ),
        ),
        Claim("c2", span("said on"), (span("We will return"),), None, kind="direct", origin="user"),
    )
    events = (
        Event(
            "v1",
            "Violence against civilians",
            "Attack",
            span("killed"),
            actors=(),
            targets=(Ref(span("soldiers"), None),),
            time=(Ref(span("Wednesday"), None),),
            fatalities=Fatalities(span("dozens"), 24),
            claim="c1",
        ),
    )
    entities = (army, Entity("e2", "dozens", "QUANTITY"))
    return Annotations(entities, mentions, claims, events)


def test_round_trip_is_byte_identical() -> None:
    text = dumps(sample(), sha256="ab" * 32, length=len(TEXT), name="a.txt")
    back = loads(text)
    assert back.sha256 == "ab" * 32 and back.length == len(TEXT) and back.name == "a.txt"
    assert back.annotations == sample().sorted()
    assert dumps(back.annotations, sha256="ab" * 32, length=len(TEXT), name="a.txt") == text


def test_plain_yaml_without_python_tags() -> None:
    text = dumps(sample(), sha256="0" * 64, length=1)
    assert "!!python" not in text and "!<" not in text
    data = yaml.safe_load(text)
    assert data["marginalia"] == sidecar_module.FORMAT_VERSION
    assert [e["id"] for e in data["entities"]] == ["e1", "e2"]
    assert data["claims"][0]["review"]["history"][0]["verdict"] == "disputed"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("marginalia: 1\nentities: [\n", "not valid YAML", 3),
        ("just: a mapping\n", "not a Marginalia sidecar", 1),
        ("- a\n- list\n", "not a Marginalia sidecar", 1),
        ("marginalia: 99\ndocument: {sha256: x, length: 1}\n", "newer Marginalia", 1),
        (
            "marginalia: 1\ndocument: {sha256: x, length: 1}\nclaims:\n- id: c1\n  cue: {start: 0, end: 1}\n  content: []\n",
            "claims[0].cue.text: missing",
            5,
        ),
        (
            "marginalia: 1\ndocument: {sha256: x, length: 1}\nentities:\n- id: e1\n  name: A\n  type: ORG\n  mentions:\n"
            "  - {id: m1, start: yes, end: 1, text: A}\n",
            "entities[0].mentions[0].start",
            8,
        ),
        (
            "marginalia: 1\ndocument: {sha256: x, length: 1}\nentities:\n- {id: e1, name: A, type: ORG}\n- {id: e1, name: B, type: ORG}\n",
            "duplicate id",
            5,
        ),
        (
            "marginalia: 1\ndocument: {sha256: x, length: 1}\nevents:\n- {id: v1, type: T, trigger: {start: 0, end: 1, text: a}, status: maybe}\n",
            "not one of",
            4,
        ),
        ("marginalia: 1\n", "document", None),
    ],
)
def test_refusals_name_file_and_line(
    text: str, message: str, line: int | None, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt.marginalia.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SidecarError) as info:
        read(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))
    if line is not None:
        assert info.value.line == line
    assert "\n" not in str(info.value)


def test_save_refuses_to_overwrite_foreign_file(tmp_path: Path) -> None:
    path = sidecar_path(tmp_path / "a.txt")
    assert path.name == "a.txt.marginalia.yaml"
    path.write_text("my own notes, not yours\n")
    with pytest.raises(SidecarError, match="not overwriting"):
        save(path, sample(), sha256="0" * 64, length=1)
    assert path.read_text() == "my own notes, not yours\n"


def test_save_keeps_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.marginalia.yaml"
    save(path, Annotations(), sha256="0" * 64, length=1)
    first = path.read_bytes()
    save(path, sample(), sha256="0" * 64, length=1)
    assert (tmp_path / "a.txt.marginalia.yaml.bak").read_bytes() == first
    assert read(path).annotations == sample().sorted()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_interrupted_write_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt.marginalia.yaml"
    save(path, sample(), sha256="0" * 64, length=1)
    before = path.read_bytes()

    def crash(fd: int) -> None:  # the disk fails half-way: after write, before rename
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(sidecar_module.os, "fsync", crash)
    with pytest.raises(OSError):
        write_atomic(path, b"marginalia: 1\nhalf a fi")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt.marginalia.yaml"]


def test_killed_writer_leaves_parsable_file(tmp_path: Path) -> None:
    """A process killed mid-way through many saves leaves a parsable sidecar."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "a.txt.marginalia.yaml"
    script = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        "from pathlib import Path\n"
        "from tests.store.test_sidecar import sample\n"
        "from tui.store import save\n"
        f"p = Path({str(path)!r})\n"
        "while True: save(p, sample(), sha256='0'*64, length=1)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    # Each save replaces the file (another inode, a later time): kill once a few saves have
    # been seen, so the writer is in the middle of many, on a loaded machine as on an idle one.
    seen: set[tuple[int, int]] = set()

    def saves_seen() -> bool:
        try:
            stat = path.stat()
            seen.add((stat.st_ino, stat.st_mtime_ns))
        except FileNotFoundError:
            pass
        return len(seen) >= 3

    try:
        wait_until(saves_seen, "three of the writer's saves", seen=lambda: f"{len(seen)} saves")
    except AssertionError:
        proc.kill()
        raise
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert read(path).annotations == sample().sorted()


span_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def annotations(draw: st.DrawFn) -> Annotations:
    def any_span() -> Span:
        start = draw(st.integers(0, 10_000))
        return Span(
            start,
            start + draw(st.integers(0, 50)),
            draw(span_text),
            draw(span_text),
            draw(span_text),
        )

    n = draw(st.integers(0, 4))
    entities = tuple(
        Entity(f"e{i}", draw(span_text), "ORG", tuple(draw(st.lists(span_text, max_size=2))))
        for i in range(n)
    )
    mentions = tuple(
        Mention(
            f"m{i}",
            any_span(),
            "ORG",
            f"e{draw(st.integers(0, n - 1))}",
            confidence=draw(st.sampled_from([0.5, 1.0])),
            status=draw(st.sampled_from(["suggested", "accepted", "rejected"])),
        )
        for i in range(draw(st.integers(0, 5) if n else st.just(0)))
    )
    claims = tuple(
        Claim(
            f"c{i}",
            any_span(),
            tuple(any_span() for _ in range(draw(st.integers(1, 3)))),
            draw(st.one_of(st.none(), st.builds(lambda: Ref(any_span(), None)))),
            review=Review(draw(st.one_of(st.none(), span_text)), draw(span_text), "by", "at"),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Annotations(entities, mentions, claims, ())


@settings(max_examples=examples(25), deadline=None)
@given(annotations())
def test_round_trip_property(ann: Annotations) -> None:
    text = dumps(ann, sha256="f" * 64, length=5)
    back = loads(text)
    assert dumps(back.annotations, sha256="f" * 64, length=5) == text
    assert back.annotations.claims == ann.sorted().claims
    assert set(back.annotations.mentions) == set(ann.mentions)


def test_new_sidecar_has_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.marginalia.yaml"
    old = os.umask(0o022)
    try:
        save(path, sample(), sha256="0" * 64, length=1)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o640)
    save(path, Annotations(), sha256="0" * 64, length=1)
    assert path.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


def test_unquoted_false_verdict_means_the_verdict_false() -> None:
    text = dumps(sample(), sha256="0" * 64, length=1).replace("verdict: verified", "verdict: false")
    assert loads(text).annotations.claims[0].review.verdict == "false"


def test_extractor_version_is_recorded_and_optional() -> None:
    text = dumps(sample(), sha256="ab" * 32, length=len(TEXT), name="a.txt", extractor="x1-abc")
    assert "\nextractor: x1-abc\n" in text
    assert loads(text).extractor == "x1-abc"
    assert loads(text) == replace(loads(text), extractor="x1-abc")
    # a file without the key (every sidecar written before it existed) reads as before
    plain = dumps(sample(), sha256="ab" * 32, length=len(TEXT), name="a.txt")
    assert "extractor" not in plain
    side = loads(plain)
    assert side.extractor is None and side.annotations == loads(text).annotations

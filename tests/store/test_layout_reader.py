"""The exact-layout sidecar reader agrees with the general path, or steps aside (None)."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.test_sidecar import sample
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
from tui.store import SidecarError, dumps, fastyaml, layout_reader, loads
from tui.store import sidecar as sidecar_module

# Texts that stress the value forms: quotes, escapes, typed-looking words, indicators.
tricky = st.sampled_from(
    ["", "no", "No way", "Turkey", "null", "~", "123", "1.5", "0x1F", "- a", "a: b", "a #b",
     "a#b", '"q"', "it's", "\\", "line\nbreak", " lead", "trail ", "yes:", "“curly”", "#", "T"]
)  # fmt: skip
text = st.one_of(tricky, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
stamp = st.sampled_from(["", "2026-11-25T10:00:00Z"])


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 5000))
    return Span(start, start + draw(st.integers(0, 40)), draw(text), draw(text), draw(text))


verdicts = st.one_of(st.none(), st.sampled_from(["false", "true", "verified"]), text)
histories = st.lists(st.builds(ReviewChange, verdicts, text, text, stamp), max_size=2).map(tuple)


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    history = draw(histories)
    return Review(draw(verdicts), draw(text), draw(text), draw(stamp), history)


# Built once, not inside every draw: Hypothesis validates each new strategy object it meets,
# which cost about half of this test's time; the values drawn are the same.
SPANS = spans()
REVIEWED = st.one_of(st.just(Review()), reviews())
REFS = st.lists(st.builds(Ref, SPANS, st.one_of(st.none(), st.just("e0"))), max_size=2)


def _common(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "origin": draw(st.sampled_from(["auto", "user"])),
        "status": draw(st.sampled_from(["suggested", "accepted", "rejected"])),
        "confidence": draw(st.sampled_from([0.0, 0.5, 0.855, 1.0, 0.999])),
        "anchor": draw(st.sampled_from(["ok", "ok", "moved", "orphaned"])),
        "by": draw(st.one_of(st.just(""), text)),
        "at": draw(stamp),
    }


@st.composite
def annotations(draw: st.DrawFn) -> Annotations:
    n = draw(st.integers(0, 3))
    entities = tuple(
        Entity(
            f"e{i}",
            draw(text),
            draw(st.sampled_from(["ORG", "NORP", "GPE", "no"])),
            tuple(draw(st.lists(text, max_size=2))),
            draw(REVIEWED),
        )
        for i in range(n)
    )
    mentions = tuple(
        Mention(
            f"m{i}",
            draw(SPANS),
            draw(st.sampled_from(["ORG", "QUANTITY", "Off"])),
            f"e{draw(st.integers(0, n - 1))}",
            estimate=draw(st.one_of(st.none(), st.integers(0, 10**6))),
            **_common(draw),
        )
        for i in range(draw(st.integers(0, 4)) if n else 0)
    )
    claims = tuple(
        Claim(
            f"c{i}",
            draw(SPANS),
            tuple(draw(st.lists(SPANS, max_size=2))),
            draw(st.one_of(st.none(), st.builds(Ref, SPANS, st.one_of(st.none(), text)))),
            draw(st.sampled_from(["direct", "indirect"])),
            tuple(draw(st.lists(SPANS, max_size=1))),
            review=draw(REVIEWED),
            **_common(draw),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    events = tuple(
        Event(
            f"v{i}",
            draw(st.sampled_from(["Battles", "Protests"])),
            draw(st.one_of(st.just(""), text)),
            draw(SPANS),
            tuple(draw(REFS)),
            tuple(draw(REFS)),
            tuple(draw(REFS)),
            tuple(draw(REFS)),
            draw(
                st.one_of(st.none(), st.builds(Fatalities, SPANS, st.none() | st.integers(0, 99)))
            ),
            draw(st.one_of(st.none(), st.just("c0"), text)),
            review=draw(REVIEWED),
            mentions=tuple(draw(st.lists(SPANS, max_size=2))),
            **_common(draw),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return Annotations(entities, mentions, claims, events)


def _general(text: str) -> Any:
    """What the general path (fastyaml, then PyYAML; then the decoders) reads, or the error."""
    data = fastyaml.parse(text)
    try:
        if data is not None:
            try:
                return sidecar_module._sidecar(data, None, None)
            except SidecarError:
                pass
        node, data = sidecar_module._compose(text, None)
        return sidecar_module._sidecar(data, node, None)
    except SidecarError as exc:
        return exc


def _exact(text: str) -> Any:
    got = layout_reader.read(text, sidecar_module.FORMAT_VERSION)
    return None if got is None else sidecar_module.Sidecar(*got)


@settings(max_examples=50, deadline=None)
@given(annotations(), st.sampled_from(["", "a.txt", "no", "12"]), st.sampled_from([None, "x1"]))
def test_every_written_sidecar_takes_the_exact_path_and_reads_alike(
    ann: Annotations, name: str, extractor: str | None
) -> None:
    written = dumps(ann, sha256="0" * 64, length=5, name=name, extractor=extractor)
    exact = _exact(written)
    if exact is None:  # only what the writer escapes with more than a line break
        assert any(c in written for c in ("\\x", "\\u", "\\t", "\\r", "\\0", '\\"', "\\\\"))
        return
    assert exact == _general(written)
    assert dumps(exact.annotations, sha256="0" * 64, length=5, name=name, extractor=extractor) == written  # fmt: skip


EDITS = [
    lambda line: "  " + line,  # indented deeper
    lambda line: line[1:],  # indented less (or a key cut)
    lambda line: "",  # a blank line
    lambda line: line + " # note",  # a comment
    lambda line: line.replace(": ", ": '", 1) + "'",  # single quotes
    lambda line: line.replace(": ", ": !!str ", 1),  # a tag
    lambda line: line.replace(": ", ": &a ", 1),  # an anchor
    lambda line: line.replace(": ", ":  ", 1),  # two spaces
    lambda line: line.replace('"', "", 2),  # quotes dropped
    lambda line: line.replace("- ", "", 1),  # a dash dropped
    lambda line: line.rsplit(": ", 1)[0] + ": no",  # a typed word
    lambda line: line.rsplit(": ", 1)[0] + ": 0x1F",
    lambda line: line.rsplit(": ", 1)[0] + ": -3",
    lambda line: line.rsplit(": ", 1)[0] + ": 1.5",
    lambda line: line.rsplit(": ", 1)[0] + ": ~",
    lambda line: line.rsplit(": ", 1)[0] + ":",
    lambda line: line.rsplit(": ", 1)[0] + ': "a\\tb"',
    lambda line: line.rsplit(": ", 1)[0] + ": m1",  # a repeated id
    lambda line: line.rsplit(": ", 1)[0] + ": maybe",
    lambda line: line + "\n" + line,  # the line twice (a repeated key)
    lambda line: line.replace("start", "end", 1),
]


@settings(max_examples=250, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, len(EDITS) - 1), st.integers(0, 2))
def test_a_hand_edited_line_reads_alike_or_goes_the_general_way(
    where: int, edit: int, swap: int
) -> None:
    lines = dumps(sample(), sha256="0" * 64, length=200, name="a.txt").split("\n")
    i = where % (len(lines) - 1)
    lines[i] = EDITS[edit](lines[i])
    if swap == 1 and i + 1 < len(lines) - 1:  # and with its next line swapped
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    text = "\n".join(lines)
    exact = _exact(text)
    if exact is not None:  # never accepts what the general path refuses, never differs
        assert exact == _general(text)


def test_the_sample_takes_the_exact_path() -> None:
    written = dumps(sample(), sha256="ab" * 32, length=200, name="a.txt", extractor="x1")
    exact = _exact(written)
    assert exact is not None and exact == loads(written)
    assert exact.annotations == sample().sorted()
    assert exact.annotations.claims[0].review.verdict == "verified"
    assert exact.annotations.claims[0].review.history[0].verdict == "disputed"
    assert exact.annotations.claims[0].review.note == "Checked with AP.\nTwo lines."
    assert exact.name == "a.txt" and exact.extractor == "x1" and exact.length == 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("marginalia: 2", "marginalia: 3"), "written by a newer Marginalia"),
        (lambda t: t.replace("id: m2", "id: m1"), "duplicate id 'm1'"),
        (lambda t: t.replace("status: rejected", "status: maybe"), "is not one of"),
        (lambda t: t.replace("start: 4\n", "start: yes\n", 1), "expected an integer"),
    ],
)
def test_problems_are_left_to_the_general_path_and_reported_as_before(
    change: Any, message: str
) -> None:
    text = change(dumps(sample(), sha256="0" * 64, length=200))
    assert _exact(text) is None
    with pytest.raises(SidecarError, match=message):
        loads(text)

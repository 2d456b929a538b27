"""The values' direct builders (``Span.of``, ``Mention.suggested``,
``Claim.suggested``) build what the
dataclass constructors build, every field set."""

from __future__ import annotations

from dataclasses import fields

import pytest

from tui.model import CONTEXT, Claim, Mention, Ref, Span

TEXT = "On Monday " + "x" * 40 + " rebels seized Aleppo airport, " + "y" * 40


def test_span_of_equals_the_constructor() -> None:
    start = TEXT.index("Aleppo")
    end = start + len("Aleppo")
    span = Span.of(TEXT, start, end)
    assert span == Span(
        start, end, "Aleppo", TEXT[start - CONTEXT : start], TEXT[end : end + CONTEXT]
    )
    assert span.text == "Aleppo" and len(span.prefix) == CONTEXT
    # at the text's edges the context is what there is
    assert Span.of(TEXT, 0, 2) == Span(0, 2, "On", "", TEXT[2 : 2 + CONTEXT])


def test_span_of_refuses_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError):
        Span.of(TEXT, 5, len(TEXT) + 1)
    with pytest.raises(ValueError):
        Span.of(TEXT, 7, 6)


@pytest.mark.parametrize("estimate", [None, 300])
def test_suggested_mention_equals_the_constructor(estimate: int | None) -> None:
    span = Span.of(TEXT, 3, 9)
    built = Mention.suggested("m4", span, "DATE", "e2", 0.85, estimate)
    expected = Mention("m4", span, "DATE", "e2", "auto", "suggested", 0.85, estimate=estimate)
    assert built == expected
    # every field is set (an unset slot would raise here), and to the constructor's value
    for f in fields(Mention):
        assert getattr(built, f.name) == getattr(expected, f.name)
    assert built.origin == "auto" and built.status == "suggested" and built.anchor == "ok"


@pytest.mark.parametrize("with_source", [False, True])
def test_suggested_claim_equals_the_constructor(with_source: bool) -> None:
    cue = Span.of(TEXT, TEXT.index("seized"), TEXT.index("seized") + 6)
    content = (Span.of(TEXT, TEXT.index("Aleppo"), TEXT.index(",")),)
    source = Ref(Span.of(TEXT, TEXT.index("rebels"), TEXT.index("rebels") + 6), "e1")
    src = source if with_source else None
    hedges = (Span.of(TEXT, 0, 2),)
    built = Claim.suggested("c3", cue, content, src, "direct", hedges, 0.7)
    expected = Claim("c3", cue, content, src, "direct", hedges, confidence=0.7)
    assert built == expected
    # every field is set (an unset slot would raise here), and to the constructor's value
    for f in fields(Claim):
        assert getattr(built, f.name) == getattr(expected, f.name)
    assert built.origin == "auto" and built.status == "suggested" and built.by == ""

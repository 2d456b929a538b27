"""Re-anchoring stored annotations after the article's text changed.

Each span keeps its quote and ~32 characters of prefix/suffix (the W3C
TextQuoteSelector idea hypothes.is uses). A span keeps its offsets when the text
there still matches; else it moves to the occurrence of its quote that best agrees
with its prefix and suffix and lies nearest its old place; else it is orphaned:
kept with its old offsets, never dropped, for the reviewer to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from tui.model import Anchor, Annotations, Claim, Event, Fatalities, Mention, Ref, Span

MAX_CANDIDATES = 10_000  # a quote found more often than this is matched among the first ones
_RANK = {"ok": 0, "moved": 1, "orphaned": 2}


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """Ids of the items that moved, and of those that could not be placed."""

    moved: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def reanchor_span(span: Span, text: str) -> tuple[Span, Anchor]:
    """Where ``span`` belongs in ``text`` now, and whether it stayed, moved or is lost."""
    if span.end <= len(text) and text[span.start : span.end] == span.text:
        if (
            text[max(0, span.start - len(span.prefix)) : span.start] == span.prefix
            and text[span.end : span.end + len(span.suffix)] == span.suffix
        ):
            return span, "ok"
        return Span.of(text, span.start, span.end), "ok"  # same place; refresh the context
    if not span.text:
        return span, "orphaned"
    best: tuple[float, int] | None = None
    pos = text.find(span.text)
    seen = 0
    size = max(len(text), 1)
    while pos >= 0 and seen < MAX_CANDIDATES:
        before = text[max(0, pos - len(span.prefix)) : pos]
        after = text[pos + len(span.text) : pos + len(span.text) + len(span.suffix)]
        context = _common_suffix(span.prefix, before) + _common_prefix(span.suffix, after)
        # Context dominates; nearness (up to 8 characters' worth) breaks ties.
        score = context + 8 * (1 - abs(pos - span.start) / size)
        if best is None or score > best[0]:
            best = (score, pos)
        seen += 1
        pos = text.find(span.text, pos + 1)
    if best is None:
        return span, "orphaned"
    return Span.of(text, best[1], best[1] + len(span.text)), "moved"


class _Anchorer:
    """Re-anchors the spans of one item, remembering the worst outcome."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.state: Anchor = "ok"

    def span(self, s: Span) -> Span:
        new, state = reanchor_span(s, self.text)
        if _RANK[state] > _RANK[self.state]:
            self.state = state
        return new

    def ref(self, r: Ref) -> Ref:
        return replace(r, span=self.span(r.span))

    def refs(self, rs: tuple[Ref, ...]) -> tuple[Ref, ...]:
        return tuple(self.ref(r) for r in rs)


T = TypeVar("T", Mention, Claim, Event)


def _finish(item: T, new: T, a: _Anchorer, moved: list[str], orphaned: list[str]) -> T:
    if a.state == "orphaned":
        orphaned.append(item.id)
        return replace(item, anchor="orphaned")  # keep the old spans: never lose the quote
    if a.state == "moved" or item.anchor == "moved":
        moved.append(item.id)
        return replace(new, anchor="moved")
    return replace(new, anchor="ok")


def reanchor(ann: Annotations, text: str) -> tuple[Annotations, AnchorReport]:
    """All annotations placed on ``text``; items keep their ids whatever happens."""
    moved: list[str] = []
    orphaned: list[str] = []
    mentions = []
    for m in ann.mentions:
        a = _Anchorer(text)
        mentions.append(_finish(m, replace(m, span=a.span(m.span)), a, moved, orphaned))
    claims = []
    for c in ann.claims:
        a = _Anchorer(text)
        new = replace(
            c,
            cue=a.span(c.cue),
            content=tuple(a.span(s) for s in c.content),
            source=a.ref(c.source) if c.source is not None else None,
            hedges=tuple(a.span(s) for s in c.hedges),
        )
        claims.append(_finish(c, new, a, moved, orphaned))
    events = []
    for e in ann.events:
        a = _Anchorer(text)
        fat = e.fatalities
        new = replace(
            e,
            trigger=a.span(e.trigger),
            mentions=tuple(a.span(s) for s in e.mentions),
            actors=a.refs(e.actors),
            targets=a.refs(e.targets),
            location=a.refs(e.location),
            time=a.refs(e.time),
            fatalities=Fatalities(a.span(fat.span), fat.estimate) if fat is not None else None,
        )
        events.append(_finish(e, new, a, moved, orphaned))
    result = replace(ann, mentions=tuple(mentions), claims=tuple(claims), events=tuple(events))
    return result.sorted(), AnchorReport(tuple(moved), tuple(orphaned))

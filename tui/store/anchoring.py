"""Re-anchoring stored annotations after the article's text changed.

Each span keeps its quote and ~32 characters of prefix/suffix (the W3C
TextQuoteSelector that hypothes.is anchors by). The rules, in order:

1. A span stays or moves with its neighbours: it is kept at its old offsets, or
   at the offsets its nearest re-anchored neighbour moved it to, when its quote is
   there with a whole side of its context (folded: quote marks, dashes and
   whitespace do not count). A word that merely happens to sit at the old offsets
   is not enough.
2. Else it goes where the text around it says it is (:mod:`tui.store.locate`):
   its quote, or a slightly edited quote (a typo fixed), held by its context; or,
   for a long unchanged quote (about ten words) that occurs exactly once, where
   that quote is, even when the text on both sides of it was rewritten.
   When several places fit equally, only a neighbour's shift may choose one.
3. Else it is orphaned: kept with its old offsets and quote, listed for the
   reviewer, never moved onto a look-alike.

Items move as wholes: a claim or event is orphaned when any of its spans is, or
when its spans land far apart. Two items never land on the same text unless they
shared it before: when a re-anchored span would take text another item's span
also claims with a different shift, the one with clearly better evidence keeps it
and the other is orphaned (both, when neither is clearly better).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tui.model import Anchor, Annotations, Claim, Event, Mention, Span
from tui.store.item_spans import spans_of, with_spans
from tui.store.locate import Locator
from tui.store.place_evidence import (
    MARGIN,
    MIN_SIDE,
    Candidate,
    Quote,
    contenders,
    contradicts,
    two_sided,
)

_RECENT = 4  # shifts remembered as hints for the next span
_TOGETHER = 200  # parts of an item closer than this (characters) must move together

NOT_FOUND = "its text is no longer in the article"
AMBIGUOUS = "its text fits several places equally"
SPLIT = "its parts landed far apart"
TAKEN = "another item landed on the same text"


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """Ids of the items that moved, of those that could not be placed, and why."""

    moved: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    edited: tuple[str, ...] = ()  # moved items whose quoted words changed (a typo fixed)
    reasons: tuple[tuple[str, str], ...] = field(default=())  # (orphaned id, why)

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.orphaned)

    def reason(self, item_id: str) -> str | None:
        return next((why for i, why in self.reasons if i == item_id), None)


@dataclass(slots=True)
class _Place:
    """Where one stored span landed (original offsets), and on what evidence."""

    start: int
    end: int
    edits: int  # edits to the quote's folded words (0: the same words)
    folded: tuple[int, int] | None  # folded offsets, when known (for scoring later)


class _Anchorer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.loc = Locator(text)
        self.recent: list[int] = [0]  # most recent shift first

    # ---------------------------------------------------------- one span

    def at_hint(self, span: Span) -> _Place | None:
        """Rule 1: the span at its old offsets or shifted as its neighbours were."""
        text, q = self.text, span.text
        if not q:
            return None
        for delta in self.recent:
            h = span.start + delta
            if h < 0 or not text.startswith(q, h):
                continue
            p_ok = (
                bool(span.prefix)
                and h >= len(span.prefix)
                and text.startswith(span.prefix, h - len(span.prefix))
            )
            s_ok = bool(span.suffix) and text.startswith(span.suffix, h + len(q))
            if p_ok and s_ok:
                return _Place(h, h + len(q), 0, None)
            if "\n\n" in q:
                continue  # each paragraph the quote spans needs its own context
            if (p_ok and _near_before(span.prefix) >= MIN_SIDE) or (
                s_ok and _near_after(span.suffix) >= MIN_SIDE
            ):
                # one side agrees; the other may have been edited, but not replaced
                place = _Place(h, h + len(q), 0, None)
                c = self.candidate(span, place)
                if not contradicts(c, before=s_ok):
                    return place
        return None

    def at_hint_folded(self, quote: Quote) -> _Place | None:
        folded = self.loc.folded
        for delta in self.recent:
            f = folded.to_folded(quote.span.start + delta)
            if self.loc.exact_at(quote, f):
                c = self.loc.candidate(quote, f, f + len(quote.fq), 0)
                if not contradicts(c, before=True) and not contradicts(c, before=False):
                    return self.place(c)
        return None

    def place(self, c: Candidate) -> _Place:
        folded = self.loc.folded
        return _Place(
            folded.to_original(c.start),
            folded.end_to_original(c.end),
            c.quote_edits,
            (c.start, c.end),
        )

    def remember(self, span: Span, place: _Place) -> None:
        delta = place.start - span.start
        if delta in self.recent:
            self.recent.remove(delta)
        self.recent.insert(0, delta)
        del self.recent[_RECENT:]

    def candidate(self, span: Span, place: _Place) -> Candidate:
        if place.folded is None:
            f = self.loc.folded
            place.folded = (f.to_folded(place.start), f.to_folded(place.end))
        return self.loc.candidate(Quote(span), *place.folded)

    def score(self, span: Span, place: _Place) -> float:
        """The evidence for ``place`` (quote and context agreement)."""
        return self.candidate(span, place).score


def _near_before(prefix: str) -> int:
    """Characters of ``prefix`` in the quote's own paragraph (after the last blank line)."""
    i = prefix.rfind("\n\n")
    return len(prefix) if i < 0 else len(prefix) - i - 2


def _near_after(suffix: str) -> int:
    i = suffix.find("\n\n")
    return len(suffix) if i < 0 else i


def _locate_all(
    a: _Anchorer, spans: Sequence[Span], stale: set[Span]
) -> tuple[dict[Span, _Place], dict[Span, str]]:
    """Place every distinct span; ``stale`` spans (orphaned before) give no hints."""
    placed: dict[Span, _Place] = {}
    lost: dict[Span, str] = {}
    deferred: list[tuple[Span, list[Candidate]]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if span not in stale:
            place = a.at_hint(span)
            quote = Quote(span)
            if place is None:
                place = a.at_hint_folded(quote)
            if place is not None:
                placed[span] = place
                a.remember(span, place)
                continue
        else:
            quote = Quote(span)
        hits = a.loc.full_context_hits(quote)
        if hits is not None and len(hits) == 1:
            c = a.loc.candidate(quote, hits[0], hits[0] + len(quote.fq), 0)
            if a.loc.credible(quote, c):
                placed[span] = a.place(c)
                if span not in stale:
                    a.remember(span, placed[span])
                continue
        lone = a.loc.alone(quote)
        if lone is not None:
            placed[span] = a.place(lone)
            if span not in stale:
                a.remember(span, placed[span])
            continue
        found = a.loc.candidates(quote)
        # A place its neighbours did not move it to must agree with the text on both
        # sides: one side alone may be a look-alike that an edit gave the same context.
        found = [
            c
            for c in found
            if (span not in stale and a.place(c).start - span.start in a.recent) or two_sided(c)
        ]
        if not found:
            lost[span] = NOT_FOUND
            continue
        close = contenders(found)
        if len(close) == 1:
            placed[span] = a.place(found[0])
            if span not in stale:
                a.remember(span, placed[span])
        else:
            deferred.append((span, close))
    # Places the text alone cannot tell apart: a neighbour's shift may choose one.
    if deferred:
        anchors = sorted((s.start, p.start - s.start) for s, p in placed.items() if s not in stale)
        for span, close in deferred:
            shifts = _neighbour_shifts(anchors, span.start)
            fitting = [c for c in close if a.place(c).start - span.start in shifts]
            if len(fitting) == 1 and span not in stale:
                placed[span] = a.place(fitting[0])
            else:
                lost[span] = AMBIGUOUS
    return placed, lost


def _neighbour_shifts(anchors: list[tuple[int, int]], start: int) -> set[int]:
    i = bisect_left(anchors, (start, -(1 << 62)))
    out = set()
    if i > 0:
        out.add(anchors[i - 1][1])
    if i < len(anchors):
        out.add(anchors[i][1])
    return out


def _coherent(spans: list[Span], places: list[_Place]) -> bool:
    """Did the item's parts that sat together keep their order and roughly their distances?

    Parts within a couple of sentences of each other (a claim's source, cue and
    content) must move together. Parts further apart (an incident reported again
    paragraphs later) may move apart, as their paragraphs may.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, spans[i].end))
    group: list[int] = []
    for i in order:
        if group and spans[i].start - max(spans[j].end for j in group) > _TOGETHER:
            if not _moved_together(spans, places, group):
                return False
            group = []
        group.append(i)
    return _moved_together(spans, places, group)


def _moved_together(spans: list[Span], places: list[_Place], group: list[int]) -> bool:
    if len(group) < 2:
        return True
    starts = [places[i].start for i in group]  # in old order
    if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
        return False
    deltas = [places[i].start - spans[i].start for i in group]
    extent = max(spans[i].end for i in group) - min(spans[i].start for i in group)
    slack = 64 + extent // 2 + sum(places[i].edits for i in group)
    return max(deltas) - min(deltas) <= slack


def _collisions(
    a: _Anchorer, owners: dict[Span, set[int]], placed: dict[Span, _Place]
) -> dict[int, str]:
    """Items to orphan because they landed on text another item's span claims differently."""
    rows = sorted(
        ((p.start, p.end, s) for s, p in placed.items() if owners.get(s)),
        key=lambda r: (r[0], r[1]),
    )
    losers: dict[int, str] = {}
    active: list[tuple[int, int, Span]] = []
    for start, end, span in rows:
        active = [r for r in active if r[1] > start]
        for _, _, other in active:
            if owners[span] == owners[other] or owners[span] & owners[other]:
                continue  # parts of one item
            p, o = placed[span], placed[other]
            moved_apart = (p.start - o.start) - (span.start - other.start)
            if abs(moved_apart) <= p.edits + o.edits:
                continue  # they sat the same way before
            mine, theirs = a.score(span, p), a.score(other, o)
            if mine > theirs + MARGIN:
                for i in owners[other]:
                    losers.setdefault(i, TAKEN)
            elif theirs > mine + MARGIN:
                for i in owners[span]:
                    losers.setdefault(i, TAKEN)
            else:
                for i in owners[span] | owners[other]:
                    losers.setdefault(i, TAKEN)
        active.append((start, end, span))
    return losers


def reanchor(ann: Annotations, text: str) -> tuple[Annotations, AnchorReport]:
    """All annotations placed on ``text``; items keep their ids whatever happens."""
    items: list[Mention | Claim | Event] = [*ann.mentions, *ann.claims, *ann.events]
    if not items:
        return ann, AnchorReport()
    a = _Anchorer(text)
    item_spans = [spans_of(it) for it in items]
    stale = {
        s for it, ss in zip(items, item_spans, strict=True) if it.anchor == "orphaned" for s in ss
    }
    fresh_owned = {
        s for it, ss in zip(items, item_spans, strict=True) if it.anchor != "orphaned" for s in ss
    }
    stale -= fresh_owned  # a span an anchored item also holds is a good hint
    placed, lost = _locate_all(a, list({s for ss in item_spans for s in ss}), stale)

    why: dict[int, str] = {}
    for i, spans in enumerate(item_spans):
        gone = next((lost[s] for s in spans if s in lost), None)
        if gone is not None:
            why[i] = gone
        elif not _coherent(spans, [placed[s] for s in spans]):
            why[i] = SPLIT
    owners: dict[Span, set[int]] = {}
    for i, spans in enumerate(item_spans):
        if i not in why:
            for s in spans:
                owners.setdefault(s, set()).add(i)
    for i, reason in _collisions(a, owners, placed).items():
        why.setdefault(i, reason)

    moved: list[str] = []
    orphaned: list[str] = []
    edited: list[str] = []
    reasons: list[tuple[str, str]] = []
    out: list[Mention | Claim | Event] = []
    for i, (item, spans) in enumerate(zip(items, item_spans, strict=True)):
        if i in why:
            orphaned.append(item.id)
            reasons.append((item.id, why[i]))
            out.append(replace(item, anchor="orphaned"))  # old spans kept: the quote is never lost
            continue
        new_spans = [Span.of(text, placed[s].start, placed[s].end) for s in spans]
        same = all(
            n.start == s.start and n.end == s.end and placed[s].edits == 0
            for s, n in zip(spans, new_spans, strict=True)
        )
        state: Anchor = "ok" if same and item.anchor == "ok" else "moved"
        if state == "moved":
            moved.append(item.id)
            if any(placed[s].edits for s in spans):
                edited.append(item.id)
        out.append(replace(with_spans(item, new_spans), anchor=state))
    mentions = tuple(x for x in out if isinstance(x, Mention))
    claims = tuple(x for x in out if isinstance(x, Claim))
    events = tuple(x for x in out if isinstance(x, Event))
    result = replace(ann, mentions=mentions, claims=claims, events=events).sorted()
    report = AnchorReport(tuple(moved), tuple(orphaned), tuple(edited), tuple(reasons))
    return result, report


def reanchor_span(span: Span, text: str) -> tuple[Span, Anchor]:
    """Where ``span`` belongs in ``text`` now, and whether it stayed, moved or is lost."""
    a = _Anchorer(text)
    placed, _ = _locate_all(a, [span], set())
    place = placed.get(span)
    if place is None:
        return span, "orphaned"
    same = place.start == span.start and place.end == span.end and place.edits == 0
    return Span.of(text, place.start, place.end), "ok" if same else "moved"

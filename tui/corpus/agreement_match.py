"""Which annotation of one reviewer is the same as which of another's.

Mentions match on exact span and type, or on overlapping spans of one type; claims
as the claims benchmark matches a prediction to gold (cue spans overlap and the
content's word tokens have Dice >= 0.5, see ../shared/eval/README.md); events when
their trigger mentions overlap. Every matching is one-to-one, best pair first, so a
long span that covers two short ones counts once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tui.model import Claim, Event, Mention, Span
from tui.text.segment import tokens

DICE_MIN = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    """Item ``first`` of one list is item ``second`` of the other (indices)."""

    first: int
    second: int
    score: float


def best_first(candidates: Iterable[tuple[float, int, int]]) -> list[Match]:
    """A one-to-one matching taking the highest-scoring pairs first (ties: earliest)."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Match] = []
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append(Match(i, j, score))
    return sorted(out, key=lambda m: m.first)


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_mentions_exact(a: Sequence[Mention], b: Sequence[Mention]) -> list[Match]:
    """Mentions with the same offsets and the same type."""
    where: dict[tuple[int, int, str], list[int]] = {}
    for j, m in enumerate(b):
        where.setdefault((m.span.start, m.span.end, m.type), []).append(j)
    return best_first(
        (1.0, i, j)
        for i, m in enumerate(a)
        for j in where.get((m.span.start, m.span.end, m.type), ())
    )


def match_mentions_overlap(a: Sequence[Mention], b: Sequence[Mention]) -> list[Match]:
    """Mentions of the same type whose spans share at least one character."""
    order = sorted(range(len(b)), key=lambda j: b[j].span.start)
    candidates = []
    for i, m in enumerate(a):
        for j in order:
            other = b[j]
            if other.span.start >= m.span.end:
                break
            if other.type == m.type and _overlap(m.span, other.span) > 0:
                candidates.append((float(_overlap(m.span, other.span)), i, j))
    return best_first(candidates)


def content_words(claim: Claim) -> frozenset[int]:
    """Document offsets of the word tokens (with a letter or digit) of a claim's content.

    Tokenised from each span's own quote, so no article text is needed.
    """
    return frozenset(
        s.start + t.start
        for s in claim.content
        for t in tokens(s.text)
        if any(c.isalnum() for c in t.text)
    )


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def match_claims(a: Sequence[Claim], b: Sequence[Claim]) -> list[Match]:
    """Claims whose cues overlap and whose contents share half their words (Dice)."""
    words_a = [content_words(c) for c in a]
    words_b = [content_words(c) for c in b]
    candidates = []
    for i, ca in enumerate(a):
        for j, cb in enumerate(b):
            if _overlap(ca.cue, cb.cue) > 0:
                score = dice(words_a[i], words_b[j])
                if score >= DICE_MIN:
                    candidates.append((score, i, j))
    return best_first(candidates)


def same_source(a: Claim, b: Claim) -> bool:
    """Both unnamed, or both named with overlapping spans."""
    if a.source is None or b.source is None:
        return a.source is None and b.source is None
    return _overlap(a.source.span, b.source.span) > 0


def match_events(a: Sequence[Event], b: Sequence[Event]) -> list[Match]:
    """The same incident: some trigger mention of one overlaps one of the other's."""
    spans_b = [e.trigger_spans for e in b]
    candidates = []
    for i, ea in enumerate(a):
        mine = ea.trigger_spans
        for j, theirs in enumerate(spans_b):
            shared = sum(max(0, _overlap(x, y)) for x in mine for y in theirs)
            if shared > 0:
                candidates.append((float(shared), i, j))
    return best_first(candidates)


def units(lists: Sequence[Sequence[Claim]]) -> list[list[Claim | None]]:
    """Claims of several reviewers gathered into units: one claim per reviewer or None.

    Each reviewer's claims are matched against the units built so far (a unit stands
    for the claim of its first reviewer); a claim nobody else has is a unit of its own.
    """
    out: list[list[Claim | None]] = []
    k = len(lists)
    for r, claims in enumerate(lists):
        reps = [next(c for c in unit if c is not None) for unit in out]
        taken: set[int] = set()
        for m in match_claims(reps, claims):
            out[m.first][r] = claims[m.second]
            taken.add(m.second)
        for j, claim in enumerate(claims):
            if j not in taken:
                unit: list[Claim | None] = [None] * k
                unit[r] = claim
                out.append(unit)
    return out

"""An event's arguments as spans linked to entities (used by :mod:`tui.extract.event_build`):
a token range as a character span linked to the entity mention it overlaps most ("the
city" to the place it stands for), the refs of several mentions merged, and the claim
whose content holds a trigger."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from tui.extract.chunks import Chunk, SentenceParse
from tui.extract.place_anaphora import antecedent
from tui.model import Mention, Ref, Span

CLAIM_LOOKBACK = 16  # content spans starting before a trigger that may still hold it


def mentions_in(live: list[Mention], starts: list[int], s: int, e: int) -> list[Mention]:
    """Live entity mentions overlapping ``[s, e)`` (``starts``: their sorted starts)."""
    # mentions are short; one that starts 200 characters before a sentence cannot reach it
    near = live[bisect_left(starts, s - 200) : bisect_left(starts, e)]
    return [m for m in near if m.span.end > s]


def merged_refs(lists: list[list[Ref]]) -> list[Ref]:
    """Refs from several mentions, each thing once: not overlapping one already taken,
    nor naming an entity already named."""
    out: list[Ref] = []
    for refs in lists:
        for r in refs:
            if any(
                r.span.overlaps(o.span) or (r.entity is not None and r.entity == o.entity)
                for o in out
            ):
                continue
            out.append(r)
    return out


def claim_of(contents: list[tuple[int, int, str]], starts: list[int], trigger: Span) -> str | None:
    """The claim whose content holds the trigger (the innermost, when quotes nest)."""
    k = bisect_right(starts, trigger.start)
    for cs, ce, cid in reversed(contents[max(0, k - CLAIM_LOOKBACK) : k]):
        if cs <= trigger.start and trigger.end <= ce:
            return cid
    return None


def span_refs(
    text: str,
    chunks: list[Chunk],
    parse: SentenceParse,
    live: list[Mention],
    starts: list[int],
    types: frozenset[str],
) -> list[Ref]:
    out: list[Ref] = []
    for c in chunks:
        found = span_ref(text, c.start, c.end, parse, live, starts, types)
        if all(r.span != found.span for r in out):
            out.append(found)
    return out


def span_ref(
    text: str,
    a: int,
    b: int,
    parse: SentenceParse,
    live: list[Mention],
    starts: list[int],
    types: frozenset[str],
) -> Ref:
    """A token range as a span, linked to the entity of the mention it overlaps most."""
    toks = parse.view.toks
    span = Span.of(text, toks[a].start, toks[b - 1].end)
    best: tuple[int, str] | None = None
    for m in mentions_in(live, starts, span.start, span.end):
        if m.type not in types:
            continue
        overlap = min(m.span.end, span.end) - max(m.span.start, span.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, m.entity)
    if best is None and "GPE" in types:
        # "the city": the place named earlier that it stands for
        return Ref(span, antecedent(text, span, live, starts))
    return Ref(span, best[1] if best else None)

"""Where an event happened: the nearest "in/at/near X" phrase around its trigger (used
by :func:`tui.extract.arguments.find_arguments`). Token indices are within one sentence."""

from __future__ import annotations

from tui.extract.chunks import Chunk, SentenceParse, chunk_starting_at, with_coordinates
from tui.extract.triggers import Trigger

PLACE_AFTER = 24  # tokens after the trigger a place phrase may start
PLACE_BEFORE = 14  # ... and before it


def find_place(p: SentenceParse, t: Trigger, used: set[tuple[int, int]]) -> list[Chunk]:
    """The nearest "in/at/near X" (after the trigger first), with a wider place that
    follows it ("on a busy street in the city of Lyon")."""
    v = p.view
    preps = p.words.place_preps
    found: list[tuple[int, int, list[Chunk]]] = []  # (distance, prep index, chunks)
    for j in range(max(0, t.start - PLACE_BEFORE), min(len(v), t.end + PLACE_AFTER + 1)):
        if j > t.end and _clause_after(p, j):
            break  # "the shooting of Scott, looping the streets around the stadium"
        if not preps.opens(v.lemmas[j]):
            continue
        if j >= t.end:
            dist = j - t.end
            if dist > PLACE_AFTER:
                break
        elif t.start - j > PLACE_BEFORE:
            continue
        else:
            dist = (t.start - j) + PLACE_AFTER  # prefer places after the trigger
        chunks = _place_at(p, j, used)
        if chunks and not any(c.start <= t.start < c.end for c in chunks):
            found.append((dist, j, chunks))
    if not found:
        return []
    _, j, best = min(found, key=lambda f: f[0])
    end = best[-1].end
    wider = _place_at(p, end, used) if end < len(v) else []
    return best + wider


def _clause_after(p: SentenceParse, j: int) -> bool:
    """Does a participle clause of another verb open at ``j`` (", looping the streets
    around ...")? Its places are its own. A casualty word there ("..., killing two in
    Kabul") is the same event's, and so are its places."""
    v = p.view
    low = v.low[j]
    return (
        v.toks[j - 1].text == ","
        and low.endswith("ing")
        and len(low) > 5
        and j not in p.trigger_tokens
        and not v.is_capitalised(j)
    )


def _place_at(p: SentenceParse, j: int, used: set[tuple[int, int]]) -> list[Chunk]:
    v, w = p.view, p.words
    if not w.place_preps.opens(v.lemmas[j]):
        return []
    m = w.place_preps.match_at(v.lemmas, j)
    if m is None:
        return []
    c = chunk_starting_at(p, m.end)
    if c is None and m.end - m.start > 1:
        # "in front of 131 West 23rd Street": the chunker read "front of ..." as one
        # phrase; the place is what follows the whole preposition
        h = next((h for h in p.chunks if h.start < m.end < h.end), None)
        a = m.end
        while h is not None and a < h.end - 1 and v.low[a] in w.determiners:
            a += 1
        c = Chunk(a, h.end, h.kind) if h is not None else None
    if c is None or c.kind not in ("place", "name") or (c.start, c.end) in used:
        return []
    return with_coordinates(p, c)

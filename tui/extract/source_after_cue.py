"""The source after its cue: "..., said Smith", "..., said Rep. Jim Clyburn, a Democrat"."""

from __future__ import annotations

from tui.extract.cues import Lexicon
from tui.extract.sources import MAX_SOURCE_TOKENS, Sentence, name_link


def right_source(s: Sentence, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of the source after the cue ending at token ``k`` ('..., said Smith')."""
    n = len(s.toks)
    a = k + 1
    if a >= n:
        return None
    b = a
    while b < n and b - a < MAX_SOURCE_TOKENS:
        if s.is_boundary(b) or (s.toks[b].text in ".!?" and not s.name_stop(b)):
            break
        if b > a and s.low[b] in lex.np_stops and not name_link(s, b, lex):
            break
        if b > a and (s.low[b] in lex.time_words or s.low[b] in lex.verbs) and not s.capital(b):
            break
        b += 1
    # Weekdays are capitalised but are not the source: "said Thursday".
    while b > a and s.low[b - 1] in lex.time_words:
        b -= 1
    if b == a:
        return None
    # An appositive after the name: "said John Smith, a spokesman for the army."
    if (
        b < n - 1
        and s.toks[b].text == ","
        and (s.low[b + 1] in lex.appositive_openers or s.low[b + 1] in lex.roles)
    ):
        e = b + 1
        while e < n and not s.is_boundary(e) and (s.toks[e].text not in ".!?" or s.name_stop(e)):
            e += 1
        if e - a <= MAX_SOURCE_TOKENS:
            b = e
    return a, b

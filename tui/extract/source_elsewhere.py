"""Sources found other than by walking left from the cue: after it ("..., said Smith",
"..., said Rep. Jim Clyburn, a Democrat") and the sentence's opening subject ("Cruz
exhorted Republicans ... and said ...")."""

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


def subject_at_start(s: Sentence, k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The sentence's opening subject, when it is a pronoun or a name, before token ``k``
    ("Cruz exhorted Republicans ... and said ...")."""
    a = 0
    while a < k and s.low[a] in lex.lead_words:
        a += 1
    if a >= k:
        return None
    if s.low[a] in lex.pronouns and s.low[a] not in ("who", "it"):
        return a, a + 1
    b = a
    while (
        b < k
        and b - a < 8
        and s.low[b] not in lex.time_words
        and (s.capital(b) or name_link(s, b, lex) or s.toks[b].text == ".")
    ):
        b += 1
    while b > a and s.low[b - 1] in lex.name_links:
        b -= 1  # "The Security Council on Friday": "on" opens the date, not the name
    if b == a or b >= k or s.is_boundary(b) or s.low[a] in lex.time_words:
        return None
    return a, b

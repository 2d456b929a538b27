"""The content of a claim: what was said, on whichever side of the cue it sits.

Conventions (close to PolNeAR's gold): a direct quotation keeps its quotation marks
(and whatever punctuation the writer put inside them); reported speech drops the
complementiser "that", the cue, the source, and the comma or full stop that ends it.
A quotation split by its cue ('"X," he said, "Y"') gives two content spans; one running
over several sentences or paragraphs gives one span per paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.extract.cues import Lexicon, Verb
from tui.extract.quotes import MARKS, Quotes
from tui.extract.sources import Sentence

_TRAILING = ".,;:!?—–-― \t\n"
_MAX_PP = 10  # tokens of "in an interview with Fox News's ..." after a cue


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding space and trailing clause punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


def _next_that(s: Sentence, i: int, limit: int) -> int | None:
    """Index of "that" within ``limit`` tokens from ``i``, before any clause boundary."""
    for j in range(i, min(len(s.toks), i + limit)):
        if s.low[j] == "that":
            return j
        if s.toks[j].text in ".!?;" or s.toks[j].text in MARKS:
            return None
    return None


_PP_LINKS = frozenset({"with", "on", "to", "at", "of", "from", "’s", "'s"})


def pp_end(s: Sentence, i: int, lex: Lexicon) -> int:
    """End of the phrase saying when, where or how something was said, starting with the
    preposition at ``i`` ("on Saturday", "in a statement", "in an interview with CNN");
    ``i`` when there is none ("at least five people were killed")."""
    n = len(s.toks)
    e = i + 1
    head = False
    while e < n and e - i <= _MAX_PP:
        w = s.low[e]
        if s.is_boundary(e) or s.toks[e].text in ".!?":
            break
        if w in lex.time_words:
            while e < n and s.low[e] in lex.time_words:
                e += 1
            return e
        if w in lex.determiners:
            e += 1
        elif w in lex.manner_nouns or s.capital(e):
            head = True
            e += 1
        elif head and w in _PP_LINKS:
            e += 1
        else:
            break
    return e if head else i


def _skip_time(s: Sentence, i: int, lex: Lexicon) -> int:
    """Past the time words at ``i`` ("said Friday that"), but not into a possessive
    ("condemned Friday's test": that is content)."""
    j = i
    while j < len(s.toks) and s.low[j] in lex.time_words:
        j += 1
    if j < len(s.toks) and s.low[j] in ("’s", "'s"):
        return i
    return j


def content_start(
    s: Sentence, k: int, verb: Verb | None, lex: Lexicon, quotes: Quotes | None = None
) -> tuple[int | None, bool]:
    """Where content after the cue ending at token ``k`` begins, and whether "that" came first.

    ``None`` means there is no content after the cue (the inverted order '..., X said').
    With ``quotes``, a comma after the cue (and its time words) not opening a quotation
    also means none: 'X is wrong, lawmakers said Friday, as they ...'.
    """
    n = len(s.toks)
    i = k + 1
    if verb is not None and i < n and s.low[i] in verb.particles:
        i += 1
    if verb is not None and verb.object and i < n:
        t = _next_that(s, i, 7)
        if t is not None:
            return t + 1, True
        if s.capital(i) or s.low[i] in lex.object_pronouns or s.low[i] in lex.roles:
            i += 1
            while (
                i < n and (s.capital(i) or s.low[i] in ("’s", "'s")) and s.toks[i].text not in MARKS
            ):
                i += 1
    i = _skip_time(s, i, lex)
    if i < n and s.low[i] == "to" and verb is not None and verb.to:
        return i, False  # "vowed to punish ...": the infinitive is the content
    if i < n and s.low[i] in lex.prepositions:
        i = pp_end(s, i, lex)
    i = _skip_time(s, i, lex)
    if (
        quotes is not None
        and i + 1 < n
        and s.toks[i].text == ","
        and quotes.starting_at(s.toks[i + 1].start) is None
        and s.low[i + 1] != "that"
    ):
        return None, False
    while i < n and s.toks[i].text in (",", ":"):
        i += 1
    if i < n and s.low[i] == "that":
        return i + 1, True
    if i >= n or s.toks[i].text in ".!?":
        return None, False
    return i, False


def quote_before(text: str, s: Sentence, first: int, quotes: Quotes):
    """The quotation ending just before token ``first`` ('"Y," he said'), if any."""
    p = s.toks[first].start
    while p > s.start and text[p - 1].isspace():
        p -= 1
    if p <= 0:
        return None
    if text[p - 1] == ",":
        return quotes.ending_at(p - 1)
    return quotes.ending_at(p)


def left_content(text: str, s: Sentence, first: int, quotes: Quotes) -> list[tuple[int, int]]:
    """Content before the source or cue at token ``first``: '"Y," he said' / 'Y, he said'."""
    p = s.toks[first].start
    while p > s.start and text[p - 1].isspace():
        p -= 1
    if p <= s.start:
        return []
    q = quote_before(text, s, first, quotes)
    if q is not None:
        spans = [(x.start, x.end) for x in quotes.chain_back(q)[:-1]]
        start = min(q.start, s.start)  # a quotation that began mid-sentence: whole clause
        spans.append((start, q.end))
        return [sp for sp in spans if sp[0] < sp[1]]
    if text[p - 1] in ",—–―-":
        start, end = trim(text, s.start, p - 1)
        return [(start, end)] if start < end else []
    return []


def right_content(
    text: str, s: Sentence, i: int, limit: int, quotes: Quotes, lex: Lexicon
) -> list[tuple[int, int]]:
    """Content from token ``i`` to the end of the sentence (or ``limit``), quotations whole."""
    if i >= len(s.toks):
        return []
    start = s.toks[i].start
    end = min(limit, s.end)
    # A semicolon outside quotations ends the reported clause.
    semi = text.find(";", start, end)
    while semi != -1 and quotes.containing(semi) is not None:
        semi = text.find(";", semi + 1, end)
    if semi != -1:
        end = semi
    spans: list[tuple[int, int]] = []
    q = quotes.containing(end - 1) if end > start else None
    if q is not None and q.end > end and q.start < end:
        # A quotation running past the sentence: take it whole, and its continuations.
        chain = quotes.chain(q)
        spans.append((start, q.end))
        spans.extend((x.start, x.end) for x in chain[1:])
        return spans
    q = quotes.starting_at(start)
    if (
        q is not None
        and q.closed
        and q.end < end
        and (text[q.end - 2 : q.end - 1] in (",", "’", "'") or text[q.end : q.end + 1] == ",")
    ):
        end = q.end  # 'saying "X," when ...': the quotation is the content
    else:
        end = _clause_end(text, start, end, quotes, lex)
    start, end = trim(text, start, end)
    return [(start, end)] if start < end else []


@lru_cache(maxsize=4)
def _clause_break(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf",\s+(?:{alternation})\b")


def _clause_end(text: str, start: int, end: int, quotes: Quotes, lex: Lexicon) -> int:
    """Cut reported speech at ', although ...' and similar clauses that are the writer's."""
    pattern = _clause_break(lex.clause_breaks)
    m = pattern.search(text, start, end)
    while m is not None and quotes.containing(m.start()) is not None:
        m = pattern.search(text, m.end(), end)
    return m.start() if m is not None else end


# After an object with no verb of its own ("has not mentioned Machado since the debate",
# "had called the hearing because they felt ..."), these open the writer's adjunct
# (model_drafts.py cuts the tagger's readings the same way).
_ADJUNCT = frozenset(
    {"since", "during", "after", "before", "amid", "despite", "until", "while", "because"}
)


def object_end(
    text: str, s: Sentence, i: int, span: tuple[int, int], lex: Lexicon
) -> tuple[int, int]:
    """``span``, content from token ``i`` on, cut before a time or reason adjunct or a
    participle clause (", encouraging ...") when what comes first is a phrase: no finite
    verb, no quotation mark, not an infinitive or a clause ("to ...", "whether ...")."""
    low = s.low
    if i >= len(low) or low[i] in ("to", "that", "whether", "if", "how", "what", "why"):
        return span
    for j in range(i, len(low)):
        t = s.toks[j]
        if t.start >= span[1]:
            break
        w = low[j]
        if t.text in MARKS or w in lex.finite_verbs:
            return span
        if j > i and (w in _ADJUNCT or (low[j - 1] == "," and w.endswith("ing") and len(w) > 5)):
            start, end = trim(text, span[0], t.start)
            return (start, end) if start < end else span
    return span

"""Sentence frames of an attribution: how a cue's source and content sit around it.

One function per frame, all reading a :class:`Sentence`'s tokens:

- ``X said (that) Y`` / ``X told Z (that) Y``: source left, content right;
- ``Y, X said`` / ``"Y," said X`` / ``"Y," X said, "Z"``: content left (and right);
- ``The museum, he said, would ...``: the source interrupts the content;
- ``according to X, Y`` / ``Y, according to X``;
- ``..., adding that Y`` and ``X says A and said B``: the previous speaker again;
- ``X said:`` closing a paragraph: the content is the next paragraph (filled in later).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.extract.content import (
    content_start,
    left_content,
    object_end,
    pp_end,
    quote_before,
    right_content,
    trim,
)
from tui.extract.cues import Cue, Lexicon, Verb, find_cues
from tui.extract.quotes import MARKS, Quotes
from tui.extract.source_elsewhere import right_source, subject_at_start
from tui.extract.sources import Sentence, left_source


@dataclass(slots=True)
class Draft:
    """A claim under construction, in character offsets."""

    cue: tuple[int, int]
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    kind: str = ""
    weight: float = 0.9
    hedge_cue: bool = False
    sentence: int = 0  # index of the sentence within its paragraph
    colon: bool = False  # 'X said:' closing its paragraph; content comes next
    bare: bool = False  # 'Clinton said.' alone: the quotation before it is the content
    extra: list[tuple[int, int]] = field(default_factory=list)
    origin: str = "rule"  # "rule" (a frame of this module) or "model" (the span tagger)
    margin: float | None = None  # the cue model's score of the cue word (None: not scored)
    tag_margin: float = 0.0  # the span tagger's mean margin over the content (model only)
    agree: float | None = None  # overlap of the rule's and the tagger's content, when both read it
    within: bool = False  # the tagger's content lies inside the rule's, and is shorter


def _limits(s: Sentence, cues: list[Cue], lex: Lexicon) -> list[int]:
    """For each cue, where its right-hand content must stop: at the comma opening the
    next clause-initial cue (", adding ...", ", according to ...")."""
    out = []
    for n in range(len(cues)):
        limit = s.end
        for later in cues[n + 1 :]:
            f = later.first
            if (
                f > 0
                and s.toks[f - 1].text == ","
                and (later.according or s.low[f] in lex.participles)
            ):
                limit = s.toks[f - 1].start
                break
            if f > 0 and s.low[f - 1] in lex.coordinators and not later.according:
                limit = s.toks[f - 1].start  # "X says Y and said Z"
                break
        out.append(limit)
    return out


def _after(s: Sentence, i: int, lex: Lexicon) -> int:
    """Skip the time and place words after a cue or a source ('said Thursday in Paris')."""
    n = len(s.toks)
    while i < n:
        if s.low[i] in lex.time_words:
            i += 1
        elif s.low[i] in lex.prepositions and (e := pp_end(s, i, lex)) > i:
            i = e
        else:
            break
    return i


def _split_quote(
    text: str, s: Sentence, i: int, quotes: Quotes, lex: Lexicon, limit: int | None = None
) -> list[tuple[int, int]]:
    """The second half of a split quotation: the first quotation after token ``i``, when
    it follows a comma, colon or full stop ('"X," he said, referring to Y, "Z"'), before
    ``limit``."""
    if i >= len(s.toks):
        return []
    end = s.end if limit is None else limit
    for q in quotes.within(s.toks[i].start, end):
        p = q.start
        while p > 0 and text[p - 1].isspace():
            p -= 1
        if text[p - 1 : p] in (",", ":", ".", "?", "!"):
            return [(x.start, x.end) for x in quotes.chain(q)]
        return []
    return []


_SHORT_SUBJECT = 8  # tokens: 'The museum, he said, would ...' has a short left part


def _parenthetical(
    text: str,
    s: Sentence,
    k: int,
    left: list[tuple[int, int]],
    limit: int,
    quotes: Quotes,
    lex: Lexicon,
) -> list[tuple[int, int]]:
    """The rest of a sentence the source and cue interrupt: 'The museum, he said, would ...'."""
    if len(left) != 1 or quotes.inside(*left[0]):
        return []
    i = _after(s, k + 1, lex)
    n = len(s.toks)
    if i + 2 >= n or s.toks[i].text != ",":
        return []
    words = sum(1 for t in s.toks if left[0][0] <= t.start < left[0][1])
    if words > _SHORT_SUBJECT or s.low[i + 1] in lex.lead_words:
        return []
    return right_content(text, s, i + 1, limit, quotes, lex)


def _according(text: str, s: Sentence, c: Cue, quotes: Quotes, lex: Lexicon) -> Draft | None:
    n = len(s.toks)
    a = c.last + 1
    b = a
    while (
        b < n
        and s.toks[b].text not in (",", ";", "(", ")", ".", "!", "?", "—", "–")
        and s.toks[b].text not in MARKS
        and b - a < 20
    ):
        b += 1
    if b == a:
        return None
    source = (s.toks[a].start, s.toks[b - 1].end)
    cue = (s.toks[c.first].start, s.toks[c.last].end)
    content: list[tuple[int, int]] = []
    first = c.first
    lead = 0
    while lead < first and (s.low[lead] in lex.lead_words or s.toks[lead].text in ","):
        lead += 1
    if lead < first:
        end = s.toks[first - 1].start if s.toks[first - 1].text == "," else s.toks[first].start
        q = quotes.ending_at(end) or quotes.ending_at(end + 1)
        start = q.start if q is not None and q.start < s.start else s.start
        st, en = trim(text, start, end)
        if st < en:
            content.append((st, en))
    if b < n and s.toks[b].text == ",":
        st, en = trim(text, s.toks[b].end, s.end)
        if st < en:
            content.append((st, en))
    if not content:
        return None
    return Draft(cue, content, source, kind="according-to", weight=0.9)


def _verb(
    text: str,
    s: Sentence,
    c: Cue,
    limit: int,
    quotes: Quotes,
    lex: Lexicon,
    earlier: list[Draft],
) -> Draft | None:
    k = c.first
    verb = c.verb
    assert verb is not None
    cue = (s.toks[k].start, s.toks[k].end)
    src = left_source(s, k, lex)
    if src is not None and s.low[k] in lex.noun_forms and not _speaker_before(s, src, k, lex):
        return None
    start, had_that = content_start(s, k, verb, lex)
    inverted = start is not None and content_start(s, k, verb, lex, quotes)[0] is None
    after_comma = k > 0 and (
        s.toks[k - 1].text == "," or quote_before(text, s, k, quotes) is not None
    )
    weight = verb.weight
    participle = (
        src is None
        and k > 0
        and s.toks[k - 1].text == ","
        and (s.low[k] in lex.participles or s.low[k].endswith("ing"))
    )
    if participle:
        if start is None:
            return None
        source = earlier[-1].source if earlier else _span(s, subject_at_start(s, k, lex))
        content = right_content(text, s, start, limit, quotes, lex)
        return (
            Draft(cue, content, source, weight=weight * 0.9, hedge_cue=verb.hedge)
            if content
            else None
        )
    first = src[0] if src else k
    qb = quote_before(text, s, first, quotes)
    if (
        qb is not None
        and (src is not None or after_comma)
        and (qb.start <= s.start or start is None or inverted)
    ):
        # '"Y," X said' / '"Y," said X': the quotation is the content, whatever follows.
        source = (s.toks[src[0]].start, s.toks[src[1] - 1].end) if src else None
        after = k + 1
        if src is None:
            rsrc = right_source(s, k, lex)
            if rsrc:
                source = (s.toks[rsrc[0]].start, s.toks[rsrc[1] - 1].end)
                after = rsrc[1]
        content = left_content(text, s, first, quotes)
        content += _split_quote(text, s, after, quotes, lex, limit)
        return Draft(cue, content, source, weight=weight, hedge_cue=verb.hedge)
    if src is None and after_comma:
        # '"Y," said X' / 'Y, said X': the source follows the cue.
        rsrc = right_source(s, k, lex)
        content = left_content(text, s, k, quotes)
        if not content:
            return None
        source = (s.toks[rsrc[0]].start, s.toks[rsrc[1] - 1].end) if rsrc else None
        after = rsrc[1] if rsrc else k + 1
        content += _split_quote(text, s, after, quotes, lex, limit)
        return Draft(cue, content, source, weight=weight, hedge_cue=verb.hedge)
    if src is None and k > 0 and s.low[k - 1] in lex.coordinators:
        # "Merrill says X and said Y" / "Cruz exhorted ... and said Y": the same subject.
        source = earlier[-1].source if earlier else _span(s, subject_at_start(s, k, lex))
        if start is None or source is None:
            return None
        content = right_content(text, s, start, limit, quotes, lex)
        return Draft(cue, content, source, weight=weight, hedge_cue=verb.hedge) if content else None
    if src is None and k == 0 and (rsrc := right_source(s, k, lex)) and _bare(s, rsrc[1], lex):
        return Draft(cue, [], _span(s, rsrc), weight=weight, hedge_cue=verb.hedge, bare=True)
    if src is None and (k > 0 or not s.low[k].endswith("s")):
        # Only a headline's "Says ..." may leave its source unsaid.
        return None  # a cue with no subject we can see ("is said to", "Acknowledging ...")
    source = (s.toks[src[0]].start, s.toks[src[1] - 1].end) if src else None
    if start is None or inverted:
        # 'Y, X said' / '"Y," X said, "Z"' / 'X said:' at the end of a paragraph
        first = src[0] if src else k
        content = left_content(text, s, first, quotes)
        if content and _lead_in(text, content, quotes, lex):
            # 'During his years in office, Mr. Obama said, a majority ...': the left
            # part sets the scene; what was said follows the comma.
            i = _after(s, k + 1, lex)
            if i + 1 < len(s.toks) and s.toks[i].text == ",":
                right = right_content(text, s, i + 1, limit, quotes, lex)
                if right:
                    return Draft(cue, right, source, weight=weight, hedge_cue=verb.hedge)
        if content:
            more = _split_quote(text, s, k + 1, quotes, lex, limit) or _parenthetical(
                text, s, k, content, limit, quotes, lex
            )
            return Draft(cue, content + more, source, weight=weight, hedge_cue=verb.hedge)
        start, had_that = content_start(s, k, verb, lex)
    if start is None:
        if s.toks[-1].text == ":" or (len(s.toks) > k + 1 and s.toks[k + 1].text == ":"):
            return Draft(cue, [], source, weight=weight, hedge_cue=verb.hedge, colon=True)
        if src is not None and src[0] == 0 and _bare(s, k + 1, lex):
            return Draft(cue, [], source, weight=weight, hedge_cue=verb.hedge, bare=True)
        return None
    if verb.strict and not (
        had_that
        or _clause_follows(s, start, verb, quotes, lex)
        or (verb.evidence and src is not None and _evidence(s, src, lex))
    ):
        return None
    content = right_content(text, s, start, limit, quotes, lex)
    if not content:
        return None
    if not had_that and len(content) == 1:
        content = [object_end(text, s, start, content[0], lex)]
    if (
        src is not None
        and s.toks[start - 1].text in (",", ":")
        and quotes.starting_at(s.toks[start].start)
    ):
        # 'So when Patriot signaled ..., Mr. Barrett said, "we were floored."'
        left = left_content(text, s, src[0], quotes)
        if left and not _lead_in(text, left, quotes, lex):
            content = left + content
    return Draft(cue, content, source, weight=weight, hedge_cue=verb.hedge)


def _bare(s: Sentence, i: int, lex: Lexicon) -> bool:
    """Is nothing left of the sentence from token ``i`` but when or where it was said and
    its full stop ('Clinton said.', 'said Graham on Tuesday.')? A question or exclamation
    ends the quotation's own sentence, so the cue stands alone in the next one."""
    i = _after(s, i, lex)
    return i == len(s.toks) or (i == len(s.toks) - 1 and s.toks[i].text == ".")


def _speaker_before(s: Sentence, src: tuple[int, int], k: int, lex: Lexicon) -> bool:
    """Is the word before an ambiguous cue ("remarks", "calls") a speaker, so that the
    cue is a verb: a name, a pronoun or a role noun right before it?"""
    last = src[1] - 1
    if last != k - 1:
        return True  # a verb group in between ("has also called") makes it a verb
    w = s.low[last]
    return (
        s.capital(last)
        or w in lex.pronouns
        or w in lex.roles
        or w in lex.evidence_nouns
        or w == ")"
    )


def _span(s: Sentence, toks: tuple[int, int] | None) -> tuple[int, int] | None:
    """Character offsets of a token range."""
    return None if toks is None else (s.toks[toks[0]].start, s.toks[toks[1] - 1].end)


def _evidence(s: Sentence, src: tuple[int, int], lex: Lexicon) -> bool:
    """Is the source a poll, a study, a video ...: something that "shows" or "finds"?"""
    return any(s.low[i] in lex.evidence_nouns for i in range(*src))


def _lead_in(text: str, content: list[tuple[int, int]], quotes: Quotes, lex: Lexicon) -> bool:
    """Is this left-hand part an adverbial that opens the sentence ("In a statement",
    "During his visit") rather than something said?"""
    if len(content) != 1 or quotes.inside(*content[0]):
        return False
    first = text[content[0][0] : content[0][1]].split(maxsplit=1)[0].lower()
    return first in lex.prepositions or first in lex.scene_verbs


def _clause_follows(s: Sentence, start: int, verb: Verb, quotes: Quotes, lex: Lexicon) -> bool:
    """Does what follows a strict cue read as reported speech ("believes his efforts
    will ...", "announced it would ...", "vowed to ...", a quotation, a colon)?"""
    if start >= len(s.toks):
        return False
    if quotes.starting_at(s.toks[start].start) is not None or s.toks[start - 1].text == ":":
        return True
    if s.low[start] == "to":
        return verb.to
    if s.low[start] in lex.subject_pronouns:
        return True
    for i in range(start, min(len(s.toks), start + 8)):
        if s.is_boundary(i) or s.low[i] in lex.verbs:
            return False
        if s.low[i] in lex.finite_verbs:
            return i > start
    return False


def sentence_drafts(text: str, s: Sentence, quotes: Quotes, lex: Lexicon) -> list[Draft]:
    cues = find_cues(s.toks, lex, s.low)
    limits = _limits(s, cues, lex)
    out: list[Draft] = []
    for c, limit in zip(cues, limits, strict=True):
        if quotes.containing(s.toks[c.first].start) is not None:
            continue  # inside a quotation: the quotation is someone else's content
        if c.according:
            d = _according(text, s, c, quotes, lex)
        else:
            d = _verb(text, s, c, limit, quotes, lex, out)
        if d is not None:
            out.append(d)
    return out

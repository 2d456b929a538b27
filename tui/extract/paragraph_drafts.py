"""Candidate claims of one paragraph: the drafts each reader gives for its cue words.

Only sentences holding a cue word are tokenised. Each is read by the rule frames
(``frames.py``) and, with a learned model, by the tagger (``model_drafts.py``); then
coordinated cues are cut apart, a question before a cue is taken as its content, and
quotations run on across sentences. ``attribution.py`` gathers these drafts for the
whole document and finishes them into claims.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from tui.extract.claim_features import SentenceView
from tui.extract.claim_model import ClaimModel
from tui.extract.content import trim
from tui.extract.cues import Lexicon, lexicon, word_starts
from tui.extract.frames import Draft, sentence_drafts
from tui.extract.model_drafts import model_drafts
from tui.extract.quotes import Quote, Quotes
from tui.extract.sources import Sentence, skip_verb_group
from tui.text.segment import sentences, tokens


@lru_cache(maxsize=4)
def _cue_vocabulary(model: ClaimModel | None) -> frozenset[str]:
    words = set(lexicon().cue_words)
    if model is not None:
        words |= model.vocab
    return frozenset(words)


def _cue_words(text: str, model: ClaimModel | None) -> list[int]:
    """Offsets of every cue word in ``text``: sentences without one are never tokenised."""
    return word_starts(text, _cue_vocabulary(model))


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    k = bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end


def _starts_quote(text: str, start: int, quotes: Quotes) -> Quote | None:
    while start < len(text) and text[start].isspace():
        start += 1
    return quotes.starting_at(start)


def _paragraph(
    text: str,
    p: tuple[int, int],
    quotes: Quotes,
    lex: Lexicon,
    cue_words: list[int],
    model: ClaimModel | None,
) -> tuple[list[Draft], list[tuple[int, int]]]:
    sents = sentences(text, p[0], p[1])
    drafts: list[Draft] = []
    for n, (ss, se) in enumerate(sents):
        if not _any_between(cue_words, ss, se):
            continue
        s = Sentence.of(tokens(text, ss, se), ss, se)
        found = sentence_drafts(text, s, quotes, lex)
        if model is not None:
            view = SentenceView.of(s.toks, quotes, s.low)
            found = model_drafts(text, view, quotes, lex, model, found)
        _cut_at_coordinated_cues(text, s, found, quotes, lex)
        for d in found:
            d.sentence = n
            drafts.append(d)
            if n > 0:
                _question_before(text, d, sents[n - 1], (ss, se), quotes)
    # Quoted sentences after a direct claim, with no cue of their own, continue it:
    # the sentence's last claim, or its last direct one ('"A," said X, asking for
    # anonymity. "B."'). A cue inside a quotation does not stop it ('"B, I believe."').
    last_of: dict[int, Draft] = {}
    for d in drafts:
        if quotes.containing(d.cue[0]) is not None:
            continue
        before = last_of.get(d.sentence)
        if before is None or _ends_quoted(d, quotes) or not _ends_quoted(before, quotes):
            last_of[d.sentence] = d
    last: Draft | None = None
    reach = -1
    for n, (ss, se) in enumerate(sents):
        if n in last_of:
            last = last_of[n]
            reach = max(e for _, e in (last.content or [(0, se)]))
            continue
        if last is None or ss < reach:
            continue
        q = _starts_quote(text, ss, quotes)
        if q is None or not last.content or quotes.inside(*last.content[-1]) == 0:
            last = None
            continue
        chain = [(x.start, x.end) for x in quotes.chain(q)]
        last.extra.extend(chain)
        reach = chain[-1][1]
    return drafts, sents


def _cut_at_coordinated_cues(
    text: str, s: Sentence, found: list[Draft], quotes: Quotes, lex: Lexicon
) -> None:
    """'He says he respects Clinton and calls her “intelligent”': the content of "says"
    ends before a coordinated reporting verb, which says something of its own ("and has
    called for ..."); left in, it also made that verb's claim look nested."""
    if not found:
        return
    cuts = []
    low, verbs = s.low, lex.verbs
    # the reporting verbs found in one pass (most words are none)
    for i in [i for i in range(1, len(low)) if low[i] in verbs]:
        if s.capital(i):
            continue
        g = skip_verb_group(s, i - 1, lex)
        if g > 0 and s.low[g] in lex.coordinators:
            cuts.append(s.toks[g].start)
    # A full stop glued to the next sentence ("the authorities.Prime Minister Theresa
    # May promised"; scraped pages, PolNeAR's among them) ends what was said, on either
    # side of the cue. Segmentation reads both as one sentence.
    stops = (
        [s.toks[i].end for i in range(1, len(low) - 1) if low[i] == "." and s.glued_stop(i)]
        if "." in low[1:-1]  # most sentences have their only full stop at the end
        else []
    )
    if stops:
        stops = [x for x in stops if quotes.containing(x - 1) is None]
        cuts.extend(x - 1 for x in stops)
        for d in found:
            for n, (a, b) in enumerate(d.content):
                if b <= d.cue[0]:
                    after = [x for x in stops if a < x < b]
                    if after and (rest := trim(text, after[-1], b))[0] < rest[1]:
                        d.content[n] = rest
    if not cuts:
        return
    cuts.sort()
    for d in found:
        for n, (a, b) in enumerate(d.content):
            if a < d.cue[1]:
                continue
            cut = next((c for c in cuts if a < c < b), None)
            if cut is not None and quotes.containing(cut) is None:
                span = trim(text, a, cut)
                if span[0] < span[1]:
                    d.content[n] = span
                    del d.content[n + 1 :]
                break


def _question_before(
    text: str, d: Draft, before: tuple[int, int], sentence: tuple[int, int], quotes: Quotes
) -> None:
    """'“Who do they think they are?” Trump said in February.': the question mark ended
    the quotation's sentence, so the cue's sentence opens with its source and the reading
    took what follows the cue ('in February'). The quotation just before is what was said.
    So too for a cue sentence holding nothing else ('“Why?” Clinton said.': ``bare``),
    whatever mark ends the quotation."""
    ss, _ = sentence
    if d.colon or not (d.content or d.bare):
        return  # 'X said:' takes the next paragraph (filled in later)
    if not d.bare:
        if d.source is None or text[ss : d.source[0]].strip() or d.source[1] > d.cue[0]:
            return  # the sentence does not open with the source, then the cue
        if any(s < d.cue[1] for s, _ in d.content) or quotes.inside(*d.content[0]):
            return
    end = before[1]
    while end > before[0] and text[end - 1].isspace():
        end -= 1
    q = quotes.ending_at(end)
    if q is None or q.end - q.start < 3 or (text[q.end - 2] not in "?!" and not d.bare):
        return
    if text[before[0] : max(before[0], q.start)].strip():
        return  # the quotation is not the whole sentence: 'He asked “why?”' is his
    d.content = [(q.start, q.end)]
    d.kind = ""


def _ends_quoted(d: Draft, quotes: Quotes) -> bool:
    return bool(d.content) and quotes.inside(*d.content[-1]) > 0


def _says_something(text: str, start: int, end: int) -> bool:
    """A content span with at least one letter or digit in it."""
    return any(ch.isalnum() for ch in text[start:end])


def _continue_speaker(
    text: str, p: tuple[int, int], speaker: Draft | None, quotes: Quotes
) -> Draft | None:
    """A paragraph that is one quotation, with no cue, after a direct claim: the same
    speaker goes on ('"...," he said.' / '"And more."'). The claim it joined, or None."""
    if speaker is None:
        return None
    q = _starts_quote(text, p[0], quotes)
    if q is None or q.end < p[1] - 1:
        return None
    if any(s <= q.start < e for s, e in speaker.content + speaker.extra):
        return speaker  # already there, as part of a quotation running on
    speaker.extra.append((q.start, q.end))
    return speaker

"""Claims the learned models find in a sentence, beside the rule frames' ones.

Every candidate cue word (one the cue model knows) is scored, and the span tagger reads
its source and content. Where the frames read the same cue too, both readings are kept,
each told how far the other agrees with it, and the scorer later keeps the likelier one
(``attribution.best_per_cue``). Contents stop at the sentence, except a quotation
running on past it, which is taken whole as the frames take it.
"""

from __future__ import annotations

import re

from tui.extract.claim_features import AUX, SentenceView
from tui.extract.claim_model import ClaimModel, runs
from tui.extract.content import trim
from tui.extract.cues import Lexicon
from tui.extract.frames import Draft
from tui.extract.quotes import Quotes

_S, _C = 1, 2
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (str.isalnum), found in C


def model_drafts(
    text: str,
    view: SentenceView,
    quotes: Quotes,
    lex: Lexicon,
    model: ClaimModel,
    rule_drafts: list[Draft],
) -> list[Draft]:
    """``rule_drafts`` scored by the cue model, plus the tagger's drafts for the other
    candidate cues worth trying; in cue order."""
    by_start = {d.cue[0]: d for d in rule_drafts}
    out = list(rule_drafts)
    vocab = model.vocab
    low = view.low
    for i, w in enumerate(low):
        if w not in vocab:
            continue
        verb = lex.verbs.get(w)
        if verb is not None and i + 1 < len(low) and low[i + 1] in verb.not_before:
            continue  # the cue list knows better: "called off", "told of"
        if _before_verb(low, i, vocab):
            continue  # "reportedly said": the adverb belongs to the verb's cue
        tok = view.toks[i]
        margin = model.cue_margin(view, i, lex)
        rule = by_start.get(tok.start)
        if rule is not None:
            rule.margin = margin
        if margin < model.cue_floor:
            continue  # too unlikely a cue to be worth the tagger's time
        d = _tagged(text, view, i, quotes, model, _limit(view, i, lex, vocab))
        if d is None:
            continue
        if rule is None and not _reads_as_statement(text, view, i, d, lex):
            continue
        d.margin = margin
        if rule is not None:
            if rule.colon or not rule.content:
                continue
            # The continuations a paragraph adds later go to both readings alike.
            d.extra = rule.extra
            d.hedge_cue = rule.hedge_cue
            d.kind = rule.kind
            rule.agree = d.agree = _agreement(rule.content, d.content)
            d.within = _within(d.content, rule.content)
        else:
            d.hedge_cue = bool(verb and verb.hedge)
        out.append(d)
    out.sort(key=lambda d: (d.cue[0], d.origin != "rule"))
    return out


def _before_verb(low: list[str], i: int, vocab: frozenset[str]) -> bool:
    """Is the word at ``i`` an adverb in the verb group of a cue word after it?"""
    w = low[i]
    if not (w.endswith("ly") and len(w) > 4):
        return False
    j = i + 1
    while j < len(low) and low[j] in AUX:
        j += 1
    return j < len(low) and low[j] in vocab


# Words that make "known as" / "called" give an entity's other name, which a reviewer
# does not check as a claim. PolNeAR train marks 4 of 11 "also/once known as" as
# attributions (about as many found as wrong), and 4 of 4 after "now" or "better"
# ("the tax now known as the death tax": a label someone gives), which stay.
_FORMER_NAME = frozenset({"once", "formerly", "previously", "originally", "also"})
_CLAUSE_OPENERS = frozenset({"that", ":", "“", '"', "‘", "«"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _reads_as_statement(text: str, view: SentenceView, k: int, d: Draft, lex: Lexicon) -> bool:
    """What the cue list knows, applied to the tagger's readings: after a determiner or a
    possessive the word is a noun ("his disparaging remarks", "the claims") and states
    something only with a clause or a quotation ("the claim that ..."); a verb the list
    marks as evidence ("show", "find") needs a clause or a poll, study or record as its
    source ("Polls show ...", not "The band will show the film"). A content that is only
    a pronoun, or the "by" phrase of a passive, is not something said."""
    low = view.low
    if low[k] in ("known", "called") and k > 0 and low[k - 1] in _FORMER_NAME:
        return False  # "HTS, once known as the Nusra Front": another name, not a claim
    opener = text[d.content[0][0] : d.content[0][0] + 1]
    first = text[d.content[0][0] : d.content[0][1]].split(maxsplit=1)[0].lower()
    clause = (
        first in _CLAUSE_OPENERS
        or opener in _CLAUSE_OPENERS
        or (k + 1 < len(low) and low[k + 1] in _CLAUSE_OPENERS)
    )
    if k > 0 and low[k - 1] in lex.noun_markers and not clause:
        return False
    if d.source is not None:
        words = text[d.source[0] : d.source[1]].lower().split()
        if words and words[-1] in lex.attributive:
            return False  # "Similar questions are being prompted": no speaker, no cue
    said = " ".join(text[a:b] for a, b in d.content).lower().split()
    if all(w in lex.object_pronouns for w in said):
        return False  # "thanked them": nothing said
    if first == "by" or (k + 1 < len(low) and low[k + 1] == "by" and low[k - 1] in _BE):
        return False  # "were rejected by the court": a passive, the tagger reads it wrong
    verb = lex.verbs.get(low[k])
    if verb is not None and verb.strict and verb.evidence and not clause:
        source = text[d.source[0] : d.source[1]].lower().split() if d.source else []
        return any(w in lex.evidence_nouns for w in source) or first in lex.subject_pronouns
    return True


def _limit(view: SentenceView, k: int, lex: Lexicon, vocab: frozenset[str]) -> int:
    """Token where a reading of the cue at ``k`` must stop: before a later cue that opens
    a clause of its own ("X says A and said B", "..., adding that ...", "..., according
    to ..."), as the frames' limits do."""
    low = view.low
    for j in range(k + 2, len(low)):
        if low[j] not in vocab and low[j] not in lex.verbs:
            continue
        before = low[j - 1]
        if before in lex.coordinators or (
            before == "," and (low[j] in lex.participles or low[j] == "according")
        ):
            return j - 1
    return len(low)


def _within(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Does every span of ``a`` lie inside one of ``b``, ``a`` being the shorter?"""
    inside = all(any(s2 <= s1 and e1 <= e2 for s2, e2 in b) for s1, e1 in a)
    return inside and sum(e - s for s, e in a) < sum(e - s for s, e in b)


def _agreement(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """Dice overlap of two contents, in characters."""
    common = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    total = sum(e - s for s, e in a) + sum(e - s for s, e in b)
    return 2 * common / total if total else 0.0


def _tagged(
    text: str, view: SentenceView, k: int, quotes: Quotes, model: ClaimModel, limit: int
) -> Draft | None:
    labels, margins = model.tag(view, k, max(limit, k + 1))
    toks = view.toks
    content: list[tuple[int, int]] = []
    total, count = 0.0, 0
    for a, b in runs(labels, _C):
        if a > k and b - a > 1 and view.low[a] == "that":
            a += 1  # the complementiser is not what was said (content.py drops it too)
        if a > k:
            b = _object_end(view, a, b)
        start, end = trim(text, toks[a].start, toks[b - 1].end)
        if start < end and _ALNUM.search(text, start, end):
            content.append((start, end))
            total += sum(margins[a:b])
            count += b - a
    if not content:
        return None
    content = _whole_quotations(content, quotes)
    source = None
    best = None
    for a, b in runs(labels, _S):
        while a < b - 1 and view.low[a] in _OPENERS:
            a += 1  # "After Smith said ...": the clause's opener is not the speaker
        gap = k - b if b <= k else a - k
        if best is None or gap < best:
            best, source = gap, (toks[a].start, toks[b - 1].end)
    cue = (toks[k].start, toks[k].end)
    return Draft(cue, content, source, weight=0.9, origin="model", tag_margin=total / max(count, 1))


# Words that open an adverbial clause; no PolNeAR train source starts with one.
_OPENERS = frozenset(
    [
        "after",
        "before",
        "when",
        "since",
        "during",
        "until",
        "once",
        "if",
        "because",
        "although",
        "though",
        "unless",
    ]
)


# After an object with no verb of its own ("attacked Machado in early-morning tweets",
# "has not mentioned Machado since the debate"), these open the writer's adjunct.
_ADJUNCT = frozenset({"since", "during", "after", "before", "amid", "despite", "until", "while"})


def _object_end(view: SentenceView, a: int, b: int) -> int:
    """End of the content run ``[a, b)`` right of the cue: when it is a phrase with no
    finite verb and no quotation mark, it stops before a time adjunct or a participle
    clause (", encouraging ..."); a clause or a quotation is left whole."""
    low = view.low
    if low[a] in ("that", "to", "whether", "if") or view.verbs[b] > view.verbs[a]:
        return b
    if view.marks[b] > view.marks[a]:
        return b
    for j in range(a + 1, b):
        w = low[j]
        if w in _ADJUNCT or (low[j - 1] == "," and w.endswith("ing") and len(w) > 5):
            return j
    return b


def _whole_quotations(content: list[tuple[int, int]], quotes: Quotes) -> list[tuple[int, int]]:
    """A content ending inside a quotation that runs past it is carried to the quotation's
    end and its continuations; one starting inside a quotation opened earlier, back to
    the opening mark."""
    first_start, first_end = content[0]
    q = quotes.containing(first_start)
    if q is not None and q.start < first_start:
        spans = [(x.start, x.end) for x in quotes.chain_back(q)[:-1]]
        content = spans + [(q.start, first_end)] + content[1:]
    last_start, last_end = content[-1]
    q = quotes.containing(last_end - 1)
    if q is not None and q.end > last_end:
        chain = quotes.chain(q)
        content = content[:-1] + [(last_start, q.end)] + [(x.start, x.end) for x in chain[1:]]
    return content

"""Claims the learned models find in a sentence, beside the rule frames' ones.

Every candidate cue word (one the cue model knows) is scored. A candidate the frames
already read keeps their draft, with the score attached; one they could not read (a cue
word missing from the hand-written list, or a frame that did not fit) gets its source
and content from the span tagger. Contents stop at the sentence, except a quotation
running on past it, which is taken whole as the frames take it.
"""

from __future__ import annotations

from tui.extract.claim_features import SentenceView
from tui.extract.claim_model import ClaimModel, runs
from tui.extract.content import trim
from tui.extract.cues import Lexicon
from tui.extract.frames import Draft
from tui.extract.quotes import Quotes

_S, _C = 1, 2


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
    for i, w in enumerate(view.low):
        if w not in vocab:
            continue
        tok = view.toks[i]
        margin = model.cue_margin(view, i, lex)
        rule = by_start.get(tok.start)
        if rule is not None:
            rule.margin = margin
            continue
        if margin < model.cue_floor:
            continue
        d = _tagged(text, view, i, quotes, model)
        if d is not None:
            verb = lex.verbs.get(w)
            d.hedge_cue = bool(verb and verb.hedge)
            d.margin = margin
            out.append(d)
    out.sort(key=lambda d: d.cue[0])
    return out


def _tagged(text: str, view: SentenceView, k: int, quotes: Quotes, model: ClaimModel):
    labels, margins = model.tag(view, k)
    toks = view.toks
    content: list[tuple[int, int]] = []
    total, count = 0.0, 0
    for a, b in runs(labels, _C):
        start, end = trim(text, toks[a].start, toks[b - 1].end)
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            content.append((start, end))
            total += sum(margins[a:b])
            count += b - a
    if not content:
        return None
    content = _whole_quotations(content, quotes)
    source = None
    best = None
    for a, b in runs(labels, _S):
        gap = k - b if b <= k else a - k
        if best is None or gap < best:
            best, source = gap, (toks[a].start, toks[b - 1].end)
    cue = (toks[k].start, toks[k].end)
    return Draft(cue, content, source, weight=0.9, origin="model", tag_margin=total / max(count, 1))


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

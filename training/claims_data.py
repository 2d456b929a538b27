"""PolNeAR articles as training examples for the claim models.

Each article is split into sentences the way the extractor splits it; every gold cue is
placed on its head token (its first word that is not an auxiliary, a preposition, a
determiner, or a contracted auxiliary or an adverb before another word: "has also said" ->
"said", "is expected" -> "expected", "didn't expect" -> "expect"), and the tokens of
its sentence get span labels: S where the gold source lies, C where the content lies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from training.polnear import Article, Gold
from tui.extract.claim_features import FUNCTION_WORDS, LABELS, SentenceView, lemma
from tui.extract.claim_model import lexicon_tag
from tui.extract.cues import Lexicon
from tui.extract.quotes import Quotes
from tui.text.segment import paragraphs, sentences, tokens

S, C = LABELS.index("S"), LABELS.index("C")


@dataclass(slots=True)
class SentenceData:
    view: SentenceView
    start: int
    end: int
    heads: dict[int, Gold] = field(default_factory=dict)  # head token -> its attribution


@dataclass(slots=True)
class ArticleData:
    article: Article
    sentences: list[SentenceData]
    quotes: Quotes
    unplaced: int = 0  # gold cues with no token (empty or outside every sentence)


def head_token(view: SentenceView, cue: tuple[tuple[int, int], ...]) -> int | None:
    """The token heading a gold cue span, or None when no token lies inside it."""
    inside = [i for i, t in enumerate(view.toks) if any(s < t.end and t.start < e for s, e in cue)]
    if not inside:
        return None
    words = [i for i in inside if view.low[i] not in FUNCTION_WORDS and view.low[i][:1].isalnum()]
    for n, i in enumerate(words):
        w = view.low[i]
        # A contracted auxiliary ("didn't expect", "they're worried") or an adverb before
        # the verb ("steadfastly refuses") is not the head: the extractor reads the word
        # after it as the cue (model_drafts skips such adverbs), so heading the cue here
        # taught the cue model that "expect" after "didn't" is no cue.
        if n + 1 < len(words) and (_CONTRACTED.search(w) or _adverb(w)):
            continue
        return i
    return words[0] if words else inside[0]


_CONTRACTED = re.compile(r"n['’]t$|['’](?:d|ll|re|ve)$")


def _adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 5  # not "rally", "reply", "apply"


def prepare(article: Article) -> ArticleData:
    text = article.text
    paras = paragraphs(text)
    quotes = Quotes(text, paras)
    out: list[SentenceData] = []
    for p0, p1 in paras:
        for s0, s1 in sentences(text, p0, p1):
            toks = tokens(text, s0, s1)
            if toks:
                out.append(SentenceData(SentenceView.of(toks, quotes), s0, s1))
    starts = [s.start for s in out]
    unplaced = 0
    for g in article.golds:
        if not g.cue:
            unplaced += 1
            continue
        n = bisect_right(starts, g.cue[0][0]) - 1
        if n < 0 or g.cue[0][0] >= out[n].end:
            unplaced += 1
            continue
        k = head_token(out[n].view, g.cue)
        if k is None or k in out[n].heads:
            unplaced += 1
            continue
        out[n].heads[k] = g
    return ArticleData(article, out, quotes, unplaced)


def span_labels(view: SentenceView, k: int, gold: Gold) -> list[int]:
    """Per token: S inside the gold source, C inside the content, else O (0)."""
    labels = [0] * len(view.toks)
    for i, t in enumerate(view.toks):
        if i == k:
            continue
        if any(s < t.end and t.start < e for s, e in gold.content):
            labels[i] = C
        elif any(s < t.end and t.start < e for s, e in gold.source):
            labels[i] = S
    return labels


def vocabulary(data: list[ArticleData], min_count: int) -> frozenset[str]:
    """Word forms heading at least ``min_count`` gold cues (alphabetic ones only), and
    the other forms of the same words met in the articles ("predicts" beside "predicted")."""
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for a in data:
        for s in a.sentences:
            seen.update(s.view.low)
            for k in s.heads:
                w = s.view.low[k]
                if w.replace("-", "").isalpha() and w not in FUNCTION_WORDS:
                    counts[w] += 1
    heads = {w for w, c in counts.items() if c >= min_count}
    lemmas = {lemma(w) for w in heads}
    return frozenset(
        heads | {w for w in seen if w.isalpha() and w not in FUNCTION_WORDS and lemma(w) in lemmas}
    )


def cue_examples(
    data: list[ArticleData], vocab: frozenset[str], lex: Lexicon
) -> list[tuple[list[str], int]]:
    """(features, 1 if the word heads a gold cue else 0) for every candidate word."""
    from tui.extract.claim_features import cue_features

    out = []
    for a in data:
        for s in a.sentences:
            for i, w in enumerate(s.view.low):
                if w in vocab:
                    feats = cue_features(s.view, i, lexicon_tag(w, s.view, i, lex))
                    out.append((feats, 1 if i in s.heads else 0))
    return out

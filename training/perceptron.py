"""Averaged perceptron training for the entity tagger (tui/extract/tagger.py).

Training mirrors tagging exactly: the same features (``tui/extract/features.py``), the
same greedy left-to-right order with the tags already chosen as history, and the same
shortcut: a word that is not capitalised and holds no hyphen, after no entity, is
tagged O without being scored, so it is not trained on either (that is about two thirds
of the words, and most of the time).

Features are interned to integer rows of a numpy weight matrix; averaging uses the
usual trick of keeping, beside the weights, the sum of each update times its step
(Daume III, 2006), so no per-feature time stamps are needed. Deterministic: a seeded
shuffle, and features and rows in first-seen order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import numpy as np

from tui.extract.features import (
    NEIGHBOURS,
    PAD_LEFT,
    PAD_RIGHT,
    DocCasing,
    context_features,
    doc_casing,
    dynamic_features,
    line_places,
    own_features,
    short_shape,
)
from tui.extract.gazetteer import Gazetteer
from tui.extract.tagger import START, history_features, sentence_tokens, skipped
from tui.text.tokenize import Token

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


class Features:
    """Feature strings <-> rows, in first-seen order."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.names: list[str] = []

    def ids(self, feats: Iterable[str]) -> np.ndarray:
        index = self.index
        out = []
        for f in feats:
            k = index.get(f)
            if k is None:
                k = index[f] = len(self.names)
                self.names.append(f)
            out.append(k)
        # unique rows: one update per feature and token, whatever the feature list repeats
        return np.unique(np.array(out, dtype=np.int64))


def bio_sentences(
    text: str, spans: tuple[tuple[int, int, str], ...], sents: list[list[Token]] | None = None
) -> list[tuple[list[str], list[str]]]:
    """The document's sentences as (words, BIO tags) with gold spans mapped onto tokens
    (``sents``: ``sentence_tokens(text)``, when the caller has them already)."""
    out = []
    for sent in sentence_tokens(text) if sents is None else sents:
        words = [t.text for t in sent]
        tags = ["O"] * len(sent)
        for s, e, typ in spans:
            inside = [k for k, t in enumerate(sent) if t.start < e and t.end > s]
            if not inside:
                continue
            for n, k in enumerate(inside):
                tags[k] = ("B-" if n == 0 else "I-") + typ
        out.append((words, tags))
    return out


class Prepared:
    """Every training sentence as (words, static feature rows per token, gold tags)."""

    def __init__(self, docs, gaz: Gazetteer) -> None:
        self.features = Features()
        self.sentences: list[tuple[list[str], list[np.ndarray | None], list[int]]] = []
        index = {t: k for k, t in enumerate(TAGS)}
        own: dict[str, list[str]] = {}
        ctx: dict[tuple[int, str], list[str]] = {}
        for doc in docs:
            toks = sentence_tokens(doc.text)
            sents = bio_sentences(doc.text, doc.train_spans, toks)
            casing: DocCasing = doc_casing(
                [w for w, _ in sents], places=line_places(doc.text, toks)
            )
            for words, tags in sents:
                dyn = dynamic_features(words, casing, gaz)
                padded = [PAD_LEFT, PAD_LEFT, *words, PAD_RIGHT, PAD_RIGHT]
                rows: list[np.ndarray | None] = []
                for i, w in enumerate(words):
                    feats = own.get(w)
                    if feats is None:
                        feats = own[w] = own_features(w, gaz)
                    feats = list(feats)
                    for off in NEIGHBOURS:
                        nb = padded[i + 2 + off]
                        cf = ctx.get((off, nb))
                        if cf is None:
                            near = abs(off) == 1
                            cf = ctx[(off, nb)] = [
                                f"{off}:{x}" for x in context_features(nb, gaz, near)
                            ]
                        feats += cf
                    feats += dyn[i]
                    # a word tagging may skip is interned anyway (it may follow an entity)
                    rows.append(self.features.ids(feats))
                self.sentences.append((words, rows, [index[t] for t in tags]))
        # every history feature a tagger can meet, so the matrix size is known up front
        shapes = sorted({short_shape(w) for words, _, _ in self.sentences for w in words})
        for prev in (START, *TAGS):
            for prev2 in (START, *TAGS):
                self.features.ids(history_features(prev, prev2, ""))
            for shape in shapes:
                self.features.ids([f"t1s={prev}|{shape}"])


def train(data: Prepared, iterations: int = 8, seed: int = 7) -> tuple[list[str], np.ndarray]:
    """(feature names, averaged weights: one row per feature, one column per tag)."""
    names = data.features.names
    index = data.features.index
    n_tags = len(TAGS)
    w = np.zeros((len(names), n_tags))
    u = np.zeros((len(names), n_tags))  # sum of step * update, for averaging
    step = 0
    rng = random.Random(seed)
    order = list(range(len(data.sentences)))
    hist: dict[tuple[str, str, str], np.ndarray] = {}
    for _ in range(iterations):
        rng.shuffle(order)
        for idx in order:
            words, rows, gold = data.sentences[idx]
            prev, prev2 = START, START
            for i, word in enumerate(words):
                if skipped(prev, word):
                    prev2, prev = prev, "O"
                    continue
                step += 1
                shape = short_shape(word)
                h = hist.get((prev, prev2, shape))
                if h is None:
                    h = hist[(prev, prev2, shape)] = np.array(
                        [index[f] for f in history_features(prev, prev2, word)], dtype=np.int64
                    )
                ids = np.concatenate((rows[i], h))
                # unconstrained while training: an inside tag where BIO forbids it must be
                # corrected too, or its weights grow unchecked and swamp tagging
                scores = w[ids].sum(axis=0)
                guess = int(np.argmax(scores))  # first best on ties
                truth = gold[i]
                if guess != truth:
                    w[ids, truth] += 1.0
                    w[ids, guess] -= 1.0
                    u[ids, truth] += step
                    u[ids, guess] -= step
                prev2, prev = prev, TAGS[guess]
    return names, w - u / max(step, 1)


def export(names: list[str], weights: np.ndarray, threshold: float = 0.01) -> dict:
    """Sparse weights ({"tags", "weights": {feature: {tag index: w}}}), small ones pruned,
    rounded to keep the file small."""
    out: dict[str, dict[int, float]] = {}
    rounded = np.round(weights, 3)
    keep = np.abs(rounded) >= threshold
    for row in np.flatnonzero(keep.any(axis=1)):
        cols = np.flatnonzero(keep[row])
        out[names[row]] = {int(k): float(rounded[row, k]) for k in cols}
    return {"tags": TAGS, "weights": out}

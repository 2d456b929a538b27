"""Training the span tagger: greedy left to right, on its own earlier labels."""

from __future__ import annotations

import random

from training.claims_data import ArticleData, span_labels
from training.claims_learn import DensePerceptron, FeatureIndex, frequent
from tui.extract.claim_features import (
    LABELS,
    cue_group_features,
    cue_key,
    history_features,
    history_key,
    lemma,
    relation_features,
    relation_key,
    token_features,
    token_key,
)
from tui.extract.claim_model import WINDOW_LEFT, WINDOW_RIGHT


def _static_rows(data: list[ArticleData], index: FeatureIndex) -> list[tuple]:
    """Per gold cue: the tokens of its window, each with the ids of the features that do
    not depend on earlier labels, and its gold label. Each distinct key is featurised
    once (the same grouping the extractor caches by)."""
    memo: dict[tuple, tuple[int, ...]] = {}

    def ids(group: str, key: tuple, features) -> tuple[int, ...]:
        got = memo.get((group, key))
        if got is None:
            got = memo[(group, key)] = index(features(key))
        return got

    items = []
    for a in data:
        for s in a.sentences:
            view = s.view
            for k in sorted(s.heads):
                gold = span_labels(view, k, s.heads[k])
                cue = lemma(view.low[k])
                toks = []
                for i in range(max(0, k - WINDOW_LEFT), min(len(gold), k + WINDOW_RIGHT)):
                    if i == k:
                        toks.append(None)
                        continue
                    rk = relation_key(view, k, i)
                    static = (
                        ids("t", token_key(view, i), token_features)
                        + ids("r", rk, relation_features)
                        + ids("c", cue_key(cue, rk), cue_group_features)
                    )
                    toks.append((static, view.shapes[i], i < k, i == k + 1, gold[i]))
                items.append(toks)
    return items


def train_tagger(
    data: list[ArticleData], epochs: int, seed: int, min_count: int = 1
) -> dict[str, list[float]]:
    """Span weights learned from every gold cue's sentence in ``data``; features met
    fewer than ``min_count`` times are left out."""
    index = FeatureIndex()
    items = _static_rows(data, index)
    if min_count > 1:
        keep = frequent([t[0] for toks in items for t in toks if t is not None], min_count)
        items = [
            [None if t is None else (tuple(f for f in t[0] if f in keep), *t[1:]) for t in toks]
            for toks in items
        ]
    hist_memo: dict[tuple, tuple[int, ...]] = {}
    model = DensePerceptron(len(LABELS))
    model.grow(len(index.names))
    order = list(range(len(items)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            prev, prev2 = "O", "O"
            for tok in items[n]:
                if tok is None:
                    prev2, prev = prev, "K"
                    continue
                static, shape, left, adjacent, gold = tok
                hkey = (prev, prev2, shape, "L" if left else "R", adjacent)
                hist = hist_memo.get(hkey)
                if hist is None:
                    hist = hist_memo[hkey] = index(history_features(hkey))
                    model.grow(len(index.names))
                feats = static + hist
                guess = model.predict(feats)
                model.update(gold, guess, feats)
                prev2, prev = prev, LABELS[guess]
    return model.averaged(index.names)


__all__ = ["train_tagger", "history_key"]

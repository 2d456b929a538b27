"""Fit the name mentions' confidence calibration (``tui/extract/calibration.py``).

Rows come from training documents the tagger was not trained on: ``train_ner`` splits
the training documents into five folds and extracts each fold with a tagger trained on
the other four, so every document, GUM's included, gives rows. Each name mention found there is a row (its calibration features) with a label: is
it exactly a gold name of the same type (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC,
NORP/EVENT/LAW -> MISC)? On GUM documents NORP, EVENT and LAW mentions are left out:
GUM marks no adjectives ("Syrian" in "Syrian troops"), which CoNLL tags MISC and we tag
NORP, so there they would be judged wrong when they are not.

The fit is an L2-regularised logistic regression by Newton's method (a few dozen
features; deterministic).
"""

from __future__ import annotations

import numpy as np

from training.ner_corpora import GoldDoc
from tui.extract.calibration import CALIBRATED, UNCALIBRATED, Calibration, mention_features
from tui.extract.entities import find_mentions
from tui.extract.gazetteer import gazetteer
from tui.extract.linking import link
from tui.extract.patterns import patterns
from tui.extract.tagger import Tagger

GOLD_TYPE = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "LAW": "MISC",
}


def rows(docs: list[GoldDoc], tagger: Tagger) -> list[tuple[dict[str, float], bool]]:
    """(calibration features, right?) for every name mention found in ``docs``."""
    out = []
    for doc in docs:
        text = doc.text
        found = find_mentions(text, tagger)
        if not found:
            continue
        index, types, _ = link(text, found, gazetteer(), patterns())
        sizes = [0] * len(types)
        for e in index:
            sizes[e] += 1
        gold = set(doc.train_spans)
        for f, e in zip(found, index, strict=True):
            final = types[e]
            if final not in CALIBRATED or f.source in UNCALIBRATED:
                continue
            if GOLD_TYPE[final] == "MISC" and doc.corpus.startswith("gum"):
                continue
            x = mention_features(
                f.confidence, f.source, f.type, final, sizes[e], text[f.start : f.end]
            )
            out.append((x, (f.start, f.end, GOLD_TYPE[final]) in gold))
    return out


def fit(data: list[tuple[dict[str, float], bool]], l2: float = 1.0) -> Calibration:
    names = sorted({k for x, _ in data for k in x})
    col = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(data), len(names) + 1))
    x[:, -1] = 1.0  # bias
    for i, (feats, _) in enumerate(data):
        for k, v in feats.items():
            x[i, col[k]] = v
    y = np.array([float(ok) for _, ok in data])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return Calibration({k: round(float(w[col[k]]), 6) for k in names}, round(float(w[-1]), 6))

"""Multinomial logistic regression over sparse binary features (numpy, training only).

Deterministic: features are numbered in sorted order, mini-batches come from a seeded
generator, and every reduction is a fixed-order numpy call, so the same data gives the
same weights (and the same bytes on disk). The softmax temperature is then fitted on
held-out examples so that the shipped probabilities are calibrated.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence

import numpy as np

from tui.extract.linear import LinearModel


class Design:
    """Examples as a CSR matrix of active feature ids."""

    def __init__(self, examples: Sequence[Sequence[str]], index: dict[str, int]) -> None:
        ids: list[int] = []
        ptr = [0]
        for feats in examples:
            row = sorted({index[f] for f in feats if f in index})
            ids.extend(row)
            ptr.append(len(ids))
        self.ids = np.asarray(ids, dtype=np.int64)
        self.ptr = np.asarray(ptr, dtype=np.int64)
        self.n = len(examples)
        self.rows = np.repeat(np.arange(self.n), np.diff(self.ptr))

    def subset(self, which: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(feature ids, their row within the subset, row count) for rows ``which``."""
        lens = self.ptr[which + 1] - self.ptr[which]
        starts = self.ptr[which]
        ids = np.concatenate([self.ids[s : s + n] for s, n in zip(starts, lens, strict=True)])
        rows = np.repeat(np.arange(len(which)), lens)
        return ids, rows, np.int64(len(which))


def vocabulary(examples: Sequence[Sequence[str]], min_count: int) -> dict[str, int]:
    counts = Counter(f for feats in examples for f in set(feats))
    names = sorted(f for f, c in counts.items() if c >= min_count)
    return {f: i for i, f in enumerate(names)}


def _scores(W: np.ndarray, b: np.ndarray, ids: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    s = np.zeros((n, W.shape[1]))
    np.add.at(s, rows, W[ids])
    return s + b


def _softmax(s: np.ndarray, t: float = 1.0) -> np.ndarray:
    z = s / t
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(
    examples: Sequence[Sequence[str]],
    y: Sequence[int],
    n_labels: int,
    *,
    min_count: int = 2,
    epochs: int = 12,
    batch: int = 64,
    lr: float = 0.05,
    l2: float = 1e-4,
    seed: int = 0,
    class_weight: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Weights (features x labels) and biases by mini-batch Adam on the log loss + L2.

    ``allowed`` (examples x labels, bool): the labels each example may take; the
    softmax runs over those only, as it will when the model is used."""
    index = vocabulary(examples, min_count)
    design = Design(examples, index)
    labels = np.asarray(y, dtype=np.int64)
    W = np.zeros((len(index), n_labels))
    b = np.zeros(n_labels)
    mW, vW = np.zeros_like(W), np.zeros_like(W)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    rng = np.random.default_rng(seed)
    step = 0
    for _ in range(epochs):
        order = rng.permutation(design.n)
        for k in range(0, design.n, batch):
            which = order[k : k + batch]
            ids, rows, n = design.subset(which)
            s = _scores(W, b, ids, rows, int(n))
            if allowed is not None:
                s = np.where(allowed[which], s, -1e9)
            p = _softmax(s)
            p[np.arange(int(n)), labels[which]] -= 1.0
            if class_weight is not None:
                p *= class_weight[labels[which]][:, None]
            p /= n
            # lazy Adam: only the rows of the features in this batch move
            touched, local = np.unique(ids, return_inverse=True)
            g = np.zeros((len(touched), n_labels))
            np.add.at(g, local, p[rows])
            g += l2 * W[touched]
            gb = p.sum(axis=0)
            step += 1
            mW[touched] = beta1 * mW[touched] + (1 - beta1) * g
            vW[touched] = beta2 * vW[touched] + (1 - beta2) * g * g
            mb = beta1 * mb + (1 - beta1) * gb
            vb = beta2 * vb + (1 - beta2) * gb * gb
            c1, c2 = 1 - beta1**step, 1 - beta2**step
            W[touched] -= lr * (mW[touched] / c1) / (np.sqrt(vW[touched] / c2) + eps)
            b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return index, W, b


def predict_scores(
    index: dict[str, int], W: np.ndarray, b: np.ndarray, examples: Sequence[Sequence[str]]
) -> np.ndarray:
    design = Design(examples, index)
    return _scores(W, b, design.ids, design.rows, design.n)


def fit_temperature(scores: np.ndarray, y: Sequence[int]) -> float:
    """The softmax temperature with the least log loss on held-out ``scores``."""
    labels = np.asarray(y, dtype=np.int64)
    best = (float("inf"), 1.0)
    for t in np.arange(0.5, 4.01, 0.05):
        p = _softmax(scores, float(t))
        loss = -np.log(p[np.arange(len(labels)), labels] + 1e-12).mean()
        if loss < best[0] - 1e-12:
            best = (float(loss), round(float(t), 2))
    return best[1]


def to_model(
    labels: Sequence[str],
    index: dict[str, int],
    W: np.ndarray,
    b: np.ndarray,
    temperature: float,
    *,
    prune: float = 1e-3,
    meta: dict | None = None,
) -> LinearModel:
    """A shippable model: features whose weights all stay under ``prune`` are dropped."""
    keep = [f for f in sorted(index) if np.abs(W[index[f]]).max() >= prune]
    rows = np.asarray([index[f] for f in keep], dtype=np.int64)
    flat = W[rows].astype(np.float32).ravel() if keep else np.zeros(0, dtype=np.float32)
    return LinearModel(
        tuple(labels),
        {f: i for i, f in enumerate(keep)},
        array("f", flat.tobytes()),
        tuple(float(np.float32(x)) for x in b),
        temperature,
        meta,
    )

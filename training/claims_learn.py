"""Learners for the claim models: an averaged perceptron and a small logistic regression.

Both are deterministic: examples are visited in an order drawn from a seeded generator,
and nothing depends on hash order (features are strings, weights are lists).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence


class Perceptron:
    """Multi-class averaged perceptron over string features (one weight list per feature)."""

    def __init__(self, n_labels: int) -> None:
        self.n = n_labels
        self.w: dict[str, list[float]] = {}
        self._total: dict[str, list[float]] = {}
        self._stamp: dict[str, list[int]] = {}
        self.i = 0

    def scores(self, feats: Sequence[str]) -> list[float]:
        acc = [0.0] * self.n
        w = self.w
        for f in feats:
            vec = w.get(f)
            if vec is not None:
                for k in range(self.n):
                    acc[k] += vec[k]
        return acc

    def predict(self, feats: Sequence[str]) -> int:
        s = self.scores(feats)
        return max(range(self.n), key=lambda k: (s[k], -k))

    def _add(self, f: str, k: int, v: float) -> None:
        vec = self.w.get(f)
        if vec is None:
            vec = self.w[f] = [0.0] * self.n
            self._total[f] = [0.0] * self.n
            self._stamp[f] = [0] * self.n
        total, stamp = self._total[f], self._stamp[f]
        total[k] += (self.i - stamp[k]) * vec[k]
        stamp[k] = self.i
        vec[k] += v

    def update(self, truth: int, guess: int, feats: Sequence[str]) -> None:
        """One example seen: move weights towards ``truth`` when ``guess`` was wrong."""
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            self._add(f, truth, 1.0)
            self._add(f, guess, -1.0)

    def averaged(self, threshold: float = 1e-3) -> dict[str, list[float]]:
        """The averaged weights, features whose weights are all tiny left out."""
        out: dict[str, list[float]] = {}
        i = max(self.i, 1)
        for f in sorted(self.w):
            vec, total, stamp = self.w[f], self._total[f], self._stamp[f]
            avg = [(total[k] + (self.i - stamp[k]) * vec[k]) / i for k in range(self.n)]
            if max(abs(x) for x in avg) >= threshold:
                out[f] = avg
        return out


class FeatureIndex:
    """Feature names to dense integer ids, in order of first sight."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def __call__(self, feats: Sequence[str]) -> tuple[int, ...]:
        ids = self.ids
        out = []
        for f in feats:
            k = ids.get(f)
            if k is None:
                k = ids[f] = len(self.names)
                self.names.append(f)
            out.append(k)
        return tuple(out)


class DensePerceptron:
    """Averaged perceptron over integer feature ids, one flat weight list per label.

    The same learner as :class:`Perceptron`; scoring is ``sum(map(w.__getitem__, ids))``
    per label, which runs in C and makes training the span tagger several times faster.
    """

    def __init__(self, n_labels: int) -> None:
        self.n = n_labels
        self.w: list[list[float]] = [[] for _ in range(n_labels)]
        self._total: list[list[float]] = [[] for _ in range(n_labels)]
        self._stamp: list[list[int]] = [[] for _ in range(n_labels)]
        self.i = 0

    def grow(self, n_features: int) -> None:
        extra = n_features - len(self.w[0])
        if extra > 0:
            for k in range(self.n):
                self.w[k].extend([0.0] * extra)
                self._total[k].extend([0.0] * extra)
                self._stamp[k].extend([0] * extra)

    def predict(self, ids: Sequence[int]) -> int:
        best, top = 0, sum(map(self.w[0].__getitem__, ids))
        for k in range(1, self.n):
            s = sum(map(self.w[k].__getitem__, ids))
            if s > top:
                best, top = k, s
        return best

    def update(self, truth: int, guess: int, ids: Sequence[int]) -> None:
        self.i += 1
        if truth == guess:
            return
        i = self.i
        for k, v in ((truth, 1.0), (guess, -1.0)):
            w, total, stamp = self.w[k], self._total[k], self._stamp[k]
            for f in ids:
                total[f] += (i - stamp[f]) * w[f]
                stamp[f] = i
                w[f] += v

    def averaged(self, names: Sequence[str], threshold: float = 1e-3) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {}
        i = max(self.i, 1)
        size = len(self.w[0])
        for f, name in enumerate(names[:size]):
            avg = [
                (self._total[k][f] + (self.i - self._stamp[k][f]) * self.w[k][f]) / i
                for k in range(self.n)
            ]
            if max(abs(x) for x in avg) >= threshold:
                out[name] = avg
        return out


def frequent(rows: Sequence[Sequence[int]], min_count: int) -> set[int]:
    """Feature ids met at least ``min_count`` times (rarer ones only make the model big:
    a feature seen once or twice is a detail of one article)."""
    counts: dict[int, int] = {}
    for ids in rows:
        for f in ids:
            counts[f] = counts.get(f, 0) + 1
    return {f for f, c in counts.items() if c >= min_count}


def train_classifier(
    examples: Sequence[tuple[list[str], int]],
    n_labels: int,
    epochs: int,
    seed: int,
    min_count: int = 1,
) -> dict[str, list[float]]:
    """An averaged perceptron over independent examples (features, label)."""
    index = FeatureIndex()
    rows = [(index(feats), gold) for feats, gold in examples]
    if min_count > 1:
        keep = frequent([ids for ids, _ in rows], min_count)
        rows = [(tuple(f for f in ids if f in keep), gold) for ids, gold in rows]
    model = DensePerceptron(n_labels)
    model.grow(len(index.names))
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            ids, gold = rows[n]
            model.update(gold, model.predict(ids), ids)
    return model.averaged(index.names)


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def logistic_regression(
    rows: Sequence[dict[str, float]],
    labels: Sequence[int],
    epochs: int = 60,
    rate: float = 0.1,
    l2: float = 1e-3,
) -> dict[str, float]:
    """Weights of a logistic regression over sparse named features, by full-batch
    gradient descent (small data: a few thousand rows, a few dozen features)."""
    rows = [{f: v for f, v in r.items() if not f.startswith("_")} for r in rows]
    names = sorted({f for r in rows for f in r})
    w = dict.fromkeys(names, 0.0)
    w["bias"] = 0.0
    n = max(len(rows), 1)
    # Adagrad keeps one step size across features of very different scales.
    g2 = dict.fromkeys(w, 1e-8)
    for _ in range(epochs * 10):
        grad = dict.fromkeys(w, 0.0)
        for r, y in zip(rows, labels, strict=True):
            z = w["bias"] + sum(w[f] * v for f, v in r.items())
            err = sigmoid(z) - y
            grad["bias"] += err
            for f, v in r.items():
                grad[f] += err * v
        for f in w:
            g = grad[f] / n + (l2 * w[f] if f != "bias" else 0.0)
            g2[f] += g * g
            w[f] -= rate * g / math.sqrt(g2[f])
    return w

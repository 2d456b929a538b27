"""Averaged perceptron training for the entity tagger (tui/extract/tagger.py)."""

from __future__ import annotations

import random
from collections import defaultdict

from tui.extract.features import DocCasing, doc_casing, dynamic_features, word_features
from tui.extract.gazetteer import Gazetteer
from tui.extract.tagger import START, allowed, history_features, sentence_tokens

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


class AveragedPerceptron:
    def __init__(self, tags: list[str]) -> None:
        self.tags = tags
        self.weights: dict[str, dict[int, float]] = defaultdict(dict)
        self._totals: dict[tuple[str, int], float] = defaultdict(float)
        self._stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.i = 0
        self._allowed = {
            p: [k for k, t in enumerate(tags) if allowed(p, t)] for p in (START, *tags)
        }

    def scores(self, feats: list[str]) -> list[float]:
        acc = [0.0] * len(self.tags)
        w = self.weights
        for f in feats:
            vec = w.get(f)
            if vec:
                for k, v in vec.items():
                    acc[k] += v
        return acc

    def predict(self, feats: list[str], prev: str) -> int:
        # Unconstrained while training: an inside tag where BIO forbids it must be
        # corrected too, or its weights grow unchecked and swamp tagging.
        s = self.scores(feats)
        return max(range(len(s)), key=lambda k: (s[k], -k))

    def _upd(self, f: str, k: int, v: float) -> None:
        key = (f, k)
        w = self.weights[f].get(k, 0.0)
        self._totals[key] += (self.i - self._stamps[key]) * w
        self._stamps[key] = self.i
        self.weights[f][k] = w + v

    def update(self, truth: int, guess: int, feats: list[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            self._upd(f, truth, 1.0)
            self._upd(f, guess, -1.0)

    def average(self) -> None:
        for f, vec in self.weights.items():
            for k, w in list(vec.items()):
                key = (f, k)
                total = self._totals[key] + (self.i - self._stamps[key]) * w
                vec[k] = total / max(self.i, 1)


def bio_sentences(
    text: str, spans: tuple[tuple[int, int, str], ...]
) -> list[tuple[list[str], list[str]]]:
    """The document's sentences as (words, BIO tags) with gold spans mapped onto tokens."""
    out = []
    for sent in sentence_tokens(text):
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


def prepare(docs, gaz: Gazetteer) -> list[tuple[list[str], list[list[str]], list[int]]]:
    """(words, static features per token, gold tag indices) for every sentence."""
    index = {t: k for k, t in enumerate(TAGS)}
    data = []
    for doc in docs:
        sents = bio_sentences(doc.text, doc.train_spans)
        casing: DocCasing = doc_casing([w for w, _ in sents])
        for words, tags in sents:
            dyn = dynamic_features(words, casing, gaz)
            feats = [word_features(words, i, gaz) + dyn[i] for i in range(len(words))]
            data.append((words, feats, [index[t] for t in tags]))
    return data


def train(data, iterations: int = 8, seed: int = 7) -> AveragedPerceptron:
    model = AveragedPerceptron(TAGS)
    rng = random.Random(seed)
    order = list(range(len(data)))
    for _ in range(iterations):
        rng.shuffle(order)
        for idx in order:
            words, feats, gold = data[idx]
            prev, prev2 = START, START
            for i, word in enumerate(words):
                f = feats[i] + history_features(prev, prev2, word)
                guess = model.predict(f, prev)
                model.update(gold[i], guess, f)
                tag = TAGS[guess]
                prev2, prev = prev, tag
    model.average()
    return model


def export(model: AveragedPerceptron, threshold: float = 0.01) -> dict:
    """Weights as JSON-able data, tiny weights pruned, rounded to keep the file small."""
    weights = {}
    for f, vec in model.weights.items():
        kept = {str(k): round(v, 3) for k, v in vec.items() if abs(v) >= threshold}
        if kept:
            weights[f] = kept
    return {"tags": model.tags, "weights": weights}

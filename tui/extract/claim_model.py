"""The learned claim models (trained on PolNeAR by ``training/train_claims.py``).

- ``cue_margin``: how strongly a candidate word heads an attribution cue;
- ``tag``: for one cue, which tokens of its sentence are the source and the content;
- ``confidence``: the probability that a finished claim is right, from the scorer
  (a logistic regression fitted on held-out training articles, so it is calibrated).

Weights are package data (``tui/data/claims_model.bin``, see ``claim_weights.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from tui.data import data_bytes
from tui.extract.claim_distances import BUCKETS, REACH
from tui.extract.claim_features import (
    LABELS,
    SentenceView,
    cue_group_features,
    cue_word_features,
    cue_word_key,
    history_features,
    lemma,
    relation_features,
    token_features,
)
from tui.extract.claim_weights import ABSENT, Table, loads
from tui.extract.cues import Lexicon

MODEL_FILE = "claims_model.bin"
WINDOW_LEFT = 40  # tokens before the cue the tagger looks at
WINDOW_RIGHT = 90  # and after it
# every distance in the window is tabulated, so ``tag`` reads a bucket by index alone
assert WINDOW_LEFT <= REACH and WINDOW_RIGHT <= REACH
_CACHE_LIMIT = 100_000
_ZERO = (0.0, 0.0, 0.0)


def lexicon_tag(word: str, view: SentenceView, i: int, lex: Lexicon) -> str:
    """What the hand-written cue list says of the word at ``i`` (a cue-model feature)."""
    verb = lex.verbs.get(word)
    if word == "according" and i + 1 < len(view.low) and view.low[i + 1] == "to":
        return "acc"
    if verb is None:
        return ""
    tag = "strict" if verb.strict else "v"
    if word in lex.noun_forms:
        tag += "n"
    if verb.hedge:
        tag += "h"
    return tag


@dataclass(slots=True, eq=False)  # compared and hashed by identity (a cache key)
class ClaimModel:
    """Weights of the cue model, the span tagger and the scorer, with their caches.

    ``cue`` maps a cue feature to its weight: given whole (training), or filled as
    features are met from ``cue_table``, the file's lazily read table (extraction).
    """

    vocab: frozenset[str]
    cue: dict[str, float]
    span: Table
    scorer: dict[str, float]
    threshold: float
    cue_floor: float  # candidates scoring below this are not tried at all
    cue_table: Table | None = None
    _tok: dict = field(default_factory=dict)
    _rel: dict = field(default_factory=dict)
    _hist: dict = field(default_factory=dict)
    _cue: dict = field(default_factory=dict)
    _margins: dict = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes) -> ClaimModel:
        meta, tables = loads(data)
        return cls(
            vocab=frozenset(meta["vocab"]),
            cue={},
            span=tables["span"],
            scorer={str(k): float(v) for k, v in meta["scorer"].items()},
            threshold=float(meta["threshold"]),
            cue_floor=float(meta["cue_floor"]),
            cue_table=tables["cue"],
        )

    def cue_margin(self, view: SentenceView, i: int, lex: Lexicon) -> float:
        # one score per distinct key (news repeats "officials said" and its neighbours):
        # the 33 features and their sum were 4% of the extraction
        key = cue_word_key(view, i, lexicon_tag(view.low[i], view, i, lex))
        margin = self._margins.get(key)
        if margin is None:
            margin = self._cue_sum(cue_word_features(key))
            if len(self._margins) < _CACHE_LIMIT:
                self._margins[key] = margin
        return margin

    def _cue_sum(self, feats: list[str]) -> float:
        try:
            # nearly every feature is in the cache: summed in C, no list of weights built
            return sum(map(self.cue.__getitem__, feats))
        except KeyError:
            get = self.cue.get
            return sum(self._cue_weight(f) if (w := get(f)) is None else w for f in feats)

    def _cue_weight(self, feature: str) -> float:
        """A cue feature's weight, read from the file's table (0.0 when it has none)."""
        table = self.cue_table
        if table is None:
            return 0.0  # ``cue`` was given whole
        r = table.find(feature)
        w = 0.0 if r == ABSENT else table.values[r]
        if len(self.cue) < _CACHE_LIMIT:
            self.cue[feature] = w
        return w

    def _sum(self, feats: list[str]) -> tuple[float, float, float]:
        a = b = c = 0.0
        span = self.span
        rows, values, find = span.rows, span.values, span.find
        for f in feats:
            r = rows.get(f)
            if r is None:
                r = find(f)
            if r >= 0:
                r *= 3
                a += values[r]
                b += values[r + 1]
                c += values[r + 2]
        return (a, b, c)

    def _cached(self, cache: dict, key: tuple, features) -> tuple[float, float, float]:
        """The summed weights of ``features(key)``, remembered under ``key``."""
        vec = self._sum(features(key))
        if len(cache) < _CACHE_LIMIT:
            cache[key] = vec
        return vec

    def tag(
        self, view: SentenceView, k: int, stop: int | None = None
    ) -> tuple[list[int], list[float]]:
        """Labels (indices into LABELS) of the sentence's tokens for the cue at ``k``,
        and each label's margin over the runner-up (0 outside the window, and from
        token ``stop`` on: labels flow left to right, so those after it change nothing
        before it).

        The keys are those of ``claim_features`` (``token_key``, ``relation_key``, ...),
        built inline here: this loop is the claims stage's hottest.
        """
        n = len(view.toks)
        labels = [0] * n
        margins = [0.0] * n
        low, shapes, classes, inq = view.low, view.shapes, view.classes, view.inq
        commas, marks, colons, verbs = view.commas, view.marks, view.colons, view.verbs
        cue = lemma(low[k])
        qk = inq[k]
        last = n - 1
        that_at = n  # the first "that" within 7 tokens after the cue
        for j in range(k + 1, min(n, k + 8)):
            if low[j] == "that":
                that_at = j
                break
        tok, rel, hist, cues = self._tok, self._rel, self._hist, self._cue
        tget, rget, cget, hget = tok.get, rel.get, cues.get, hist.get
        cached = self._cached
        # the sentence padded with its ends' markers: a neighbour is one index, not a test
        lowp = ["^", *low, "$"]
        classp = ["^", *classes, "$"]
        prev, prev2 = "O", "O"
        end = min(n, k + WINDOW_RIGHT) if stop is None else min(n, k + WINDOW_RIGHT, stop)
        for i in range(max(0, k - WINDOW_LEFT), end):
            if i == k:
                prev2, prev = prev, "K"
                continue
            shape = shapes[i]
            tkey = (low[i], shape, lowp[i], lowp[i + 2], classp[i], classp[i + 2])
            t = tget(tkey) or cached(tok, tkey, token_features)
            d = i - k
            b = BUCKETS[d + REACH]
            if d < 0:
                a = i + 1
                z = k
                that = 0
                side = "L"
            else:
                a = k + 1
                z = i
                that = 1 if that_at < i else 0
                side = "R"
            c = commas[z] - commas[a]
            if c > 2:
                c = 2
            m = marks[z] - marks[a]
            if m > 2:
                m = 2
            v = verbs[z] - verbs[a]
            rkey = (
                b,
                shape,
                inq[i],
                qk,
                c,
                m,
                1 if colons[z] > colons[a] else 0,
                that,
                1 if i == 0 else (2 if i == last else 0),
                v if v < 2 else 2,
            )
            r = rget(rkey) or cached(rel, rkey, relation_features)
            ckey = (cue, b, c, m, that)
            cw = cget(ckey) or cached(cues, ckey, cue_group_features)
            hkey = (prev, prev2, shape, side, d == 1)
            h = hget(hkey) or cached(hist, hkey, history_features)
            s0 = t[0] + r[0] + cw[0] + h[0]
            s1 = t[1] + r[1] + cw[1] + h[1]
            s2 = t[2] + r[2] + cw[2] + h[2]
            if s0 >= s1 and s0 >= s2:
                best, margin = 0, s0 - (s1 if s1 > s2 else s2)
            elif s1 >= s2:
                best, margin = 1, s1 - (s0 if s0 > s2 else s2)
            else:
                best, margin = 2, s2 - (s0 if s0 > s1 else s1)
            labels[i] = best
            margins[i] = margin
            prev2, prev = prev, LABELS[best]
        return labels, margins

    def confidence(self, features: dict[str, float]) -> float:
        """The scorer's probability that a claim with these features is right."""
        w = self.scorer
        # Keys starting with "_" describe the claim to training, not to the scorer.
        get = w.get
        z = w.get("bias", 0.0) + sum([get(f, 0.0) * v for f, v in features.items() if f[0] != "_"])
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)


@lru_cache(maxsize=1)
def claim_model() -> ClaimModel:
    """The packaged model (``tui/data/claims_model.bin``)."""
    return ClaimModel.from_bytes(data_bytes(MODEL_FILE))


def runs(labels: list[int], label: int) -> list[tuple[int, int]]:
    """Maximal runs ``[a, b)`` of tokens carrying ``label``."""
    out = []
    i, n = 0, len(labels)
    while i < n:
        if labels[i] == label:
            j = i
            while j < n and labels[j] == label:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out

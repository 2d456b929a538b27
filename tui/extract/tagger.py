"""A small averaged-perceptron sequence tagger (BIO over PER, ORG, LOC, MISC).

Greedy left to right, with the two previous tags as features, as in Honnibal's
"A good part-of-speech tagger in about 200 lines of Python". Weights are package data
(``tui/data/ner_tagger.bin``, format in ``weights.py``), rebuilt by
``training/train_ner.py``. Form-only
feature weights are summed once per word form and cached, which is what makes the
tagger fast enough (tens of thousands of words a second) in pure Python.
"""

from __future__ import annotations

import math
from functools import lru_cache
from operator import add

from tui.data import data_bytes, has_data
from tui.extract.calibration import Calibration
from tui.extract.features import (
    NEIGHBOURS,
    PAD_LEFT,
    PAD_RIGHT,
    DocCasing,
    context_features,
    doc_features,
    is_headline,
    own_features,
    short_shape,
    token_dynamic,
)
from tui.extract.gazetteer import TITLE, Gazetteer, gazetteer
from tui.extract.weights import Weights, pack, unpack
from tui.text.segment import Token, dateline_end, paragraphs, sentences, tokens

WEIGHTS_FILE = "ner_tagger.bin"
# Score margins between the best and second tag run from about 1 (a coin toss) to 30+
# (certain); dividing by this before the logistic maps them onto a usable 0.5-1 range.
MARGIN_SCALE = 4.0
SURE = 0.99  # confidence given to words the tagger skips (see Tagger.tag)
START = "-START-"


def history_features(prev: str, prev2: str, word: str) -> list[str]:
    """Features of the tags already chosen (shared by training and tagging).

    The tagger builds the third from a cached shape; keep the two in step.
    """
    return ["t1=" + prev, f"t2={prev2}|{prev}", f"t1s={prev}|{short_shape(word)}"]


def skipped(prev: str, word: str) -> bool:
    """Is ``word`` tagged O unscored? A lower-case word, number or punctuation after no
    entity starts none: the tagger agrees on (nearly) all of them, and skipping them
    halves the work. Training skips the same words (``training/perceptron.py``)."""
    return (prev == "O" or prev == START) and not word[:1].isupper() and "-" not in word


def allowed(prev: str, tag: str) -> bool:
    """BIO: an inside tag continues an entity of its own type."""
    if not tag.startswith("I-"):
        return True
    return prev[2:] == tag[2:] and prev != "O" and prev != START


class Tagger:
    """Tags sentences of word strings; see :meth:`tag`.

    Scoring is a sum of weight vectors (one float per tag), each summed once and cached:
    - per word form: its own features, and its features as each of the four neighbours;
    - per document (in ``DocCasing.vectors``), per word form and position kind (first
      in the sentence or not, in a headline or not): its own vector plus its document
      features (``doc_features``) and its position and casing features
      (``token_dynamic``), which depend on nothing else;
    - per gazetteer feature set, for the few tokens inside a gazetteer phrase;
    - per (previous tag, tag before it, shape): the history features, with the tags
      BIO forbids after the previous tag set to minus infinity.
    So a scored word costs a handful of dictionary look-ups and one sum of six or seven
    short lists, and the words the tagger skips cost one test.
    """

    def __init__(self, weights: Weights, gaz: Gazetteer) -> None:
        file_tags = weights.tags
        # Vectors hold the tags in scoring order: O and the B- tags first, then the I-
        # tags. After no entity (most scored words) only the first ones are allowed, so
        # the history vector there stops after them and the sums (zip stops at the
        # shortest list) skip the I- tags entirely.
        order = sorted(range(len(file_tags)), key=lambda k: file_tags[k].startswith("I-"))
        self._order = order
        self.tags = tuple(file_tags[k] for k in order)
        n = len(self.tags)
        self._n = n
        self._outside = sum(1 for t in self.tags if allowed("O", t))
        self._zero = [0.0] * n
        self._rows = weights.rows
        self._values = weights.values
        self._gaz = gaz
        self.calibration = Calibration.from_header(weights.header.get("calibration"))
        self._own: dict[str, list[float]] = {}
        self._combo: dict[tuple[str, ...], list[float]] = {}
        self._ss: dict[str, str] = {}
        self._hist: dict[tuple[str, str, str], list[float]] = {}
        # gazetteer feature names per (labels, multi-word?, B/I): a few dozen in all
        self._gaz_names: dict[tuple[frozenset[str], bool, str], list[str]] = {}
        self._ctx: dict[int, dict[str, list[float]]] = {off: {} for off in NEIGHBOURS}

    @classmethod
    def from_sparse(
        cls,
        tags: list[str],
        weights: dict[str, dict[int, float]],
        gaz: Gazetteer,
        header: dict | None = None,
    ) -> Tagger:
        """A tagger from training's sparse weights, stored as the shipped file stores them."""
        return cls(unpack(pack(tags, weights, header or {})), gaz)

    def _sum(self, feats: list[str] | tuple[str, ...]) -> list[float]:
        """The summed weights of ``feats``, in scoring order (see ``__init__``)."""
        rows, values, n = self._rows, self._values, self._n
        acc: list[float] | None = None
        for f in feats:
            r = rows.get(f)
            if r is not None:
                row = values[r * n : r * n + n]
                acc = (
                    row.tolist() if acc is None else [a + b for a, b in zip(acc, row, strict=True)]
                )
        return list(self._zero) if acc is None else [acc[k] for k in self._order]

    def _own_vec(self, word: str) -> list[float]:
        vec = self._own.get(word)
        if vec is None:
            vec = self._sum(own_features(word, self._gaz))
            if len(self._own) < 200_000:
                self._own[word] = vec
        return vec

    def _ctx_vec(self, off: int, word: str) -> list[float]:
        cache = self._ctx[off]
        vec = cache.get(word)
        if vec is None:
            vec = self._sum(
                [f"{off}:{x}" for x in context_features(word, self._gaz, abs(off) == 1)]
            )
            if len(cache) < 200_000:
                cache[word] = vec
        return vec

    def _vec(self, feats: tuple[str, ...]) -> list[float]:
        vec = self._combo.get(feats)
        if vec is None:
            vec = self._sum(feats)
            if len(self._combo) < 100_000:
                self._combo[feats] = vec
        return vec

    def _shape(self, word: str) -> str:
        ss = self._ss.get(word)
        if ss is None:
            ss = short_shape(word)
            if len(self._ss) < 200_000:
                self._ss[word] = ss
        return ss

    def _history(self, prev: str, prev2: str, shape: str) -> list[float]:
        """History features' vector (cached), the tags BIO forbids after ``prev`` left
        out at the end (after no entity) or at minus infinity (inside one)."""
        key = (prev, prev2, shape)
        vec = self._hist.get(key)
        if vec is None:
            summed = self._sum([f"t1={prev}", f"t2={prev2}|{prev}", f"t1s={prev}|{shape}"])
            if prev == "O" or prev == START:
                vec = summed[: self._outside]
            else:
                vec = [
                    v if allowed(prev, t) else -math.inf
                    for v, t in zip(summed, self.tags, strict=True)
                ]
            self._hist[key] = vec
        return vec

    def _word_vec(self, word: str, kind: int, casing: DocCasing) -> tuple[list[float], str]:
        """A word's own, document and position vector in this document (``kind``: 1 if
        first in its sentence, + 2 in a headline), and its short shape."""
        vec = self._sum(
            (*doc_features(word, casing), *token_dynamic(word, 1 - (kind & 1), kind >= 2, casing))
        )
        vec = [a + b for a, b in zip(self._own_vec(word), vec, strict=True)]
        out = (vec, self._shape(word))
        casing.vectors[kind][word] = out
        return out

    def tag(
        self,
        words: list[str],
        casing: DocCasing,
        matches: list[tuple[int, int, frozenset[str]]] | None = None,
        headline: bool | None = None,
    ) -> list[tuple[str, float]]:
        """(tag, confidence) for each word; confidence is a squashed score margin.

        ``matches`` are the sentence's gazetteer matches when the caller has them already.
        """
        n = len(words)
        if matches is None:
            matches = self._gaz.match(words)
        gaz_vecs = self._gaz_vectors(matches, n) if matches else {}
        headline = is_headline(words) if headline is None else headline
        kind = 2 if headline else 0
        padded = [PAD_LEFT, PAD_LEFT, *words, PAD_RIGHT, PAD_RIGHT]
        ctx_vec = self._ctx_vec
        m2_cache, m1_cache, p1_cache, p2_cache = (self._ctx[off] for off in (-2, -1, 1, 2))
        tags = self.tags
        exp = math.exp
        inf = math.inf
        hist_cache = self._hist
        first_vecs = casing.vectors[kind + 1]
        word_vecs = casing.vectors[kind]
        skip = ("O", SURE)
        out: list[tuple[str, float]] = [skip] * n
        # skipped(prev, word) for every word, in two steps: the words that may open a
        # name are found in one pass; a word after a tagged one is scored whatever it is
        opens = [i for i, w in enumerate(words) if w[:1].isupper() or "-" in w]
        nxt = 0  # index into opens
        i = -1
        prev = START
        while True:
            if prev == "O" or prev == START:
                while nxt < len(opens) and opens[nxt] <= i:
                    nxt += 1
                if nxt == len(opens):
                    break
                i = opens[nxt]
            else:
                i += 1
                if i == n:
                    break
            word = words[i]
            prev = out[i - 1][0] if i > 0 else START
            prev2 = out[i - 2][0] if i > 1 else START
            cached = (first_vecs if i == 0 else word_vecs).get(word)
            if cached is None:
                cached = self._word_vec(word, kind + (i == 0), casing)
            base, shape = cached
            hist = hist_cache.get((prev, prev2, shape)) or self._history(prev, prev2, shape)
            w_m2, w_m1, w_p1, w_p2 = padded[i], padded[i + 1], padded[i + 3], padded[i + 4]
            # zip stops at the shortest list: the history vector, cut short after no entity
            scores = [
                a + b + c + d + e + f
                for a, b, c, d, e, f in zip(
                    hist,
                    base,
                    m2_cache.get(w_m2) or ctx_vec(-2, w_m2),
                    m1_cache.get(w_m1) or ctx_vec(-1, w_m1),
                    p1_cache.get(w_p1) or ctx_vec(1, w_p1),
                    p2_cache.get(w_p2) or ctx_vec(2, w_p2),
                    strict=False,
                )
            ]
            if gaz_vecs:
                g = gaz_vecs.get(i)
                if g is not None:
                    scores = list(map(add, scores, g))
            best_score = max(scores)
            best = scores.index(best_score)  # the first best on ties
            scores[best] = -inf
            margin = best_score - max(scores)
            tag = tags[best]
            out[i] = (tag, 1.0 / (1.0 + exp(-min(margin / MARGIN_SCALE, 30.0))))
            prev = tag
        return out

    def _gaz_vectors(
        self, matches: list[tuple[int, int, frozenset[str]]], n: int
    ) -> dict[int, list[float]]:
        """The gazetteer phrase features' vector of each token that has any."""
        feats: dict[int, list[str]] = {}
        names = self._gaz_names
        for start, end, labels in matches:
            multi = end - start > 1
            for k in range(start, end):
                pos = "B" if k == start else "I"
                key = (labels, multi, pos)
                named = names.get(key)
                if named is None:
                    # fixed order whatever PYTHONHASHSEED is (most phrases have one label)
                    named = names[key] = [
                        f"gp={label}-{pos}" if multi else f"gp={label}"
                        for label in (labels if len(labels) < 2 else sorted(labels))
                    ]
                f = feats.get(k)
                if f is None:
                    feats[k] = list(named)
                else:
                    f += named
            if TITLE in labels and end < n:
                feats.setdefault(end, []).append("after-title")
        combo, vec = self._combo, self._vec
        return {k: combo.get(key) or vec(key) for k, f in feats.items() for key in (tuple(f),)}


def load_weights(data: dict) -> tuple[list[str], dict[str, dict[int, float]]]:
    """Training's exported weights ({"tags", "weights": {feature: {tag index: w}}})."""
    tags = list(data["tags"])
    weights = {
        f: {int(k): float(v) for k, v in sparse.items()} for f, sparse in data["weights"].items()
    }
    return tags, weights


@lru_cache(maxsize=1)
def default_tagger() -> Tagger | None:
    """The shipped tagger, or None when the weights file is missing (rules still work)."""
    if not has_data(WEIGHTS_FILE):
        return None
    return Tagger(unpack(data_bytes(WEIGHTS_FILE)), gazetteer())


def sentence_tokens(text: str) -> list[list[Token]]:
    """The tagger's units: tokens of each sentence, also cut at line breaks (a name never
    runs from a heading or byline into the next line). One segmentation for training and use.
    """
    out: list[list[Token]] = []
    for p_start, p_end in paragraphs(text):
        # the dateline ("KYIV, March 3 (Reuters) - ") is no sentence, but it names a place
        d_end = dateline_end(text, p_start, p_end)
        if d_end > p_start:
            out.append(tokens(text, p_start, d_end))
    for s, e in sentences(text):
        toks = tokens(text, s, e)
        if "\n" not in text[s:e]:
            out.append(toks)
            continue
        cur: list[Token] = []
        for t in toks:
            if cur and "\n" in text[cur[-1].end : t.start]:
                out.append(cur)
                cur = []
            cur.append(t)
        if cur:
            out.append(cur)
    return out

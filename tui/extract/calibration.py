"""Calibrated confidence for name mentions: of mentions given 0.8, about 80% are right.

The raw scores the extractor has (the tagger's margin, a rule's fixed guess) are not
probabilities: a tagger margin of "0.99" was right 93% of the time on CoNLL dev and 75%
on GUM news. So each name mention's confidence is a logistic regression over what we
know of it: the raw score, where it came from (the tagger, a head-word rule, the
gazetteer, a surname or acronym found again...), its final type, whether linking
overruled its own type, how many mentions its entity has, its shape, and the raw score's
weight by source and by type. The coefficients are fitted by ``training/train_ner.py`` on
every training document, each extracted by a tagger trained on the other folds (never on
the dev sets), and ship in the tagger's weights file.
Dates, times, figures and laws found by patterns, and names that are part of a token
("Iran" in "Iran-backed", which no corpus marks), keep their rules' confidences.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SOURCES = ("tagger", "rule", "context", "gazetteer", "surname", "acronym", "completed", "joined")
TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW")
CALIBRATED = frozenset(TYPES)
# found by patterns (dates, figures) or part of a token ("Iran" in "Iran-backed"): no
# corpus judges them, so they keep their rules' confidences
UNCALIBRATED = frozenset({"pattern", "prefix"})


def mention_features(
    raw: float, source: str, own_type: str, final_type: str, entity_size: int, text: str
) -> dict[str, float]:
    """What the calibration knows of one mention (names as stored in the weights file)."""
    p = min(max(raw, 1e-4), 1.0 - 1e-4)
    words = text.split()
    x = {
        "logit": math.log(p / (1.0 - p)),
        "overruled": float(own_type != final_type),
        "log_mentions": math.log1p(entity_size),
        "one_word": float(len(words) == 1),
        "capitals": float(len(text) > 1 and text.replace(".", "").isupper()),
        "source=" + source: 1.0,
        "type=" + final_type: 1.0,
    }
    # the margin's weight by what found the mention and by its type: a tagger margin of
    # 0.99 means less for a place than for a person (GUM news: places given 0.80 on
    # average were right 63% of the time, people given 0.84 91%)
    x["logit&source=" + source] = x["logit"]
    x["logit&type=" + final_type] = x["logit"]
    return x


@dataclass(frozen=True, slots=True)
class Calibration:
    """Logistic regression: confidence = 1 / (1 + exp(-(bias + sum of weight * feature)))."""

    weights: dict[str, float]
    bias: float

    @classmethod
    def from_header(cls, data: dict | None) -> Calibration | None:
        if not data:
            return None
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))

    def to_header(self) -> dict:
        return {"weights": dict(sorted(self.weights.items())), "bias": self.bias}

    def __call__(self, x: dict[str, float]) -> float:
        w = self.weights
        z = self.bias + sum(v * w.get(k, 0.0) for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def of_mention(
        self,
        raw: float,
        source: str,
        own_type: str,
        final_type: str,
        entity_size: int,
        text: str,
    ) -> float:
        """``self(mention_features(...))`` with no dict of features built: the same
        terms summed in the same order, so the same float (a long article has tens of
        thousands of name mentions). Keep in step with ``mention_features``."""
        w = self.weights
        p = min(max(raw, 1e-4), 1.0 - 1e-4)
        logit = math.log(p / (1.0 - p))
        terms = (
            logit * w.get("logit", 0.0),
            float(own_type != final_type) * w.get("overruled", 0.0),
            math.log1p(entity_size) * w.get("log_mentions", 0.0),
            float(len(text.split()) == 1) * w.get("one_word", 0.0),
            float(len(text) > 1 and text.replace(".", "").isupper()) * w.get("capitals", 0.0),
            1.0 * w.get("source=" + source, 0.0),
            1.0 * w.get("type=" + final_type, 0.0),
            logit * w.get("logit&source=" + source, 0.0),
            logit * w.get("logit&type=" + final_type, 0.0),
        )
        z = self.bias + sum(terms)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

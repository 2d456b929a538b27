"""Sparse linear classifiers, stored compactly and scored in the standard library.

A model is a set of named binary features, each with one weight per label, plus a
bias per label and a softmax temperature fitted on held-out data so that its
probabilities are calibrated. The file (written by ``training/``) is:

    b"MLIN1\\n"  JSON header line  feature names (UTF-8, "\\n"-joined)  float32 weights

so loading is one read, one split and one ``array.frombytes``: a few milliseconds, no
parsing of numbers. Scoring adds the rows of the active features: no numpy needed for
the few dozen features an event has.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from tui.data import data_bytes
from tui.extract.feature_index import FeatureIndex

MAGIC = b"MLIN1\n"


class ModelError(Exception):
    """A model file we cannot read."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    labels: tuple[str, ...]
    index: Mapping[str, int]  # feature name -> row (a FeatureIndex when read from a file)
    weights: array  # rows of len(labels) float32, row-major
    bias: tuple[float, ...]
    temperature: float = 1.0
    meta: dict | None = None
    # each label's column of ``weights`` (strided copies, made on the first scoring)
    _columns: list[array] | None = field(default=None, compare=False, repr=False)

    def scores(self, features: Iterable[str], only: Sequence[int] | None = None) -> list[float]:
        """Each label's score, or those of the labels numbered ``only``, in that order."""
        # The rows of the active features, then each label's column read at those rows
        # and summed in C: ``sum`` adds left to right in doubles, from the bias, exactly
        # as adding up the rows did (the same figures to the last bit), without a slice
        # of the weights per feature, and only for the labels asked.
        index = self.index
        get = index.getter() if isinstance(index, FeatureIndex) else index.get
        rows = [r for r in map(get, features) if r is not None]
        columns = self._columns
        if columns is None:
            k = len(self.labels)
            columns = [self.weights[j::k] for j in range(k)]
            object.__setattr__(self, "_columns", columns)
        bias = self.bias
        labels = range(len(bias)) if only is None else only
        if len(rows) < 2:  # itemgetter of one row returns the value, not a tuple
            return [sum(map(columns[j].__getitem__, rows), bias[j]) for j in labels]
        # one C call a label reads all its rows (a quarter faster than a map of lookups)
        pick = itemgetter(*rows)
        return [sum(pick(columns[j]), bias[j]) for j in labels]

    def probabilities(self, features: Iterable[str]) -> list[float]:
        """Calibrated probability of each label (softmax of the scores over the temperature)."""
        s = self.scores(features)
        t = self.temperature
        top = max(s)
        e = [math.exp((x - top) / t) for x in s]
        total = sum(e)
        return [x / total for x in e]


def dumps(model: LinearModel) -> bytes:
    """The file form of ``model`` (deterministic: same model, same bytes)."""
    names = sorted(model.index, key=model.index.__getitem__)
    header = {
        "labels": list(model.labels),
        "bias": [round(b, 6) for b in model.bias],
        "temperature": round(model.temperature, 6),
        "features": len(names),
        "meta": model.meta or {},
    }
    blob = "\n".join(names).encode("utf-8")
    weights = array("f", model.weights)
    if sys.byteorder != "little":
        weights.byteswap()
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + head + b"\n" + len(blob).to_bytes(8, "little") + blob + weights.tobytes()


def loads(data: bytes) -> LinearModel:
    if not data.startswith(MAGIC):
        raise ModelError("not a linear model file")
    try:
        nl = data.index(b"\n", len(MAGIC))
        header = json.loads(data[len(MAGIC) : nl])
        at = nl + 1
        size = int.from_bytes(data[at : at + 8], "little")
        at += 8
        names = data[at : at + size].decode("utf-8").split("\n") if size else []
        at += size
        weights = array("f")
        weights.frombytes(memoryview(data)[at:])  # no copy of the weights' bytes
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"damaged linear model file ({exc})") from None
    if sys.byteorder != "little":
        weights.byteswap()
    labels = tuple(header["labels"])
    if len(names) != header["features"] or len(weights) != len(names) * len(labels):
        raise ModelError("damaged linear model file (sizes disagree)")
    return LinearModel(
        labels,
        FeatureIndex(names),
        weights,
        tuple(header["bias"]),
        float(header["temperature"]),
        header.get("meta") or {},
    )


def load_packaged(name: str) -> LinearModel | None:
    """A model shipped in ``tui/data``, or None when it is not there (not trained yet)."""
    try:
        data = data_bytes(name)
    except (FileNotFoundError, OSError):
        return None
    return loads(data)

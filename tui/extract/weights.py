"""The tagger's weights file (``tui/data/ner_tagger.bin``): read in milliseconds.

Layout (all built by ``training/train_ner.py``, same bytes for the same training):

    marginalia-tagger 1\\n
    {JSON header}\\n          tags, feature count, byte sizes, sha256 of what it was built from
    feature names            UTF-8, one a line (no name holds a line break), in row order
    weights                  float32 little-endian, one row of len(tags) values per feature

Loading is one ``split`` of the names (looked up through a ``FeatureIndex``, which
builds its dict only for a long article) and one ``array.frombytes``:
no JSON or gzip over the weights themselves (parsing 1.3 MB of JSON took a tenth of a
second), no pickle or marshal (nothing in a data file can run code).
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.extract.feature_index import FeatureIndex

MAGIC = b"marginalia-tagger 1\n"


@dataclass(frozen=True, slots=True)
class Weights:
    """Feature name -> row; ``values[row * len(tags) + k]`` is its weight for tag k."""

    tags: tuple[str, ...]
    rows: Mapping[str, int]  # a FeatureIndex when read from a file
    values: array
    header: dict[str, Any]


def pack(tags: list[str], weights: dict[str, dict[int, float]], header: dict[str, Any]) -> bytes:
    """The file's bytes for sparse weights (feature -> {tag index: weight}), names sorted."""
    names = sorted(weights)
    n = len(tags)
    values = array("f", bytes(4 * n * len(names)))
    for row, name in enumerate(names):
        if "\n" in name:
            raise ValueError(f"feature name with a line break: {name!r}")
        for k, v in weights[name].items():
            values[row * n + k] = v
    if sys.byteorder != "little":
        values.byteswap()
    blob = "\n".join(names).encode("utf-8")
    head = {
        **header,
        "tags": list(tags),
        "features": len(names),
        "names_bytes": len(blob),
        "dtype": "float32-le",
    }
    return (
        MAGIC + json.dumps(head, sort_keys=True).encode("utf-8") + b"\n" + blob + values.tobytes()
    )


def unpack(data: bytes) -> Weights:
    if not data.startswith(MAGIC):
        raise ValueError("not a tagger weights file of this version")
    line_end = data.index(b"\n", len(MAGIC))
    header = json.loads(data[len(MAGIC) : line_end])
    start = line_end + 1
    names_end = start + int(header["names_bytes"])
    names = data[start:names_end].decode("utf-8").split("\n") if header["features"] else []
    values = array("f")
    values.frombytes(memoryview(data)[names_end:])  # no copy of the weights' bytes
    if sys.byteorder != "little":
        values.byteswap()
    tags = tuple(header["tags"])
    if len(names) != header["features"] or len(values) != len(names) * len(tags):
        raise ValueError("tagger weights file is truncated or damaged")
    return Weights(tags, FeatureIndex(names), values, header)

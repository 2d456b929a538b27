"""Which extractor made a set of suggestions, without importing (or loading) the extractor.

A sidecar can record ``extractor_version()`` beside its suggestions; when the article
is reopened and the version is the same, extracting again would give the same
suggestions, so it can be skipped. The version is a hash of everything extraction
depends on: the extractor's and the text layer's source files and every packaged data
file (word lists, codebook, the pre-built gazetteer and tagger weights). Any change to
them, a retrained model included, gives a new version. Computed once per process in a
few milliseconds (about 2 MB hashed); nothing is imported but the standard library.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_TUI = Path(__file__).resolve().parents[1]
# What extraction reads: its code (tui/extract, tui/text: segmentation decides the
# sentences) and its data (tui/data).
_PARTS = (("extract", "*.py"), ("text", "*.py"), ("data", "*"))


def _files() -> list[Path]:
    out: list[Path] = []
    for folder, pattern in _PARTS:
        out.extend(
            p
            for p in sorted((_TUI / folder).glob(pattern))
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        )
    return out


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A short stable id of the extractor's code and data ("x1-" and 16 hex digits)."""
    h = hashlib.sha256()
    for p in _files():
        h.update(p.relative_to(_TUI).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return "x1-" + h.hexdigest()[:16]


@lru_cache(maxsize=1)
def models_version() -> str:
    """A short id of the trained and pre-built data alone (tagger weights, gazetteer)."""
    h = hashlib.sha256()
    for name in ("ner_tagger.bin", "places.gaz"):
        path = _TUI / "data" / name
        h.update(name.encode("utf-8") + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")
    return "m1-" + h.hexdigest()[:16]

"""What a shipped model was built from, recorded in its file and checked by the tests.

- ``feature_probe()``: sha256 of every feature the tagger computes on a fixed text (the
  seed article plus a few lines that reach the features the seed does not: capitals,
  title-case headlines (one with no small word), a dateline, hyphens, accents). It is recorded in the weights
  file when they are trained; if feature extraction (``tui/extract/features.py``, the
  gazetteer, segmentation) changes what it computes, the test that recomputes it fails,
  because the shipped weights then no longer mean what they did: retrain.
- ``sources_sha256(paths)``: one sha256 over the training files, so a model can be traced
  to the exact corpora it was trained on (checked by ``training/check_built.py`` when
  ``../shared`` is present).

Needs only the standard library (the unit tests run it without numpy).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from training.paths import ROOT
from tui.extract.features import (
    NEIGHBOURS,
    PAD_LEFT,
    PAD_RIGHT,
    context_features,
    doc_casing,
    dynamic_features,
    line_places,
    own_features,
)
from tui.extract.gazetteer import gazetteer
from tui.extract.tagger import history_features, sentence_tokens

PROBE_EXTRA = """SYRIAN REBELS SEIZE ALEPPO AIRPORT IN DAWN RAID

Rebels Seize Aleppo Airport In Major Assault On Government Forces

Old Hands Help Rebels Control Aleppo Airport

KYIV, March 3 (Reuters) - Ukraine's Volodymyr Zelenskiy met U.S. Secretary of State
Antony Blinken and the Iran-backed Hezbollah's envoy in São Paulo and Maraat al-Numan.
"We will not accept it," said Dr. Leila Nasser of the U.N. High Commissioner for Refugees.
NEW YORK 1996-08-22 -- Shares of NationsBank Corp. rose 2.5 percent on the NYSE.
"""


def probe_text() -> str:
    return (ROOT / "seeds" / "aleppo.txt").read_text(encoding="utf-8") + "\n\n" + PROBE_EXTRA


def feature_probe() -> str:
    """sha256 of the tagger's features on ``probe_text()`` (see the module docstring)."""
    gaz = gazetteer()
    text = probe_text()
    toks = sentence_tokens(text)
    sents = [[t.text for t in s] for s in toks]
    casing = doc_casing(sents, places=line_places(text, toks))
    h = hashlib.sha256()
    for words in sents:
        dyn = dynamic_features(words, casing, gaz)
        padded = [PAD_LEFT, PAD_LEFT, *words, PAD_RIGHT, PAD_RIGHT]
        for i, w in enumerate(words):
            feats = own_features(w, gaz)
            for off in NEIGHBOURS:
                feats += [
                    f"{off}:{x}" for x in context_features(padded[i + 2 + off], gaz, abs(off) == 1)
                ]
            feats += dyn[i] + history_features("B-PER", "O", w)
            h.update("\x1f".join(feats).encode("utf-8") + b"\x1e")
        h.update(b"\x1d")
    return h.hexdigest()


def sources_sha256(paths: list[Path]) -> str:
    """One sha256 over the files' names and bytes, in the order given."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode("utf-8") + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()

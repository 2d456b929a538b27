"""The claim models' feature probe: what the shipped weights were trained to read.

``claims_feature_probe()`` is the sha256 of every cue and span feature computed on a
fixed text (the seed article plus lines reaching quotation, colon and "that" cases the
seed does not). Training records it in ``claims_model.bin``; a unit test recomputes it,
so a change to the features (``tui/extract/claim_features.py``), to segmentation or to
the cue word lists that feed them fails that test until the models are retrained.
"""

from __future__ import annotations

import hashlib

from training.paths import ROOT
from tui.extract.claim_features import SentenceView, cue_features, lemma, span_features
from tui.extract.claim_model import lexicon_tag
from tui.extract.cues import lexicon
from tui.extract.quotes import Quotes
from tui.text.segment import paragraphs, sentences, tokens

PROBE_EXTRA = """“We saw the planes first,” a resident said. “Then the shelling started.

The mayor told reporters on Tuesday that the bridge would reopen; officials disagreed.

Polls show Clinton with a lead, according to a survey released Monday: “It's close.”
"""


def probe_text() -> str:
    return (ROOT / "seeds" / "aleppo.txt").read_text(encoding="utf-8") + "\n\n" + PROBE_EXTRA


def claims_feature_probe() -> str:
    text = probe_text()
    lex = lexicon()
    paras = paragraphs(text)
    quotes = Quotes(text, paras)
    h = hashlib.sha256()
    for p0, p1 in paras:
        for s0, s1 in sentences(text, p0, p1):
            view = SentenceView.of(tokens(text, s0, s1), quotes)
            for i, w in enumerate(view.low):
                h.update("\x1f".join(cue_features(view, i, lexicon_tag(w, view, i, lex))).encode())
                h.update(b"\x1e")
            k = len(view.low) // 2
            for i in range(len(view.low)):
                if i != k:
                    feats = span_features(view, k, i, lemma(view.low[k]), "C", "S")
                    h.update("\x1f".join(feats).encode("utf-8") + b"\x1e")
            h.update(b"\x1d")
    return h.hexdigest()

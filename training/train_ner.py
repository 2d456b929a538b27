"""Rebuild the shipped entity tagger from the public training corpora.

    python -m training.train_ner [--data DIR] [--eval DIR] [--iterations N]

Trains on CoNLL-2003 train and GUM (academic, bio, court, interview and voyage; GUM news
is held out because it is the development set), read from ``../shared/train`` beside
the checkout (or ``--data``). Writes ``tui/data/ner_tagger.bin`` (format in
``tui/extract/weights.py``; same bytes on every run), whose header records a sha256 of
the training files and of the features the tagger computes on a probe text
(``training/fingerprint.py``), then scores the written file on the dev splits
(``../shared/eval`` or ``--eval``) and prints the scores last.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from training.fingerprint import feature_probe, sources_sha256
from training.ner_corpora import norp_words, read_conll, read_gum, training_docs, training_files
from training.ner_eval import score, table
from training.paths import ROOT, add_data_options, need
from training.perceptron import Prepared, export, train
from tui.extract.gazetteer import gazetteer
from tui.extract.tagger import WEIGHTS_FILE, Tagger
from tui.extract.weights import pack, unpack

OUT = ROOT / "tui" / "data" / WEIGHTS_FILE


def dev_scores(eval_dir: Path, tagger: Tagger) -> str:
    conll = read_conll(need(eval_dir / "ner" / "conll2003_valid.iob2.txt"))
    gum = read_gum(need(eval_dir / "ner" / "gum_news_entities.jsonl"), norp=norp_words())
    return "\n".join(
        table(name, score(docs, tagger))
        for name, docs in (("conll dev", conll), ("gum news dev", gum))
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_options(ap)
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--threshold", type=float, default=0.01)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-eval", action="store_true", help="skip scoring on the dev splits")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = training_docs(args.data)
    data = Prepared(docs, gazetteer())
    names, matrix = train(data, args.iterations)
    exported = export(names, matrix, args.threshold)
    header = {
        "trained_on": sources_sha256(training_files(args.data)),
        "feature_probe": feature_probe(),
        "iterations": args.iterations,
        "threshold": args.threshold,
    }
    args.out.write_bytes(pack(exported["tags"], exported["weights"], header))
    print(
        json.dumps(
            {
                "documents": len(docs),
                "sentences": len(data.sentences),
                "features": len(exported["weights"]),
                "bytes": args.out.stat().st_size,
                "seconds": round(time.perf_counter() - t0, 1),
            }
        ),
        flush=True,
    )
    if not args.no_eval:
        # the file as written, so the scores are the shipped model's
        print(dev_scores(args.eval, Tagger(unpack(args.out.read_bytes()), gazetteer())))
        print(f"total {time.perf_counter() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

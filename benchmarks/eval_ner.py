"""Score the shipped entity extractor on the dev splits: CoNLL-2003 dev and GUM news.

    python benchmarks/eval_ner.py [--eval DIR] [--rules-only] [--json] [--errors] [--weights F]

The shipped tagger was trained on CoNLL-2003 train and GUM's other genres
(``python -m training.train_ner``), never on these files. Micro precision, recall and
F1 over exact character spans and type, overall and per type (PER, ORG, LOC: our
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; other types are not scored), then a
reliability table per corpus: mentions binned by their confidence, with the share of
each bin that is right (a calibrated 0.8 is right about 80% of the time). CoNLL
documents are their tokens joined with single spaces, sentences with newlines; GUM gold
is normalised to name spans (``training/ner_corpora.read_gum``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.ner_corpora import norp_words, read_conll, read_gum  # noqa: E402
from training.ner_eval import TYPES, score, table  # noqa: E402
from training.paths import add_data_options, need  # noqa: E402
from tui.extract.gazetteer import gazetteer  # noqa: E402
from tui.extract.tagger import Tagger, default_tagger  # noqa: E402
from tui.extract.weights import unpack  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_options(ap, train=False)
    ap.add_argument("--rules-only", action="store_true", help="score without the tagger")
    ap.add_argument(
        "--weights",
        type=Path,
        help="score this tagger file (a trial retrain: train_ner --out) instead of the shipped one",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object instead")
    ap.add_argument(
        "--errors",
        action="store_true",
        help="also break the errors down: type, boundary, missed, spurious",
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    corpora = {
        "conll_dev": read_conll(need(args.eval / "ner" / "conll2003_valid.iob2.txt")),
        "gum_news_dev": read_gum(
            need(args.eval / "ner" / "gum_news_entities.jsonl"), norp=norp_words()
        ),
    }
    if args.rules_only:
        tagger = None
    elif args.weights is not None:
        tagger = Tagger(unpack(need(args.weights).read_bytes()), gazetteer())
    else:
        tagger = default_tagger()
    scores = {name: score(docs, tagger) for name, docs in corpora.items()}
    if args.json:
        out = {
            name: {
                "documents": len(corpora[name]),
                "scores": s.result(),
                "reliability": s.reliability(),
                "calibration_error": s.calibration_error(),
            }
            for name, s in scores.items()
        }
        out["seconds"] = round(time.perf_counter() - t0, 1)
        print(json.dumps(out, indent=1))
        return
    for name, s in scores.items():
        print(table(f"{name} ({len(corpora[name])} documents)", s))
        if args.errors:
            print(s.errors.table(name, TYPES))
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()

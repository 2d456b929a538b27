"""Score the entity extractor on CoNLL-2003 dev and GUM news by k-fold cross-validation.

    python benchmarks/eval_ner.py [--folds 5] [--iterations 8] [--no-speed]

For each fold the tagger is trained on the other folds' documents (both corpora) and
``extract_entities`` runs on the held-out documents, so no document is ever scored by a
model trained on it. Micro precision/recall/F1 over exact character spans and type, on
PER/ORG/LOC (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; other types unscored).
CoNLL documents are their tokens joined with single spaces, sentences with newlines;
GUM gold is normalised to name spans (see ``training/ner_corpora.read_gum``). Also
reports rules alone (no tagger) and speed with the shipped weights. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.ner_corpora import GoldDoc, read_conll, read_gum  # noqa: E402
from training.perceptron import export, prepare, train  # noqa: E402
from training.train_ner import GUM_WEIGHT, norp_words, weighted  # noqa: E402
from tui.extract.entities import extract_entities, find_entities  # noqa: E402
from tui.extract.gazetteer import gazetteer  # noqa: E402
from tui.extract.tagger import Tagger, load_weights  # noqa: E402
from tui.text.document import Document  # noqa: E402
from tui.text.loader import load_document  # noqa: E402

SCORED = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def predicted(doc: GoldDoc, tagger: Tagger | None) -> set[tuple[int, int, str]]:
    _, mentions = extract_entities(Document(text=doc.text), tagger)
    return {(m.span.start, m.span.end, SCORED[m.type]) for m in mentions if m.type in SCORED}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, corpus: str, gold: set, pred: set) -> None:
        for key in (corpus, f"{corpus}/by_type"):
            if key.endswith("by_type"):
                for t in ("PER", "ORG", "LOC"):
                    g = {x for x in gold if x[2] == t}
                    p = {x for x in pred if x[2] == t}
                    c = self.counts.setdefault(f"{corpus}/{t}", [0, 0, 0])
                    c[0] += len(g & p)
                    c[1] += len(p - g)
                    c[2] += len(g - p)
            else:
                c = self.counts.setdefault(key, [0, 0, 0])
                c[0] += len(gold & pred)
                c[1] += len(pred - gold)
                c[2] += len(gold - pred)

    def result(self) -> dict[str, dict[str, float]]:
        return {k: prf(*v) for k, v in sorted(self.counts.items())}


def speed(corpora: dict[str, list[GoldDoc]]) -> dict[str, float]:
    """find_entities throughput on one core (CPU time, so other load does not count).

    ``*_words_per_s``: first pass over the corpus, so per-word caches start cold (only
    the seed was seen); ``*_seen_vocabulary``: the best later pass, caches warm.
    """
    seed = load_document(ROOT / "seeds" / "aleppo.txt")
    find_entities(seed)  # start-up (weights, gazetteer) excluded
    runs = 20
    t0 = time.process_time()
    for _ in range(runs):
        find_entities(seed)
    out: dict[str, float] = {"seed_ms": round((time.process_time() - t0) * 1000 / runs, 2)}
    for name, docs in corpora.items():
        texts = [Document(text=d.text) for d in docs]
        words = sum(len(d.text.split()) for d in docs)
        rates = []
        for _ in range(3):  # the first pass meets every word for the first time
            t0 = time.process_time()
            for d in texts:
                find_entities(d)
            rates.append(words / (time.process_time() - t0))
        out[f"{name}_words"] = words
        out[f"{name}_words_per_s"] = round(rates[0])
        out[f"{name}_words_per_s_seen_vocabulary"] = round(max(rates[1:]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--iterations", type=int, default=8)
    ap.add_argument("--threshold", type=float, default=0.01)
    ap.add_argument("--gum-weight", type=int, default=GUM_WEIGHT)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    t_start = time.perf_counter()
    gaz = gazetteer()
    conll = read_conll()
    gum = read_gum(norp=norp_words())
    docs = conll + gum
    fold_of = {id(d): i % args.folds for corpus in (conll, gum) for i, d in enumerate(corpus)}
    tally = Tally()
    rules = Tally()
    for fold in range(args.folds):
        train_docs = weighted(
            [d for d in conll if fold_of[id(d)] != fold],
            [d for d in gum if fold_of[id(d)] != fold],
            args.gum_weight,
        )
        test_docs = [d for d in docs if fold_of[id(d)] == fold]
        model = train(prepare(train_docs, gaz), args.iterations)
        tags, weights = load_weights(export(model, args.threshold))
        tagger = Tagger(tags, weights, gaz)
        for d in test_docs:
            gold = set(d.spans)
            tally.add(d.corpus, gold, predicted(d, tagger))
            rules.add(d.corpus, gold, predicted(d, None))
    out = {
        "folds": args.folds,
        "gum_weight": args.gum_weight,
        "documents": {"conll": len(conll), "gum": len(gum)},
        "cross_validated": tally.result(),
        "rules_only": {k: v for k, v in rules.result().items() if "/" not in k},
    }
    if not args.no_speed:
        out["speed"] = speed({"conll": conll, "gum": gum})
    out["seconds"] = round(time.perf_counter() - t_start, 1)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()

"""Trigger F1 as ``eval_events.py`` counts it, on WikiEvents dev and on WikiEvents train.

A rule tuned on the dev split's 20-odd documents can fit them and nothing else; the 203
training documents judge it too. Every mention of every event is a trigger prediction;
precision counts only events not coded "Strategic developments"; a prediction is right
when it overlaps a gold Conflict.*, Life.Die or Life.Injure trigger, and recall counts
every such gold trigger any mention overlaps (the same counting as the benchmark).
Training documents are read as training reads them (one sentence a line,
``training.train_event_mentions.as_lines``) with the checkout's extractor.

Three figures: dev, train (all documents) and train (the documents the mention model
calls fully annotated: at least 30% of the mentions found overlap a gold trigger of any
type). That last set moves with the extractor, so to compare two versions of the code
fix it: ``--save-annotated ids.txt`` once, then ``--annotated ids.txt``.

    python -m benchmarks.eval_events_train [--misses] [--false-positives] [--dump F.json]

Reads ../shared/train at benchmark time only (nothing is copied into the project).
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_events import NOT_COMPARABLE, SCORED, WIKIEVENTS, char_span, rebuild  # noqa: E402
from training.event_corpora import DATA, read_wikievents  # noqa: E402
from training.train_event_mentions import COMPLETE, as_lines  # noqa: E402
from tui.extract.pipeline import extract  # noqa: E402
from tui.text.document import Document  # noqa: E402

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def dev_docs(path: Path = WIKIEVENTS) -> list[tuple[str, str, list[tuple[str, Span]]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text, spans = rebuild(doc)
        gold = [
            (ev["event_type"], char_span(spans, ev["trigger"]["start"], ev["trigger"]["end"]))
            for ev in doc["event_mentions"]
        ]
        out.append((doc["doc_id"], text, gold))
    return out


def train_docs(data: Path = DATA) -> list[tuple[str, str, list[tuple[str, Span]]]]:
    return [
        (d.doc_id, as_lines(d.text), [(e.type, e.trigger) for e in d.events])
        for d in read_wikievents(data)
    ]


def _context(text: str, span: Span) -> str:
    a = max(text.rfind("\n", 0, span[0]) + 1, span[0] - 120)
    b = text.find("\n", span[1])
    b = min(len(text) if b < 0 else b, span[1] + 80)
    return f"{text[a : span[0]]}[[{text[span[0] : span[1]]}]]{text[span[1] : b]}"


def score_doc(item: tuple[str, str, list[tuple[str, Span]]]) -> dict:
    """One document's predictions (with whether each is right) and its missed gold."""
    doc_id, text, gold_all = item
    gold = [g for t, g in gold_all if t.startswith(SCORED)]
    ann = extract(Document(text))
    preds = []
    for e in ann.events:
        for m in e.trigger_spans:
            span = (m.start, m.end)
            preds.append(
                {
                    "span": span,
                    "word": text[span[0] : span[1]],
                    "type": e.type,
                    "subtype": e.subtype,
                    "comparable": e.type not in NOT_COMPARABLE,
                    "hit": any(_overlap(span, g) for g in gold),
                    "any_gold": any(_overlap(span, g) for _, g in gold_all),
                    "context": _context(text, span),
                }
            )
    missed = [
        {"type": t, "word": text[g[0] : g[1]], "span": g, "context": _context(text, g)}
        for t, g in gold_all
        if t.startswith(SCORED) and not any(_overlap(p["span"], g) for p in preds)
    ]
    return {"doc": doc_id, "preds": preds, "missed": missed, "gold": len(gold)}


def looks_annotated(result: dict) -> bool:
    """The mention model's rule: enough of the mentions found overlap some gold trigger."""
    ps = result["preds"]
    return bool(ps) and sum(p["any_gold"] for p in ps) >= COMPLETE * len(ps)


def figures(results: list[dict]) -> dict:
    cmp = [p for r in results for p in r["preds"] if p["comparable"]]
    tp = sum(p["hit"] for p in cmp)
    n_gold = sum(r["gold"] for r in results)
    hit = n_gold - sum(len(r["missed"]) for r in results)
    p = tp / len(cmp) if cmp else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "documents": len(results),
        "predicted": len(cmp),
        "right": tp,
        "gold": n_gold,
        "found": hit,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
    }


def run(docs: list, workers: int) -> list[dict]:
    if workers <= 1:
        return [score_doc(d) for d in docs]
    with get_context("fork").Pool(workers) as pool:
        return pool.map(score_doc, docs, chunksize=2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="../shared/train")
    ap.add_argument("--wikievents", type=Path, default=WIKIEVENTS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--annotated", type=Path, help="doc ids (one a line) of the annotated set")
    ap.add_argument("--save-annotated", type=Path, help="write the annotated set's doc ids")
    ap.add_argument("--misses", action="store_true", help="list missed gold triggers")
    ap.add_argument("--false-positives", action="store_true", help="list wrong predictions")
    ap.add_argument("--dump", type=Path, help="write every document's result as JSON")
    args = ap.parse_args()
    dev = run(dev_docs(args.wikievents), args.workers)
    train = run(train_docs(args.data), args.workers)
    if args.annotated:
        keep = set(args.annotated.read_text(encoding="utf-8").split())
    else:
        keep = {r["doc"] for r in train if looks_annotated(r)}
    if args.save_annotated:
        args.save_annotated.write_text("".join(f"{d}\n" for d in sorted(keep)), encoding="utf-8")
    out = {
        "dev": figures(dev),
        "train_all": figures(train),
        "train_annotated": figures([r for r in train if r["doc"] in keep]),
    }
    print(json.dumps(out, indent=2))
    for name, results in (("dev", dev), ("train", train)):
        if args.misses:
            for r in results:
                for m in r["missed"]:
                    print(f"MISS {name} {r['doc'][:24]:24} {m['type']:26} | {m['context']}")
        if args.false_positives:
            for r in results:
                for p in r["preds"]:
                    if p["comparable"] and not p["hit"]:
                        print(
                            f"FP {name} {r['doc'][:24]:24} {p['subtype'][:24]:24} | {p['context']}"
                        )
    if args.dump:
        args.dump.write_text(json.dumps({"dev": dev, "train": train}), encoding="utf-8")


if __name__ == "__main__":
    main()

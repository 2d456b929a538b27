"""Learn which trigger mentions are event reports, from WikiEvents train.

Builds ``tui/data/events_mentions.bin`` (read by :mod:`tui.extract.event_mentions`).
Each WikiEvents train document is read by the extractor as news would be (entities,
triggers, arguments, incidents), one sentence a line as in the dev split; every trigger
mention found is a row, labelled by whether its span overlaps a gold trigger of any
event type (an arrest the extractor codes as a strategic development is a report too).

Documents where under 30% of the mentions found are marked look partly annotated
and are left out (see :func:`annotated`). Five folds over the rest (crc32 of the id)
give out-of-fold probabilities: the softmax temperature is fitted on them, so the
shipped probabilities are calibrated, and the report says what dropping unlikely
mentions would buy in trigger F1 (the best floors on a grid; the extractor drops none).
The model is then refitted on every kept document. Prints the out-of-fold trigger
scores and a reliability table.

    python -m training.train_events            (trains this and the sub-event model)
    python -m training.train_event_mentions [--data DIR] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import re
import time
import zlib
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from training.event_corpora import DATA, SCORED, EventDoc, read_wikievents
from training.linear_train import _softmax, fit, fit_temperature, predict_scores, to_model
from tui.extract import linear
from tui.extract.codebook import default_codebook
from tui.extract.entities import find_entities
from tui.extract.event_build import incidents
from tui.extract.event_mentions import MODEL_FILE, incident_features
from tui.extract.events import find_drafts
from tui.text.document import Document

OUT = Path(__file__).resolve().parents[1] / "tui" / "data"
FOLDS = 5
FLOOR_MAX = 0.5  # highest mention floor tried
COMPLETE = 0.3  # least share of found mentions marked for a document to count as annotated
LABELS = ("other", "event")
NOT_SCORED = "Strategic developments"  # outside the KAIROS types the benchmark scores
PARAMS = {"min_count": 2, "epochs": 4, "batch": 32, "lr": 0.03, "l2": 1e-3, "seed": 0}
# A sentence end followed by one space: that space becomes a line break, offsets unchanged
_SENTENCE_GAP = re.compile(r"(?<=[.!?][\"”’)]) (?=\S)|(?<=[.!?]) (?=[\"“A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Row:
    features: list[str]
    label: bool  # overlaps a gold trigger (any type)
    event_type: str  # the ACLED event type the extractor coded
    span: tuple[int, int]
    incident: int  # index of its incident in the document


def as_lines(text: str) -> str:
    """One sentence a line, as the dev split is read (same length, same offsets)."""
    return _SENTENCE_GAP.sub("\n", text)


def doc_rows(doc: EventDoc) -> list[Row]:
    text = as_lines(doc.text)
    _, mentions = find_entities(Document(text))
    live = sorted(
        (m for m in mentions if m.status != "rejected"), key=lambda m: (m.span.start, m.span.end)
    )
    drafts = find_drafts(text, live, [m.span.start for m in live], default_codebook())
    gold = [e.trigger for e in doc.events]
    rows: list[Row] = []
    groups = incidents(drafts)
    for n, (members, feats) in enumerate(zip(groups, incident_features(groups), strict=True)):
        for d, f in zip(members, feats, strict=True):
            toks = d.parse.view.toks
            span = (toks[d.trigger.start].start, toks[d.trigger.end - 1].end)
            label = any(g[0] < span[1] and span[0] < g[1] for g in gold)
            rows.append(Row(f, label, d.sub.event_type, span, n))
    return rows


def _fold(doc_id: str) -> int:
    return zlib.crc32(doc_id.encode("utf-8")) % FOLDS


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def trigger_scores(
    docs: list[EventDoc], per_doc: list[list[Row]], probs: list[list[float]], floor: float
) -> tuple[float, float, float]:
    """Trigger precision, recall, F1 on the scored types, as the benchmark counts them,
    if mentions under ``floor`` were dropped unless they are their incident's most
    likely mention (so that no incident is lost)."""
    tp = n_pred = hit = n_gold = 0
    for doc, rows, p in zip(docs, per_doc, probs, strict=True):
        best: dict[int, float] = {}
        for r, x in zip(rows, p, strict=True):
            best[r.incident] = max(best.get(r.incident, 0.0), x)
        kept = [
            r.span
            for r, x in zip(rows, p, strict=True)
            if (x >= floor or x == best[r.incident]) and r.event_type != NOT_SCORED
        ]
        gold = [e.trigger for e in doc.events if e.type.startswith(SCORED)]
        n_pred += len(kept)
        tp += sum(any(_overlaps(s, g) for g in gold) for s in kept)
        n_gold += len(gold)
        hit += sum(any(_overlaps(s, g) for s in kept) for g in gold)
    prec = tp / n_pred if n_pred else 0.0
    rec = hit / n_gold if n_gold else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def _fit(rows: list[Row]) -> tuple:
    return fit([r.features for r in rows], [int(r.label) for r in rows], len(LABELS), **PARAMS)


def _rows_of_all(docs: list[EventDoc], workers: int) -> list[list[Row]]:
    if workers <= 1:
        return [doc_rows(d) for d in docs]
    with get_context("fork").Pool(workers) as pool:
        return pool.map(doc_rows, docs, chunksize=4)  # results in input order


def annotated(rows: list[Row]) -> bool:
    """Does a document look fully annotated? Some WikiEvents documents mark only a few
    of their incidents (a trial story's tenth "the bombing", a drone-war survey's every
    strike left unmarked): under :data:`COMPLETE` of the mentions found are marked there,
    and their unmarked mentions would teach the model that reports are not reports."""
    return bool(rows) and sum(r.label for r in rows) >= COMPLETE * len(rows)


def train_mentions(docs: list[EventDoc], workers: int, out: Path) -> dict:
    t0 = time.perf_counter()
    per_doc = _rows_of_all(docs, workers)
    seconds_reading = time.perf_counter() - t0
    n_docs = len(docs)
    kept = [k for k, rows in enumerate(per_doc) if annotated(rows)]
    docs, per_doc = [docs[k] for k in kept], [per_doc[k] for k in kept]
    folds = [_fold(d.doc_id) for d in docs]
    # out-of-fold scores: each document scored by a model that never saw it
    raw: list[np.ndarray] = [np.zeros((len(r), len(LABELS))) for r in per_doc]
    for f in range(FOLDS):
        train = [r for rows, k in zip(per_doc, folds, strict=True) if k != f for r in rows]
        index, W, b = _fit(train)
        for j, (rows, k) in enumerate(zip(per_doc, folds, strict=True)):
            if k == f and rows:
                raw[j] = predict_scores(index, W, b, [r.features for r in rows])
    y = [int(r.label) for rows in per_doc for r in rows]
    stacked = np.concatenate([s for s in raw if len(s)])
    temperature = fit_temperature(stacked, y)
    probs = [list(_softmax(s, temperature)[:, 1]) if len(s) else [] for s in raw]
    # what dropping a mention under a floor (unless it is its incident's most likely)
    # would buy; the best is reported, the extractor drops none (see the module doc)
    floors = {
        round(float(m), 2): trigger_scores(docs, per_doc, probs, round(float(m), 2))
        for m in np.arange(0.0, FLOOR_MAX + 0.001, 0.05)
    }
    floor = max(floors, key=lambda m: (round(floors[m][2], 4), -m))
    index, W, b = _fit([r for rows in per_doc for r in rows])
    model = to_model(
        LABELS,
        index,
        W,
        b,
        temperature,
        prune=0.01,
        meta={"trained_on": "WikiEvents train (fully annotated documents)"},
    )
    path = out / MODEL_FILE
    path.write_bytes(linear.dumps(model))
    return {
        "documents": n_docs,
        "documents_fully_annotated": len(docs),
        "mentions": len(y),
        "reports": sum(y),
        "features": len(model.index),
        "temperature": temperature,
        "out_of_fold_triggers": _rounded(floors[0.0]),
        "out_of_fold_triggers_by_floor": {str(m): _rounded(f) for m, f in floors.items()},
        "best_floor": floor,
        "out_of_fold_auc": round(auc(np.concatenate([p for p in probs if p]), y), 4),
        "out_of_fold_log_loss": round(log_loss(probs, y), 4),
        "out_of_fold_reliability": reliability(probs, per_doc),
        "bytes": path.stat().st_size,
        "seconds_reading_documents": round(seconds_reading, 1),
    }


def auc(p: np.ndarray, y: list[int]) -> float:
    """Area under the ROC curve: the chance a report outscores a non-report (ties half)."""
    labels = np.asarray(y)
    _, inverse, counts = np.unique(p, return_inverse=True, return_counts=True)
    # average ranks of tied scores
    ranks = (np.cumsum(counts) - (counts - 1) / 2.0)[inverse]
    pos = int(labels.sum())
    neg = len(labels) - pos
    return float((ranks[labels == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def log_loss(probs: list[list[float]], y: list[int]) -> float:
    p = np.clip(np.concatenate([p for p in probs if p]), 1e-12, 1 - 1e-12)
    labels = np.asarray(y)
    return float(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)))


def _rounded(prf: tuple[float, float, float]) -> dict[str, float]:
    return dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in prf), strict=True))


def reliability(probs: list[list[float]], per_doc: list[list[Row]]) -> list[str]:
    """Mentions by out-of-fold probability band: how many, and the share that are reports."""
    pairs = [
        (x, r.label)
        for p, rows in zip(probs, per_doc, strict=True)
        for x, r in zip(p, rows, strict=True)
    ]
    out = []
    for lo in np.arange(0.0, 1.0, 0.1):
        inside = [ok for x, ok in pairs if lo <= x < lo + 0.1 or (lo >= 0.9 and x >= 1.0)]
        if inside:
            out.append(
                f"{lo:.1f}-{lo + 0.1:.1f}: {len(inside)} mentions, {sum(inside) / len(inside):.2f} right"
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the training folder (../shared/train)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    t0 = time.perf_counter()
    report = {"mentions": train_mentions(read_wikievents(args.data), args.workers, args.out)}
    report["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

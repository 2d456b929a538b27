"""Score the event extractor; prints one JSON object.

1. WikiEvents dev (read at runtime from ../shared/eval/events, never copied): each
   document rebuilt from its sentence strings joined with "\\n". Trigger precision,
   recall and F1 against gold triggers of type Conflict.*, Life.Die, Life.Injure (a
   prediction matches when the spans overlap); then, for matched gold triggers, the
   share of gold Attacker / Victim / Target / Place arguments that overlap an actor,
   target or location of a predicted event on that trigger.
   Precision is given twice: over every predicted event, and over predicted events of
   the ACLED types that report violence or protest (not "Strategic developments":
   arrests, agreements and troop moves are outside the scored KAIROS types, so they
   cannot match there whatever their quality).
2. ACLED sub-event typing: on the held-out tenth of the ACLED notes in ../shared/train
   (a fixed rule on the event id, printed; training never reads them), and on
   benchmarks/acled_sample.yaml, short reports written for this project: is the first
   event's type / sub-event type right?
   Reliability tables: an event's confidence is P(reported incident) x P(sub-event
   type); WikiEvents judges only the first (is a mention a gold trigger?), the ACLED
   notes only the second (all are events), so each table's share right runs above
   the confidence.
3. Speed: words per second of find_events alone and of the whole extract pipeline.

Run: python benchmarks/eval_events.py [--wikievents PATH] [--sample PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import SEED, big_article  # noqa: E402
from training.event_corpora import ACLED, HELD_OUT_EVERY, read_acled  # noqa: E402
from tui.extract.attribution import find_claims  # noqa: E402
from tui.extract.entities import find_entities  # noqa: E402
from tui.extract.events import find_events  # noqa: E402
from tui.extract.pipeline import extract  # noqa: E402
from tui.model import Event  # noqa: E402
from tui.text.document import Document  # noqa: E402
from tui.text.segment import clear_cache  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WIKIEVENTS = SHARED / "eval" / "events" / "wikievents_dev.jsonl"
SAMPLE = Path(__file__).resolve().parent / "acled_sample.yaml"
SCORED = ("Conflict.", "Life.Die", "Life.Injure")
ROLES = ("Attacker", "Victim", "Target", "Place")
NOT_COMPARABLE = ("Strategic developments",)


def rebuild(doc: dict) -> tuple[str, list[tuple[int, int]]]:
    """Document text (sentences joined by "\\n") and each token's character span."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for toks, sent in doc["sentences"]:
        base = toks[0][1] if toks else 0
        for tok, s, e in toks:
            a, b = offset + s - base, offset + e - base
            if sent[s - base : e - base] != tok:
                raise ValueError(f"{doc['doc_id']}: token {tok!r} does not match its sentence")
            spans.append((a, b))
        parts.append(sent)
        offset += len(sent) + 1
    return "\n".join(parts), spans


def char_span(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    return spans[start][0], spans[end - 1][1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def wikievents(path: Path) -> dict:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    n_gold = gold_hit = 0
    n_pred = pred_hit = n_pred_cmp = pred_hit_cmp = 0
    arg_total = arg_hit = 0
    by_role = {r: [0, 0] for r in ROLES}
    arg_pred = arg_pred_hit = 0
    reliability: list[tuple[float, bool]] = []
    words = 0
    for doc in docs:
        text, spans = rebuild(doc)
        words += len(text.split())
        ann = extract(Document(text))
        mentions = {m["id"]: m for m in doc["entity_mentions"]}
        gold = []
        for ev in doc["event_mentions"]:
            if not ev["event_type"].startswith(SCORED):
                continue
            trig = char_span(spans, ev["trigger"]["start"], ev["trigger"]["end"])
            args = []
            for a in ev["arguments"]:
                m = mentions.get(a["entity_id"])
                if a["role"] in ROLES and m is not None:
                    args.append((a["role"], char_span(spans, m["start"], m["end"])))
            gold.append((trig, args))
        # every mention of an event is a trigger prediction (one event may hold several)
        preds = [(e, (m.start, m.end)) for e in ann.events for m in e.trigger_spans]
        for e, span in preds:
            hit = any(overlap(span, g[0]) for g in gold)
            n_pred += 1
            pred_hit += hit
            if e.type not in NOT_COMPARABLE:
                n_pred_cmp += 1
                pred_hit_cmp += hit
        for e in ann.events:
            if e.type in NOT_COMPARABLE:
                continue
            right = any(overlap((m.start, m.end), g[0]) for m in e.trigger_spans for g in gold)
            reliability.append((e.confidence, right))
        for trig, args in gold:
            n_gold += 1
            matched = list({id(e): e for e, span in preds if overlap(span, trig)}.values())
            if not matched:
                continue
            gold_hit += 1
            predicted = [
                (r.span.start, r.span.end)
                for e in matched
                for r in (*e.actors, *e.targets, *e.location)
            ]
            for role, span in args:
                hit = any(overlap(span, p) for p in predicted)
                arg_total += 1
                arg_hit += hit
                by_role[role][0] += 1
                by_role[role][1] += hit
            gold_args = [span for _, span in args]
            for p in predicted:
                arg_pred += 1
                arg_pred_hit += any(overlap(p, g) for g in gold_args)
    return {
        "documents": len(docs),
        "words": words,
        "gold_triggers": n_gold,
        "predicted_events": n_pred,
        "predicted_comparable": n_pred_cmp,
        "triggers": prf(pred_hit_cmp, n_pred_cmp, gold_hit, n_gold),
        "triggers_all_predictions": prf(pred_hit, n_pred, gold_hit, n_gold),
        "argument_recall": round(arg_hit / arg_total, 3) if arg_total else 0.0,
        "arguments_scored": arg_total,
        "argument_precision": round(arg_pred_hit / arg_pred, 3) if arg_pred else 0.0,
        "reliability": reliability_table(reliability),
        "argument_recall_by_role": {
            r: {"gold": t, "recall": round(h / t, 3) if t else 0.0} for r, (t, h) in by_role.items()
        },
    }


def reliability_table(pairs: list[tuple[float, bool]]) -> list[dict]:
    """Suggestions by confidence band: how many, and the share that was right."""
    bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    out = []
    for lo, hi in bands:
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if inside:
            out.append(
                {
                    "confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    "n": len(inside),
                    "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                    "right": round(sum(ok for _, ok in inside) / len(inside), 3),
                }
            )
    return out


def acled_sample(path: Path) -> dict:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["reports"]
    right_sub = right_type = 0
    misses = []
    for item in items:
        ann = extract(Document(item["text"]))
        first = ann.events[0] if ann.events else None
        got = (first.type, first.subtype) if first else (None, None)
        right_type += got[0] == item["type"]
        right_sub += got[1] == item["subtype"]
        if got[1] != item["subtype"]:
            misses.append({"expected": item["subtype"], "got": got[1], "text": item["text"][:80]})
    n = len(items)
    return {
        "reports": n,
        "note": "self-written reports, not ACLED data",
        "subtype_accuracy": round(right_sub / n, 3),
        "type_accuracy": round(right_type / n, 3),
        "misses": misses,
    }


def note_toll(events: tuple[Event, ...]) -> int:
    """Deaths an article's events report, each casualty figure counted once (as the
    ACLED export counts them)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for e in events:
        f = e.fatalities
        if f is None or f.estimate is None or (f.span.start, f.span.end) in seen:
            continue
        seen.add((f.span.start, f.span.end))
        total += f.estimate
    return total


def acled_held_out(data: Path) -> dict:
    """Sub-event type of the first event found in each held-out ACLED note: the notes
    whose id hashes to 0 (crc32 mod 10), which training never reads."""
    notes = [n for n in read_acled(data) if n.held_out]
    right = right_type = found = toll_right = with_deaths = deaths_right = 0
    per: dict[str, list[int]] = {}
    confusions: dict[tuple[str, str], int] = {}
    reliability: list[tuple[float, bool]] = []
    for n in notes:
        ann = extract(Document(n.text))
        toll = note_toll(ann.events)
        toll_right += toll == n.fatalities
        with_deaths += n.fatalities > 0
        deaths_right += n.fatalities > 0 and toll == n.fatalities
        first = ann.events[0] if ann.events else None
        got = first.subtype if first else "(none)"
        ok = got == n.subtype
        found += first is not None
        right += ok
        right_type += first is not None and first.type == n.event_type
        per.setdefault(n.subtype, [0, 0])
        per[n.subtype][0] += 1
        per[n.subtype][1] += ok
        if not ok:
            confusions[(n.subtype, got)] = confusions.get((n.subtype, got), 0) + 1
        if first is not None:
            reliability.append((first.confidence, ok))
    top = sorted(confusions.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
    return {
        "split": f"held out: notes whose event id has crc32 % {HELD_OUT_EVERY} == 0",
        "notes": len(notes),
        "with_an_event": found,
        "subtype_accuracy": round(right / len(notes), 3) if notes else 0.0,
        "type_accuracy": round(right_type / len(notes), 3) if notes else 0.0,
        # the note's deaths, each casualty figure once, against the coders' count
        "fatalities_exact": round(toll_right / len(notes), 4) if notes else 0.0,
        "fatalities_exact_where_someone_died": round(deaths_right / with_deaths, 4)
        if with_deaths
        else 0.0,
        "per_subtype": {
            k: {"notes": t, "accuracy": round(h / t, 3)} for k, (t, h) in sorted(per.items())
        },
        "top_confusions": [f"{n} x {gold} -> {got}" for (gold, got), n in top],
        "reliability_subtype_right": reliability_table(reliability),
    }


def speed() -> dict:
    text = big_article(300_000)
    doc = Document(text)
    words = len(text.split())
    entities, mentions = find_entities(doc)
    claims = find_claims(doc, entities, mentions)
    find_events(doc, entities, mentions, claims)  # warm caches (word lists, codebook)
    best_events = best_all = float("inf")
    for _ in range(3):
        clear_cache()  # a cold document each time: segmentation is remembered per text
        t0 = time.perf_counter()
        find_events(doc, entities, mentions, claims)
        best_events = min(best_events, time.perf_counter() - t0)
        clear_cache()
        t0 = time.perf_counter()
        extract(doc)
        best_all = min(best_all, time.perf_counter() - t0)
    seed = Document(SEED.read_text(encoding="utf-8"))
    return {
        "words": words,
        "find_events_words_per_s": round(words / best_events),
        "extract_words_per_s": round(words / best_all),
        "seed_events": len(extract(seed).events),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wikievents", type=Path, default=WIKIEVENTS)
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--train-data", type=Path, default=SHARED / "train", help="../shared/train")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    out: dict = {}
    if args.wikievents.exists():
        out["wikievents_dev"] = wikievents(args.wikievents)
    else:
        out["wikievents_dev"] = f"not found: {args.wikievents}"
    if args.sample.exists():
        out["acled_sample"] = acled_sample(args.sample)
    if (args.train_data / ACLED).exists():
        out["acled_held_out"] = acled_held_out(args.train_data)
    else:
        out["acled_held_out"] = f"not found: {args.train_data / ACLED}"
    if not args.no_speed:
        out["speed"] = speed()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

"""Score the claim extractor, as shipped, on PolNeAR dev (brat standoff); print JSON.

A predicted claim matches a gold attribution when their cue spans overlap and their
content word-token sets have Dice >= 0.5 (one-to-one, best Dice first). Micro precision,
recall and F1 over matches; among matches, the share whose source is right (spans overlap,
or both absent). Articles with several annotators (several .ann files) are scored against
each file and the counts averaged over that article's annotators before summing.
Also: the two halves of the split (alternate articles by name) to show how much the
figures move between documents; a reliability table (per confidence bin, how many of the
claims were right: calibrated means the two columns agree); and the claims stage's own
speed on these articles.

    python benchmarks/eval_claims.py [--data DIR] [--errors N]

``--data`` defaults to ``../shared/eval/claims/polnear_dev`` beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from training.claims_match import match, overlaps  # noqa: E402
from training.polnear import DEV_DIR, Gold, read_articles  # noqa: E402
from tui.extract.attribution import find_claims  # noqa: E402
from tui.extract.claim_model import ClaimModel, claim_model  # noqa: E402
from tui.model import Claim  # noqa: E402
from tui.text.document import Document  # noqa: E402

BINS = 10


def _frags(c: Claim) -> dict:
    return {
        "cue": [(c.cue.start, c.cue.end)],
        "content": [(s.start, s.end) for s in c.content],
        "source": [(c.source.span.start, c.source.span.end)] if c.source else [],
    }


def _source_ok(pred: dict, gold: Gold) -> bool:
    ps, gs = pred["source"], gold.source
    return (not ps and not gs) or bool(ps and gs and overlaps(ps, gs))


def prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    s = c["src_ok"] / c["tp"] if c["tp"] else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "source_right": round(s, 4),
        "tp": round(c["tp"], 2),
        "fp": round(c["fp"], 2),
        "fn": round(c["fn"], 2),
    }


def _errors(text: str, name: str, preds: list[dict], golds: tuple[Gold, ...], hits) -> list[str]:
    out = []
    hit_p = {i for i, _ in hits}
    hit_g = {j for _, j in hits}

    def show(frags) -> str:
        return " | ".join(text[s:e] for s, e in frags)[:160]

    for i, p in enumerate(preds):
        if i not in hit_p:
            out.append(f"FP {name[:30]} cue={show(p['cue'])!r} content={show(p['content'])!r}")
    for j, g in enumerate(golds):
        if j not in hit_g:
            near = [p for p in preds if g.cue and overlaps(p["cue"], g.cue)]
            tag = "FNc" if near else "FN"
            got = f" got={show(near[0]['content'])!r}" if near else ""
            out.append(
                f"{tag} {name[:30]} cue={show(g.cue)!r} src={show(g.source)!r} "
                f"content={show(g.content)!r}{got}"
            )
    for i, j in hits:
        if not _source_ok(preds[i], golds[j]):
            out.append(
                f"SRC {name[:30]} pred={show(preds[i]['source'])!r} gold={show(golds[j].source)!r}"
            )
    return out


def evaluate(data: Path, model: ClaimModel | None = None, errors: int = 0) -> dict:
    """Scores of ``model`` (default: the packaged one) on the PolNeAR folder ``data``."""
    model = model or claim_model()
    articles = read_articles(data)
    totals = {k: defaultdict(float) for k in ("all", "half_a", "half_b")}
    bins = [[0.0, 0.0, 0.0] for _ in range(BINS)]  # claims, sum of confidence, right
    n_words = 0
    elapsed = 0.0
    shown: list[str] = []
    scored = 0
    for n, art in enumerate(articles):
        doc = Document(art.text)
        t0 = time.process_time()
        claims = find_claims(doc, (), (), model)
        elapsed += time.process_time() - t0
        n_words += len(art.text.split())
        if not art.annotations:
            continue
        scored += 1
        preds = [_frags(c) for c in claims]
        pairs = [(p["cue"], p["content"]) for p in preds]
        per = defaultdict(float)
        right = [0.0] * len(claims)
        for k, golds in enumerate(art.annotations):
            hits = match(art.text, pairs, [(g.cue, g.content) for g in golds])
            share = 1 / len(art.annotations)
            per["tp"] += len(hits) * share
            per["fp"] += (len(preds) - len(hits)) * share
            per["fn"] += (len(golds) - len(hits)) * share
            per["src_ok"] += sum(_source_ok(preds[i], golds[j]) for i, j in hits) * share
            for i, _ in hits:
                right[i] += share
            if errors and k == 0:
                shown += _errors(art.text, art.name, preds, golds, hits)
        for c, r in zip(claims, right, strict=True):
            b = min(int(c.confidence * BINS), BINS - 1)
            bins[b][0] += 1
            bins[b][1] += c.confidence
            bins[b][2] += r
        half = "half_a" if n % 2 == 0 else "half_b"
        for k, v in per.items():
            totals["all"][k] += v
            totals[half][k] += v
    table = [
        {
            "confidence": f"{b / BINS:.1f}-{(b + 1) / BINS:.1f}",
            "claims": int(c),
            "mean_confidence": round(s / c, 3),
            "right": round(r / c, 3),
        }
        for b, (c, s, r) in enumerate(bins)
        if c
    ]
    for line in shown[:errors]:
        print(line, file=sys.stderr)
    return {
        "data": str(data),
        "documents": scored,
        "match": "cue overlap and content word Dice >= 0.5; annotators averaged per article",
        "all": prf(totals["all"]),
        "half_a": prf(totals["half_a"]),
        "half_b": prf(totals["half_b"]),
        "reliability": table,
        "words": n_words,
        "claims_words_per_cpu_second": round(n_words / elapsed) if elapsed else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEV_DIR)
    ap.add_argument("--errors", type=int, default=0, help="print N missed/spurious claims")
    args = ap.parse_args()
    if not (args.data / "text").is_dir():
        sys.exit(f"eval_claims: no PolNeAR folder at {args.data}")
    result = evaluate(args.data, errors=args.errors)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

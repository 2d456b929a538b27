"""Score the claim extractor on PolNeAR dev (brat standoff); print JSON.

A predicted claim matches a gold attribution when their cue spans overlap and their
content word-token sets have Dice >= 0.5 (one-to-one, best Dice first). Micro precision,
recall and F1 over matches; among matches, the share whose source is right (spans overlap,
or both absent). Articles with several annotators (several .ann files) are scored against
each file and the counts averaged over that article's annotators before summing.
Also reports the two halves of the split (alternate articles by name) to show how much
the figures move between documents, and throughput in words per second.

    python benchmarks/eval_claims.py [--data DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.extract.attribution import find_claims  # noqa: E402
from tui.extract.pipeline import extract  # noqa: E402
from tui.text.document import Document  # noqa: E402
from tui.text.segment import tokens  # noqa: E402

# ../shared beside the checkout (or --dev DIR)
DEFAULT = Path(__file__).resolve().parents[1] / "../shared/eval/claims/polnear_dev"
Frag = tuple[int, int]


def parse_ann(path: Path) -> list[dict]:
    """Gold attributions of one .ann file: cue, content and source fragments."""
    spans: dict[str, list[Frag]] = {}
    events: list[dict[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                s, e = piece.split()
                frags.append((int(s), int(e)))
            spans[parts[0]] = frags
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split()[1:]:
                role, _, ref = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)].append(ref)
            events.append(roles)
    out = []
    for roles in events:
        out.append(
            {
                "cue": [f for r in roles.get("Cue", []) for f in spans.get(r, [])],
                "content": [f for r in roles.get("Content", []) for f in spans.get(r, [])],
                "source": [f for r in roles.get("Source", []) for f in spans.get(r, [])],
            }
        )
    return out


def words(text: str, frags: list[Frag]) -> set[int]:
    """Start offsets of the word tokens (with a letter or digit) inside ``frags``."""
    return {
        t.start for s, e in frags for t in tokens(text, s, e) if any(c.isalnum() for c in t.text)
    }


def overlaps(a: list[Frag], b: list[Frag]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score(text: str, preds: list[dict], golds: list[dict]) -> tuple[dict, list[tuple]]:
    pw = [words(text, p["content"]) for p in preds]
    gw = [words(text, g["content"]) for g in golds]
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if not g["cue"] or not overlaps(p["cue"], g["cue"]):
                continue
            total = len(pw[i]) + len(gw[j])
            dice = 2 * len(pw[i] & gw[j]) / total if total else 0.0
            if dice >= 0.5:
                pairs.append((dice, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, matches = set(), set(), []
    for _dice, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matches.append((i, j))
    src_ok = 0
    for i, j in matches:
        ps, gs = preds[i]["source"], golds[j]["source"]
        if (not ps and not gs) or (ps and gs and overlaps(ps, gs)):
            src_ok += 1
    counts = {
        "tp": len(matches),
        "fp": len(preds) - len(matches),
        "fn": len(golds) - len(matches),
        "src_ok": src_ok,
    }
    return counts, matches


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0, help="print N missed/spurious claims")
    args = ap.parse_args()
    texts = sorted((args.data / "text").glob("*.txt"))
    anns = sorted((args.data / "attributions").glob("*.ann"))
    totals = {k: defaultdict(float) for k in ("all", "half_a", "half_b")}
    n_words = 0
    elapsed = 0.0
    errors: list[str] = []
    docs_scored = 0
    for n, path in enumerate(texts):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        doc = Document(text, path=path)
        t0 = time.perf_counter()
        claims = find_claims(doc, (), ())
        elapsed += time.perf_counter() - t0
        n_words += len(text.split())
        preds = [
            {
                "cue": [(c.cue.start, c.cue.end)],
                "content": [(s.start, s.end) for s in c.content],
                "source": [(c.source.span.start, c.source.span.end)] if c.source else [],
            }
            for c in claims
        ]
        files = [a for a in anns if a.name.rsplit("_", 1)[0] == path.stem]
        if not files:
            continue
        docs_scored += 1
        per = defaultdict(float)
        for a in files:
            golds = parse_ann(a)
            counts, matches = score(text, preds, golds)
            for k, v in counts.items():
                per[k] += v / len(files)
            if args.errors and a == files[0]:
                hit_p = {i for i, _ in matches}
                hit_g = {j for _, j in matches}
                for i, p in enumerate(preds):
                    if i not in hit_p:
                        errors.append(
                            f"FP {path.stem[:30]} cue={text[p['cue'][0][0] : p['cue'][0][1]]!r} "
                            f"content={' | '.join(text[s:e] for s, e in p['content'])[:160]!r}"
                        )
                for j, g in enumerate(golds):
                    if j not in hit_g:
                        cue = " ".join(text[s:e] for s, e in g["cue"])
                        near = [p for p in preds if g["cue"] and overlaps(p["cue"], g["cue"])]
                        if near:
                            got = " | ".join(text[s:e] for s, e in near[0]["content"])[:160]
                            errors.append(f"CONTENT {path.stem[:30]} cue={cue!r} got={got!r}")
                        errors.append(
                            f"FN{'c' if near else ''} {path.stem[:30]} cue={cue!r} src={' '.join(text[s:e] for s, e in g['source'])!r} "
                            f"content={' | '.join(text[s:e] for s, e in g['content'])[:160]!r}"
                        )
                for i, j in matches:
                    ps, gs = preds[i]["source"], golds[j]["source"]
                    if not ((not ps and not gs) or (ps and gs and overlaps(ps, gs))):
                        errors.append(
                            f"SRC {path.stem[:30]} pred={' '.join(text[s:e] for s, e in ps)!r} "
                            f"gold={' '.join(text[s:e] for s, e in gs)!r}"
                        )
        half = "half_a" if n % 2 == 0 else "half_b"
        for k, v in per.items():
            totals["all"][k] += v
            totals[half][k] += v
    # Throughput of the whole pipeline, as shipped, over the same texts.
    t0 = time.perf_counter()
    for path in texts:
        extract(Document(path.read_text(encoding="utf-8")))
    whole = time.perf_counter() - t0
    result = {
        "data": str(args.data),
        "documents": docs_scored,
        "annotation_files": len(anns),
        "multi_annotator": "counts averaged over each article's annotators, then summed",
        "match": "cue overlap and content word Dice >= 0.5",
        "all": prf(totals["all"]),
        "half_a": prf(totals["half_a"]),
        "half_b": prf(totals["half_b"]),
        "words": n_words,
        "claims_words_per_second": round(n_words / elapsed) if elapsed else None,
        "extract_words_per_second": round(n_words / whole) if whole else None,
    }
    print(json.dumps(result, indent=2))
    if args.errors:
        for line in errors[: args.errors]:
            print(line, file=sys.stderr)


if __name__ == "__main__":
    main()

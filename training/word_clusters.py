"""Word clusters for the entity tagger, learnt from the training corpora's raw text.

    python -m training.word_clusters [--data DIR] [--check]

A name the labelled data never shows ("Firefox", "Demosisto") is still known by the
company it keeps in running text: words used alike fall into one cluster, and the
tagger learns a weight per cluster, so what it learnt of "Safari" reaches "Firefox"
(Ratinov and Roth, 2009, used Brown clusters this way; here, as Levy, Goldberg and
Dagan, 2015, describe it: PPMI context counts, truncated SVD, then k-means).

Text: every corpus under ``../shared/train`` (CoNLL-2003 train, GUM outside its news
genre, PolNeAR train, WikiEvents train, the ACLED notes), about 2 million words, cut into
sentences and tokens exactly as the tagger cuts them. Only capitalised word forms get a
cluster (the tagger scores capitalised words; lower-case ones it knows by form). Writes
``tui/data/ner_clusters.txt`` (format in ``tui/extract/clusters.py``); deterministic
(the same bytes under any ``PYTHONHASHSEED`` and BLAS thread count). The text is cut by
the tagger's tokenizer, so a change to sentence or token splitting changes the clusters:
``--check`` says whether the shipped file is still what a fresh build gives (exit 1 if
not; then rebuild it and retrain the tagger).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from training.ner_corpora import GUM_HELD_OUT, read_conll, read_gum_train
from training.paths import ROOT, add_data_options, need
from tui.extract.clusters import CLUSTERS_FILE, encode
from tui.extract.features import PAD_LEFT, PAD_RIGHT
from tui.extract.tagger import sentence_tokens

OUT = ROOT / "tui" / "data" / CLUSTERS_FILE
MIN_COUNT = 3  # a form seen fewer times has too little context to place
CONTEXTS = 600  # most frequent lower-cased neighbours, each side, that describe a word
DIMS = 48
FINE = 256
COARSE = 32
SEED = 7


def texts(data: Path) -> Iterator[str]:
    """Every training text, in a fixed order."""
    for doc in read_conll(need(data / "ner" / "conll2003_train.iob2.txt")):
        yield doc.text
    for doc in read_gum_train(need(data / "gum" / "dep"), skip=GUM_HELD_OUT):
        yield doc.text
    for path in sorted(need(data / "claims" / "polnear_train" / "text").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    with gzip.open(need(data / "events" / "wikievents_train.derived.jsonl.gz"), "rt") as fh:
        for line in fh:
            yield " ".join(json.loads(line)["tokens"])
    raw = gzip.decompress(need(data / "events" / "acled_notes_sample.csv.gz").read_bytes())
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        yield row["notes"]


def sentences(data: Path) -> list[list[str]]:
    out = []
    for text in texts(data):
        for sent in sentence_tokens(text):
            out.append([sys.intern(t.text) for t in sent])
    return out


def context_matrix(sents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """(capitalised vocabulary, counts of each word's left and right neighbours)."""
    freq = Counter(w for s in sents for w in s)
    vocab = sorted(w for w, c in freq.items() if c >= MIN_COUNT and w[:1].isupper())
    low = Counter(w.lower() for s in sents for w in s)
    ctx = sorted(low, key=lambda w: (-low[w], w))[:CONTEXTS] + [PAD_LEFT, PAD_RIGHT]
    row = {w: k for k, w in enumerate(vocab)}
    col = {w: k for k, w in enumerate(ctx)}
    n_ctx = len(ctx)
    pairs: Counter[tuple[int, int]] = Counter()
    for s in sents:
        padded = [PAD_LEFT, *(w.lower() for w in s), PAD_RIGHT]
        for i, w in enumerate(s):
            r = row.get(w)
            if r is None:
                continue
            left = col.get(padded[i])
            right = col.get(padded[i + 2])
            if left is not None:
                pairs[(r, left)] += 1
            if right is not None:
                pairs[(r, n_ctx + right)] += 1
    m = np.zeros((len(vocab), 2 * n_ctx), dtype=np.float64)
    for (r, c), n in sorted(pairs.items()):
        m[r, c] = n
    return vocab, m


def embed(counts: np.ndarray) -> np.ndarray:
    """PPMI (context distribution smoothed, alpha 0.75), then a rank-DIMS SVD, rows
    normalised to unit length."""
    total = counts.sum()
    pw = counts.sum(axis=1, keepdims=True) / total
    pc = counts.sum(axis=0, keepdims=True) ** 0.75
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((counts / total) / (pw * pc))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    u, s, _ = np.linalg.svd(ppmi, full_matrices=False)
    u = u[:, :DIMS] * np.sqrt(s[:DIMS])
    # an SVD's signs are arbitrary: fix each column's largest entry positive
    signs = np.sign(u[np.abs(u).argmax(axis=0), np.arange(u.shape[1])])
    u = np.round(u * signs, 6)
    norms = np.linalg.norm(u, axis=1, keepdims=True)
    return u / np.where(norms > 0, norms, 1.0)


def kmeans(x: np.ndarray, k: int, iterations: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """(cluster of each row, centres): k-means++ start from a fixed seed, Lloyd steps."""
    rng = np.random.RandomState(SEED)
    centres = [x[rng.randint(len(x))]]
    dist = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        nxt = x[rng.choice(len(x), p=dist / dist.sum())]
        centres.append(nxt)
        dist = np.minimum(dist, ((x - nxt) ** 2).sum(axis=1))
    c = np.array(centres)
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        d = (x**2).sum(axis=1)[:, None] - 2 * x @ c.T + (c**2).sum(axis=1)[None, :]
        labels = d.argmin(axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c[j] = members.mean(axis=0)
    return labels, c


def build(data: Path) -> str:
    t0 = time.perf_counter()
    sents = sentences(data)
    words = sum(len(s) for s in sents)
    vocab, counts = context_matrix(sents)
    vectors = embed(counts)
    fine, centres = kmeans(vectors, FINE)
    # coarse clusters group the fine ones (a two-level hierarchy, like a Brown prefix)
    coarse_of, _ = kmeans(np.round(centres, 6), COARSE)
    print(
        f"{len(sents)} sentences, {words} words, {len(vocab)} capitalised forms clustered"
        f" in {time.perf_counter() - t0:.0f} s",
        flush=True,
    )
    return encode(vocab, [int(f) for f in fine], [int(c) for c in coarse_of])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_data_options(ap, dev=False)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--check", action="store_true", help="compare a fresh build with --out; write nothing"
    )
    args = ap.parse_args(argv)
    text = build(args.data)
    if args.check:
        same = args.out.read_bytes() == text.encode("utf-8")
        print(f"{args.out}: " + ("same as a fresh build" if same else "differs from a fresh build"))
        sys.exit(0 if same else 1)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

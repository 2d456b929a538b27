"""Extraction speed and memory: the seed, and about 1 MB of news.

Run: python benchmarks/bench_extract.py   (prints one JSON object)
Targets (issue 3): >= 50,000 words/s on one core, start-up excluded; the seed
under 50 ms; peak memory under 300 MB for 1 MB of text.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import SEED, big_article, peak_rss_mb  # noqa: E402
from tui.extract import extract  # noqa: E402
from tui.text import Document, load_document, tokens  # noqa: E402
from tui.text.segment import clear_cache  # noqa: E402


def words(text: str) -> int:
    return sum(1 for t in tokens(text) if t.text[:1].isalnum())


def main() -> None:
    t0 = time.perf_counter()
    seed = load_document(SEED)
    extract(seed)  # start-up: word lists, gazetteers, weights
    startup_ms = (time.perf_counter() - t0) * 1000

    seed_ms = []
    for _ in range(7):
        clear_cache()  # each run segments the seed afresh, as a newly opened article would
        c0 = time.process_time()
        ann = extract(seed)
        seed_ms.append((time.process_time() - c0) * 1000)

    big = Document(big_article())
    n_words = words(big.text)
    clear_cache()
    rss_before = peak_rss_mb()
    c0, w0 = time.process_time(), time.perf_counter()
    big_ann = extract(big)
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(
        json.dumps(
            {
                "startup_ms": round(startup_ms, 1),
                "seed": {
                    "cpu_ms_median": round(statistics.median(seed_ms), 2),
                    "mentions": len(ann.mentions),
                    "claims": len(ann.claims),
                    "events": len(ann.events),
                },
                "big": {
                    "chars": len(big.text),
                    "words": n_words,
                    "cpu_s": round(cpu, 2),
                    "wall_s": round(wall, 2),
                    "words_per_cpu_s": round(n_words / cpu),
                    "words_per_wall_s": round(n_words / wall),
                    "mentions": len(big_ann.mentions),
                    "claims": len(big_ann.claims),
                    "events": len(big_ann.events),
                },
                "peak_rss_mb_before_big": rss_before,
                "peak_rss_mb": peak_rss_mb(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()

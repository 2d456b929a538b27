"""Speed of the claims stage alone, on about 1 MB of news (benchmarks/common.big_article).

    python benchmarks/bench_claims.py [--repeat 3]

Entities are found first (the claims stage links sources to them) and segmentation is
remembered, as in the pipeline; then ``find_claims`` is timed in CPU seconds, and the
hand-written rules alone (no learned models) in the same run, as the baseline. Also the
time to load the learned models from the package, cold. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import big_article  # noqa: E402
from tui.data import data_bytes  # noqa: E402
from tui.extract.attribution import best_per_cue, find_claims, scored_claims  # noqa: E402
from tui.extract.claim_model import MODEL_FILE, ClaimModel, claim_model  # noqa: E402
from tui.extract.entities import find_entities  # noqa: E402
from tui.text import Document, tokens  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raw = data_bytes(MODEL_FILE)
    t0 = time.perf_counter()
    ClaimModel.from_bytes(raw)
    load_ms = (time.perf_counter() - t0) * 1000
    doc = Document(big_article())
    n_words = sum(1 for t in tokens(doc.text) if t.text[:1].isalnum())
    entities, mentions = find_entities(doc)
    model = claim_model()
    find_claims(doc, entities, mentions)  # warm: caches of the tagger's sums

    def cpu(fn) -> list[float]:
        out = []
        for _ in range(args.repeat):
            c0 = time.process_time()
            fn()
            out.append(time.process_time() - c0)
        return out

    learned = cpu(lambda: find_claims(doc, entities, mentions, model))
    rules = cpu(lambda: best_per_cue(scored_claims(doc, entities, mentions, None)))
    claims = find_claims(doc, entities, mentions, model)
    print(
        json.dumps(
            {
                "chars": len(doc.text),
                "words": n_words,
                "model_bytes": len(raw),
                "model_load_ms": round(load_ms, 1),
                "claims": len(claims),
                "claims_cpu_s": round(statistics.median(learned), 3),
                "claims_words_per_cpu_s": round(n_words / statistics.median(learned)),
                "rules_only_cpu_s": round(statistics.median(rules), 3),
                "rules_only_words_per_cpu_s": round(n_words / statistics.median(rules)),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()

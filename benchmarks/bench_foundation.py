"""Foundation figures: load + segment a 1 MB article; sidecar write/read of 5,000 items.

Run: python benchmarks/bench_foundation.py   (prints one JSON object)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import big_article, peak_rss_mb, timed  # noqa: E402
from tui.model import Annotations, Claim, Entity, Mention, Ref, Review, Span  # noqa: E402
from tui.store import read, save  # noqa: E402
from tui.text import load_document, paragraphs, sentences, tokens  # noqa: E402


def items(text: str, n: int) -> Annotations:
    """n annotation items (mentions, their entities, claims) spread over ``text``."""
    step = max(1, (len(text) - 40) // n)
    entities, mentions, claims = [], [], []
    for i in range(n):
        s = i * step
        span = Span.of(text, s, s + 12)
        if i % 5 == 4:
            claims.append(
                Claim(
                    f"c{i}",
                    span,
                    (Span.of(text, s + 13, s + 40),),
                    Ref(span, None),
                    review=Review("verified", "checked", "bench", "2026-11-25T00:00:00Z"),
                )
            )
        else:
            entities.append(Entity(f"e{i}", span.text, "ORG"))
            mentions.append(Mention(f"m{i}", span, "ORG", f"e{i}", confidence=0.8))
    return Annotations(tuple(entities), tuple(mentions), tuple(claims), ())


def main() -> None:
    text = big_article()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "big.txt"
        article.write_text(text, encoding="utf-8")
        size = article.stat().st_size
        doc = load_document(article)

        def load_and_segment() -> None:
            d = load_document(article)
            paragraphs(d.text)
            sentences(d.text)
            tokens(d.text)

        n_sent = len(sentences(doc.text))
        n_tok = len(tokens(doc.text))
        ann = items(doc.text, 5000)
        side = Path(tmp) / "big.txt.marginalia.yaml"
        write = timed(lambda: save(side, ann, sha256=doc.sha256, length=len(doc.text)))
        read_t = timed(lambda: read(side))
        print(
            json.dumps(
                {
                    "article_bytes": size,
                    "sentences": n_sent,
                    "tokens": n_tok,
                    "load_ms": timed(lambda: load_document(article)),
                    "load_and_segment_ms": timed(load_and_segment),
                    "sidecar_items": 5000,
                    "sidecar_bytes": side.stat().st_size,
                    "sidecar_write_ms": write,
                    "sidecar_read_ms": read_t,
                    "peak_rss_mb": peak_rss_mb(),
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()

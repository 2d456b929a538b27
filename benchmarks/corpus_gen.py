"""A generated corpus for the library benchmarks: articles of realistic length with
sidecars as batch extraction leaves them, built quickly.

Extracting 10,000 articles would take longer than the benchmark itself, so a few dozen
distinct articles are extracted for real and each is then copied under many names with
a distinct last line (so every text, sha256 and sidecar differs); some copies get
verdicts, as a corpus under review has.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from benchmarks.common import SEED, generated_paragraph
from tui.model import Review
from tui.store import sidecar
from tui.text import load_document

SOURCES = ("Reuters", "AP", "AFP", "Al Jazeera", "BBC", "SANA", "Anadolu")
PLACES = ("ALEPPO", "DAMASCUS", "IDLIB", "HOMS", "BEIRUT", "GAZA", "KYIV", "KHARTOUM")
REPORTERS = ("Maya Gebeily", "Suleiman Al-Khalidi", "Timour Azhari", "Laila Bassam", "Tom Perry")
VERDICTS = ("verified", "disputed", "false", "unverifiable", "needs context")


def article_text(rng: random.Random, paragraphs: int) -> str:
    """A headline, a wire dateline, then seed and generated paragraphs."""
    seed_paras = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    head = f"{rng.choice(PLACES).title()} fighting: {rng.choice(['rebels', 'army', 'officials'])} report {rng.randint(2, 90)} dead"
    body = []
    for i in range(paragraphs):
        para = rng.choice(seed_paras) if rng.random() < 0.5 else generated_paragraph(rng)
        if i == 0:
            para = f"{rng.choice(PLACES)}, Syria ({rng.choice(SOURCES)}) - {para}"
        body.append(para)
    return head + "\n" + "\n".join(body) + "\n"


def write_bases(folder: Path, count: int, paragraphs: int, seed: int = 11) -> list[Path]:
    """``count`` distinct articles of about ``paragraphs`` paragraphs (no sidecars yet)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"base{i:03}.txt"
        path.write_text(article_text(rng, rng.randint(paragraphs - 2, paragraphs + 2)), "utf-8")
        paths.append(path)
    return paths


def replicate(bases: list[Path], folder: Path, total: int, seed: int = 5) -> list[Path]:
    """``total`` articles with sidecars, each a base plus a distinct closing line."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    loaded = []
    for base in bases:
        stored = sidecar.read(sidecar.sidecar_path(base))
        assert stored is not None, f"{base}: extract the bases first"
        loaded.append((base.read_text(encoding="utf-8"), stored.annotations))
    out = []
    for i in range(total):
        text, ann = loaded[i % len(loaded)]
        text = text + f"(Reporting by {rng.choice(REPORTERS)}; story {i:05})\n"
        if rng.random() < 0.3:  # under review: some claims judged
            claims = tuple(
                replace(c, review=Review(rng.choice(VERDICTS), "", "ana", "2024-12-01T10:00:00Z"))
                if rng.random() < 0.6
                else c
                for c in ann.claims
            )
            ann = replace(ann, claims=claims)
        path = folder / f"{i // 1000:02}" / f"story{i:05}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        doc = load_document(path)
        data = sidecar.dumps(ann, sha256=doc.sha256, length=len(doc.text), name=path.name)
        sidecar.sidecar_path(path).write_text(data, encoding="utf-8")
        out.append(path)
    return out

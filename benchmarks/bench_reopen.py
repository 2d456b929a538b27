"""Reopening an unreviewed article: open-to-annotations the first time (extraction) and
again (the extraction cache), for the seed and a 1 MB article; and the cache entry's
load time against extracting, with the formats it could have had.

Run: python benchmarks/bench_reopen.py [--runs N] [--skip-big]   (prints one JSON object)

Every opening runs headless (``App.run_test``) with the shipped extractor in its child
process and the cache in a temporary ``XDG_CACHE_HOME``. "ready" is the frame after
the annotations are final and drawn, timed from ``MarginaliaApp()``; "first frame
highlights" counts the mentions the first frame with text already showed. Each 1 MB
opening runs in a fresh process (as a user starts it). Before each first opening the
cache is emptied; before each reopening the first opening's entry is waited for (the
extractor's child writes it after handing the reader its results).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import SEED, big_article  # noqa: E402


def entries(cache_home: Path) -> list[Path]:
    return list((cache_home / "marginalia" / "extractions").glob("*.json"))


def wait_for_entry(cache_home: Path, timeout: float = 300.0) -> float:
    """Seconds until the cache entry exists (the child writes it after the reader is ready)."""
    started = time.perf_counter()
    while not entries(cache_home):
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"no cache entry after {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - started


def open_in_a_fresh_process(path: Path, cache_home: Path) -> dict[str, Any]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("MARGINALIA_CACHE_DIR", None)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def reviewed_copy(path: Path, cache_home: Path) -> Path:
    """A copy of ``path`` with a current sidecar (one verdict): the baseline a cache hit
    should match, since such a sidecar was already read in the first frame."""
    from tui.cache.extractions import ExtractionCache
    from tui.extract.version import extractor_version
    from tui.review import ReviewSession

    copy = path.with_name("reviewed-" + path.name)
    shutil.copyfile(path, copy)
    session = ReviewSession.open(copy, reviewer="bench")
    found = ExtractionCache(cache_home / "marginalia").load(session.document, extractor_version())
    assert found is not None and found.claims, "no cache entry to review"
    session.apply_extraction(found)
    session.set_verdict(session.annotations.claims[0].id, "verified")
    session.close()
    return copy


def median_ms(rows: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(float(r[key]) for r in rows) * 1000, 1)


def summary(rows: list[dict[str, Any]]) -> dict[str, object]:
    """Medians of a kind of opening; what the first frame showed, the reader's peak RSS."""
    return {
        "text_ms": median_ms(rows, "text"),
        "ready_ms": median_ms(rows, "ready"),
        "first_frame_highlights": rows[-1]["first_frame_highlights"],
        "extraction_ran": rows[-1]["extracting"],
        "reader_peak_rss_mb": max(float(r["peak_rss_mb"]) for r in rows),
    }


def first_and_reopen(path: Path, cache_home: Path, runs: int) -> dict[str, object]:
    first: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    sidecar: list[dict[str, Any]] = []
    written: list[float] = []
    for _ in range(runs):  # alternate, so noise falls on all three alike
        shutil.rmtree(cache_home, ignore_errors=True)
        first.append(open_in_a_fresh_process(path, cache_home))
        written.append(wait_for_entry(cache_home))
        again.append(open_in_a_fresh_process(path, cache_home))
        sidecar.append(open_in_a_fresh_process(reviewed_copy(path, cache_home), cache_home))

    return {
        "first_open": summary(first),
        "reopen": summary(again),
        "reopen_with_a_current_sidecar": summary(sidecar),
        "ready_speedup": round(median_ms(first, "ready") / median_ms(again, "ready"), 1),
        "entry_written_after_first_ready_ms": round(statistics.median(written) * 1000, 1),
        "entry_bytes": sum(p.stat().st_size for p in entries(cache_home)),
        "counts": again[-1]["counts"],
        "same_annotations": all(
            a["counts"] == f["counts"] for a, f in zip(again, first, strict=True)
        ),
    }


def load_against_extract(path: Path, runs: int) -> dict[str, object]:
    """The cache entry's load (as the reader does it) against extracting, same process,
    alternating; and the other formats the entry could have had."""
    from tui.cache.extractions import ExtractionCache
    from tui.extract import extract
    from tui.extract.version import extractor_version
    from tui.store import codec, sidecar
    from tui.text import load_document

    doc = load_document(path)
    version = extractor_version()
    extract(load_document(SEED))  # the models loaded: extraction's own time only
    with tempfile.TemporaryDirectory() as tmp:
        cache = ExtractionCache(Path(tmp))
        extract_s: list[float] = []
        load_s: list[float] = []
        ann = None
        for _ in range(runs):
            c0 = time.process_time()
            ann = extract(doc)
            extract_s.append(time.process_time() - c0)
            cache.store(doc, version, ann)
            c0 = time.process_time()
            loaded = cache.load(doc, version)
            load_s.append(time.process_time() - c0)
            assert loaded == ann, "the cache gave back something else"
        assert ann is not None
        entry_bytes = sum(p.stat().st_size for p in cache.entries.glob("*.json"))
        # The alternatives: the sidecar's shape as JSON, and the sidecar itself (YAML).
        shaped = json.dumps(codec.encode(ann), ensure_ascii=False).encode("utf-8")
        yaml_text = sidecar.dumps(ann, sha256=doc.sha256, length=len(doc.text), name=path.name)

        def cpu(fn: object) -> float:
            times = []
            for _ in range(runs):
                gc.collect()
                c0 = time.process_time()
                fn()  # type: ignore[operator]
                times.append(time.process_time() - c0)
            return round(statistics.median(times) * 1000, 1)

        return {
            "extract_cpu_ms": round(statistics.median(extract_s) * 1000, 1),
            "cache_load_cpu_ms": round(statistics.median(load_s) * 1000, 1),
            "load_speedup": round(statistics.median(extract_s) / statistics.median(load_s), 1),
            "entry_bytes": entry_bytes,
            "alternatives": {
                "sidecar_shaped_json_bytes": len(shaped),
                "sidecar_shaped_json_load_cpu_ms": cpu(lambda: codec.decode(json.loads(shaped))),
                "sidecar_yaml_bytes": len(yaml_text.encode("utf-8")),
                "sidecar_yaml_load_cpu_ms": cpu(lambda: sidecar.loads(yaml_text)),
            },
        }


async def child(path: Path) -> None:
    from benchmarks.bench_reader import open_ours
    from benchmarks.common import peak_rss_mb

    out = await open_ours(path)
    out["peak_rss_mb"] = peak_rss_mb()  # the reader's process (the extractor's child apart)
    print(json.dumps(out))


def main(runs: int, skip_big: bool) -> None:
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache_home = folder / "cache"
        seed = folder / "aleppo.txt"
        shutil.copyfile(SEED, seed)
        report["seed"] = first_and_reopen(seed, cache_home, runs)
        if not skip_big:
            big = folder / "big.txt"
            big.write_text(big_article(), encoding="utf-8")
            report["big_bytes"] = big.stat().st_size
            report["big"] = first_and_reopen(big, cache_home, max(1, runs // 3))
            report["big_load_vs_extract"] = load_against_extract(big, max(1, runs // 3))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="openings of the seed (1 MB: a third)")
    parser.add_argument("--skip-big", action="store_true", help="the seed only")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        asyncio.run(child(args.child))
    else:
        main(args.runs, args.skip_big)

"""Extraction speed and memory: start-up, the seed, 1 MB of news, 1 MB with no full stop.

Run: python benchmarks/bench_extract.py [--repeat N] [--baseline DIR]   (prints JSON)

Each figure comes from a fresh Python process, so nothing is warm that a user's first
run would not have warm:
- ``load``: importing the extractor (byte-compiled first, as an installed package is),
  then loading every model and word list (the first
  extraction of a short text minus a second one of the same text: gazetteer, tagger
  weights, word lists, codebook). Targets: load <= 100 ms.
- ``seed``: CPU ms to extract the seed article (segmentation caches cleared each run).
- ``news_1mb``: about 1 MB of news (the seed interleaved with generated paragraphs):
  words per CPU second for the whole extraction and per stage, and the process's peak
  RSS. Targets: >= 50,000 words per CPU second, peak RSS <= 150 MB.
- ``no_stop_1mb``: the same text with every full stop, ?, ! and line break taken out:
  one 1 MB "sentence". Target: at most twice the time of ``news_1mb``.
CPU times (``time.process_time``) are used because the machine is shared: other load
slows wall time but not much the CPU time a process gets. ``--repeat`` runs each
measurement that many times and reports the median. ``--baseline DIR`` measures another
checkout (e.g. ``git worktree add ../base main``) in the same run, for a comparison
on equal terms.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _worker(kind: str) -> dict:
    """One measurement, in this (fresh) process; ``sys.path[0]`` is the checkout measured."""
    t0 = time.process_time()
    from tui.extract import extract
    from tui.text import Document, load_document
    from tui.text.segment import _TOKEN, clear_cache

    imported = time.process_time()
    if kind == "load":
        doc = Document("Syrian rebels said on Monday they had seized Aleppo airport.\n")
        c0 = time.process_time()
        extract(doc)
        first = time.process_time() - c0
        clear_cache()
        c0 = time.process_time()
        extract(Document(doc.text + " "))
        second = time.process_time() - c0
        return {
            "import_ms": round((imported - t0) * 1000, 1),
            "load_ms": round((first - second) * 1000, 1),
        }
    common = _load_by_path("bench_common", ROOT / "benchmarks" / "common.py")
    SEED, big_article = common.SEED, common.big_article  # noqa: N806

    seed = load_document(SEED)
    extract(seed)  # start-up excluded from what follows
    if kind == "seed":
        runs = []
        for _ in range(5):
            clear_cache()
            c0 = time.process_time()
            ann = extract(seed)
            runs.append((time.process_time() - c0) * 1000)
        return {"cpu_ms": round(min(runs), 2), "mentions": len(ann.mentions)}
    text = big_article()
    if kind == "no_stop_1mb":
        text = re.sub(r"[.!?…\n]", " ", text)
    doc = Document(text)
    # words as the tokenizer sees them, counted without building (and caching) the
    # tokens, so the count adds nothing to the peak memory measured below
    n_words = sum(1 for m in _TOKEN.finditer(text) if m.group()[:1].isalnum())
    clear_cache()
    rss_before = _peak_rss_mb()
    stages = _staged(doc)
    cpu = sum(stages.values())
    return {
        "chars": len(text),
        "words": n_words,
        "cpu_s": round(cpu, 2),
        "words_per_cpu_s": round(n_words / cpu),
        "stages_cpu_s": {k: round(v, 2) for k, v in stages.items()},
        "peak_rss_mb_before": rss_before,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _staged(doc) -> dict[str, float]:
    """CPU seconds of each extraction stage, run as ``extract`` runs them."""
    import gc

    from tui.extract.attribution import find_claims
    from tui.extract.entities import find_entities
    from tui.extract.events import find_events

    out = {}
    gc.disable()  # as extract() does
    c0 = time.process_time()
    entities, mentions = find_entities(doc)
    out["entities"] = time.process_time() - c0
    c0 = time.process_time()
    claims = find_claims(doc, entities, mentions)
    out["claims"] = time.process_time() - c0
    c0 = time.process_time()
    find_events(doc, entities, mentions, claims)
    out["events"] = time.process_time() - c0
    gc.enable()
    return out


def _load_by_path(name: str, path: Path):
    """A module of this checkout's benchmarks, whichever checkout ``tui`` comes from."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _run(checkout: Path, kind: str) -> dict:
    # the measured checkout's tui; this file's worker (loaded by path, under another name)
    code = (
        "import json, sys, importlib.util; sys.path.insert(0, sys.argv[1]);"
        "spec = importlib.util.spec_from_file_location('bench_worker', sys.argv[2]);"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m);"
        "print(json.dumps(m._worker(sys.argv[3])))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(checkout), __file__, kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _median(rows: list[dict]) -> dict:
    out: dict = {}
    for key, value in rows[0].items():
        if isinstance(value, dict):
            out[key] = _median([r[key] for r in rows])
        elif isinstance(value, int | float):
            out[key] = round(statistics.median(r[key] for r in rows), 2)
        else:
            out[key] = value
    return out


def _compile(checkout: Path) -> None:
    """Byte-compile the checkout's package, as installing it does (pip compiles every
    module). Without it, a machine with PYTHONDONTWRITEBYTECODE set (this one) compiles
    every source file at every start, which doubled ``import_ms`` (160 ms instead of 80)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(checkout / "tui")],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )


def measure(checkout: Path, repeat: int, kinds: list[str]) -> dict:
    _compile(checkout)
    out = {}
    for kind in kinds:
        out[kind] = _median([_run(checkout, kind) for _ in range(repeat)])
    if "news_1mb" in out and "no_stop_1mb" in out:
        out["no_stop_over_news_time"] = round(
            out["no_stop_1mb"]["cpu_s"] / out["news_1mb"]["cpu_s"], 2
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", type=Path, help="another checkout, measured the same way")
    ap.add_argument(
        "--only",
        nargs="+",
        choices=["load", "seed", "news_1mb", "no_stop_1mb"],
        default=["load", "seed", "news_1mb", "no_stop_1mb"],
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    result = {"this": measure(ROOT, args.repeat, args.only)}
    if args.baseline is not None:
        result["baseline"] = measure(args.baseline.resolve(), args.repeat, args.only)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

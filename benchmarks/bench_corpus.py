"""The library's speed: indexing, search, and batch extraction over 1 and 2 processes.

Run: python benchmarks/bench_corpus.py [--articles 10000] [--short 200] [--keep DIR]
(prints one JSON object). Targets (issue 11): indexing >= 200 articles/s per core after
extraction; a search <= 100 ms; `extract --write --jobs 2` >= 1.8x `--jobs 1` on 200
short articles. The machine is shared: --jobs 1 and 2 alternate and repeat in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, peak_rss_mb  # noqa: E402
from benchmarks.corpus_gen import replicate, write_bases  # noqa: E402
from tui.corpus.discover import find_articles  # noqa: E402
from tui.corpus.index import CorpusIndex  # noqa: E402
from tui.corpus.search import search  # noqa: E402

QUERIES = (
    "aleppo",
    '"air strikes"',
    'source:"Syrian Observatory"',
    "verdict:false",
    'type:"Air/drone strike"',
    "place:Idlib",
    "entity:HTS",
    "unreviewed kind:claim",
    "entity:HTS unreviewed",
    "ceasefire civilians",
)


def marginalia(*args: str) -> float:
    """Wall time of one `marginalia` command, as a user runs it."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", *args],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - t0


def _after_extraction(paths: list[Path], root: Path) -> dict:
    """Indexing as extract --write does it: the worker has just extracted and merged the
    annotations, builds the rows from them (no sidecar read), the client stores them."""
    from tui.corpus.analyse import analysis_of, open_session
    from tui.corpus.index import Entry, StoredState
    from tui.extract import extract

    sessions = []
    for p in paths:
        session = open_session(p, p.read_bytes(), None)
        session.apply_extraction(extract(session.document))
        sessions.append((p, session))
    index = CorpusIndex.open(root, location=root / "feed.sqlite3")
    c0 = time.process_time()
    entries = []
    state = StoredState((0, 0), "", (0, 0), "")
    for p, session in sessions:
        rel = index.relative(p)
        entries.append(Entry(rel, state, analysis_of(rel, session, annotated=True)))
    rows_cpu = time.process_time() - c0
    c1 = time.process_time()
    for start in range(0, len(entries), 100):
        index.put(entries[start : start + 100])
    store_cpu = time.process_time() - c1
    index.close()
    n = len(paths)
    return {
        "articles": n,
        "rows_ms_per_article": round(rows_cpu / n * 1000, 2),
        "store_ms_per_article": round(store_cpu / n * 1000, 2),
        "articles_per_cpu_s": round(n / (rows_cpu + store_cpu)),
    }


def bench_search(index: CorpusIndex) -> dict:
    """Each query five times: wall and CPU milliseconds, medians."""
    per_query = {}
    for q in QUERIES:
        times, cpu = [], []
        for _ in range(5):
            s0, c0 = time.perf_counter(), time.process_time()
            result = search(index, q)
            times.append((time.perf_counter() - s0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        per_query[q] = {
            "median_ms": round(statistics.median(times), 2),
            "cpu_median_ms": round(statistics.median(cpu), 2),
            "hits": len(result.hits),
        }
    return per_query


def bench_index(work: Path, articles: int) -> dict:
    t0 = time.perf_counter()
    if (work / "lib").is_dir():  # --keep DIR from an earlier run: the same corpus again
        shutil.rmtree(work / "lib" / ".marginalia", ignore_errors=True)
        for extra in ("serial.sqlite3", "feed.sqlite3"):
            (work / "lib" / extra).unlink(missing_ok=True)
    else:
        bases = write_bases(work / "bases", 40, 13)
        marginalia("extract", str(work / "bases"), "--write")
        replicate(bases, work / "lib", articles)
    generate_s = time.perf_counter() - t0
    paths = find_articles([work / "lib"])
    sample = paths[:: max(1, len(paths) // 500)][:500]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in sample) / len(sample)
    feed = _after_extraction(sample[:200], work / "lib")
    # from the sidecars on disk: one process (CPU per article), then all cores (wall)
    serial = CorpusIndex.open(work / "lib", location=work / "serial.sqlite3")
    c0 = time.process_time()
    serial.refresh(sample, jobs=1)
    serial_cpu = time.process_time() - c0
    serial.close()
    index = CorpusIndex.open(work / "lib")
    t0 = time.perf_counter()
    index.refresh(paths, jobs=len(os.sched_getaffinity(0)))
    wall = time.perf_counter() - t0
    t1 = time.perf_counter()
    index.refresh(find_articles([work / "lib"]))
    noop = time.perf_counter() - t1
    t2 = time.perf_counter()
    rows = index.summaries(paths)
    summaries_ms = (time.perf_counter() - t2) * 1000
    per_query = bench_search(index)
    index.close()
    size = (work / "lib" / ".marginalia" / "index.sqlite3").stat().st_size
    return {
        "articles": articles,
        "words_per_article": round(words),
        "generate_s": round(generate_s, 1),
        "after_extraction (rows from memory, as extract --write feeds the index)": feed,
        "from_sidecars_one_core_articles_per_cpu_s": round(len(sample) / serial_cpu),
        "from_sidecars_all_cores_wall_s": round(wall, 1),
        "from_sidecars_all_cores_articles_per_s": round(articles / wall),
        "refresh_up_to_date_ms": round(noop * 1000),
        "summaries_ms": round(summaries_ms, 1),
        "index_mb": round(size / 1e6, 1),
        "search": per_query,
        "search_worst_median_ms": max(v["median_ms"] for v in per_query.values()),
        "search_worst_cpu_median_ms": max(v["cpu_median_ms"] for v in per_query.values()),
        "peak_rss_mb": peak_rss_mb(),
        "rows": len(rows),
    }


def _library_run(arg: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "library_open.py"), arg],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def bench_library(folder: Path, repeat: int = 3) -> dict:
    """The library screen opened on the up-to-date index in a fresh process, against a bare
    Textual app started the same way, alternating (the machine is shared)."""
    runs, bares = [], []
    for _ in range(repeat):
        bares.append(_library_run("--bare"))
        runs.append(_library_run(str(folder)))
    first = statistics.median(r["first_screen_s"] for r in runs)
    first_cpu = statistics.median(r["first_screen_cpu_s"] for r in runs)
    bare = statistics.median(b["bare_textual_first_screen_s"] for b in bares)
    bare_cpu = statistics.median(b["bare_textual_first_screen_cpu_s"] for b in bares)
    return {
        **runs[-1],
        "first_screen_s_median": first,
        "first_screen_cpu_s_median": first_cpu,
        "bare_textual_first_screen_s_median": bare,
        "bare_textual_first_screen_cpu_s_median": bare_cpu,
        "first_screen_vs_bare": round(first / bare, 2),
    }


def bench_jobs(work: Path, short: int, repeat: int) -> dict:
    src = work / "short-src"
    write_bases(src, short, 3, seed=23)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in src.glob("*.txt")) / short
    one_article = work / "one"
    one_article.mkdir(exist_ok=True)
    shutil.copy(next(src.glob("*.txt")), one_article)
    times: dict[str, list[float]] = {"1": [], "2": []}
    startup: list[float] = []
    for _ in range(repeat):
        for jobs in ("1", "2"):
            folder = work / f"short-{jobs}"
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(src, folder)
            times[jobs].append(marginalia("extract", str(folder), "--write", "--jobs", jobs))
        for f in one_article.glob("*.yaml"):
            f.unlink()
        shutil.rmtree(one_article / ".marginalia", ignore_errors=True)
        startup.append(marginalia("extract", str(one_article), "--write", "--jobs", "1"))
    t1, t2, s = (statistics.median(times[k]) for k in ("1", "2")), None, None
    t1, t2 = statistics.median(times["1"]), statistics.median(times["2"])
    s = statistics.median(startup)
    return {
        "short_articles": short,
        "words_per_article": round(words),
        "jobs1_s": [round(x, 2) for x in times["1"]],
        "jobs2_s": [round(x, 2) for x in times["2"]],
        "speedup_median": round(t1 / t2, 2),
        "one_article_s (start-up)": round(s, 2),
        "speedup_without_start_up": round((t1 - s) / max(t2 - s, 1e-9), 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--short", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    ap.add_argument("--skip-jobs", action="store_true")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep DIR of an earlier run: its up-to-date index, library and search only",
    )
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        out = {"cores": len(os.sched_getaffinity(0)), "load": os.getloadavg()[0]}
        if args.reuse and args.keep is not None:
            with CorpusIndex.open(work / "lib") as index:
                out["search"] = bench_search(index)
        else:
            out["index"] = bench_index(work, args.articles)
        out["library"] = bench_library(work / "lib", args.repeat)
        if not args.skip_jobs:
            out["extract"] = bench_jobs(work, args.short, args.repeat)
        out["load_after"] = os.getloadavg()[0]
        print(json.dumps(out, indent=1))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

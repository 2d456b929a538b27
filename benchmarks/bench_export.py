"""Export speed and memory: 1,000 reviewed articles to each format, on one core.

Run: python benchmarks/bench_export.py [--articles N] [--repeat R] [--baseline CHECKOUT]
(prints one JSON object; with --baseline, another checkout's code, e.g. main's, exports
the same corpus in the same run, each run alternating with this checkout's)

Ten different articles (the seed and nine generated ones, 2-4 KB each) are extracted
and reviewed (every other suggestion accepted, a few rejected, verdicts and notes on
claims), then copied to N articles, each with a line of its own so every text and
sidecar is distinct (no cache can serve one article for another). Each format runs
`marginalia export` in a fresh process pinned to one core: articles/s is N over the
process's CPU time (and over wall time, which the shared machine makes noisy); peak RSS
is compared with the same export of N/10 articles: a streamed export holds one article
at a time, so its peak does not grow with N. "load only" is the baseline of the same
run: reading and placing every sidecar without writing anything.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import SEED, generated_paragraph  # noqa: E402

FORMATS: list[tuple[str, list[str]]] = [
    ("load only", []),
    ("brat", ["--format", "brat", "-o", "{out}"]),
    ("w3c", ["--format", "w3c", "-o", "{out}"]),
    ("w3c --jsonl", ["--format", "w3c", "--jsonl"]),
    ("jsonl", ["--format", "jsonl"]),
    ("doccano", ["--format", "doccano"]),
    ("doccano --relations", ["--format", "doccano", "--relations"]),
    ("acled", ["--format", "acled"]),
    ("claimreview", ["--format", "claimreview", "--url", "https://example.org/r"]),
    ("conll", ["--format", "conll"]),
]

WORKER = """
import resource, sys, time, os
sys.argv = ["marginalia"] + sys.argv[1:]
os.sched_setaffinity(0, {0})
from tui.cli import main
t0, c0 = time.perf_counter(), time.process_time()
if sys.argv[1] == "load-only":
    from tui.store.formats.source import article_paths, load_article
    from pathlib import Path
    n = sum(1 for p in article_paths([Path(sys.argv[2])]) if load_article(p) is not None)
    code = 0
else:
    code = main(sys.argv[1:])
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(f"{code} {wall} {cpu} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def make_corpus(folder: Path, n: int) -> None:
    """``n`` reviewed articles in ``folder`` (10 distinct reviews, each copied with its own line)."""
    from tui.extract import extract
    from tui.review import ReviewSession
    from tui.store import dumps
    from tui.text import load_document

    rng = random.Random(3)
    bases = [SEED.read_text(encoding="utf-8")]
    while len(bases) < 10:
        bases.append("\n".join(generated_paragraph(rng) for _ in range(6)) + "\n")
    work = folder / "_bases"
    work.mkdir()
    reviewed = []
    for i, text in enumerate(bases):
        path = work / f"base{i}.txt"
        path.write_text(text, encoding="utf-8")
        session = ReviewSession.open(path, reviewer="bench")
        session.apply_extraction(extract(session.document))
        ann = session.annotations
        for k, m in enumerate(ann.mentions):
            if k % 2 == 0:
                session.accept(m.id)
            elif k % 7 == 0:
                session.reject(m.id)
        for k, c in enumerate(ann.claims):
            session.set_verdict(c.id, ("verified", "false", "disputed")[k % 3])
            if k % 2:
                session.set_note(c.id, f"checked with source {k}")
        for ev in ann.events[::2]:
            session.accept(ev.id)
        reviewed.append((text, session.annotations))
    for j in range(n):
        text, ann = reviewed[j % len(reviewed)]
        text = text + f"Filed as report {j}.\n"  # after every annotation: offsets hold
        name = f"article{j:05d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        doc = load_document(folder / name)
        sidecar = dumps(ann, sha256=doc.sha256, length=len(doc.text), name=name)
        (folder / f"{name}.marginalia.yaml").write_text(sidecar, encoding="utf-8")


ROOT = Path(__file__).resolve().parent.parent


def run(corpus: Path, args: list[str], out: Path, code: Path = ROOT) -> dict[str, float]:
    argv = ["load-only", str(corpus)] if not args else ["export", str(corpus)]
    argv += [a.replace("{out}", str(out)) for a in args]
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run(
        [sys.executable, "-c", WORKER, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=code,  # "-c" puts the working folder first on sys.path: the code's own
        timeout=3600,
    )
    last = proc.stderr.strip().splitlines()[-1].split()
    code, wall, cpu, rss = int(last[0]), float(last[1]), float(last[2]), int(last[3])
    if code != 0:
        raise SystemExit(f"export {args} failed: {proc.stderr[-500:]}")
    return {"wall": wall, "cpu": cpu, "rss_mb": rss / 1024}


def _figures(runs: list[dict[str, float]], small_run: dict[str, float], n: int) -> dict[str, float]:
    cpu = statistics.median(r["cpu"] for r in runs)
    wall = statistics.median(r["wall"] for r in runs)
    # start-up (imports, codebook, gazetteer) is paid once per run: the rate per
    # article is the difference between the full run and the tenth-size one
    extra = n - max(1, n // 10)
    return {
        "articles_per_s_cpu": round(extra / max(cpu - small_run["cpu"], 1e-9), 1),
        "articles_per_s_wall": round(extra / max(wall - small_run["wall"], 1e-9), 1),
        "cpu_s": round(cpu, 2),
        "startup_cpu_s": round(small_run["cpu"] - (cpu - small_run["cpu"]) / 9, 2),
        "peak_rss_mb": round(max(r["rss_mb"] for r in runs), 1),
        "peak_rss_mb_at_tenth": round(small_run["rss_mb"], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout to measure alongside")
    opts = parser.parse_args()
    codes = {"this": ROOT}
    if opts.baseline is not None:
        codes["baseline"] = opts.baseline.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        big.mkdir()
        small.mkdir()
        t0 = time.perf_counter()
        make_corpus(big, opts.articles)
        make_corpus(small, max(1, opts.articles // 10))
        setup = time.perf_counter() - t0
        results: dict[str, dict[str, dict[str, float]]] = {label: {} for label in codes}
        for name, args in FORMATS:
            runs: dict[str, list[dict[str, float]]] = {label: [] for label in codes}
            for _ in range(opts.repeat):  # alternate: the machine's load hits both alike
                for label, code in codes.items():
                    runs[label].append(run(big, args, Path(tmp) / "out", code))
            for label, code in codes.items():
                small_run = run(small, args, Path(tmp) / "out-small", code)
                results[label][name] = _figures(runs[label], small_run, opts.articles)
    print(
        json.dumps(
            {
                "articles": opts.articles,
                "repeat": opts.repeat,
                "setup_s": round(setup, 1),
                "note": "process CPU and wall time include start-up and the codebook",
                "formats": results["this"],
                **(
                    {"baseline": str(opts.baseline), "baseline_formats": results["baseline"]}
                    if opts.baseline is not None
                    else {}
                ),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()

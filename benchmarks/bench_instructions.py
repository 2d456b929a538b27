"""Instructions each extraction stage executes, counted by valgrind (cachegrind).

Run: python benchmarks/bench_instructions.py [--chars N] [--baseline DIR]   (prints JSON)

CPU seconds on a shared machine move by a quarter from one run to the next (session 7,
two checkouts 5% apart in instructions, 1 MB of news: 8.4 s against 9.7 s, then with the
order of the runs swapped 8.8 s against 6.9 s), so a change worth a few percent cannot
be seen in ``bench_extract.py``. The number of machine instructions the interpreter
executes does not depend on the load: the same code and text give the same count (to
the instruction in two runs; hash seed fixed). Instructions are not time (memory stalls
are not counted), so ``bench_extract.py`` stays the measure of record; this one tells
whether a change removed work.

Each count runs the stages up to one more than the last (nothing, entities, + claims,
+ events) on the first ``--chars`` of the 1 MB article of ``common.big_article`` in a
fresh process (the checkout byte-compiled and its modules imported first), and a
stage's figure is the difference: it includes loading the stage's models, the same for
every checkout. 100,000 characters take about a minute a stage under valgrind.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("entities", "claims", "events")

# Run in the child: sys.argv = [checkout, stages to run, characters]
_CHILD = """
import importlib.util, sys
sys.path.insert(0, sys.argv[1])
from tui.extract.attribution import find_claims
from tui.extract.entities import find_entities
from tui.extract.events import find_events
from tui.text import Document
spec = importlib.util.spec_from_file_location("c", sys.argv[1] + "/benchmarks/common.py")
common = importlib.util.module_from_spec(spec)
spec.loader.exec_module(common)
doc = Document(common.big_article()[: int(sys.argv[3])])
k = int(sys.argv[2])
if k >= 1:
    e, m = find_entities(doc)
if k >= 2:
    c = find_claims(doc, e, m)
if k >= 3:
    find_events(doc, e, m, c)
"""
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def _count(checkout: Path, stages: int, chars: int) -> int:
    out = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _CHILD,
            str(checkout),
            str(stages),
            str(chars),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=checkout,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = _REFS.search(out.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from valgrind:\n{out.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def measure(checkout: Path, chars: int) -> dict:
    # byte-compiled first, as bench_extract does: compiling a module on import would
    # count in whichever stage imports it first
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(checkout / "tui")],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
    )
    counts = [_count(checkout, k, chars) for k in range(len(STAGES) + 1)]
    stages = {s: round((counts[k + 1] - counts[k]) / 1e6) for k, s in enumerate(STAGES)}
    return {"chars": chars, "stage_minstr": stages, "total_minstr": sum(stages.values())}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--baseline", type=Path, help="another checkout, counted the same way")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    result = {"this": measure(ROOT, args.chars)}
    if args.baseline is not None:
        base = measure(args.baseline.resolve(), args.chars)
        result["baseline"] = base
        result["change"] = {
            s: round(result["this"]["stage_minstr"][s] / base["stage_minstr"][s] - 1, 4)
            for s in STAGES
        } | {"total": round(result["this"]["total_minstr"] / base["total_minstr"] - 1, 4)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

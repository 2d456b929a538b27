"""Re-anchoring after the edits news gets: how many items stay right, get lost, or go wrong.

Reviewed real articles (PolNeAR dev texts, read from ../shared/eval at run time,
annotated by the extractor, then a simulated review: verdicts, accepted and
rejected suggestions, mentions added by hand) are edited the way stories change
(benchmarks/edits.py) and their annotations re-anchored, by the algorithm of a
baseline commit and by the current one, in the same run. The edit simulator
knows where each character went, so each item is counted as in place, moved
correctly, orphaned (its text gone, or needlessly) or MISPLACED.

Then speed: a 1 MB article with 5,000 items, re-anchored after edits, against
the time to open it.

    python benchmarks/bench_anchoring.py [--data ../shared] [--articles 30] [--baseline REV]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import edits  # noqa: E402
from benchmarks.common import big_article  # noqa: E402
from tui.model import Annotations, Entity, Mention, Review, Span  # noqa: E402
from tui.store import anchoring  # noqa: E402
from tui.store.item_spans import spans_of  # noqa: E402
from tui.text.document import Document  # noqa: E402
from tui.text.loader import normalise_newlines  # noqa: E402

BASELINE = "dba1122"  # main before the anchoring rework (issue #10)
LABELS = (
    "in place",
    "moved correctly",
    "orphaned (text gone)",
    "orphaned (split up)",
    "orphaned (needlessly)",
    "MISPLACED",
)
Reanchor = Callable[[Annotations, str], tuple[Annotations, object]]


def baseline_module(rev: str) -> ModuleType:
    """tui/store/anchoring.py as it was at ``rev``, imported under another name."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:tui/store/anchoring.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location("anchoring_baseline", f.name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    Path(f.name).unlink()
    return module


def simulated_review(ann: Annotations, text: str, rng: random.Random) -> Annotations:
    """What a reviewer leaves: verdicts and notes, accepted and rejected suggestions, own mentions."""
    verdicts = ("verified", "disputed", "false", "unverifiable", "needs context")
    claims = tuple(
        replace(c, status="accepted", review=Review(rng.choice(verdicts), "checked", "bench", "t"))
        if rng.random() < 0.6
        else c
        for c in ann.claims
    )
    mentions = [
        replace(m, status=rng.choices(("accepted", "rejected", "suggested"), (5, 1, 4))[0])
        for m in ann.mentions
    ]
    taken = {(m.span.start, m.span.end) for m in mentions}
    words = [
        (i, i + len(w))
        for i, w in ((m.start(), m.group()) for m in _CAPITALISED.finditer(text))
        if (i, i + len(w)) not in taken
    ]
    entities = list(ann.entities)
    for k, (s, e) in enumerate(rng.sample(words, min(3, len(words)))):
        eid = f"e{900 + k}"
        entities.append(Entity(eid, text[s:e], "ORG"))
        mentions.append(Mention(f"m{900 + k}", Span.of(text, s, e), "ORG", eid, "user", "accepted"))
    return Annotations(tuple(entities), tuple(mentions), claims, ann.events).sorted()


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")


def articles(data: Path, n: int) -> tuple[list[tuple[str, str]], list[str]]:
    """``n`` articles (name, straightened text) and a pool of paragraphs from the others."""
    folder = data / "eval" / "claims" / "polnear_dev" / "text"
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"bench_anchoring: no PolNeAR texts in {folder} (see --data)")
    texts = [
        (f.name, edits.straighten(normalise_newlines(f.read_text(encoding="utf-8")))) for f in files
    ]
    pool = [text[s:e] for _, text in texts[n:] for s, e in edits.paragraphs(text) if e - s > 120]
    return texts[:n], pool


def items_of(ann: Annotations) -> list[tuple[object, list[tuple[int, int]]]]:
    return [
        (it, [(s.start, s.end) for s in spans_of(it)])
        for it in (*ann.mentions, *ann.claims, *ann.events)
    ]


def count(
    et: edits.EditableText, ann: Annotations, result: Annotations, tally: Counter[str]
) -> None:
    after = {it.id: it for it in (*result.mentions, *result.claims, *result.events)}  # type: ignore[attr-defined]
    for item, old in items_of(ann):
        new_item = after[item.id]  # type: ignore[attr-defined]
        new = None
        if new_item.anchor != "orphaned":
            new = [(s.start, s.end) for s in spans_of(new_item)]
        tally[edits.classify(et, old, new)] += 1


def accuracy(data: Path, n: int, rev: str, seed: int) -> None:
    from tui.extract import extract

    old = baseline_module(rev)
    algorithms: dict[str, Reanchor] = {
        f"before ({rev})": old.reanchor,
        "after": anchoring.reanchor,
    }
    texts, pool = articles(data, n)
    tallies = {(algo, kind): Counter[str]() for algo in algorithms for kind in edits.KINDS}
    t0 = time.perf_counter()
    for a, (name, text) in enumerate(texts):
        ann = simulated_review(extract(Document(text)), text, random.Random(f"{seed}/{name}"))
        claim_spans = [(s.start, s.end) for c in ann.claims for s in c.content]
        for kind in edits.KINDS:
            et = edits.EditableText(text)
            edits.apply(kind, et, random.Random(f"{seed}/{a}/{kind}"), pool, claim_spans)
            new_text = et.text
            for algo, reanchor in algorithms.items():
                result, _ = reanchor(ann, new_text)
                count(et, ann, result, tallies[(algo, kind)])
    elapsed = time.perf_counter() - t0
    print(
        f"Re-anchoring accuracy: {len(texts)} PolNeAR dev articles, seed {seed} ({elapsed:.0f} s)"
    )
    header = f"{'edit':<24}{'algorithm':<18}{'items':>7}" + "".join(
        f"{label:>22}" for label in LABELS
    )
    print(header)
    for kind in (*edits.KINDS, "total"):
        for algo in algorithms:
            if kind == "total":
                tally = sum((tallies[(algo, k)] for k in edits.KINDS), Counter())
            else:
                tally = tallies[(algo, kind)]
            total = sum(tally.values())
            cells = "".join(
                f"{tally[label]:>7} {100 * tally[label] / max(total, 1):>6.2f} %      "
                for label in LABELS
            )
            print(f"{kind:<24}{algo:<18}{total:>7}{cells}")


def speed(repeat: int, rev: str) -> None:
    from tui.extract import extract
    from tui.review import ReviewSession
    from tui.store import save, sidecar_path

    text = big_article()
    doc = Document(text)
    t0 = time.perf_counter()
    full = extract(doc)
    print(
        f"\nSpeed: 1 MB article ({len(text):,} characters), extraction {time.perf_counter() - t0:.1f} s"
    )
    rng = random.Random(5)
    mentions = tuple(
        sorted(rng.sample(full.mentions, min(4000, len(full.mentions))), key=lambda m: m.span.start)
    )
    claims = tuple(rng.sample(full.claims, min(700, len(full.claims))))
    events = tuple(rng.sample(full.events, min(300, len(full.events))))
    ann = Annotations(full.entities, mentions, claims, events).sorted()
    n_items = len(ann.mentions) + len(ann.claims) + len(ann.events)
    claim_spans = [(s.start, s.end) for c in ann.claims for s in c.content]
    old = baseline_module(rev)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        save(sidecar_path(path), ann, sha256=doc.sha256, length=len(text), name=path.name)
        opened = _median(lambda: ReviewSession.open(path), repeat)
    print(
        f"{n_items:,} items; opening it with its sidecar (no change): {opened * 1000:.0f} ms median"
    )
    print(f"{'edit':<24}{'before ms':>11}{'after ms':>10}{'after orphaned':>16}")
    for kind in ("paragraph inserted", "lines re-wrapped", "all of these"):
        et = edits.EditableText(text)
        edits.apply(kind, et, random.Random(kind), [text[:600]], claim_spans)
        new = et.text
        before = _median(lambda new=new: old.reanchor(ann, new), repeat)
        after = _median(lambda new=new: anchoring.reanchor(ann, new), repeat)
        _, report = anchoring.reanchor(ann, new)
        print(f"{kind:<24}{before * 1000:>11.0f}{after * 1000:>10.0f}{len(report.orphaned):>16}")


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT / ".." / "shared", help="the shared folder")
    p.add_argument("--articles", type=int, default=30)
    p.add_argument("--baseline", default=BASELINE, help="git revision of the 'before' algorithm")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeat", type=int, default=3, help="timing repeats (median)")
    p.add_argument("--skip-speed", action="store_true")
    p.add_argument("--skip-accuracy", action="store_true")
    args = p.parse_args()
    if not args.skip_accuracy:
        accuracy(args.data, args.articles, args.baseline, args.seed)
    if not args.skip_speed:
        speed(args.repeat, args.baseline)


if __name__ == "__main__":
    main()

"""Review figures: every review key from keypress to the next frame, and saving off the UI thread.

Run: python benchmarks/bench_review.py [--rounds N] [--key-gap S]   (prints one JSON object)

Each review key (J to reach a claim, then 1 verdict, 0 clear, x reject, a accept,
u undo, ctrl+r redo, e next entity, t+p retype through the picker) is timed like
bench_reader times J: the key event is posted and the clock stops in a
``call_after_refresh`` queued by the action, i.e. when the change is applied and
the next frame is drawn. Sessions are opened from files in a temp folder with
autosave on, so the background saver writes the sidecar during the run, as it
would for a user. ``*_cpu`` is the UI thread's CPU time over the same interval.
Saving is timed on its own (``session.save()`` of the whole set, and of a set cut
to 5,000 items) and as the key latency while a save is running in its thread;
``save_delay_ms`` is that latency minus the same key's median without a save, and
``ui_waits_while_saving_ms`` how long UI-thread work waits while the shipped save
runs, against a save encoded in a thread of the reader's process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402

from benchmarks.common import (  # noqa: E402
    SEED,
    big_article,
    key_to_frame,
    peak_rss_mb,
    summary,
)
from tui.extract import extract  # noqa: E402
from tui.model import Annotations  # noqa: E402
from tui.review import ReviewSession  # noqa: E402
from tui.store import sidecar  # noqa: E402
from tui.ui.app import MarginaliaApp  # noqa: E402
from tui.ui.reader_screen import ReaderScreen  # noqa: E402

SIZE = (160, 48)
KEY_GAP = 0.1
# (label, key, character, where the key's work is done: the screen's navigator "nav"
# or its review flows "review", and the method); x/a act on the current item: a claim
# after J, an entity mention after e.
KEYS: list[tuple[str, str, str | None, str, str]] = [
    ("J", "J", "J", "nav", "step"),
    ("1 verdict", "1", "1", "review", "verdict"),
    ("0 clear", "0", "0", "review", "verdict"),
    ("x claim", "x", "x", "review", "reject"),
    ("a claim", "a", "a", "review", "accept"),
    ("u", "u", "u", "review", "undo"),
    ("ctrl+r", "ctrl+r", None, "review", "redo"),
    ("e", "e", "e", "nav", "step"),
    ("x mention", "x", "x", "review", "reject"),
    ("a mention", "a", "a", "review", "accept"),
]


def items(ann: Annotations) -> int:
    return len(ann.entities) + len(ann.mentions) + len(ann.claims) + len(ann.events)


async def key_latencies(
    session: ReviewSession, rounds: int, save_during: bool = False
) -> dict[str, object]:
    app = MarginaliaApp(session=session, extractor=None)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)

        async def measure(label: str, key: str, char: str | None, owner: str, action: str) -> None:
            wall, cpu = await key_to_frame(app, key, char, getattr(screen, owner), action)
            times.setdefault(label, []).append(wall)
            times.setdefault(f"{label} cpu", []).append(cpu)
            await asyncio.sleep(KEY_GAP)

        async def retype() -> None:
            """t opens the picker; p picks PERSON: timed to the frame after the change."""
            done = asyncio.Event()
            t0 = 0.0
            session.subscribe(lambda: app.call_after_refresh(done.set))
            await pilot.press("t")
            await pilot.pause()
            t0, c0 = time.perf_counter(), time.thread_time()
            app.post_message(events.Key("p", "p"))
            await asyncio.wait_for(done.wait(), 30)
            times.setdefault("t+p", []).append((time.perf_counter() - t0) * 1000)
            times.setdefault("t+p cpu", []).append((time.thread_time() - c0) * 1000)
            session._listeners.pop()  # noqa: SLF001 - the bench's own listener
            await asyncio.sleep(KEY_GAP)

        saver: threading.Thread | None = None
        for i in range(rounds):
            if save_during and (saver is None or not saver.is_alive()):
                # A full save in its thread, as the autosaver runs it, overlapping the keys.
                saver = threading.Thread(target=session.save, kwargs={"force": True})
                saver.start()
            for label, key, char, owner, action in KEYS:
                await measure(label, key, char, owner, action)
            if i % 3 == 0 and not save_during:
                await retype()
                await pilot.press("u")
                await pilot.pause()
        if saver is not None:
            saver.join()
    return {name: summary(values) for name, values in times.items()}


def time_save(
    session: ReviewSession, ann: Annotations, path: Path, repeat: int = 5
) -> dict[str, float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        sidecar.save(path, ann, sha256=session.document.sha256, length=len(session.document.text))
        out.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": round(statistics.median(out), 1), "best_ms": round(min(out), 1)}


def cut(ann: Annotations, n: int) -> Annotations:
    """About ``n`` items from the start of the article, with the entities they name."""
    lo, hi = 0, max((m.span.end for m in ann.mentions), default=0)
    best = ann
    while lo < hi:  # the text offset where the items before it number about n
        mid = (lo + hi) // 2
        part = _before(ann, mid)
        if items(part) < n:
            lo = mid + 1
        else:
            best, hi = part, mid
    return best


def _before(ann: Annotations, offset: int) -> Annotations:
    mentions = tuple(m for m in ann.mentions if m.span.end <= offset)
    claims = tuple(c for c in ann.claims if c.end <= offset)
    events = tuple(e for e in ann.events if e.trigger.end <= offset)
    named = {m.entity for m in mentions}
    for c in claims:
        if c.source is not None and c.source.entity:
            named.add(c.source.entity)
    for e in events:
        for r in (*e.actors, *e.targets, *e.location, *e.time):
            if r.entity:
                named.add(r.entity)
    return Annotations(tuple(e for e in ann.entities if e.id in named), mentions, claims, events)


def _task() -> float:
    """A key's worth of pure-Python work; the ms it waited (wall minus its own CPU)."""
    t0, c0 = time.perf_counter(), time.thread_time()
    x = 0
    for i in range(60_000):
        x += i * i
    return ((time.perf_counter() - t0) - (time.thread_time() - c0)) * 1000


def stalls_while_saving(session: ReviewSession, folder: Path, repeat: int = 3) -> dict[str, object]:
    """How long work on the UI thread waits while a full save runs: the shipped save
    (``session.save``: a forked child from 3,000 items) against the same file encoded in
    a thread of this process (the old way), alternated in one run. Waits include time
    lost to other processes; the max shows a save holding the interpreter lock."""
    ann, doc = session.annotations, session.document

    def in_thread() -> None:
        sidecar.save(folder / "thread.yaml", ann, sha256=doc.sha256, length=len(doc.text))

    def shipped() -> None:
        session.save(force=True)

    def during(save: Callable[[], object]) -> list[float]:
        saver = threading.Thread(target=save)
        saver.start()
        waits = []
        while saver.is_alive():
            waits.append(_task())
            time.sleep(0.01)
        saver.join()
        return waits

    out: dict[str, list[float]] = {"idle": [], "save in a thread": [], "shipped save": []}
    for _ in range(repeat):
        out["idle"] += [_task() for _ in range(30)]
        out["save in a thread"] += during(in_thread)
        out["shipped save"] += during(shipped)
    return {name: summary(values) for name, values in out.items()}


def save_delay(
    quiet: dict[str, dict[str, float]], saving: dict[str, dict[str, float]]
) -> dict[str, float]:
    """How much longer each key takes while a full save runs (median and max, ms): the
    target is that saving never delays a key by more than 16 ms."""
    out: dict[str, float] = {}
    for label, figures in saving.items():
        if label.endswith("cpu") or label not in quiet:
            continue
        out[f"{label} median"] = round(figures["median"] - quiet[label]["median"], 1)
        out[f"{label} max"] = round(figures["max"] - quiet[label]["median"], 1)
    return out


async def main(rounds: int) -> None:
    report: dict[str, object] = {"terminal": f"{SIZE[0]}x{SIZE[1]}", "key_gap_ms": KEY_GAP * 1000}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = folder / "aleppo.txt"
        seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        session = ReviewSession.open(seed, reviewer="bench")
        session.apply_extraction(extract(session.document))
        report["seed_items"] = items(session.annotations)
        report["seed_keys_ms"] = await key_latencies(session, rounds)
        session.close()

        big = folder / "big.txt"
        big.write_text(big_article(), encoding="utf-8")
        session = ReviewSession.open(big, reviewer="bench")
        t0 = time.perf_counter()
        session.apply_extraction(extract(session.document))
        report["big_extract_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        ann = session.annotations
        report["big_bytes"] = big.stat().st_size
        report["big_items"] = {
            "total": items(ann),
            "entities": len(ann.entities),
            "mentions": len(ann.mentions),
            "claims": len(ann.claims),
            "events": len(ann.events),
        }
        # The case: the 1 MB article with 5,000 annotated items.
        five = cut(ann, 5000)
        big5k = folder / "big5k.txt"  # its own file: two sessions on one sidecar would conflict
        big5k.write_text(big.read_text(encoding="utf-8"), encoding="utf-8")
        small = ReviewSession.open(big5k, reviewer="bench")
        small.apply_extraction(five)
        report["big_5000_items_keys_ms"] = await key_latencies(small, rounds)
        small.close()
        # A harder one: every item the extractor finds in it.
        report["big_all_items_keys_ms"] = await key_latencies(session, rounds)
        report["big_all_items_keys_while_saving_ms"] = await key_latencies(
            session, max(3, rounds // 3), save_during=True
        )
        report["save_delay_ms"] = save_delay(
            report["big_all_items_keys_ms"],  # type: ignore[arg-type]
            report["big_all_items_keys_while_saving_ms"],  # type: ignore[arg-type]
        )
        report["ui_waits_while_saving_ms"] = stalls_while_saving(session, folder)
        report["save_all_ms"] = {
            "items": items(ann),
            **time_save(session, ann, folder / "all.yaml"),
        }
        report["save_5000_ms"] = {
            "items": items(five),
            **time_save(session, five, folder / "five.yaml"),
        }
        session.close()
    report["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="rounds of the review keys")
    parser.add_argument("--key-gap", type=float, default=KEY_GAP, help="seconds between keys")
    args = parser.parse_args()
    KEY_GAP = args.key_gap
    asyncio.run(main(args.rounds))

"""Helpers shared by the benchmark scripts: a 1 MB article, timers, memory."""

from __future__ import annotations

import inspect
import random
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "aleppo.txt"

# Generated filler so the big article is not only the seed repeated (which would
# flatter caches): varied sentences with names, quotes, numbers and abbreviations.
_SUBJECTS = [
    "The U.S. envoy",
    "Mr. Haddad",
    "Gen. Omar Khalil",
    "Officials in Damascus",
    "A spokesperson for the United Nations",
    "Two rebel sources",
    "The Turkish army",
    "Residents of Idlib",
    "Dr. Leila Nasser",
    "The ministry",
]
_VERBS = ["said", "told reporters", "claimed", "warned", "denied", "added"]
_CONTENT = [
    "at least 17 people had been killed in shelling near Homs",
    "the convoy reached the border at 9 a.m. on Tuesday",
    "about 2,500 families had fled since Nov. 27",
    "“we will not accept any ceasefire that ignores civilians”",
    "air strikes had hit a market in Saraqeb, wounding dozens",
    "talks in Geneva would resume after 3.5 weeks",
    "the No. 2 commander was captured along with hundreds of fighters",
]


def generated_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 5)):
        s, v, c = rng.choice(_SUBJECTS), rng.choice(_VERBS), rng.choice(_CONTENT)
        sentences.append(
            f"{s} {v} {c}." if rng.random() < 0.7 else f"According to {s.lower()}, {c}."
        )
    return " ".join(sentences)


def big_article(size: int = 1_000_000, seed: int = 7) -> str:
    """About ``size`` characters: the seed article interleaved with generated paragraphs."""
    rng = random.Random(seed)
    base = SEED.read_text(encoding="utf-8")
    parts: list[str] = []
    total = 0
    while total < size:
        chunk = (
            base if rng.random() < 0.5 else "\n".join(generated_paragraph(rng) for _ in range(8))
        )
        parts.append(chunk)
        total += len(chunk) + 1
    return "\n".join(parts)[:size].rsplit("\n", 1)[0] + "\n"


def timed(fn: Callable[[], object], repeat: int = 5) -> dict[str, float]:
    """Median and best wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return {"median_ms": round(statistics.median(times), 2), "best_ms": round(min(times), 2)}


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def summary(times: list[float]) -> dict[str, float]:
    """n, median, p90 and max of a list of milliseconds."""
    times = sorted(times)
    return {
        "n": len(times),
        "median": round(statistics.median(times), 2),
        "p90": round(times[int(len(times) * 0.9)], 2),
        "max": round(times[-1], 2),
    }


async def key_to_frame(
    app: object, key: str, char: str | None, owner: object, action: str, timeout: float = 10
) -> tuple[float, float]:
    """Post ``key`` to a running ``app``; ms until the frame after ``owner.action`` ran, and
    the UI thread's CPU ms over the same interval.

    Pilot's ``press()`` + ``pause()`` has a floor of ~80 ms of its own; this times the
    action to the next rendered frame (``call_after_refresh``) instead.
    """
    import asyncio

    from textual import events

    original = getattr(owner, action)
    done = asyncio.Event()
    stamps: list[float] = []
    t0 = c0 = 0.0

    def finished() -> None:
        stamps.extend(((time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000))
        done.set()

    def wrapped(*args: object) -> object:
        result = original(*args)
        if inspect.isawaitable(result):  # an async action: the frame after it is done

            async def then() -> object:
                value = await result
                app.call_after_refresh(finished)  # type: ignore[attr-defined]
                return value

            return then()
        app.call_after_refresh(finished)  # type: ignore[attr-defined]
        return result

    setattr(owner, action, wrapped)
    try:
        t0, c0 = time.perf_counter(), time.thread_time()
        app.post_message(events.Key(key, char))  # type: ignore[attr-defined]
        await asyncio.wait_for(done.wait(), timeout)
    finally:
        delattr(owner, action)
    return stamps[0], stamps[1]

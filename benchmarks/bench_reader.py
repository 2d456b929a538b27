"""Reader figures: first frame against a bare Textual app, claim jump, page scroll, memory.

Run: python benchmarks/bench_reader.py [--skip-extract]   (prints one JSON object)

Everything runs headless (``App.run_test``) in one process. Latencies are timed
from the key event to the next rendered frame (``call_after_refresh``), not with
Pilot's ``press()``/``pause()``, which has a floor of ~80 ms of its own. Keys are
sent KEY_GAP apart (100 ms: a reader pressing J, --key-gap to change): back to
back, every key would also wait for Textual's 60 fps frame timer (about 16 ms, in
a bare app too), and at gaps near the sidebar's 60 ms follow delay a key can land
just after the follow's own frame and wait for the next frame slot.
``*_cpu_ms`` is the UI thread's CPU time over the same interval: on a shared,
busy machine it shows the work apart from time lost to other processes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.text import Text  # noqa: E402
from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.widgets import Static  # noqa: E402

from benchmarks.common import (  # noqa: E402
    SEED,
    big_article,
    key_to_frame,
    peak_rss_mb,
    summary,
)
from tui.extract import extract  # noqa: E402
from tui.review import ReviewSession  # noqa: E402
from tui.text import load_document  # noqa: E402
from tui.ui.app import MarginaliaApp  # noqa: E402
from tui.ui.article_view import ArticleView  # noqa: E402
from tui.ui.reader_screen import ReaderScreen  # noqa: E402

SIZE = (160, 48)
KEY_GAP = 0.1  # seconds between measured keys


class BareApp(App[None]):
    """The least a Textual app can do to show the text: one Static in a scroll view."""

    def __init__(self, text: str, shown: Callable[[], None]) -> None:
        super().__init__()
        self.text = text
        self.shown = shown

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.text))

    def on_mount(self) -> None:
        self.call_after_refresh(self.shown)


async def first_frame_bare(text: str) -> float:
    done = asyncio.Event()
    t0 = time.perf_counter()
    stamp: list[float] = []

    def shown() -> None:
        stamp.append(time.perf_counter() - t0)
        done.set()

    app = BareApp(text, shown)
    async with app.run_test(size=SIZE):
        await done.wait()
    return stamp[0]


async def first_frame_ours(
    path: Path, extractor: object = "default"
) -> tuple[float, float | None, object]:
    """Seconds to the text on screen and to the highlights (from App()), and the annotations."""
    text_done, ann_done = asyncio.Event(), asyncio.Event()
    t0 = time.perf_counter()
    stamps: dict[str, float] = {}
    found: list[object] = []

    def hook(message: object) -> None:
        if isinstance(message, ReaderScreen.TextShown) and "text" not in stamps:
            stamps["text"] = message.at - t0
            text_done.set()
        elif isinstance(message, ReaderScreen.Extracted):
            stamps["extracted"] = time.perf_counter() - t0
            found.append(message.annotations)
            ann_done.set()

    app = MarginaliaApp(path, extractor=extractor)
    async with app.run_test(size=SIZE, message_hook=hook):
        await text_done.wait()
        if extractor is not None:
            await ann_done.wait()
    return stamps["text"], stamps.get("extracted"), found[0] if found else None


async def latencies(session: ReviewSession, n: int = 60) -> dict[str, object]:
    """Key event -> rendered frame for J (claim jump) and space (page down), in ms."""
    app = MarginaliaApp(session=session, extractor=None)
    results: dict[str, list[float]] = {"claim_jump": [], "page_down": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        article = screen.query_one(ArticleView)
        assert isinstance(screen, ReaderScreen)

        async def measure(key: str, into: list[float], owner: object, action: str) -> None:
            char = {"space": " "}.get(key, key if len(key) == 1 else None)
            wall, cpu = await key_to_frame(app, key, char, owner, action, timeout=5)
            into.append(wall)
            results.setdefault(f"{key}_cpu", []).append(cpu)
            await asyncio.sleep(KEY_GAP)

        for _ in range(n):
            await measure("J", results["claim_jump"], screen, "action_next_claim")
        article.focus()
        await pilot.pause()
        for _ in range(n):
            await measure("space", results["page_down"], article, "action_page_down")
        rows = len(article.rows)
    out: dict[str, object] = {"rows": rows}
    names = {
        "claim_jump": "claim_jump",
        "page_down": "page_down",
        "J_cpu": "claim_jump_cpu",
        "space_cpu": "page_down_cpu",
    }
    for name, times in results.items():
        out[f"{names[name]}_ms"] = summary(times)
    return out


class BareKeyApp(App[None]):
    """The floor for key -> frame: a key that changes one line of text."""

    BINDINGS = [("J", "flip", "")]

    def __init__(self) -> None:
        super().__init__()
        self.done: Callable[[], None] = lambda: None

    def compose(self) -> ComposeResult:
        yield Static("-", id="line")

    def action_flip(self) -> None:
        self.query_one("#line", Static).update(str(time.perf_counter()))
        self.call_after_refresh(self.done)


async def bare_key_latency(n: int = 60) -> dict[str, float]:
    app = BareKeyApp()
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(n):
            done = asyncio.Event()
            app.done = done.set
            t0 = time.perf_counter()
            app.post_message(events.Key("J", "J"))
            await asyncio.wait_for(done.wait(), 5)
            times.append((time.perf_counter() - t0) * 1000)
            await asyncio.sleep(KEY_GAP)
    return summary(times)


async def main(skip_extract: bool) -> None:
    report: dict[str, object] = {"terminal": f"{SIZE[0]}x{SIZE[1]}", "key_gap_ms": KEY_GAP * 1000}
    seed_text = load_document(SEED).text
    bare, ours = [], []
    for _ in range(7):  # alternate, so warm-up and noise fall on both alike
        bare.append(await first_frame_bare(seed_text))
        ours.append((await first_frame_ours(SEED))[0])
    report["bare_textual_key_to_frame_ms"] = await bare_key_latency()
    report["seed_first_frame_ms"] = {
        "bare_textual_median": round(statistics.median(bare) * 1000, 1),
        "marginalia_median": round(statistics.median(ours) * 1000, 1),
        "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(big_article(), encoding="utf-8")
        report["big_article_bytes"] = path.stat().st_size
        # Text first; extraction runs in a worker thread alongside (when not skipped).
        text_s, extracted_s, annotations = await first_frame_ours(
            path, None if skip_extract else "default"
        )
        report["big_text_on_screen_ms"] = round(text_s * 1000, 1)
        doc = load_document(path)
        if extracted_s is not None:
            report["big_highlights_in_ms"] = round(extracted_s * 1000, 1)
        else:
            t0 = time.perf_counter()
            annotations = extract(doc)
            report["big_extract_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        report["big_counts"] = {
            "mentions": len(annotations.mentions),
            "claims": len(annotations.claims),
            "events": len(annotations.events),
        }
        session = ReviewSession(doc, annotations, reviewer="bench")
        report["big"] = await latencies(session)
    report["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--key-gap", type=float, default=KEY_GAP, help="seconds between measured keys"
    )
    parser.add_argument(
        "--skip-extract",
        action="store_true",
        help="do not run the extractor in the background while timing the big article's first frame",
    )
    args = parser.parse_args()
    KEY_GAP = args.key_gap
    asyncio.run(main(args.skip_extract))

"""Reader figures against a bare Textual app in the same run: first frame, annotations
ready, reopening, a 1 MB article (and one that is a single 1 MB line), key to frame,
quitting, memory.

Run: python benchmarks/bench_reader.py [--runs N] [--key-gap S]   (prints one JSON object)

Everything runs headless (``App.run_test``). Times start at ``MarginaliaApp()`` (the
extractor's child process is started there, as the command starts it before the UI
is imported). "text" is the frame that first shows the article; "ready" the frame
after the annotations are final and drawn. Latencies are timed from the key event to
the next rendered frame (``benchmarks.common.key_to_frame``), keys KEY_GAP apart;
``*_cpu`` is the UI thread's CPU time over the same interval (on a busy machine it
shows the work apart from time lost to other processes). The 1 MB measurements run
in a fresh process each, so their peak RSS is theirs alone (the extractor's child is
reported apart: RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import VerticalScroll  # noqa: E402
from textual.widgets import Static  # noqa: E402

from benchmarks.common import SEED, big_article, key_to_frame, summary  # noqa: E402
from tui.model import Annotations  # noqa: E402
from tui.review import ReviewSession  # noqa: E402
from tui.text import load_document  # noqa: E402
from tui.ui.app import MarginaliaApp  # noqa: E402
from tui.ui.article_view import ArticleView  # noqa: E402
from tui.ui.reader_messages import AnnotationsReady, TextShown  # noqa: E402
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


async def first_frame_bare(text: str) -> tuple[float, float]:
    """Seconds to the text on screen, wall and this process's CPU."""
    done = asyncio.Event()
    t0, c0 = time.perf_counter(), time.process_time()
    stamp: list[float] = []

    def shown() -> None:
        stamp.extend((time.perf_counter() - t0, time.process_time() - c0))
        done.set()

    app = BareApp(text, shown)
    async with app.run_test(size=SIZE):
        await done.wait()
    return stamp[0], stamp[1]


async def open_ours(path: Path, extractor: object = "default") -> dict[str, object]:
    """Seconds from App() to the text on screen and to the annotations ready and drawn,
    and the highlights the first frame showed."""
    text_done, ready = asyncio.Event(), asyncio.Event()
    t0, c0 = time.perf_counter(), time.process_time()
    out: dict[str, object] = {}

    def hook(message: object) -> None:
        if isinstance(message, TextShown) and "text" not in out:
            out["text"] = message.at - t0
            out["text_cpu"] = time.process_time() - c0
            out["first_frame_highlights"] = len(app.screen.query_one(ArticleView)._mentions.starts)
            out["extracting"] = app.screen.extracting
            text_done.set()
        elif isinstance(message, AnnotationsReady) and "ready" not in out:

            def drawn() -> None:
                out["ready"] = time.perf_counter() - t0
                ready.set()

            app.call_after_refresh(drawn)

    app = MarginaliaApp(path, extractor=extractor)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE, message_hook=hook):
        await text_done.wait()
        await ready.wait()
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.session is not None
        ann = screen.session.annotations
        out["counts"] = {"mentions": len(ann.mentions), "claims": len(ann.claims)}
    return out


async def latencies(app: MarginaliaApp, n: int) -> dict[str, object]:
    """J, ] and page down, key to frame, with every item loaded."""
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    article = screen.article
    times: dict[str, list[float]] = {}
    keys = (("J", "J", screen.nav, "step"), ("]", "right_square_bracket", screen.nav, "step"))
    for label, key, owner, action in keys:
        for _ in range(n):
            wall, cpu = await key_to_frame(app, key, label, owner, action)
            times.setdefault(label, []).append(wall)
            times.setdefault(f"{label} cpu", []).append(cpu)
            await asyncio.sleep(KEY_GAP)
    screen.set_focus(article)
    for _ in range(n):
        wall, cpu = await key_to_frame(app, "space", " ", article, "action_page_down")
        times.setdefault("page down", []).append(wall)
        times.setdefault("page down cpu", []).append(cpu)
        await asyncio.sleep(KEY_GAP)
    return {name: summary(values) for name, values in times.items()}


async def big_in_this_process(path: Path, n: int) -> dict[str, object]:
    """The 1 MB article opened as a user opens it: text, highlights, keys, quitting."""
    text_done, ready = asyncio.Event(), asyncio.Event()
    t0 = time.perf_counter()
    out: dict[str, object] = {}

    cpu0 = time.process_time()

    def hook(message: object) -> None:
        if isinstance(message, TextShown) and "text_ms" not in out:
            out["text_ms"] = round((message.at - t0) * 1000, 1)
            text_done.set()
        elif isinstance(message, AnnotationsReady) and "highlights_ms" not in out:

            def drawn() -> None:
                out["highlights_ms"] = round((time.perf_counter() - t0) * 1000, 1)
                # CPU seconds to get there, the reader's and the extractor child's:
                # on a busy machine they show the work apart from time waited.
                child = resource.getrusage(resource.RUSAGE_CHILDREN)
                out["highlights_cpu_ms"] = {
                    "reader": round((time.process_time() - cpu0) * 1000, 1),
                    "extractor": round((child.ru_utime + child.ru_stime) * 1000, 1),
                }
                ready.set()

            app.call_after_refresh(drawn)

    app = MarginaliaApp(path)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await text_done.wait()
        one_line = "\n" not in path.read_text(encoding="utf-8").strip()
        if one_line:
            # Its extraction is not bounded yet (issue 8): scroll and quit meanwhile.
            screen = app.screen
            assert isinstance(screen, ReaderScreen)
            wall, _ = await key_to_frame(app, "space", " ", screen.article, "action_page_down")
            out["page_down_while_extracting_ms"] = round(wall, 2)
        else:
            await ready.wait()
            screen = app.screen
            assert isinstance(screen, ReaderScreen) and screen.session is not None
            ann = screen.session.annotations
            out["items"] = {
                "mentions": len(ann.mentions),
                "claims": len(ann.claims),
                "events": len(ann.events),
            }
            out["rows"] = len(screen.article.rows)
            out["keys_ms"] = await latencies(app, n)
        t_quit = time.perf_counter()
        await pilot.press("q")
    out["quit_ms"] = round((time.perf_counter() - t_quit) * 1000, 1)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["extractor_child_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )
    return out


def big_in_a_fresh_process(path: Path, n: int) -> dict[str, object]:
    proc = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(path),
            "--keys",
            str(n),
            "--key-gap",
            str(KEY_GAP),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


async def main(runs: int, keys: int) -> None:
    report: dict[str, object] = {"terminal": f"{SIZE[0]}x{SIZE[1]}", "key_gap_ms": KEY_GAP * 1000}
    seed_text = load_document(SEED).text
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = folder / "aleppo.txt"
        seed.write_text(seed_text, encoding="utf-8")
        bare: list[float] = []
        bare_cpu: list[float] = []
        text: list[float] = []
        text_cpu: list[float] = []
        ready: list[float] = []
        for _ in range(runs):  # alternate, so warm-up and noise fall on both alike
            wall, cpu = await first_frame_bare(seed_text)
            bare.append(wall)
            bare_cpu.append(cpu)
            ours = await open_ours(seed)
            text.append(float(ours["text"]))  # type: ignore[arg-type]
            text_cpu.append(float(ours["text_cpu"]))  # type: ignore[arg-type]
            ready.append(float(ours["ready"]))  # type: ignore[arg-type]
        report["seed"] = {
            "bare_textual_text_ms": median_ms(bare),
            "text_ms": median_ms(text),
            "ready_ms": median_ms(ready),
            "text_ratio": round(statistics.median(text) / statistics.median(bare), 2),
            "ready_ratio_to_bare_text": round(
                statistics.median(ready) / statistics.median(bare), 2
            ),
            # This process's CPU to the text on screen (the extractor child apart).
            "bare_textual_text_cpu_ms": median_ms(bare_cpu),
            "text_cpu_ms": median_ms(text_cpu),
            "text_cpu_ratio": round(statistics.median(text_cpu) / statistics.median(bare_cpu), 2),
        }
        # Reopening: the review saved, then the article opened again.
        session = ReviewSession.open(seed, reviewer="bench")
        session.apply_extraction(ours_annotations(seed))
        session.set_verdict(session.annotations.claims[0].id, "verified")
        session.close()
        reopen = await open_ours(seed)
        report["seed_reopen"] = {
            "text_ms": round(float(reopen["text"]) * 1000, 1),  # type: ignore[arg-type]
            "ready_ms": round(float(reopen["ready"]) * 1000, 1),  # type: ignore[arg-type]
            "first_frame_highlights": reopen["first_frame_highlights"],
            "extraction_ran": reopen["extracting"],
        }
        big = folder / "big.txt"
        big_text = big_article()
        big.write_text(big_text, encoding="utf-8")
        report["big_bytes"] = big.stat().st_size
        report["big"] = big_in_a_fresh_process(big, keys)
        one_line = folder / "one_line.txt"
        one_line.write_text(big_text.replace("\n", " "), encoding="utf-8")
        report["big_one_line"] = big_in_a_fresh_process(one_line, keys)
    print(json.dumps(report, indent=1))


def ours_annotations(path: Path) -> Annotations:
    from tui.extract import extract

    return extract(load_document(path))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="seed openings (alternating with bare)")
    parser.add_argument("--keys", type=int, default=40, help="presses of each measured key")
    parser.add_argument("--key-gap", type=float, default=KEY_GAP, help="seconds between keys")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    KEY_GAP = args.key_gap
    if args.child is not None:
        print(json.dumps(asyncio.run(big_in_this_process(args.child, args.keys))))
    else:
        asyncio.run(main(args.runs, args.keys))

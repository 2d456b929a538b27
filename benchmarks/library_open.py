"""Open the library on a folder headless and report what a user would feel (one JSON line).

Run by bench_corpus.py in a fresh process: python benchmarks/library_open.py FOLDER
(``--extractor``: with the shipped extractor's settings, as `marginalia FOLDER` runs it, so
the library looks in the extraction cache, $MARGINALIA_CACHE_DIR; no child is started)
- first_screen_s: from the process's start (imports included) to the first frame with rows
- first_screen_cpu_s: this process's CPU time by then (on a shared machine, the steadier one)
- page_down_ms / bottom_ms: a key to the next frame, median, with every row loaded
- peak_rss_mb: the process's peak memory, the index refresh included
- cached_rows_shown_s: from the start to the first frame listing rows as extracted from
  the cache (with --extractor, when the folder has some)
- cached_rows: rows listed as extracted from the cache once the refresh is done
"""

from __future__ import annotations

import time

START = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.corpus.discover import find_articles  # noqa: E402
from tui.corpus.index import CorpusIndex  # noqa: E402
from tui.ui.library.app import LibraryApp  # noqa: E402
from tui.ui.library.screen import LibraryScreen  # noqa: E402
from tui.ui.library.table import ArticleTable  # noqa: E402


async def next_frame(app: LibraryApp) -> None:
    done = asyncio.Event()
    app.call_after_refresh(done.set)
    await asyncio.wait_for(done.wait(), 30)


async def main(folder: Path, extractor: bool = False) -> dict:
    articles = find_articles([folder])
    index = CorpusIndex.open(folder)
    app = LibraryApp(index, articles, **({} if extractor else {"extractor": None}))
    out: dict = {"articles": len(articles)}
    async with app.run_test(size=(160, 48)) as pilot:
        while not (isinstance(app.screen, LibraryScreen) and app.screen.state.visible):
            await asyncio.sleep(0.002)
        await next_frame(app)
        out["first_screen_s"] = round(time.perf_counter() - START, 3)
        # CPU of this process so far: what the machine's load does not inflate
        out["first_screen_cpu_s"] = round(time.process_time(), 3)
        if extractor and getattr(app, "cached", None) is not None:
            # rows listed as extracted from the extraction cache (looked up in a thread)
            while not any(getattr(r, "cached", False) for r in app.screen.state.visible):
                await asyncio.sleep(0.002)
            await next_frame(app)
            out["cached_rows_shown_s"] = round(time.perf_counter() - START, 3)
        screen = app.screen
        table = screen.query_one(ArticleTable)
        times = []
        for key in ["pagedown"] * 10 + ["G", "g"] * 3:
            t0 = time.perf_counter()
            await pilot.press(key)
            await next_frame(app)
            times.append((time.perf_counter() - t0) * 1000)
        out["key_to_frame_ms_median (Pilot's press has an ~80 ms floor)"] = round(
            statistics.median(times), 1
        )
        t0 = time.perf_counter()
        while screen._indexing or screen.workers:
            await asyncio.sleep(0.01)
        out["refresh_after_open_s"] = round(time.perf_counter() - t0, 2)
        await next_frame(app)
        out["cached_rows"] = sum(1 for r in screen.state.visible if getattr(r, "cached", False))
        t0 = time.perf_counter()
        screen.state.sort_by("claims")
        table.reload()
        await next_frame(app)
        out["sort_10k_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        t0 = time.perf_counter()
        screen.state.set_filter("aleppo")
        table.reload()
        await next_frame(app)
        out["filter_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    index.close()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


async def bare() -> dict:
    """The baseline: a bare Textual app drawing one screen of text, same process start."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("\n".join(f"row {i}" for i in range(48)))

    app = Bare()
    async with app.run_test(size=(160, 48)):
        await next_frame(app)  # type: ignore[arg-type]
        first = time.perf_counter() - START
        cpu = time.process_time()
    return {
        "bare_textual_first_screen_s": round(first, 3),
        "bare_textual_first_screen_cpu_s": round(cpu, 3),
    }


if __name__ == "__main__":
    if sys.argv[1] == "--bare":
        print(json.dumps(asyncio.run(bare())))
    else:
        extractor = "--extractor" in sys.argv[2:]
        print(json.dumps(asyncio.run(main(Path(sys.argv[1]), extractor))))

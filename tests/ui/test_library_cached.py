"""The library lists an article with no sidecar but suggestions in the user's extraction
cache as extracted, with their counts (read from the entry's header), and never writes
that into the folder's index; an entry it cannot use leaves the article not extracted."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.corpus.library import ALEPPO, aleppo_annotations, write_article
from tests.waiting import wait_until_async
from tui.cache.extractions import CacheSettings, ExtractionCache
from tui.corpus.discover import find_articles
from tui.corpus.index import CorpusIndex
from tui.model import Annotations, Review
from tui.store.sidecar import sidecar_path
from tui.text import Document, load_document
from tui.ui.config import Config
from tui.ui.extraction import ThreadExtraction
from tui.ui.library.app import LibraryApp
from tui.ui.library.screen import LibraryScreen
from tui.ui.library.table import ArticleTable
from tui.ui.reader_screen import ReaderScreen

VERSION = "x1-test"


def suggestions(text: str) -> Annotations:
    """The tiny library's Aleppo annotations as an extractor leaves them: 4 mentions,
    2 claims, 1 event, every one an untouched suggestion."""
    ann = aleppo_annotations(text)
    return Annotations(
        ann.entities,
        tuple(replace(m, status="suggested") for m in ann.mentions),
        tuple(replace(c, status="suggested", review=Review()) for c in ann.claims),
        ann.events,
    )


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, document: Document) -> Annotations:
        self.calls += 1
        return suggestions(document.text)


def folder_with_cache(tmp_path: Path, version: str = VERSION) -> tuple[Path, Path]:
    """news/aleppo.txt, its suggestions cached by ``version`` (no sidecar), and
    news/plain.txt, never opened; the cache folder."""
    news = tmp_path / "news"
    aleppo = write_article(news, "aleppo.txt", ALEPPO)
    write_article(news, "plain.txt", "A quiet day in Homs. Nothing was reported.\n")
    doc = load_document(aleppo)  # as the reader loads it: the key has the title's place
    cache = tmp_path / "cache"
    assert ExtractionCache(cache).store(doc, version, suggestions(doc.text))
    return news, cache


def make_app(news: Path, cache: Path, extractor: Counting | None = None) -> LibraryApp:
    config = Config(reviewer="tester", cache=CacheSettings(folder=cache))
    extraction = ThreadExtraction(extractor or Counting(), version=VERSION)
    return LibraryApp(
        CorpusIndex.open(news), find_articles([news]), extraction=extraction, config=config
    )


def lines(app: LibraryApp) -> dict[str, str]:
    """What the table shows, by the article's title's first word."""
    table = app.screen.query_one(ArticleTable)
    shown = [table.render_line(y).text.rstrip() for y in range(table.size.height)]
    return {line[2:].split()[0]: line for line in shown if line.strip()}  # "Rebels", "plain"


def status(app: LibraryApp) -> str:
    return app.screen.query_one("#library-status").render().plain


class Finished:
    """A message hook that sees the refresh thread's last message (posted after its
    cache lookups): until it is handled, a row not listed as extracted proves nothing."""

    def __init__(self) -> None:
        self.seen = False

    def __call__(self, message: object) -> None:
        if isinstance(message, LibraryScreen.Indexed) and message.total is None:
            self.seen = True


async def settled(app: LibraryApp, finished: Finished, pilot) -> None:  # type: ignore[no-untyped-def]
    """The refresh and the cache lookups done, and what they found shown."""
    await wait_until_async(lambda: finished.seen, "the refresh to finish")
    await pilot.pause()
    await wait_until_async(lambda: len(lines(app)) == 2, "both rows", seen=lambda: str(lines(app)))


async def test_an_article_in_the_cache_is_listed_as_extracted_with_its_counts(tmp_path):
    news, cache = folder_with_cache(tmp_path)
    app = make_app(news, cache)
    finished = Finished()
    async with app.run_test(size=(150, 20), message_hook=finished) as pilot:
        await settled(app, finished, pilot)
        row = lines(app)["Rebels"]
        assert row.startswith("·")  # started, like an article extracted into a sidecar
        # claims reviewed/total, events, suggestions to do
        assert row.split()[-3:] == ["0/2", "1", "7"], row
        assert "–" not in row
        # its twin in the same folder, never opened: not extracted
        assert "–" in lines(app)["plain"] and lines(app)["plain"].startswith(" ")
        assert "1 not extracted yet" in status(app)
        assert "1 extracted in your cache only" in status(app)
    # the folder's index holds facts about the files only: no count, no "extracted"
    with CorpusIndex.open(news) as index:
        stored = index.summary(news / "aleppo.txt")
        assert stored is not None
        assert (stored.annotated, stored.cached, stored.claims_total) == (False, False, 0)
    assert not sidecar_path(news / "aleppo.txt").exists()


async def test_an_entry_of_another_extractor_leaves_the_article_not_extracted(tmp_path):
    news, cache = folder_with_cache(tmp_path, version="x1-older")
    app = make_app(news, cache)
    finished = Finished()
    async with app.run_test(size=(150, 20), message_hook=finished) as pilot:
        await settled(app, finished, pilot)
        assert "–" in lines(app)["Rebels"] and lines(app)["Rebels"].startswith(" ")
        assert "2 not extracted yet" in status(app)
        assert "in your cache" not in status(app)


async def test_an_entry_without_counts_is_read_by_the_reader_but_not_listed(tmp_path):
    """An entry from before headers had counts: the library says not extracted (as it
    did), the reader still opens it at once."""
    news, cache = folder_with_cache(tmp_path)
    (entry,) = (cache / "extractions").glob("*.json")
    header, body = entry.read_bytes().split(b"\n", 1)
    old = json.loads(header)
    del old["counts"]
    entry.write_bytes(json.dumps(old).encode() + b"\n" + body)
    extractor = Counting()
    app = make_app(news, cache, extractor)
    finished = Finished()
    async with app.run_test(size=(150, 20), message_hook=finished) as pilot:
        await settled(app, finished, pilot)
        assert "–" in lines(app)["Rebels"]
        assert "2 not extracted yet" in status(app)
        await pilot.press("enter")
        await wait_until_async(
            lambda: isinstance(app.screen, ReaderScreen) and app.screen.ready, "the reader"
        )
        assert len(app.screen.state.claims) == 2
        assert extractor.calls == 0  # from the cache


async def test_opening_and_leaving_a_cached_article_keeps_its_counts(tmp_path):
    news, cache = folder_with_cache(tmp_path)
    extractor = Counting()
    app = make_app(news, cache, extractor)
    finished = Finished()
    async with app.run_test(size=(150, 20), message_hook=finished) as pilot:
        await settled(app, finished, pilot)
        before = lines(app)["Rebels"]
        app.screen.state.select("aleppo.txt")
        await pilot.press("enter")
        await wait_until_async(
            lambda: isinstance(app.screen, ReaderScreen) and app.screen.ready, "the reader"
        )
        assert extractor.calls == 0  # the suggestions came from the cache
        await pilot.press("q")  # back to the library; nothing changed, no sidecar
        await wait_until_async(
            lambda: isinstance(app.screen, LibraryScreen) and not app.screen.workers,
            "the row to be indexed again",
        )
        await pilot.pause()
        assert lines(app)["Rebels"] == before
        assert not sidecar_path(news / "aleppo.txt").exists()

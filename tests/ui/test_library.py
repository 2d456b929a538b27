"""Pilot tests of the library: open, sort, filter, open an article, review, back, next."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.library import make_library, write_article
from tests.waiting import wait_until_async
from tui.corpus.discover import find_articles
from tui.corpus.index import CorpusIndex
from tui.ui.config import Config
from tui.ui.help_screen import live_bindings
from tui.ui.library.app import LibraryApp
from tui.ui.library.screen import LibraryScreen
from tui.ui.library.table import ArticleTable
from tui.ui.reader_screen import ReaderScreen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_library(tmp_path / "news")


def make_app(folder: Path) -> LibraryApp:
    index = CorpusIndex.open(folder)
    config = Config(reviewer="tester")
    return LibraryApp(index, find_articles([folder]), extractor=None, config=config)


def table_lines(app: LibraryApp) -> list[str]:
    """What the table shows, line by line (without trailing blanks)."""
    table = app.screen.query_one(ArticleTable)
    lines = [table.render_line(y).text.rstrip() for y in range(table.size.height)]
    return [line for line in lines if line]


def library(app: LibraryApp) -> LibraryScreen:
    screen = app.library()
    assert screen is not None
    return screen


async def indexed(app: LibraryApp) -> None:
    """Wait for the refresh thread to have finished (the rows show their counts)."""
    await wait_until_async(
        lambda: not library(app)._indexing and any("1/2" in line for line in table_lines(app)),
        "the index to be refreshed",
        seen=lambda: "\n".join(table_lines(app)),
    )


async def test_opens_on_the_folder_with_rows_and_the_progress_line(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 20)) as pilot:
        await indexed(app)
        lines = table_lines(app)
        assert len(lines) == 3
        assert "Rebels take Aleppo airport" in lines[0] and "Reuters" in lines[0]
        assert "1/2" in lines[0] and "ana" in lines[0]
        assert lines[1].startswith("✓") and "Truce talks stall" in lines[1]
        assert "2024-11-28" in lines[1]
        assert "plain" in lines[2] and "–" in lines[2]  # no sidecar yet: no counts
        status = app.screen.query_one("#library-status").render().plain
        assert status.startswith("1 / 3 articles done · 2 / 3 claims reviewed")
        assert "1 not extracted yet: marginalia extract DIR --write" in status  # plain.txt
        await pilot.press("q")
    assert app.return_code == 0


async def test_sort_filter_and_unfinished_only(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 20)) as pilot:
        await indexed(app)
        await pilot.press("s", "w")  # words, biggest first
        await pilot.pause()
        assert ["Rebels" in table_lines(app)[0], "plain" in table_lines(app)[-1]] == [True, True]
        await pilot.press("s", "t")  # title, A to Z
        await pilot.pause()
        assert [line[2:].split()[0] for line in table_lines(app)] == ["plain", "Rebels", "Truce"]
        await pilot.press("slash", "t", "r", "u", "c")
        await pilot.pause()
        assert len(table_lines(app)) == 1 and "Truce talks stall" in table_lines(app)[0]
        await pilot.press("escape")  # clears the filter, back in the list
        await pilot.pause()
        assert len(table_lines(app)) == 3
        assert app.focused is app.screen.query_one(ArticleTable)
        await pilot.press("U")
        await pilot.pause()
        assert not any("Truce" in line for line in table_lines(app))
        assert "showing 2" in app.screen.query_one("#library-status").render().plain


async def test_open_review_back_and_the_row_is_updated(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 30)) as pilot:
        await indexed(app)
        await pilot.press("enter")  # the first row: aleppo.txt
        # ready: keys typed in the moment the annotations become ready can be lost (a race
        # in the reader's key hold, seen 1 in 6 here), which this test is not about
        await wait_until_async(
            lambda: isinstance(app.screen, ReaderScreen) and app.screen.ready, "the reader"
        )
        reader = app.screen
        assert reader.path == folder / "aleppo.txt"
        await pilot.press("J", "J", "2")  # the second claim (c2): disputed
        await wait_until_async(
            lambda: reader.session.claim("c2").review.verdict == "disputed", "the verdict"
        )
        await pilot.press("q")  # back to the library, not out of the app
        await wait_until_async(
            lambda: isinstance(app.screen, LibraryScreen) and "2/2" in table_lines(app)[0],
            "the row to show the new verdict",
            seen=lambda: "\n".join(table_lines(app)),
        )
        assert "tester" in table_lines(app)[0]
        status = app.screen.query_one("#library-status").render().plain
        assert status.startswith("1 / 3 articles done · 3 / 3 claims reviewed")
    # saved to the sidecar, and the index knows without reading it again
    with CorpusIndex.open(folder) as index:
        assert index.refresh(find_articles([folder])).analysed == 0
        row = index.summary(folder / "aleppo.txt")
        assert row is not None and row.claims_reviewed == 2


async def test_next_and_previous_article_from_the_reader(folder: Path) -> None:
    write_article(folder, "zz.txt", "Officials in Homs said the road had reopened.\n")
    app = make_app(folder)
    async with app.run_test(size=(140, 30)) as pilot:
        await indexed(app)
        await pilot.press("enter")
        await wait_until_async(lambda: isinstance(app.screen, ReaderScreen), "the reader")
        ids = {binding_id for _, _, binding_id in live_bindings(app.screen)}
        assert {"next-article", "prev-article"} <= ids  # listed in the reader's help
        await pilot.press("greater_than_sign")
        await wait_until_async(
            lambda: isinstance(app.screen, ReaderScreen) and app.screen.path == folder / "gaza.md",
            "the next article",
        )
        assert len(app.screen_stack) == 3  # default screen, library, one reader: not a pile
        await pilot.press("less_than_sign")
        await wait_until_async(
            lambda: (
                isinstance(app.screen, ReaderScreen) and app.screen.path == folder / "aleppo.txt"
            ),
            "the previous article",
        )
        await pilot.press("less_than_sign")  # nothing before the first: stays
        await pilot.pause()
        assert app.screen.path == folder / "aleppo.txt"
        await pilot.press("escape")  # nothing to back out of in the reader: the library
        await wait_until_async(lambda: isinstance(app.screen, LibraryScreen), "the library")
        assert library(app).state.current.path == "aleppo.txt"


async def test_search_in_the_library_opens_the_article_at_the_item(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 30)) as pilot:
        await indexed(app)
        await pilot.press("ctrl+f")
        await pilot.press(*'source:"Syrian Observatory"')
        await wait_until_async(
            lambda: len(app.screen.hits) == 1,
            "the search result",
            seen=lambda: str(app.screen.hits),
        )
        hits = app.screen.query_one("#library-hits")
        assert "the Syrian Observatory for Human Rights said" in str(
            hits.get_option_at_index(0).prompt
        )
        await pilot.press("down", "enter")
        await wait_until_async(
            lambda: (
                isinstance(app.screen, ReaderScreen) and app.screen.state.current_claim is not None
            ),
            "the reader at the claim",
        )
        assert app.screen.path == folder / "aleppo.txt"
        assert app.screen.state.current_claim.id == "c1"


@pytest.mark.parametrize("typed", ["", "g"])
async def test_escape_closes_a_search_at_rest_and_the_app_goes_on(folder: Path, typed: str) -> None:
    # The search kept its own "dismissed" flag in Textual's `_closed`: escape in a search
    # that had settled made it refuse the message that removes it, and the app, waiting
    # for that removal, froze (the next key never handled, quitting hung).
    from tui.ui.library.search_screen import SearchScreen

    app = make_app(folder)
    async with app.run_test(size=(140, 30)) as pilot:
        await indexed(app)
        await pilot.press("ctrl+f", *typed)
        await wait_until_async(
            lambda: isinstance(app.screen, SearchScreen) and app.screen.is_mounted, "the search"
        )
        search = app.screen
        await pilot.pause()  # settled: nothing left in its queue
        await pilot.press("escape")
        await wait_until_async(lambda: not search.is_running, "the search to be removed")
        assert app.screen is library(app)
        await pilot.press("ctrl+f")
        await wait_until_async(
            lambda: isinstance(app.screen, SearchScreen) and app.screen is not search,
            "a new search",
        )

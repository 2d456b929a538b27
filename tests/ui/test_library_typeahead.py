"""Keys typed in one burst ("/gaza" then enter twice; ctrl+f then a query) all land where
the user meant, however late the filter box or the search screen takes the focus."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from tests.ui.test_library import folder, indexed, library, make_app, table_lines
from tests.waiting import wait_until_async
from tui.ui.library.app import LibraryApp
from tui.ui.library.search_screen import SearchScreen
from tui.ui.reader_screen import ReaderScreen

__all__ = ["folder"]  # the fixture, shared with the other library tests


def burst(app: LibraryApp, *keys: str) -> None:
    """Keys as a terminal delivers a paste or a fast typist: all queued before any is handled."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(_character_to_key(key), key))
        else:
            app.post_message(events.Key(key, None))


async def reader_ready(app: LibraryApp) -> None:
    # ready: leaving a reader still loading its article is another test's matter
    await wait_until_async(
        lambda: isinstance(app.screen, ReaderScreen) and app.screen.ready, "the reader"
    )


async def test_filter_typed_in_a_burst_then_enter_twice_opens_the_filtered_article(
    folder: Path,
) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 20)):
        await indexed(app)
        assert "Rebels take Aleppo airport" in table_lines(app)[0]  # the cursor's row
        burst(app, "/", "t", "r", "u", "c", "e", "enter", "enter")
        await reader_ready(app)
        assert app.screen.path == folder / "gaza.md"
        assert library(app).query_one("#library-filter").value == "truce"


async def test_backspace_and_escape_in_a_burst_reach_the_filter(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 20)) as pilot:
        await indexed(app)
        burst(app, "/", "p", "l", "x", "backspace", "a")
        # "plx" on the way shows one line too, "no articles": wait for the row itself
        await wait_until_async(
            lambda: len(table_lines(app)) == 1 and "plain" in table_lines(app)[0],
            "the filtered row",
            seen=lambda: "\n".join(table_lines(app)),
        )
        assert library(app).query_one("#library-filter").value == "pla"
        burst(app, "escape", "k")  # clears the filter (plain.txt, the last, still under the
        # cursor); k moves up the list rather than into the box
        await wait_until_async(lambda: len(table_lines(app)) == 3, "every row back")
        await pilot.pause()
        assert library(app).state.cursor == 1
        assert library(app).query_one("#library-filter").value == ""
        burst(app, "/", "g", "enter", "e", "r")  # back in the list: e r are not the box's
        await wait_until_async(
            lambda: len(table_lines(app)) == 1 and "articles" not in table_lines(app)[0],
            "the row with a g",
            seen=lambda: "\n".join(table_lines(app)),
        )
        await pilot.pause()
        assert "Truce talks stall" in table_lines(app)[0]
        assert library(app).query_one("#library-filter").value == "g"


async def test_a_query_typed_in_a_burst_after_ctrl_f_is_searched(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 30)):
        await indexed(app)
        burst(app, "ctrl+f", *"verdict:false", "enter", "enter")
        await reader_ready(app)
        assert app.screen.path == folder / "aleppo.txt"


async def test_ctrl_f_then_escape_in_a_burst_closes_the_search(folder: Path) -> None:
    app = make_app(folder)
    async with app.run_test(size=(140, 30)) as pilot:
        await indexed(app)
        burst(app, "ctrl+f", "g", "escape")
        await wait_until_async(lambda: app.screen is library(app), "the library again")
        await pilot.press("ctrl+f")
        await wait_until_async(lambda: isinstance(app.screen, SearchScreen), "the search")
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.query_one("#library-query").value == "g"  # a fresh search box


async def test_ctrl_f_again_right_after_escape_opens_a_fresh_search(folder: Path) -> None:
    # Keys typed after escape, before the search has closed, were the closing search's:
    # the second ctrl+f and the r were swallowed and the library stayed.
    app = make_app(folder)
    async with app.run_test(size=(140, 30)):
        await indexed(app)
        burst(app, "ctrl+f", "g", "escape", "ctrl+f", "r")
        await wait_until_async(
            lambda: (
                isinstance(app.screen, SearchScreen)
                and app.screen.query_one("#library-query", Input).value == "r"
            ),
            "a fresh search with the r typed into it",
            seen=lambda: f"{app.screen_stack}",
        )
        assert [type(s) for s in app.screen_stack[1:]] == [type(library(app)), SearchScreen]

"""Pilot tests: press the keys, check what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tests.waiting import wait_until_async
from tui.review import ReviewSession
from tui.text import load_document
from tui.ui.app import MarginaliaApp
from tui.ui.article_view import ArticleView
from tui.ui.config import Config
from tui.ui.help_screen import HelpScreen
from tui.ui.sidebar import RowList, Sidebar

SEED = Path(__file__).resolve().parents[2] / "seeds" / "aleppo.txt"


def make_app(*, theme: str | None = None, config: Config | None = None) -> MarginaliaApp:
    doc = load_document(SEED)
    session = ReviewSession(doc, seed_annotations(doc), reviewer="tester")
    return MarginaliaApp(session=session, extractor=None, theme=theme, config=config)


def visible_rows(article: ArticleView) -> range:
    top = int(article.scroll_y)
    return range(top, top + article.size.height)


def screen_text(article: ArticleView) -> str:
    return "\n".join(article.render_line(y).text for y in range(article.size.height))


async def test_J_and_K_step_through_claims_scroll_and_move_the_sidebar():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        article = screen.query_one(ArticleView)
        claims = screen.query_one("#claims", RowList)
        await pilot.press("J")
        assert screen.state.claim_index == 0 and claims.cursor == 0
        assert screen.state.current_claim.id == "c1"
        await pilot.press("J", "J", "J")
        await pilot.pause()
        claim = screen.state.current_claim
        assert claim.id == "c3" and claims.cursor == 3
        assert article.scroll_y > 0
        assert article.rows.row_of(claim.cue.start) in visible_rows(article)
        assert "claim 4/4" in str(screen.query_one("#status").render())
        await pilot.press("K")
        assert screen.state.current_claim.id == "c4"


async def test_current_claim_is_marked_in_the_article():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        article = app.screen.query_one(ArticleView)
        await pilot.press("J")
        await pilot.pause()
        claim = app.screen.state.current_claim
        row = article.rows.row_of(claim.cue.start)
        strip = article.render_line(row - int(article.scroll_y))
        cue_style = article._style("article--claim-cue")
        styled = [seg for seg in strip if seg.text == claim.cue.text]
        assert styled and styled[0].style.bgcolor == cue_style.bgcolor


async def test_events_and_entities():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("right_square_bracket")
        assert screen.state.current_event.id == "v1"
        assert screen.query_one("#events", RowList).cursor == 0
        assert screen.state.card_mode == "event"
        await pilot.press("right_square_bracket")
        assert screen.state.current_event.id == "v2"
        await pilot.press("left_square_bracket")
        assert screen.state.current_event.id == "v1"
        await pilot.press("e")
        first = screen.state.mentions[screen.state.mention_index]
        await pilot.press("asterisk")
        same = screen.state.mentions[screen.state.mention_index]
        assert same.entity == first.entity and same.span.start > first.span.start
        await pilot.press("E")
        assert screen.state.mentions[screen.state.mention_index].span.start < same.span.start


async def test_search_marks_matches_and_n_N_move_between_them():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("slash", *"said", "enter")
        text = screen.session.document.text
        assert len(screen.state.matches) == text.lower().count("said")
        assert screen.state.match_index == 0
        await pilot.press("n", "n")
        assert screen.state.match_index == 2
        start, _ = screen.state.matches[2]
        article = screen.query_one(ArticleView)
        assert article.rows.row_of(start) in visible_rows(article)
        await pilot.press("N")
        assert screen.state.match_index == 1
        assert "match 2/" in str(screen.query_one("#status").render())
        await pilot.press("escape")
        assert screen.state.matches == []


async def test_choosing_a_sidebar_row_moves_the_article():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#claims", RowList)
        await pilot.press("G")
        await pilot.pause()
        assert screen.state.current_claim.id == "c3"
        article = screen.query_one(ArticleView)
        assert article.rows.row_of(screen.state.current_claim.cue.start) in visible_rows(article)
        await pilot.press("enter")
        assert screen.focused is article


async def test_scrolling_the_article_updates_the_sidebar_and_g_G_are_top_bottom():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        article = screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause(0.2)  # the sidebar follows once scrolling pauses
        assert article.scroll_y == article.max_scroll_y > 0
        assert screen.state.current_claim is not None
        assert screen.state.current_claim.end > article.top_offset()  # on screen, maybe begun above
        assert screen.state.current_claim.id == "c3"
        await pilot.press("g")
        assert article.scroll_y == 0
        await pilot.press("space")
        assert article.scroll_y == article.size.height - 1
        await pilot.press("b", "j", "j", "k")
        assert article.scroll_y == 1


async def test_resize_rewraps_and_keeps_the_place():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        article = app.screen.query_one(ArticleView)
        narrow_rows = len(article.rows)
        await pilot.press("space")
        top = article.top_offset()
        await pilot.resize_terminal(180, 40)
        # the rewrap follows the resize event; on a loaded machine one pause may not do
        await wait_until_async(lambda: article.rows.width == 100, "the rewrap at 180 columns")
        assert len(article.rows) < narrow_rows
        assert article.rows.width == 100  # the configured measure
        assert article.rows.row_of(top) in visible_rows(article)  # the place is still on screen


async def test_sidebar_toggles_and_folds_on_narrow_terminals():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.display
        await pilot.press("backslash")
        assert not sidebar.display
        await pilot.press("backslash")
        assert sidebar.display
        await pilot.resize_terminal(60, 24)
        await wait_until_async(lambda: not sidebar.display, "the sidebar folded at 60 columns")


async def test_theme_switch_restyles_the_article():
    app = make_app(theme="dark")
    async with app.run_test(size=(80, 24)) as pilot:
        # The other themes are registered after the first frame, when the loop gets to it.
        await wait_until_async(lambda: app.theme_notices is not None, "all themes registered")
        assert {"dark", "light", "high-contrast", "okabe-ito"} <= set(app.available_themes)
        article = app.screen.query_one(ArticleView)
        dark = article._style("article--entity-person").color
        app.theme = "light"
        await pilot.pause()
        light = article._style("article--entity-person").color
        assert dark != light
        assert app.current_theme.name == "light"


async def test_help_lists_the_live_bindings_with_their_ids():
    app = make_app(config=Config(keymap={"next-claim": "ctrl+n"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {binding_id: keys for keys, _, binding_id in app.screen.rows}
        assert rows["next-claim"] == "^n"
        assert "search" in rows and "quit" in rows
        described = {binding_id: text for _, text, binding_id in app.screen.rows}
        assert described["verdict-1"] == "Verdict: verified"
        assert described["verdict-5"] == "Verdict: needs context"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keymap_from_config_remaps_keys():
    app = make_app(config=Config(keymap={"next-claim": "ctrl+n"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("J")
        assert app.screen.state.claim_index is None
        await pilot.press("ctrl+n")
        assert app.screen.state.claim_index == 0


async def test_command_palette_offers_every_reader_action():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Next claim", "Prev event", "Search", "Sidebar", "Page down", "Help"} <= titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next claim")
        command.callback()
        await pilot.pause()
        assert app.screen.state.claim_index == 0


async def settle(app: MarginaliaApp, pilot) -> None:
    """Wait until the session is open and extraction (in its worker) has been merged."""

    def settled() -> bool:
        screen = app.screen
        return getattr(screen, "session", None) is not None and not screen.extracting

    await wait_until_async(settled, "the reader to settle", seen=lambda: repr(app.screen))
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_loads_in_a_worker_then_fills_in_extraction():
    app = MarginaliaApp(SEED, extractor=seed_annotations)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.session is not None and not screen.extracting
        assert len(screen.state.claims) == 4
        assert "Claims (4)" in str(screen.query_one("#claims-title").render())


async def test_unreadable_article_exits_with_code_2(tmp_path):
    app = MarginaliaApp(tmp_path / "missing.txt", extractor=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2


HOSTILE = (
    "Hostile headline for testing\n\n"
    "Officials said [bold]x[/] and [@click=app.quit]y[/] were seen.\n\n"
    "Then \x1b[31mred\x1b[0m text and a bell \x07 arrived, the minister said.\n"
)


@pytest.mark.parametrize("extractor", [None, "default"])
async def test_hostile_article_shows_markup_and_escapes_literally(tmp_path, extractor):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    app = MarginaliaApp(path, extractor=extractor)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        text = screen_text(article)
        assert "[bold]x[/]" in text
        assert "[@click=app.quit]y[/]" in text
        assert "\u241b[31mred\u241b[0m" in text and "\u2407" in text
        assert "\x1b" not in text and "\x07" not in text
        # Clicking the would-be link does nothing but select text; the app keeps running.
        row = next(y for y in range(article.size.height) if "@click" in article.render_line(y).text)
        col = article.render_line(row).text.index("@click")
        await pilot.click(ArticleView, offset=(col, row))
        await pilot.press("J", "e", "slash", *"bold", "enter")
        await pilot.pause()
        assert app.is_running
        assert app.screen.state.matches


async def test_unknown_theme_falls_back_with_a_notice():
    app = make_app(theme="no-such-theme")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "dark"
        notices = await wait_until_async(lambda: app.theme_notices, "the theme notice")
        assert any("no-such-theme" in n for n in notices)


async def test_no_color_keeps_meaning_in_text_styles(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        assert article._style("article--entity-person").underline
        assert article._style("article--claim-cue").reverse
        assert article._style("article--claim-source").bold


async def test_key_hints_follow_the_keymap():
    app = make_app(config=Config(keymap={"search": "ctrl+f"}))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        hints = str(app.screen.query_one("#hints").render())
        assert "J/K" in hints and "claims" in hints
        assert "^f" in hints and "search" in hints


async def test_a_long_list_is_virtual():
    from tui.ui.sidebar import RowList

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = app.screen.query_one("#claims", RowList)
        built: list[int] = []

        def fmt(i: int):
            built.append(i)
            return [(f"row {i}", "")]

        rows.set_rows(10_000, fmt)
        await pilot.pause()
        assert rows.virtual_size.height == 10_000
        assert len(set(built)) <= rows.size.height + 1  # only the rows on screen were built


async def test_a_large_article_loads_in_a_worker(tmp_path):
    path = tmp_path / "long.txt"
    text = SEED.read_text(encoding="utf-8")
    path.write_text((text + "\n\n") * 120, encoding="utf-8")  # ~340 KB: past the in-place limit
    app = MarginaliaApp(path, extractor=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.screen.query_one(ArticleView)
        assert article.document is not None and len(article.rows) > 1000
        await pilot.press("G")
        assert article.position() == "Bot"


async def test_typing_in_the_search_box_does_not_trigger_keys():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "q", "J", "n")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#search").value == "qJn"
        assert app.screen.state.claim_index is None
        await pilot.press("escape")
        assert not app.screen.query_one("#search").display

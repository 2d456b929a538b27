"""Re-anchoring after the article was edited: moved and orphaned items in "needs attention"."""

from __future__ import annotations

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy
from tests.waiting import wait_until_async
from tui.review import ReviewSession
from tui.ui.app import MarginaliaApp
from tui.ui.attention import NeedsAttention
from tui.ui.reader_screen import ReaderScreen


async def settled(app: MarginaliaApp) -> ReaderScreen:
    def loaded() -> ReaderScreen | None:
        screen = app.screen
        if isinstance(screen, ReaderScreen) and screen.session is not None and screen.state.claims:
            return screen
        return None

    return await wait_until_async(
        loaded, "the reader to load the session", seen=lambda: repr(app.screen)
    )


async def test_edited_article_lists_the_orphan_and_never_draws_it(tmp_path):
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c4", "disputed")
    assert session.close()
    # The claim c4 quotes is cut from the article, and a paragraph is added on top.
    text = path.read_text(encoding="utf-8")
    gone = "about 300 rebel fighters had been killed"
    assert gone in text
    path.write_text(
        "Editor's note: updated.\n\n" + text.replace(gone, "many were hurt"), encoding="utf-8"
    )

    app = MarginaliaApp(path, extractor=None)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled(app)
        attention = screen.session.needs_attention()
        orphans = [it.id for it in attention if it.anchor == "orphaned"]
        assert "c4" in orphans
        assert any(it.anchor == "moved" for it in attention)
        assert "c4" not in [c.id for c in screen.state.claims]  # old offsets: not drawn
        await pilot.press("exclamation_mark")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, NeedsAttention)
        rows = [
            str(view.query_one("#attention").get_option_at_index(i).prompt)
            for i in range(len(attention))
        ]
        assert any("orphaned" in r and "c4" in r for r in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

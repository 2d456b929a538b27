"""Keys land where the user sees them go, in order: while the article is analysed, and
in a note editor, picker or search box the moment it opens.

Keys are posted back to back (``post_message``), as a terminal delivers a fast
typist's keys: Pilot's ``press`` waits for each key to be handled, which hides
exactly the races these tests are about.
"""

from __future__ import annotations

import threading

from textual import events

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import review_app, seed_copy, status_line
from tests.waiting import wait_until_async
from tui.model import Annotations
from tui.text import Document
from tui.ui.app import MarginaliaApp
from tui.ui.note_editor import NoteEditor


def burst(app: MarginaliaApp, *keys: str) -> None:
    names = {" ": "space", "\n": "enter"}
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(names.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


class SlowExtractor:
    """An extractor that finishes only when the test says so (or never)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.called = threading.Event()

    def __call__(self, document: Document) -> Annotations:
        self.called.set()
        self.release.wait(30)
        return seed_annotations(document)


async def test_J_typed_while_the_article_is_analysed_lands_on_claim_1(tmp_path):
    slow = SlowExtractor()
    app = MarginaliaApp(seed_copy(tmp_path), extractor=slow)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until_async(slow.called.is_set, "the extraction to start")
            burst(app, "J", "J", "K")
            await pilot.pause()
            screen = app.screen
            assert screen.state.claim_index is None  # nothing to step through yet
            assert "keys waiting for the analysis: J J K" in status_line(app)
            slow.release.set()
            await wait_until_async(lambda: screen.ready, "the annotations")
            await pilot.pause()
            await pilot.pause()
            assert screen.state.current_claim.id == "c1"  # J J K: claim 1, in order
            assert "keys waiting" not in status_line(app)
    finally:
        slow.release.set()


async def test_a_note_typed_while_the_article_is_analysed_is_kept_whole(tmp_path):
    """J, c and a note with a q and an n in it, typed before the annotations are ready:
    the q is text, not quit, and the n (live on its own: next match) waits its turn."""
    slow = SlowExtractor()
    app = MarginaliaApp(seed_copy(tmp_path), extractor=slow)
    try:
        async with app.run_test(size=(120, 40)):
            await wait_until_async(slow.called.is_set, "the extraction to start")
            burst(app, "J", "c", *"quick q note", "ctrl+s")
            slow.release.set()
            session = app.screen.session
            await wait_until_async(
                lambda: session.claim("c1") and session.claim("c1").review.note,
                "the note",
                seen=lambda: repr(app.screen),
            )
            assert session.claim("c1").review.note == "quick q note"
            assert app.is_running
    finally:
        slow.release.set()


async def test_q_after_a_held_J_quits_at_once(tmp_path):
    """The twin: a q that is not text for a box quits while the article is analysed."""
    slow = SlowExtractor()
    app = MarginaliaApp(seed_copy(tmp_path), extractor=slow)
    try:
        async with app.run_test(size=(80, 24)):
            await wait_until_async(slow.called.is_set, "the extraction to start")
            burst(app, "J", "q")
            await wait_until_async(lambda: app.return_code is not None, "the app to end")
        assert not slow.release.is_set()
    finally:
        slow.release.set()


async def test_scrolling_is_not_held_while_the_article_is_analysed(tmp_path):
    """The twin of the held J: keys that need no annotations act at once."""
    slow = SlowExtractor()
    app = MarginaliaApp(seed_copy(tmp_path), extractor=slow)
    try:
        async with app.run_test(size=(80, 20)) as pilot:
            await wait_until_async(slow.called.is_set, "the extraction to start")
            await pilot.press("space")
            assert app.screen.article.scroll_y > 0
            assert not app.screen.ready and "finding entities" in status_line(app)
    finally:
        slow.release.set()


async def test_q_quits_at_once_while_the_extractor_is_still_working(tmp_path):
    slow = SlowExtractor()
    app = MarginaliaApp(seed_copy(tmp_path), extractor=slow)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until_async(slow.called.is_set, "the extraction to start")
            await pilot.press("q")
            await wait_until_async(lambda: app.return_code is not None, "the app to end")
        assert app.return_code == 0
        assert not slow.release.is_set()  # it never finished: nobody waited for it
    finally:
        slow.release.set()


async def test_a_note_typed_straight_after_c_is_kept_whole(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        session = app.screen.session
        await pilot.press("J")
        burst(app, "c", *"quick q note", "ctrl+s")
        await wait_until_async(
            lambda: session.claim("c1") and session.claim("c1").review.note,
            "the note",
            seen=lambda: repr(app.screen),
        )
        assert session.claim("c1").review.note == "quick q note"  # the q did not quit
        assert app.is_running and not isinstance(app.screen, NoteEditor)


async def test_words_typed_straight_after_slash_are_searched(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "slash", *"said", "enter", "n")
        await wait_until_async(lambda: app.screen.state.match_index == 1, "the second match")
        text = app.screen.session.document.text
        assert len(app.screen.state.matches) == text.lower().count("said")
        assert app.screen.query_one("#search").value == "said"  # n went on to the reader
        assert app.screen.focused is app.screen.article
        await pilot.pause()


async def test_a_name_typed_straight_after_m_goes_to_the_fuzzy_picker(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        hts = next(i for i, m in enumerate(screen.state.mentions) if m.span.text == "HTS")
        screen.nav.select_mention(hts)
        mention_id = screen.state.mentions[hts].id
        burst(app, "m", *"russ", "enter")
        await wait_until_async(
            lambda: screen.session.item(mention_id).entity == "e6", "the merge into Russia"
        )
        await pilot.pause()


async def test_a_new_event_answered_by_keys_typed_ahead(tmp_path):
    from tui.ui.selection import Selection

    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        text = screen.session.document.text
        await pilot.press("v")
        start = text.index("captured")
        screen.selection_bar.selection = Selection(start, start + len("captured"))
        burst(app, "V", "n", "1", "1", "1")  # type, then no actor, no target, no place
        await wait_until_async(
            lambda: [e for e in screen.session.annotations.events if e.origin == "user"],
            "the new event",
        )
        made = [e for e in screen.session.annotations.events if e.origin == "user"]
        assert made[0].subtype == "Non-state actor overtakes territory"
        await pilot.pause()
        assert app.screen is screen  # every question answered: the picker is gone

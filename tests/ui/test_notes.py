"""The note editor: on claims, events and entities; ctrl+s saves, escape cancels."""

from __future__ import annotations

from tests.ui.review_helpers import review_app, seed_copy
from tui.ui.note_editor import NoteEditor
from tui.ui.sidebar import Card


def card_text(app) -> str:
    return app.screen.query_one(Card).text()


async def test_note_on_a_claim_is_saved_and_shown_in_the_card(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        session = app.screen.session
        await pilot.press("J", "c")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"two lines", "enter", *"of note", "ctrl+s")
        await pilot.pause()
        assert session.claim("c1").review.note == "two lines\nof note"
        assert "two lines of note" in card_text(app)
        # Editing starts from the old note; escape leaves it as it was.
        await pilot.press("c")
        await pilot.press(*" more", "escape")
        await pilot.pause()
        assert session.claim("c1").review.note == "two lines\nof note"
        await pilot.press("u")  # and undo takes the note away
        assert session.claim("c1").review.note == ""


async def test_notes_on_an_event_and_on_an_entity(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        await pilot.press("right_square_bracket", "c", *"check casualty figure", "ctrl+s")
        await pilot.pause()
        assert session.item("v1").review.note == "check casualty figure"
        assert "check casualty figure" in card_text(app)
        await pilot.press("e")
        mention = screen.state.mentions[screen.state.mention_index]
        await pilot.press("c", *"same as HTS?", "ctrl+s")
        await pilot.pause()
        entity = session.entity(mention.entity)
        assert entity.review.note == "same as HTS?"  # a mention's note goes to its entity
        assert "same as HTS?" in card_text(app)

"""Pilot tests: review the seed from the keyboard, then read the sidecar back with the store."""

from __future__ import annotations

from tests.ui.review_helpers import review_app, seed_copy, status_line
from tui.store import read, sidecar_path
from tui.ui.pickers import ChoicePicker, Confirm
from tui.ui.reader_screen import ReaderScreen


async def test_review_the_seed_end_to_end_and_find_it_in_the_sidecar(tmp_path):
    path = seed_copy(tmp_path)
    app = review_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        claims = screen.query_one("#claims")
        await pilot.press("J")
        assert claims.render_line(0).text.startswith("·")  # unreviewed badge
        await pilot.press("1")  # c1 verified
        assert screen.session.claim("c1").review.verdict == "verified"
        await pilot.pause()
        assert claims.render_line(0).text.startswith("V")  # the row repainted in place
        await pilot.press("J", "2", "J", "5", "J", "3")  # in text order: c2, c4, c3
        assert "4 reviewed" in status_line(app)
        await pilot.press("K", "0")  # clear c4's verdict
        assert screen.session.claim("c4").review.verdict is None
        # A note on the current claim.
        await pilot.press("c")
        await pilot.press(*"AP confirms", "ctrl+s")
        await pilot.pause()
        assert screen.session.claim("c4").review.note == "AP confirms"
        # Fix an entity: the first mention, retyped with the picker's one-key choice.
        await pilot.press("escape", "g", "e")
        mention = screen.state.mentions[screen.state.mention_index]
        await pilot.press("t")
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("g")  # GPE
        await pilot.pause()
        retyped = screen.session.item(mention.id)
        assert retyped.type == "GPE"
        # A new entity by selection: "Islamist", the 18th word.
        await pilot.press("escape", "g", "v", *["W"] * 17)
        bar = screen.query_one("#selection")
        assert bar.selection.text(screen.session.document.text) == "Islamist"
        await pilot.press("t", "n")  # NORP
        await pilot.pause()
        made = [m for m in screen.session.annotations.mentions if m.span.text == "Islamist"]
        assert len(made) == 1 and made[0].type == "NORP" and made[0].origin == "user"
        # Undo takes the new entity away, redo brings it back, each with a notice.
        await pilot.press("u")
        assert not [m for m in screen.session.annotations.mentions if m.span.text == "Islamist"]
        assert "undone: new NORP 'Islamist'" in status_line(app)
        await pilot.press("ctrl+r")
        assert [m for m in screen.session.annotations.mentions if m.span.text == "Islamist"]
        assert "redone" in status_line(app)
        await pilot.press("q")
    stored = read(sidecar_path(path))
    assert stored is not None
    ann = stored.annotations
    verdicts = {c.id: c.review.verdict for c in ann.claims}
    assert verdicts == {"c1": "verified", "c2": "disputed", "c3": "false", "c4": None}
    c4 = next(c for c in ann.claims if c.id == "c4")
    assert c4.review.note == "AP confirms" and c4.review.by == "tester"
    assert any(h.verdict == "needs context" for h in c4.review.history)
    assert next(m for m in ann.mentions if m.id == mention.id).type == "GPE"
    assert [m.type for m in ann.mentions if m.span.text == "Islamist"] == ["NORP"]


async def test_accept_reject_and_accept_all_with_confirmation(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        await pilot.press("J", "x")
        assert session.claim("c1").status == "rejected"
        assert "✗" in "".join(t for t, _ in screen.query_one("#claims")._format(0))
        await pilot.press("a")
        assert session.claim("c1").status == "accepted"
        await pilot.press("e", "x")  # the first mention, rejected but still listed (struck)
        current = screen.state.mentions[screen.state.mention_index]
        assert session.item(current.id).status == "rejected"
        spans = screen.article._mentions
        keys = [
            k
            for s, e, k in spans.overlapping(current.span.start, current.span.end)
            if (s, e) == (current.span.start, current.span.end)
        ]
        assert keys == ["article--rejected"]  # struck through in the text, not only recoloured
        before = session.progress.suggestions_left
        await pilot.press("A")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert session.progress.suggestions_left < before
        assert session.item(current.id).status == "rejected"  # accept-all leaves rejections
        await pilot.press("u")  # one step undoes the whole accept-all
        assert session.progress.suggestions_left == before


async def test_auto_advance_and_the_unreviewed_filter(tmp_path):
    app = review_app(seed_copy(tmp_path), auto_advance=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("J", "1")
        assert screen.state.current_claim.id == "c2"  # the next unreviewed claim
        await pilot.press("U")
        assert [c.id for c in screen.state.claims] == ["c2", "c4", "c3"]  # text order
        assert "only unreviewed" in status_line(app)
        await pilot.press("2")
        assert [c.id for c in screen.state.claims] == ["c4", "c3"]
        assert screen.state.current_claim.id == "c4"
        await pilot.press("U")
        assert len(screen.state.claims) == 4


async def test_merge_and_split_through_the_fuzzy_picker(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        hts = next(i for i, m in enumerate(screen.state.mentions) if m.span.text == "HTS")
        screen.nav.select_mention(hts)
        await pilot.press("m", *"russ", "enter")
        await pilot.pause()
        moved = session.item(screen.state.mentions[hts].id)
        assert moved.entity == "e6"
        await pilot.press("m")  # Russia now has two mentions: split this one off
        await pilot.press("enter")
        await pilot.pause()
        assert session.item(moved.id).entity not in ("e6", "e2")


async def test_read_only_sidecar_shows_a_banner_and_is_left_untouched(tmp_path):
    path = seed_copy(tmp_path)
    side = sidecar_path(path)
    side.write_text("format: [this is not a sidecar\n", encoding="utf-8")
    before = side.read_bytes()
    app = review_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        banner = app.screen.query_one("#banner")
        assert banner.display
        text = str(banner.render())
        assert "READ-ONLY" in text and str(side) in text
        await pilot.press("J", "1", "x", "u")
        assert app.screen.session.claim("c1").review.verdict is None
        assert "read-only" in status_line(app)
        await pilot.press("q")
    assert side.read_bytes() == before


async def test_conflict_prompt_when_the_sidecar_changes_on_disk(tmp_path):
    path = seed_copy(tmp_path)
    app = review_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("J", "1")
        screen.session.flush()
        side = sidecar_path(path)
        side.write_text(
            side.read_text(encoding="utf-8").replace("verified", "disputed"), encoding="utf-8"
        )
        screen.review.check_disk()
        await pilot.pause()
        assert type(app.screen).__name__ == "ConflictPrompt"
        await pilot.press("r")
        await pilot.pause()
        assert screen.session.claim("c1").review.verdict == "disputed"
        await pilot.press("u")  # the reload is undoable
        assert screen.session.claim("c1").review.verdict == "verified"


async def test_review_keys_are_remappable_by_binding_id(tmp_path):
    from tui.ui.config import Config

    app = review_app(seed_copy(tmp_path), config=Config(keymap={"accept": "y", "undo": "z"}))
    async with app.run_test(size=(120, 40)) as pilot:
        session = app.screen.session
        await pilot.press("J", "y")
        assert session.claim("c1").status == "accepted"
        await pilot.press("z")
        assert session.claim("c1").status == "suggested"

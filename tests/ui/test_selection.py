"""Selection mode: moving by words and characters, new mentions, spans, claims and events."""

from __future__ import annotations

from tests.ui.review_helpers import review_app, seed_copy
from tui.ui.pickers import ChoicePicker, fuzzy_filter, fuzzy_score, with_keys
from tui.ui.selection import Selection, extend_char, extend_word, shift_word, trimmed, word_at

TEXT = "The U.S. envoy said, on Friday, that 17 people died.\nNext line."


def words(sel: Selection) -> str:
    return sel.text(TEXT)


def test_word_moves():
    sel = word_at(TEXT, 0)
    assert words(sel) == "The"
    sel = extend_word(TEXT, sel, 1)
    assert words(sel) == "The U.S."
    sel = extend_word(TEXT, extend_word(TEXT, sel, 1), 1)
    assert words(sel) == "The U.S. envoy said"
    assert words(extend_word(TEXT, sel, -1)) == "The U.S. envoy"
    assert extend_word(TEXT, word_at(TEXT, 0), -1) == word_at(TEXT, 0)  # never empty
    one = shift_word(TEXT, word_at(TEXT, 0), 1)
    assert words(one) == "U.S."
    assert words(shift_word(TEXT, one, -1)) == "The"
    assert words(word_at(TEXT, TEXT.index(", on"))) == "on"


def test_char_moves_stop_at_the_line_end():
    sel = word_at(TEXT, TEXT.index("died"))
    assert words(extend_char(TEXT, sel, 1)) == "died."
    end = extend_char(TEXT, extend_char(TEXT, sel, 1), 1)
    assert words(end) == "died."  # a mention never crosses a paragraph
    assert words(extend_char(TEXT, sel, -1)) == "die"
    tiny = Selection(0, 1)
    assert extend_char(TEXT, tiny, -1) == tiny
    assert words(trimmed(TEXT, Selection(3, 9))) == "U.S."


def test_fuzzy_picker_ranking():
    choices = with_keys([("Hayat Tahrir al-Sham", "e2"), ("Russia", "e6"), ("Syrian army", "e1")])
    assert [c.value for c in fuzzy_filter("syr", choices)] == ["e1"]
    assert fuzzy_filter("hts", choices)[0].value == "e2"  # initials
    assert fuzzy_score("xyz", "Russia") is None
    assert [c.key for c in choices] == ["1", "2", "3"]


async def test_adjust_a_mention_span_from_the_selection(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        text = screen.session.document.text
        index = next(i for i, m in enumerate(screen.state.mentions) if m.span.text == "Syrian army")
        screen.nav.select_mention(index)
        mention_id = screen.state.mentions[index].id
        await pilot.press("v", "b", "enter")  # shrink to "Syrian", then set the span
        await pilot.pause()
        adjusted = screen.session.item(mention_id)
        assert text[adjusted.span.start : adjusted.span.end] == "Syrian"
        assert not screen.query_one("#selection").display  # selection mode left
        assert screen.focused is screen.article


async def test_new_claim_and_new_event_from_a_selection(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        text = session.document.text
        # Content: "Two rebel sources also said the insurgents had captured the city…"
        start = text.index("the insurgents had captured")
        bar = screen.query_one("#selection")
        await pilot.press("v")
        bar.selection = Selection(start, start + len("the insurgents had captured"))
        await pilot.press("w", "w")  # "... the city"
        assert bar.selection.text(text).endswith("the city")
        await pilot.press("C")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ChoicePicker) and picker.choices[0].label == "said"
        await pilot.press("1")  # the nearest word, "said", is the cue
        await pilot.pause()
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("1")  # no source named
        await pilot.pause()
        made = [c for c in session.annotations.claims if c.origin == "user"]
        assert len(made) == 1 and made[0].cue.text == "said"
        assert made[0].content[0].text == "the insurgents had captured the city"
        assert screen.state.current_claim.id == made[0].id
        # An event: trigger "captured", type from the codebook's keys, then its arguments.
        trigger = text.index("captured")
        await pilot.press("v")
        bar.selection = Selection(trigger, trigger + len("captured"))
        await pilot.press("V", "n")  # Non-state actor overtakes territory
        await pilot.pause()
        await pilot.press("1", "1", "1")  # no actor, no target, no place
        await pilot.pause()
        events = [e for e in session.annotations.events if e.origin == "user"]
        assert len(events) == 1
        assert events[0].subtype == "Non-state actor overtakes territory"
        assert events[0].trigger.text == "captured"
        assert screen.state.current_event.id == events[0].id


async def test_v_after_a_search_selects_the_match(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("slash", *"Nusra Front", "enter", "v")
        bar = screen.query_one("#selection")
        assert bar.selection.text(screen.session.document.text) == "Nusra Front"
        await pilot.press("t", "o")
        await pilot.pause()
        made = [m for m in screen.session.annotations.mentions if m.span.text == "Nusra Front"]
        assert [m.type for m in made] == ["ORG"]
        assert (
            screen.state.mentions[screen.state.mention_index].id == made[0].id
        )  # the new one is current


async def test_f_sets_a_field_of_the_current_claim_or_event(tmp_path):
    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        session = screen.session
        text = session.document.text
        bar = screen.query_one("#selection")
        await pilot.press("J", "v")  # c1: "dozens of its soldiers had been killed"
        start = text.index("dozens of its soldiers")
        bar.selection = Selection(start, start + len("dozens of its soldiers"))
        await pilot.press("f")
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("2")  # content: the selection
        await pilot.pause()
        assert [s.text for s in session.claim("c1").content] == ["dozens of its soldiers"]
        await pilot.press("v", "f", "5")  # source: none
        await pilot.pause()
        assert session.claim("c1").source is None
        await pilot.press("u", "u")
        assert session.claim("c1").source.span.text == "The Syrian army"
        assert session.claim("c1").content[0].text == "dozens of its soldiers had been killed"
        # An event's place, linked to the entity named there.
        await pilot.press("right_square_bracket", "v")
        airport = text.index("Aleppo airport")
        bar.selection = Selection(airport, airport + len("Aleppo"))
        await pilot.press("f", "6")  # where: the selection
        await pilot.pause()
        where = session.item("v1").location
        assert [r.span.text for r in where] == ["Aleppo"] and where[0].entity == "e3"


async def test_keys_typed_fast_after_v_reach_the_selection(tmp_path):
    from textual import events

    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("g")
        # Queued back to back, as a terminal delivers a fast typist's keys.
        for key in ("v", "w", "w"):
            app.post_message(events.Key(key, key))
        await pilot.pause()
        bar = screen.query_one("#selection")
        assert bar.selection.text(screen.session.document.text) == "The Syrian army"


async def test_a_type_key_typed_right_after_t_picks_the_type(tmp_path):
    from textual import events

    app = review_app(seed_copy(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.press("g")
        for key in ("v", "w", "t", "o"):  # back to back: o arrives before the picker is up
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        made = [m for m in screen.session.annotations.mentions if m.origin == "user"]
        assert [(m.span.text, m.type) for m in made] == [("The Syrian", "ORG")]
        assert app.screen is screen

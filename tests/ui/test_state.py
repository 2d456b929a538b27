"""ReaderState without a running app: what changes, where J goes, what is shown."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.ui.fixtures import seed_annotations
from tui.changes import Change, apply
from tui.extract.codebook import default_codebook, parse_codebook
from tui.model import Annotations, Entity, Mention, Span
from tui.text import load_text
from tui.ui.state import Activity, EntityTypes, ReaderState, status_line


@pytest.fixture
def seed(seed_text):
    doc = load_text(seed_text.encode("utf-8"))
    return doc, seed_annotations(doc)


def fresh(ann: Annotations, **kwargs) -> ReaderState:
    state = ReaderState(entity_types=EntityTypes.from_codebook(default_codebook()), **kwargs)
    state.update(ann)
    return state


def test_first_update_builds_everything_and_a_verdict_repaints_one_row(seed):
    _, ann = seed
    state = ReaderState()
    first = state.update(ann)
    assert first.claims and first.events and first.mentions and first.legend
    assert [c.id for c in state.claims] == ["c1", "c2", "c4", "c3"]  # text order
    state.select_claim(2)
    claim = state.claims[2]
    judged = replace(claim, review=replace(claim.review, verdict="verified"))
    change = state.update(apply(ann, (Change(claim, judged),)))
    assert change.claim_rows == (2,)  # only that row
    assert not change.mentions and not change.restyled and not change.legend
    assert not change.events  # the claim kept its source: event rows (per whom) stand
    assert state.current_claim is judged  # still current, by id


def test_a_rejected_mention_is_restyled_in_place_and_leaves_the_legend(seed):
    _, ann = seed
    state = fresh(ann)
    before = dict(state.legend_counts)
    mention = next(m for m in state.mentions if m.type == "PERSON")
    change = state.update(apply(ann, (Change(mention, replace(mention, status="rejected")),)))
    assert change.restyled and change.restyled[0].id == mention.id and not change.mentions
    assert state.legend_counts["PERSON"] == before["PERSON"] - 1
    assert any(m.id == mention.id and m.status == "rejected" for m in state.mentions)


def test_a_moved_mention_rebuilds_the_highlights(seed):
    """The twin of the restyle test: a change of span is no restyle."""
    _, ann = seed
    state = fresh(ann)
    m = state.mentions[0]
    moved = replace(m, span=Span(m.span.start, m.span.end - 1, m.span.text[:-1]))
    change = state.update(apply(ann, (Change(m, moved),)))
    assert change.mentions and not change.restyled


def test_J_counts_from_the_screen_once_the_current_claim_scrolled_away(seed):
    _, ann = seed
    state = fresh(ann)
    assert state.step_claim(1, 0, 100) == 0  # nothing current: the first from the top
    state.select_claim(0)
    assert state.step_claim(1, 0, 100) == 1
    far = state.claim_starts[3]
    assert state.step_claim(1, far, far + 50) == 3  # c1 is off screen: count from the view
    state.select_claim(3)
    assert state.step_claim(1, far, far + 50) is None  # the last one: J stops, as less does


def test_follow_picks_the_first_claim_on_screen_and_keeps_the_card(seed):
    _, ann = seed
    state = fresh(ann)
    top = state.claim_starts[2]
    claim, _ = state.follow(top, top + 10)
    assert claim == 2
    state.select_claim(2)
    assert state.follow(top, top + 10)[0] is None  # already on screen: stays
    state.select_mention(0)
    assert state.follow(state.claim_starts[2], state.claim_starts[2] + 10) == (None, None)


def test_min_confidence_hides_suggestions_but_never_the_reviewers_items(seed):
    _, ann = seed
    low = tuple(replace(m, confidence=0.3) for m in ann.mentions)
    low = (*low[:-1], replace(low[-1], status="accepted"))  # judged: always shown
    ann = replace(ann, mentions=low)
    shown_all = fresh(ann)
    hidden = fresh(ann, min_confidence=0.5)
    assert len(shown_all.mentions) == len(ann.mentions)
    assert [m.id for m in hidden.mentions] == [low[-1].id]
    line = status_line(hidden, position="Top", save_state="saved", activity=Activity())
    assert "confidence ≥ 0.5" in line


def test_a_codebook_type_shows_with_its_letter_in_the_legend(seed):
    _, ann = seed
    book = default_codebook()
    text = "\n".join(
        [
            "event_types: [{name: Battles, key: b, subtypes: [{name: Armed clash, key: c}]}]",
            "verdicts: [{name: verified, key: '1'}]",
            "entity_types:",
            "  - {name: PERSON, key: p, roles: [source, actor]}",
            "  - {name: WEAPON, key: k, roles: [actor]}",
            "  - {name: VESSEL, key: s, letter: B}",
        ]
    )
    custom = EntityTypes.from_codebook(parse_codebook(text, "custom.yaml"))
    gun = Entity("e90", "AK-47", "WEAPON")
    span = ann.mentions[0].span
    extra = Mention("m99", span, "WEAPON", "e90")
    boat = Mention("m98", ann.mentions[1].span, "VESSEL", "e90")
    state = ReaderState(entity_types=custom)
    state.update(replace(ann, entities=(*ann.entities, gun), mentions=(*ann.mentions, extra, boat)))
    letters = {kind: letter for letter, kind, _ in state.legend()}
    assert letters["WEAPON"] == "K" and letters["VESSEL"] == "B" and letters["PERSON"] == "P"
    assert "?" not in letters.values()
    assert custom.with_role("actor") == ("PERSON", "WEAPON")
    assert EntityTypes.from_codebook(book).with_role("place") == ("GPE", "LOC", "FAC")


def test_the_unreviewed_filter_keeps_the_place_after_a_verdict(seed):
    _, ann = seed
    state = fresh(ann, only_unreviewed=True)
    state.update(ann, force=True)
    state.select_claim(1)
    claim = state.claims[1]
    judged = replace(claim, review=replace(claim.review, verdict="verified"))
    state.update(apply(ann, (Change(claim, judged),)))
    assert claim.id not in [c.id for c in state.claims]
    assert state.claim_index == 1  # the next one took its place


def test_status_says_what_is_pending(seed):
    _, ann = seed
    state = fresh(ann)
    line = status_line(
        state,
        position="Top",
        save_state="saved",
        activity=Activity(extracting=True, pending=("J", "1")),
    )
    assert "finding entities, claims, events" in line and "keys waiting" in line
    assert "J 1" in line
    quiet = status_line(state, position="Top", save_state="saved", activity=Activity())
    assert "keys waiting" not in quiet and "finding" not in quiet


def test_search_matches_wrap_and_become_the_pointer(seed):
    _, ann = seed
    state = fresh(ann)
    state.set_matches("said", [(10, 14), (50, 54), (90, 94)])
    assert state.step_match(1, 60) == (90, 94) and state.pointer == "match"
    assert state.step_match(1, 60) == (10, 14)  # wraps
    state.set_matches("nothing", [])
    assert state.step_match(1, 0) is None

"""Re-anchoring annotations after the article's text changed: placed right, or flagged."""

from dataclasses import replace

from tui.model import Annotations, Claim, Entity, Event, Fatalities, Mention, Ref, Span
from tui.store import reanchor, reanchor_span
from tui.store.item_spans import spans_of, with_spans

TEXT = (
    "Iran said on Monday that talks with the agency would resume in Vienna next week.\n\n"
    "The foreign ministry spokesman told reporters that Iran would not accept new demands.\n\n"
    'Diplomats in Vienna said the "technical talks" had stalled over access to two sites.\n'
)


def at(needle: str, text: str = TEXT, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return Span.of(text, i, i + len(needle))


def mention(mid: str, span: Span) -> Mention:
    return Mention(mid, span, "GPE", "e1")


def claim(cid: str, cue: Span, content: Span, source: Span) -> Claim:
    return Claim(cid, cue, (content,), Ref(source, None))


def ann(*items: Mention | Claim) -> Annotations:
    mentions = tuple(i for i in items if isinstance(i, Mention))
    claims = tuple(i for i in items if isinstance(i, Claim))
    return Annotations((Entity("e1", "Iran", "GPE"),), mentions, claims)


def placed(result: Annotations, item_id: str) -> list[tuple[int, int, str]]:
    item = next(i for i in (*result.mentions, *result.claims) if i.id == item_id)
    return [(s.start, s.end, s.text) for s in spans_of(item)]


def test_unchanged_text_keeps_offsets() -> None:
    s = at("Vienna")
    assert reanchor_span(s, TEXT) == (s, "ok")


def test_insert_before_moves_span() -> None:
    new = "UPDATE: talks moved.\n\n" + TEXT
    s, state = reanchor_span(at("Vienna"), new)
    assert state == "moved"
    assert (s.start, s.text) == (TEXT.index("Vienna") + 22, "Vienna")


def test_repeated_quote_goes_where_its_context_is() -> None:
    second = at("Vienna", nth=1)  # "Diplomats in Vienna said ..."
    new = "Breaking.\n\n" + TEXT.replace("talks with the agency", "the agency's talks")
    s, state = reanchor_span(second, new)
    assert state == "moved"
    assert new[s.start - 13 : s.end] == "Diplomats in Vienna"


def test_deleted_word_is_orphaned_not_moved_onto_the_same_word_elsewhere() -> None:
    # The second "Iran" goes with its sentence; the first one is still there.
    lost = at("Iran", nth=1)
    new = TEXT.replace(
        "The foreign ministry spokesman told reporters that Iran would not accept new demands.\n\n",
        "",
    )
    got, state = reanchor_span(lost, new)
    assert state == "orphaned"
    assert got == lost  # old offsets and quote kept for the reviewer to place
    kept, state = reanchor_span(at("Iran"), new)
    assert (state, kept.start) == ("ok", 0)  # its positive twin


def test_same_word_at_old_offsets_in_a_rewritten_sentence_is_not_kept_there() -> None:
    old = "Sanctions hit Iran hard this year, officials said.\n"
    new = "Envoy visited Iran on a quiet day, officials said.\n"
    s = at("Iran", old)
    assert new[s.start : s.end] == "Iran"  # the same word sits at the old offsets
    got, state = reanchor_span(s, new)
    assert (got, state) == (s, "orphaned")
    # its positive twin: the sentence edited beside the word, not rewritten
    edited = "Sanctions hit Iran hard this year, officials said on Monday.\n"
    got, state = reanchor_span(s, edited)
    assert (got.start, state) == (s.start, "ok")


def test_a_word_the_shift_brought_under_the_old_offsets_is_not_taken_for_it() -> None:
    # "Vienna" is deleted from its sentence; the text shifts so that the second "Vienna"
    # moves under nothing, but the quote "Vienna" with its old prefix is gone.
    s = at("Vienna")
    new = TEXT.replace(" in Vienna next week", " next week")
    got, state = reanchor_span(s, new)
    assert state == "orphaned"


def test_typo_fixed_inside_a_claim_moves_it_with_the_new_words() -> None:
    text = TEXT.replace("would not accept", "would not acept")
    c = claim(
        "c1",
        at("told", text),
        at("Iran would not acept new demands", text),
        at("The foreign ministry spokesman", text),
    )
    result, report = reanchor(ann(c), TEXT)
    content = result.claims[0].content[0]
    assert content.text == "Iran would not accept new demands"
    assert result.claims[0].anchor == "moved"
    assert report.edited == ("c1",) and report.orphaned == ()


def test_curly_quotes_and_rewrapped_lines_change_nothing() -> None:
    c = claim("c1", at("said", nth=1), at('the "technical talks" had stalled'), at("Diplomats"))
    m = mention("m1", at("Vienna", nth=1))
    new = TEXT.replace('"technical talks"', "\u201ctechnical talks\u201d").replace(
        "Diplomats in Vienna said the", "Diplomats in\nVienna said the"
    )
    result, report = reanchor(ann(c, m), new)
    assert not report.changed
    assert result.claims[0].anchor == "ok" and result.mentions[0].anchor == "ok"
    assert result.claims[0].content[0].text == "the \u201ctechnical talks\u201d had stalled"


def test_moved_paragraph_takes_its_items_along() -> None:
    paras = TEXT.split("\n\n")
    new = "\n\n".join([paras[1], paras[0], paras[2]])
    c = claim("c1", at("told"), at("Iran would not accept new demands"), at("The foreign"))
    m = mention("m1", at("Iran"))
    result, report = reanchor(ann(c, m), new)
    assert report.orphaned == ()
    for start, end, text in placed(result, "c1") + placed(result, "m1"):
        assert new[start:end] == text
    assert placed(result, "m1")[0][0] == new.index("Iran said")


def test_claim_whose_parts_land_far_apart_is_flagged_whole() -> None:
    # Source in the first paragraph, content in the third; the edit swaps them round.
    c = claim("c1", at("said", nth=1), at("technical talks"), at("Iran"))
    paras = TEXT.rstrip("\n").split("\n\n")
    new = "\n\n".join([paras[2], paras[1], paras[0]]) + "\n"
    result, report = reanchor(ann(c), new)
    assert report.orphaned == ("c1",)
    assert report.reason("c1") == "its parts landed far apart"
    assert result.claims[0].cue == c.cue  # kept whole, at its old offsets


def test_two_items_never_land_on_one_span() -> None:
    # The same paragraph twice; the first copy is deleted. The first copy's mention
    # fits the second copy as well as the second copy's own mention: neither is
    # moved onto the other's place.
    para = "Officials in Tehran denied the report on Tuesday.\n\n"
    text = "Headline.\n\n" + para + para + "End.\n"
    first, second = at("Tehran", text), at("Tehran", text, nth=1)
    new = "Headline.\n\n" + para + "End.\n"
    result, report = reanchor(ann(mention("m1", first), mention("m2", second)), new)
    spans = [(m.span.start, m.span.end) for m in result.mentions if m.anchor != "orphaned"]
    assert len(spans) == len(set(spans))
    assert set(report.orphaned) == {"m1", "m2"}


def test_items_that_shared_a_span_still_share_it() -> None:
    source = at("The foreign ministry spokesman")
    c = claim("c1", at("told"), at("Iran would not accept new demands"), source)
    m = Mention("m1", source, "ORG", "e1")
    new = "UPDATE.\n\n" + TEXT
    result, report = reanchor(ann(c, m), new)
    assert report.orphaned == ()
    assert result.claims[0].source is not None
    assert result.claims[0].source.span == result.mentions[0].span


def test_orphaned_items_keep_everything_and_say_why() -> None:
    c = claim("c1", at("told"), at("Iran would not accept new demands"), at("The foreign"))
    new = TEXT.replace("Iran would not accept new demands", "a deal was close")
    result, report = reanchor(ann(c), new)
    assert report.orphaned == ("c1",)
    assert report.reason("c1") == "its text is no longer in the article"
    assert result.claims[0] == replace(c, anchor="orphaned")


def test_every_span_of_an_event_moves() -> None:
    text = "Gunmen killed 12 people in Kano on Friday, police said.\n"
    ev = Event(
        "v1",
        "Violence against civilians",
        "Attack",
        at("killed", text),
        actors=(Ref(at("Gunmen", text)),),
        targets=(Ref(at("people", text)),),
        location=(Ref(at("Kano", text)),),
        time=(Ref(at("Friday", text)),),
        fatalities=Fatalities(at("12", text), 12),
    )
    new = "LAGOS (Reuters) -\n\n" + text
    result, report = reanchor(Annotations(events=(ev,)), new)
    moved = result.events[0]
    assert report.moved == ("v1",)
    for old, span in zip(spans_of(ev), spans_of(moved), strict=True):
        assert span.start == old.start + 19 and new[span.start : span.end] == old.text


def test_with_spans_round_trips_every_field() -> None:
    c = claim("c1", at("told"), at("Iran would not accept"), at("The foreign"))
    c = replace(c, hedges=(at("would"),))
    spans = spans_of(c)
    assert [s.text for s in spans] == ["told", "Iran would not accept", "The foreign", "would"]
    assert with_spans(c, spans) == c
    shifted = [replace(s, start=s.start + 1) for s in spans]
    assert [s.start for s in spans_of(with_spans(c, shifted))] == [s.start for s in shifted]


def test_an_incident_reported_in_two_paragraphs_moves_with_both() -> None:
    text = (
        "Gunmen killed 12 people in Kano on Friday.\n\n"
        + "Officials met on Saturday to discuss the budget and the schools. " * 4
        + "\n\nWitnesses said the assault lasted an hour.\n"
    )
    ev = Event(
        "v1",
        "Violence against civilians",
        "Attack",
        at("killed", text),
        mentions=(at("assault", text),),
        location=(Ref(at("Kano", text)),),
    )
    paras = text.split("\n\n")
    # the middle paragraph moves to the end: the two reports of the incident move apart
    new = "\n\n".join([paras[0], paras[2].rstrip("\n"), paras[1]]) + "\n"
    result, report = reanchor(Annotations(events=(ev,)), new)
    assert report.orphaned == ()
    moved = result.events[0]
    for old, span in zip(spans_of(ev), spans_of(moved), strict=True):
        assert new[span.start : span.end] == old.text
    assert moved.mentions[0].start == new.index("assault")


LONG = "the convoy had been stopped at the border crossing for three days without water"


def test_long_quote_found_once_survives_edits_on_both_sides() -> None:
    # Seen in tmux: a verified claim whose own words were intact was orphaned because
    # the sentence before it was replaced and a typo was fixed just after it.
    lead = "Officials said on Monday that the situation was dire. "
    text = f"{lead}In a letter sent to the agencies, they wrote that {LONG}, aid groups reported.\n"
    new = f"{lead}According to a statement posted online late on Tuesday, {LONG}; the ministry denied it.\n"
    c = Claim("c1", at("said", text), (at(LONG, text),), Ref(at("Officials", text), None))
    span, state = reanchor_span(at(LONG, text), new)
    assert state == "moved" and new[span.start : span.end] == LONG
    result, report = reanchor(ann(c), new)
    assert report.orphaned == () and report.moved == ("c1",)
    assert [(s.start, s.text) for s in result.claims[0].content] == [(new.index(LONG), LONG)]


def test_long_quote_found_twice_or_short_is_still_decided_by_its_context() -> None:
    text = f"Officials said on Monday that {LONG}, aid groups reported.\n"
    twice = f"A spokesman said that {LONG}.\n\nA witness said {LONG}.\n"
    assert reanchor_span(at(LONG, text), twice)[1] == "orphaned"
    short = "the convoy had been stopped"
    new = f"A spokesman insisted late on Tuesday night that {short} again; nothing else.\n"
    assert reanchor_span(at(short, text), new)[1] == "orphaned"
    assert reanchor_span(at(LONG, text), "Officials said nothing at all.\n")[1] == "orphaned"


def test_a_deleted_word_never_lands_inside_another_word() -> None:
    # Found by the property test: "al" deleted, then found inside "talks".
    text = "iran the reporters talks al iran al.\n\niran iran al iran said iran al said.\n"
    new = "iran the reporters talks iran al.\n\niran iran al iran said iran al said.\n"
    assert reanchor_span(Span.of(text, 25, 27), new)[1] == "orphaned"
    # its twin: the word itself shifted by an insertion is found, whole
    moved = "iran the new reporters talks al iran al.\n\niran iran al iran said iran al said.\n"
    span, state = reanchor_span(Span.of(text, 25, 27), moved)
    assert state == "moved" and (span.start, span.text) == (29, "al")


# Found by the property test (tests/store/test_anchoring_properties.py): an edit deleted
# "reporters iran.\n\nal " and so moved the second paragraph's '"reporters' up to where the
# first "reporters" stood, with a quotation mark more before it and the paragraph ending
# after it. The mention was re-anchored there as "moved": another copy of the words.
_REPORTERS = (
    'iran al said iran reporters iran.\n\nal "reporters\n\n'
    "iran iran al iran al the iran al would iran al resume iran al.\n"
)


def _reporters_after(new_text: str) -> Mention:
    m = Mention("m0", Span.of(_REPORTERS, 18, 27), "GPE", "e1")
    result, _ = reanchor(Annotations((Entity("e1", "x", "GPE"),), (m,), (), ()), new_text)
    (out,) = result.mentions
    return out


def test_a_near_copy_with_only_one_side_left_is_not_taken_for_the_deleted_quote() -> None:
    new_text = _REPORTERS.replace("reporters iran.\n\nal ", "", 1)
    assert new_text.startswith('iran al said iran "reporters\n\n')
    out = _reporters_after(new_text)
    assert out.anchor == "orphaned"
    assert (out.span.start, out.span.end) == (18, 27)  # kept as it was, for the reviewer


def test_a_quote_whose_one_side_agrees_exactly_is_still_found() -> None:
    # The twin: the paragraph now ends after the quote, and the text before it is the
    # same to the letter: the quote is where it was.
    new_text = _REPORTERS.replace(' iran.\n\nal "reporters', "", 1)
    assert new_text.startswith("iran al said iran reporters\n\n")
    out = _reporters_after(new_text)
    assert out.anchor != "orphaned"
    assert (out.span.start, out.span.end) == (18, 27)

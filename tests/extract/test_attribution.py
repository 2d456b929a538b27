"""Claims (attributions): who said what, on the seed and on sentences written for the tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tui.extract.attribution import find_claims
from tui.model import Claim, Entity, Mention, Span
from tui.text.document import Document


def claims_of(text: str, entities=(), mentions=()) -> tuple[Claim, ...]:
    return find_claims(Document(text), tuple(entities), tuple(mentions))


def one(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, [(c.cue.text, [x.text for x in c.content]) for c in found]
    return found[0]


def contents(c: Claim) -> list[str]:
    return [x.text for x in c.content]


def by_content(claims: tuple[Claim, ...], words: str) -> Claim:
    hits = [c for c in claims if any(words in x.text for x in c.content)]
    assert hits, f"no claim whose content holds {words!r}"
    return hits[0]


def mention(text: str, words: str, kind: str, entity: str, n: int = 0) -> Mention:
    start = -1
    for _ in range(n + 1):
        start = text.index(words, start + 1)
    return Mention(f"m_{entity}_{n}", Span.of(text, start, start + len(words)), kind, entity)


def check_spans(text: str, claims: tuple[Claim, ...]) -> None:
    for c in claims:
        spans = [c.cue, *c.content] + ([c.source.span] if c.source else []) + list(c.hedges)
        for sp in spans:
            assert text[sp.start : sp.end] == sp.text


# --- the seed article ----------------------------------------------------------------


def seed_entities(text: str) -> tuple[list[Entity], list[Mention]]:
    entities = [
        Entity("e1", "Syrian army", "ORG"),
        Entity("e2", "Russian Centre for the Reconciliation of the Enemy Parties in Syria", "ORG"),
        Entity("e3", "Aleppo", "GPE"),
        Entity("e4", "Idlib", "GPE"),
        Entity("e5", "Sean Savett", "PERSON"),
    ]
    mentions = [
        mention(text, "Syrian army", "ORG", "e1"),
        mention(
            text, "Russian Centre for the Reconciliation of the Enemy Parties in Syria", "ORG", "e2"
        ),
        mention(text, "Aleppo", "GPE", "e3", 3),
        mention(text, "Idlib", "GPE", "e4", 1),
        mention(text, "Sean Savett", "PERSON", "e5"),
        mention(text, "Savett", "PERSON", "e5", 1),
    ]
    return entities, sorted(mentions, key=lambda m: m.span.start)


def test_seed_claims_have_sources_and_cues(seed_text: str) -> None:
    claims = claims_of(seed_text)
    check_spans(seed_text, claims)
    expected = [
        ("soldiers had been killed", "Syrian army", "said"),
        ("took control of Aleppo airport", "operations room", "according to"),
        ("captured the city of Maraat al Numan", "Two rebel sources", "said"),
        ("entered much of Aleppo", "Syrian army command", "said"),
        ("missile and bomb strikes", "Russian Centre", "said"),
        ("about 300 rebel fighters", "It", "claimed"),
        ("attacked in large numbers", "Syrian military command", "said"),
        ("air force had carried out strikes", "Defence Ministry", "said"),
        ("closely monitored the situation", "National Security Council", "said"),
        ("refusal to engage in a political process", "Savett", "said"),
        ("nothing to do with the offensive", "Savett", "said"),
    ]
    for words, source, cue in expected:
        c = by_content(claims, words)
        assert c.source is not None and source in c.source.span.text, (words, c.source)
        assert c.cue.text == cue
    airport = by_content(claims, "Aleppo airport")
    assert "a security source" in airport.source.span.text
    assert airport.kind == "according-to"
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    assert all(c.origin == "auto" and c.status == "suggested" for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_seed_content_leaves_out_cue_source_and_full_stop(seed_text: str) -> None:
    c = by_content(claims_of(seed_text), "entered much of Aleppo")
    assert contents(c) == ["insurgents had entered much of Aleppo"]
    c = by_content(claims_of(seed_text), "monitored")
    assert contents(c)[0].startswith("it closely monitored")
    assert contents(c)[0].endswith("over the last 48 hours")


def test_seed_it_claimed_resolves_to_the_russian_centre(seed_text: str) -> None:
    entities, mentions = seed_entities(seed_text)
    claims = claims_of(seed_text, entities, mentions)
    c = by_content(claims, "about 300 rebel fighters")
    assert c.source.span.text == "It"
    assert c.source.entity == "e2"
    assert [h.text for h in c.hedges] == ["claimed"]
    said = by_content(claims, "missile and bomb strikes")
    assert said.source.entity == "e2"
    assert said.kind == "mixed"


def test_seed_sources_link_to_entities(seed_text: str) -> None:
    entities, mentions = seed_entities(seed_text)
    claims = claims_of(seed_text, entities, mentions)
    assert by_content(claims, "soldiers had been killed").source.entity == "e1"
    assert by_content(claims, "refusal to engage").source.entity == "e5"
    assert by_content(claims, "nothing to do with").source.entity == "e5"


def test_seed_cues_inside_quotations_are_not_claims(seed_text: str) -> None:
    # "urged de-escalation" is part of Savett's quoted words, not a claim of its own.
    assert not any(c.cue.text == "urged" for c in claims_of(seed_text))


def test_seed_quoted_words_stay_in_the_speakers_claim(seed_text: str) -> None:
    # The positive twin: the quotation is not lost, it is content of Savett's own claim.
    quoting = [
        c for c in claims_of(seed_text) if any("urged de-escalation" in s.text for s in c.content)
    ]
    assert [c.source.span.text for c in quoting] == ["Savett"]


# --- patterns on sentences of our own --------------------------------------------------


def test_x_said_that_y() -> None:
    c = one("The minister said on Tuesday that the talks had failed.")
    assert c.source.span.text == "The minister"
    assert contents(c) == ["the talks had failed"]
    assert c.kind == "indirect"


def test_time_between_source_and_cue() -> None:
    c = one("A Quinnipiac University poll in August found that most voters wanted change.")
    assert c.source.span.text == "A Quinnipiac University poll"
    c = one("The ministry on Tuesday said the border was closed.")
    assert c.source.span.text == "The ministry"


def test_when_and_how_after_the_cue_are_not_content() -> None:
    c = one("Rebels said on Saturday they had seized the town.")
    assert contents(c) == ["they had seized the town"]
    c = one("Israel's military said in a statement it had struck targets overnight.")
    assert contents(c) == ["it had struck targets overnight"]
    c = one("Witnesses said at least five people were killed.")
    assert contents(c) == ["at least five people were killed"]
    c = one("“We are monitoring the situation,” an official told reporters in Geneva.")
    assert contents(c) == ["“We are monitoring the situation,”"]


def test_writer_appositive_is_not_content() -> None:
    c = one("Rebels said they had seized the town, a claim the army denied.")
    assert contents(c) == ["they had seized the town"]


def test_participle_after_an_inverted_claim() -> None:
    claims = claims_of(
        "The attack killed 12 people, the health ministry said, adding that the toll could rise."
    )
    assert [(c.source.span.text, c.cue.text, contents(c)) for c in claims] == [
        ("the health ministry", "said", ["The attack killed 12 people"]),
        ("the health ministry", "adding", ["the toll could rise"]),
    ]


def test_told_skips_the_hearer() -> None:
    c = one("The mayor told reporters that the bridge would reopen next week.")
    assert c.cue.text == "told"
    assert contents(c) == ["the bridge would reopen next week"]


def test_inverted_indirect() -> None:
    c = one("The bridge will reopen next week, the mayor said.")
    assert c.source.span.text == "the mayor"
    assert contents(c) == ["The bridge will reopen next week"]


def test_direct_quote_then_pronoun() -> None:
    c = one("“We will not give up,” she said.")
    assert c.source.span.text == "she"
    assert contents(c) == ["“We will not give up,”"]
    assert c.kind == "direct"
    # No-break spaces around the dash, as web pages have them; two signed in one block.
    two = claims_of("“Mostly lies.” ―\xa0Ana Ruiz\n“He is clueless.”\xa0―\xa0Eva Diaz")
    assert [(c.source.span.text, contents(c)) for c in two] == [
        ("Ana Ruiz", ["“Mostly lies.”"]),
        ("Eva Diaz", ["“He is clueless.”"]),
    ]


def test_direct_quote_source_after_cue_with_appositive() -> None:
    c = one("“Nothing has changed,” said John Smith, a spokesman for the agency.")
    assert c.source.span.text.startswith("John Smith")
    assert "spokesman" in c.source.span.text
    assert contents(c) == ["“Nothing has changed,”"]


def test_split_quotation_gives_two_content_spans() -> None:
    c = one("“The town is calm,” the governor said, “but we remain on alert.”")
    assert contents(c) == ["“The town is calm,”", "“but we remain on alert.”"]
    assert c.kind == "direct"


def test_quotation_continues_over_sentences_and_paragraphs() -> None:
    text = (
        "“We saw the planes first,” a resident said. “Then the shelling started.\n\n"
        "“Nobody slept that night.”\n\n"
        "The army denied it."
    )
    claims = claims_of(text)
    c = claims[0]
    assert c.source.span.text == "a resident"
    assert contents(c) == [
        "“We saw the planes first,”",
        "“Then the shelling started.",
        "“Nobody slept that night.”",
    ]


def test_quoted_sentence_continues_a_direct_claim_past_a_participle_or_a_quoted_cue() -> None:
    c = by_content(
        claims_of(
            "“I’d want answers,” said a party official, asking for anonymity. "
            "“They pay five times more? That’s the kind of stuff I’d read.”"
        ),
        "I’d want answers",
    )
    assert contents(c) == [
        "“I’d want answers,”",
        "“They pay five times more? That’s the kind of stuff I’d read.”",
    ]
    # A cue word inside the next quotation ("promise") does not stop the continuation.
    c = one('"Not an issue," he said to applause. "I can promise you he will lose."')
    assert contents(c) == ['"Not an issue,"', '"I can promise you he will lose."']
    # The positive twin's negative: a sentence with a cue of its own is its own claim.
    said, added = claims_of('"A first point," he said. "A second," she added.')
    assert contents(said) == ['"A first point,"'] and contents(added) == ['"A second,"']


def test_a_question_quoted_before_the_source_is_the_content() -> None:
    # The question mark ends the quotation's sentence; the cue's sentence opens with
    # its source, and what follows the cue is not what was said.
    c = one("Trump spoke. “Who do they think they are?” Trump said in February.")
    assert (c.cue.text, contents(c), c.kind) == (
        "said",
        ["“Who do they think they are?”"],
        "direct",
    )
    # Not when the quotation is only part of the sentence before (it is someone's there).
    # 'X said:' after a question takes the next paragraph, as ever (no content yet).
    c = by_content(claims_of("Trump spoke. “Why?” Trump said:\n\nThe wall will rise."), "wall")
    assert (c.cue.text, contents(c)) == ("said", ["The wall will rise"])
    found = claims_of("He asked “why?” Trump said in February.")
    assert [c.cue.text for c in found if contents(c) == ["“why?”"]] == ["asked"]


def test_quoted_paragraph_after_a_direct_claim_continues_it() -> None:
    text = (
        "“We held the bridge,” the commander said.\n\n“Nobody crossed it.”\n\nThe army denied it."
    )
    c = claims_of(text)[0]
    assert contents(c) == ["“We held the bridge,”", "“Nobody crossed it.”"]


def test_said_colon_takes_the_next_paragraph() -> None:
    text = "The commander said:\n\n“We will hold the line.”\n\nOther news followed."
    c = one(text)
    assert contents(c) == ["“We will hold the line.”"]


def test_said_colon_before_a_paragraph_of_punctuation_is_no_claim() -> None:
    # Found by the property test below: ' ,' trimmed to nothing gave a claim whose content
    # was an empty span. The twin: the same cue before words is a claim.
    assert not claims_of(". said : \n\n ,")
    assert not claims_of("The commander said:\n\n-- ,")
    c = one("The commander said:\n\nWe will hold the line.")
    assert contents(c) == ["We will hold the line"]


def test_according_to_before_and_after() -> None:
    c = one("According to the health ministry, 12 people died in the blast.")
    assert c.kind == "according-to"
    assert c.source.span.text == "the health ministry"
    assert contents(c) == ["12 people died in the blast"]
    c = one("Twelve people died in the blast, according to police.")
    assert c.source.span.text == "police"
    assert contents(c) == ["Twelve people died in the blast"]


def test_hedges() -> None:
    c = one("Officials claimed the video had been staged.")
    assert [h.text for h in c.hedges] == ["claimed"]
    c = one("The group reportedly said it would withdraw from the town.")
    assert [h.text for h in c.hedges] == ["reportedly"]
    assert c.source.span.text == "The group"


def test_mixed_quote() -> None:
    c = one("The ministry said the strikes hit “terrorist positions” near the border.")
    assert c.kind == "mixed"


def test_unnamed_and_appositive_sources() -> None:
    c = one("Two diplomatic sources said the ceasefire was holding.")
    assert c.source.span.text == "Two diplomatic sources"
    c = one("Flynn, a top Trump surrogate, said the generals were frustrated.")
    assert c.source.span.text == "Flynn, a top Trump surrogate"
    c = one("Rep. Gwen Moore (D-Wis.) said the remark was a dog whistle.")
    assert c.source.span.text == "Rep. Gwen Moore (D-Wis.)"


def test_source_with_a_relative_clause() -> None:
    c = one("Officials who spoke on condition of anonymity said the talks had stalled.")
    assert c.source.span.text == "Officials who spoke on condition of anonymity"


def test_source_interrupting_the_content() -> None:
    c = one("The museum, he said, would make visitors face hard truths.")
    assert contents(c) == ["The museum", "would make visitors face hard truths"]


def test_coordinated_verbs_share_the_source() -> None:
    claims = claims_of("Merrill says the vote was fair and said she would stand firm.")
    assert len(claims) == 2
    assert contents(claims[0]) == ["the vote was fair"]
    assert claims[1].source.span.text == "Merrill"
    assert contents(claims[1]) == ["she would stand firm"]


def test_participle_continues_the_speaker() -> None:
    claims = claims_of("The minister said the port was open, adding that ships were waiting.")
    assert [c.cue.text for c in claims] == ["said", "adding"]
    assert contents(claims[0]) == ["the port was open"]
    assert claims[1].source.span.text == "The minister"
    assert contents(claims[1]) == ["ships were waiting"]


def test_he_resolves_to_the_last_person_quoted() -> None:
    text = "Colonel Ahmed Saleh said the road was cut. He said supplies were running low."
    m = mention(text, "Ahmed Saleh", "PERSON", "e1")
    claims = claims_of(text, [Entity("e1", "Ahmed Saleh", "PERSON")], [m])
    assert claims[0].source.entity == "e1"
    assert claims[1].source.span.text == "He"
    assert claims[1].source.entity == "e1"


def test_transcript_labels() -> None:
    text = "WALLACE: Will she be at the debate?\n\nPENCE: She will not be attending."
    claims = claims_of(text)
    assert [(c.source.span.text, c.cue.text, contents(c)) for c in claims] == [
        ("WALLACE", ":", ["Will she be at the debate?"]),
        ("PENCE", ":", ["She will not be attending."]),
    ]
    assert claims_of("UPDATE: The road has reopened.") == ()
    assert claims_of("Contributing: Todd Spangler and Iris Ouyang.") == ()
    # A transcript quoted whole: each paragraph opens with a quotation mark.
    quoted = claims_of('"WALLACE: Will she be there?\n\n"PENCE: She will not."')
    assert [(c.source.span.text, contents(c)) for c in quoted] == [
        ("WALLACE", ["Will she be there?"]),
        ("PENCE", ["She will not."]),
    ]


def test_name_colon_quotation_inside_a_paragraph() -> None:
    c = one("RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “Twenty states lean Republican.”")
    assert (c.cue.text, c.source.span.text) == (":", "Jeffrey M. Jones")
    assert contents(c) == ["“Twenty states lean Republican.”"]
    c = one("The surge does not surprise pollster Daron Shaw: “Outsiders often get a boost.”")
    assert (c.cue.text, c.source.span.text) == (":", "Daron Shaw")
    # A reporting verb before the name makes it the verb's claim, and no name no label.
    c = one('In other words, explained moderator Nancy Cordes: "It was not in the system."')
    assert c.cue.text == "explained"
    assert all(x.cue.text != ":" for x in claims_of("The plan had one flaw: “timing.”"))


def test_quotation_signed_with_a_dash() -> None:
    c = one("“He scares me. He does not know our lives.” ― Krystal Correa, 34, Florida")
    assert c.source.span.text == "Krystal Correa"
    assert c.cue.text == "―"
    assert c.kind == "direct"


def test_stance_verbs_and_plural_nouns() -> None:
    c = one("The senator called for an inquiry into the contract.")
    assert contents(c) == ["an inquiry into the contract"]
    c = one("Trump calls the plan a disaster.")
    assert c.source.span.text == "Trump"
    assert claims_of("His disparaging remarks about the judge drew criticism.") == ()
    assert claims_of("The police called off the search at dusk.") == ()


def test_who_resolves_to_the_name_before_it() -> None:
    text = "Colonel Ahmed Saleh said the road was cut. Mayor Rami Aziz, who said the town was safe, left."
    ms = [mention(text, "Ahmed Saleh", "PERSON", "e1"), mention(text, "Rami Aziz", "PERSON", "e2")]
    claims = claims_of(
        text, [Entity("e1", "Ahmed Saleh", "PERSON"), Entity("e2", "Rami Aziz", "PERSON")], ms
    )
    who = [c for c in claims if c.source and c.source.span.text == "who"]
    assert who and who[0].source.entity == "e2"


def test_nested_claim_is_kept_with_less_confidence() -> None:
    outer, inner = claims_of("The minister said the general told him the road was cut.")
    assert inner.cue.text == "told" and inner.source.span.text == "the general"
    assert inner.confidence < outer.confidence


def test_polls_show_and_coordinated_subjects() -> None:
    c = one("Recent polls show the governor with a narrow lead.")
    assert c.source.span.text == "Recent polls"
    assert contents(c) == ["the governor with a narrow lead"]
    assert claims_of("The band will show the film tonight.") == ()
    assert [x.cue.text for x in claims_of("Cruz thanked them and said he was proud.")] == ["said"]
    assert one("Cruz thanked them and said he was proud.").source.span.text == "Cruz"


def test_not_claims() -> None:
    assert claims_of("The United States sent aid to the region.") == ()
    assert claims_of("She declined to say where the money came from.") == ()
    assert claims_of("His claims were rejected by the court.") == ()
    assert claims_of("") == ()


def test_near_misses_of_not_claims_are_claims() -> None:
    # The positive twins: a real cue beside a declined one, the verb beside the noun.
    declined = claims_of("She declined to say where the money came from, but said it was legal.")
    assert [(c.cue.text, contents(c)) for c in declined] == [("said", ["it was legal"])]
    assert contents(one("He claimed the court had rejected it.")) == ["the court had rejected it"]


@settings(max_examples=examples(50), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "told",
                "according",
                "to",
                "“",
                "”",
                '"',
                ",",
                ".",
                "\n\n",
                "he",
                "It",
                "The army",
                "that",
                "claimed",
                "Smith",
                ":",
                "(",
                ")",
                "reportedly",
                "''",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_any_text_gives_consistent_spans(words: list[str]) -> None:
    text = " ".join(words)
    claims = claims_of(text)
    check_spans(text, claims)
    for c in claims:
        assert c.content and all(len(x) > 0 for x in c.content)
        assert c.kind in ("direct", "indirect", "mixed", "according-to")


def test_a_cue_sentence_with_nothing_else_takes_the_quotation_before_it() -> None:
    # '“...?” Clinton said.': the question mark ended the quotation's sentence, and the
    # quoted sentence after it goes on with the same speaker.
    text = "Clinton spoke. “How many times must we see this?” Clinton said. “It is wrong.”"
    c = by_content(claims_of(text), "How many")
    assert (c.cue.text, contents(c), c.source.span.text) == (
        "said",
        ["“How many times must we see this?”", "“It is wrong.”"],
        "Clinton",
    )
    c = by_content(claims_of("Graham spoke. “Does anybody know?” asked Graham."), "anybody")
    assert (c.cue.text, c.source.span.text) == ("asked", "Graham")
    # No quotation before it: nothing was said.
    assert claims_of("The rally ended. Clinton said.") == ()


def test_calling_someone_something_is_a_claim() -> None:
    c = by_content(claims_of("Bush attacked Trump on Saturday, calling him a “loser.”"), "him")
    assert (c.cue.text, contents(c)) == ("calling", ["him a “loser.”"])
    # The telephone is no claim.
    assert [c.cue.text for c in claims_of("They said they would call me tomorrow.")] == ["said"]


def test_the_rules_whole_clause_beats_a_piece_of_it_scored_a_hair_higher() -> None:
    from tui.extract.attribution import WITHIN_KEY, choose_reading

    rule = (0.60, {"origin_rule": 1.0, "agree_rule": 0.4})
    piece = (0.63, {WITHIN_KEY: 1.0})
    assert choose_reading([rule, piece]) == 0
    # A piece the scorer trusts clearly more, or another reading scored a hair higher, wins.
    assert choose_reading([rule, (0.75, {WITHIN_KEY: 1.0})]) == 1
    assert choose_reading([rule, (0.63, {})]) == 1

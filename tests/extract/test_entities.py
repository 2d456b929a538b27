"""Entity extraction on the seed article and on text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.budget import examples
from tui.extract.entities import find_entities, find_mentions
from tui.extract.linking import Found
from tui.extract.names_again import names_again
from tui.extract.tagger import default_tagger, sentence_tokens
from tui.model import Entity, Mention
from tui.text.document import Document
from tui.text.loader import load_document, load_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "aleppo.txt"


def load_document_text(text: str) -> Document:
    """A document as the loader makes it (title and dateline found)."""
    return load_text(text.encode("utf-8"))


def _extract(text: str) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    return find_entities(Document(text=text))


@pytest.fixture(scope="module")
def seed() -> tuple[Document, tuple[Entity, ...], tuple[Mention, ...]]:
    doc = load_document(SEED)
    entities, mentions = find_entities(doc)
    return doc, entities, mentions


def _typed(mentions: tuple[Mention, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(m.span.text, set()).add(m.type)
    return out


def _entity_of(entities, mentions, text: str) -> Entity:
    ids = {m.entity for m in mentions if m.span.text == text}
    assert len(ids) == 1, f"{text!r} -> {ids}"
    (eid,) = ids
    return next(e for e in entities if e.id == eid)


def test_seed_types(seed) -> None:
    _, _, mentions = seed
    typed = _typed(mentions)
    expected = {
        "GPE": [
            "Aleppo",
            "Maraat al Numan",
            "Idlib",
            "Syria",
            "Russia",
            "Iran",
            "Turkey",
            "Israel",
            "Lebanon",
            "Washington",
            "Moscow",
            "US",
            "Gaza",
        ],
        "FAC": ["Aleppo airport"],
        "ORG": [
            "Hezbollah",
            "Syrian army",
            "Russian Centre for the Reconciliation of the Enemy Parties in Syria",
            "Defence Ministry",
            "NSC",
            "Hayat Tahrir al-Sham",
            "HTS",
            "Nusra Front",
        ],
        "PERSON": ["Bashar al-Assad", "Assad", "Sean Savett", "Savett"],
        "LAW": ["Resolution 2254"],
        "DATE": ["Wednesday", "2011", "2020"],
        "QUANTITY": ["dozens", "about 300", "hundreds of thousands"],
    }
    for typ, texts in expected.items():
        for text in texts:
            assert typed.get(text) == {typ}, (text, typed.get(text))


def test_seed_links(seed) -> None:
    _, entities, mentions = seed
    hts = _entity_of(entities, mentions, "HTS")
    assert hts is _entity_of(entities, mentions, "Hayat Tahrir al-Sham")
    assert hts is _entity_of(entities, mentions, "Nusra Front")
    assert hts.name == "Hayat Tahrir al-Sham" and hts.type == "ORG"
    assad = _entity_of(entities, mentions, "Assad")
    assert assad is _entity_of(entities, mentions, "Bashar al-Assad")
    assert assad.name == "Bashar al-Assad"
    savett = _entity_of(entities, mentions, "Savett")
    assert savett is _entity_of(entities, mentions, "Sean Savett")
    nsc = _entity_of(entities, mentions, "NSC")
    assert "National Security Council" in nsc.name and nsc.type == "ORG"
    assert _entity_of(entities, mentions, "Russia").type == "GPE"
    assert "Syria" not in {e.name for e in entities if e.type != "GPE"}


def test_seed_quantities_carry_estimates(seed) -> None:
    _, _, mentions = seed
    est = {m.span.text: m.estimate for m in mentions if m.type == "QUANTITY"}
    assert est["dozens"] == 24
    assert est["about 300"] == 300
    assert est["hundreds of thousands"] == 200000


def test_ids_offsets_and_fields(seed) -> None:
    doc, entities, mentions = seed
    assert [e.id for e in entities] == [f"e{k}" for k in range(1, len(entities) + 1)]
    assert [m.id for m in mentions] == [f"m{k}" for k in range(1, len(mentions) + 1)]
    starts = [m.span.start for m in mentions]
    assert starts == sorted(starts)
    first_mention = {}
    for m in mentions:
        first_mention.setdefault(m.entity, m.span.start)
    assert list(first_mention) == [e.id for e in entities]  # entities in document order
    for m in mentions:
        assert doc.text[m.span.start : m.span.end] == m.span.text
        assert m.origin == "auto" and m.status == "suggested"
        assert 0.0 <= m.confidence <= 1.0
        assert not m.span.text.startswith(("the ", "The "))
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.span.end <= b.span.start  # no overlaps


def test_seed_is_fast_enough(seed) -> None:
    import time

    doc = seed[0]
    t0 = time.perf_counter()
    find_entities(doc)
    assert time.perf_counter() - t0 < 1.0  # generous: the benchmark measures the real figure


def test_own_text_people_orgs_places_and_links() -> None:
    text = (
        "Prime Minister Keir Starmer met German Chancellor Olaf Scholz in Berlin on Tuesday.\n"
        "The Federal Office for Migration and Refugees, or BAMF, said it had processed about 2,500 "
        "applications. Starmer later flew to Paris, where the French government hosted him.\n"
        "The Kurdistan Workers' Party, formerly known as the Kurdistan Freedom and Democracy "
        "Congress, was blamed by the Turkish army for the attack in Van province in 2016."
    )
    entities, mentions = _extract(text)
    typed = _typed(mentions)
    assert typed["Keir Starmer"] == {"PERSON"}
    assert typed["Olaf Scholz"] == {"PERSON"}
    assert typed["Berlin"] == {"GPE"}
    assert typed["Paris"] == {"GPE"}
    assert typed["Tuesday"] == {"DATE"}
    assert typed["2016"] == {"DATE"}
    assert typed["about 2,500"] == {"QUANTITY"}
    assert typed["Turkish army"] == {"ORG"}
    assert typed["German"] == {"NORP"}
    starmer = _entity_of(entities, mentions, "Starmer")
    assert starmer is _entity_of(entities, mentions, "Keir Starmer")
    bamf = _entity_of(entities, mentions, "BAMF")
    assert bamf.name == "Federal Office for Migration and Refugees"
    assert bamf.type == "ORG"


def test_headline_in_capitals_is_not_all_entities() -> None:
    text = (
        "REBELS SEIZE MAJOR CITY AFTER FIERCE FIGHTING OVERNIGHT\n"
        "Rebels seized the city of Homs on Sunday, the army said."
    )
    _, mentions = _extract(text)
    headline = [m for m in mentions if m.span.end <= text.index("\n")]
    assert len(headline) <= 1
    assert any(m.span.text == "Homs" and m.type == "GPE" for m in mentions)


def test_title_case_headline_is_not_all_entities() -> None:
    text = "Rebels Seize Airport In Major Offensive Against Government Forces\n\nRebels seized it."
    doc = Document(text=text, title="x", title_span=(0, text.index("\n")))
    _, mentions = find_entities(doc)
    assert [m for m in mentions if m.span.end <= text.index("\n")] == []


def test_a_name_in_a_title_case_headline_is_still_found() -> None:
    # The positive twin: capitals alone make no entity, but a real name there is one.
    text = "Rebels Seize Airport In Aleppo As Government Forces Retreat\n\nRebels seized it."
    doc = Document(text=text, title="x", title_span=(0, text.index("\n")))
    _, mentions = find_entities(doc)
    headline = [(m.span.text, m.type) for m in mentions if m.span.end <= text.index("\n")]
    assert headline == [("Aleppo", "GPE")]


def test_possessive_splits_place_and_body() -> None:
    text = "Ukraine’s Foreign Ministry said on Monday that Kyiv would respond."
    _, mentions = _extract(text)
    typed = _typed(mentions)
    assert typed["Ukraine"] == {"GPE"}
    assert typed["Foreign Ministry"] == {"ORG"}


def test_empty_and_plain_text() -> None:
    assert find_entities(Document(text="")) == ((), ())
    entities, mentions = _extract("nothing to see here, just lower case words.")
    assert entities == () and mentions == ()


def test_names_do_not_run_across_lines() -> None:
    text = "By Maria Lopez\nIn Madrid, the Spanish government met on Monday."
    _, mentions = _extract(text)
    for m in mentions:
        assert "\n" not in m.span.text
    assert any(m.span.text == "Madrid" and m.type == "GPE" for m in mentions)


def test_person_of_party_keeps_both() -> None:
    text = "Speakers included Alvin Yeung of the Civic Party and others from Hong Kong."
    _, mentions = _extract(text)
    typed = _typed(mentions)
    assert typed.get("Civic Party") == {"ORG"}
    assert typed.get("Alvin Yeung") == {"PERSON"}


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The",
                "Syrian",
                "army",
                "said",
                "Assad",
                "of",
                "the",
                "Ministry",
                "HTS",
                ",",
                "or",
                "al-Sham",
                "Aleppo",
                "dozens",
                "300",
                "in",
                "2011",
                "\n",
                "’s",
                "US",
                "NATO",
                "Front",
                ".",
                "RUSSIA",
                "and",
            ]
        ),
        max_size=40,
    )
)
def test_any_word_soup_gives_valid_ordered_spans(words: list[str]) -> None:
    text = " ".join(words)
    entities, mentions = _extract(text)
    ids = {e.id for e in entities}
    last_end = 0
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.span.start >= last_end and m.span.end > m.span.start
        assert m.entity in ids
        last_end = m.span.end


def test_dateline_place_and_agency() -> None:
    text = (
        "Drone strike hits port\n\nKYIV, March 3 (Reuters) - A drone hit the port of Odesa, "
        "officials in Kyiv said, and the Belgorod and Kursk regions reported attacks."
    )
    doc = load_document_text(text)
    entities, mentions = find_entities(doc)
    typed = _typed(mentions)
    assert typed["KYIV"] == {"GPE"}
    assert typed["Reuters"] == {"ORG"}
    assert typed["Belgorod"] == {"GPE"} and typed["Kursk"] == {"GPE"}
    assert _entity_of(entities, mentions, "KYIV") is _entity_of(entities, mentions, "Kyiv")


def test_bracketed_acronym_after_a_place_is_not_the_place() -> None:
    text = "The Monitoring Mission in Ukraine (HRMMU) said 30 civilians died in Ukraine."
    entities, mentions = _extract(text)
    ukraine = _entity_of(entities, mentions, "Ukraine")
    assert "HRMMU" not in ukraine.aliases


def test_bracketed_acronym_after_an_organisation_is_its_alias() -> None:
    # The positive twin: the same bracket right after the body it abbreviates.
    text = "The Human Rights Monitoring Mission (HRMMU) said 30 civilians died in Ukraine."
    entities, mentions = _extract(text)
    mission = _entity_of(entities, mentions, "Human Rights Monitoring Mission")
    assert mission.aliases == ("HRMMU",)
    assert _entity_of(entities, mentions, "HRMMU") is mission


def test_laws_events_times_and_defined_acronyms() -> None:
    text = (
        "The Paris Agreement and the Geneva Conventions were cited at the Munich Security "
        "Conference on Feb. 17, 2024, at 10:30 a.m. Veterans of World War II spoke. "
        "Article 5 was invoked. The Israel Defense Forces (IDF) said 12 fighters died; "
        "IDF officers confirmed it."
    )
    entities, mentions = _extract(text)
    typed = _typed(mentions)
    assert typed["Paris Agreement"] == {"LAW"}
    assert typed["Geneva Conventions"] == {"LAW"}
    assert typed["Article 5"] == {"LAW"}
    assert typed["World War II"] == {"EVENT"}
    assert typed["Munich Security Conference"] == {"EVENT"}
    assert typed["Feb. 17, 2024"] == {"DATE"}
    assert typed["10:30 a.m."] == {"TIME"}
    idf = _entity_of(entities, mentions, "IDF")
    assert idf is _entity_of(entities, mentions, "Israel Defense Forces")
    assert idf.type == "ORG"


def _names(text: str) -> list[tuple[str, str]]:
    return [(m.span.text, m.type) for m in _extract(text)[1] if m.type not in ("DATE", "TIME")]


def test_known_name_keeps_a_sentence_opening_word() -> None:
    # "new" and "south" are written in lower case in the same text: still part of the name
    text = (
        "The talks were new.\nNew Zealand begins a process to change its flag. "
        "South Korea had recently started broadcasts to the south."
    )
    names = _names(text)
    assert ("New Zealand", "GPE") in names
    assert ("South Korea", "GPE") in names


def test_place_comma_region_is_one_place_but_lists_are_not() -> None:
    names = _names(
        "The shuttle flew from Los Angeles, California to Cape Canaveral, Florida. "
        "Belgium, England and Tunisia won. "
        "It was tested in New South Wales, Victoria and Queensland."
    )
    assert ("Los Angeles, California", "GPE") in names
    assert ("Cape Canaveral, Florida", "GPE") in names
    assert ("Belgium", "GPE") in names and ("England", "GPE") in names
    assert ("Victoria", "GPE") in names


def test_a_name_cut_short_is_completed_from_its_full_form_in_the_document() -> None:
    from tui.extract.linking import Found
    from tui.extract.name_repairs import names_completed

    text = "Elizabeth Quat of DAB won. DAB's Elizabeth Quat spoke. Elizabeth Quatro left."
    first = text.index("Elizabeth")
    second = text.index("Elizabeth", first + 1)
    third = text.index("Elizabeth Quatro")
    found = [
        Found(first, first + len("Elizabeth Quat"), "PERSON", 0.9),
        Found(second, second + len("Elizabeth"), "ORG", 0.7),
        Found(third, third + len("Elizabeth Quatro"), "PERSON", 0.9),
    ]
    out = names_completed(text, found)
    assert [(text[f.start : f.end], f.type) for f in out] == [
        ("Elizabeth Quat", "PERSON"),
        ("Elizabeth Quat", "PERSON"),
        ("Elizabeth Quatro", "PERSON"),
    ]


def test_a_dateline_names_a_place_even_in_a_sports_report() -> None:
    text = (
        "DETROIT, Aug 27 (Reuters) - Detroit beat Toronto on Tuesday.\n\n"
        "DETROIT 5 Toronto 3\nSeattle 7 Cleveland 2\n"
    )
    _, mentions = _extract(text)
    first = mentions[0]
    assert (first.span.text, first.type) == ("DETROIT", "GPE")
    # the twin: the teams in the table are not places
    table = [m for m in mentions if m.span.start > text.index("\n\n")]
    assert ("Toronto", "ORG") in [(m.span.text, m.type) for m in table]


# A scraped page with its headings and a video caption run into the text (as in a VOA
# article): "May 22" makes the tagger read "May" as a month.
GLUED = (
    "The bombing on May 22 killed 22 people. Police raided homes on May 24, 2017."
    "Security strategy reviewA senior Conservative official told VOA there is frustration."
    "Prime Minister Theresa May promised to review the strategy."
    "WATCH: British Prime Minister Theresa MayVideo sizewidthxheightpixels"
    "Britain PM May: 'Enough is Enough'"
)


def test_a_given_name_and_a_month_surname_are_one_person_named_in_full() -> None:
    entities, mentions = _extract(GLUED)
    people = [m for m in mentions if m.type == "PERSON"]
    assert [m.span.text for m in people] == ["Theresa May", "Theresa May", "May"]
    (eid,) = {m.entity for m in people}
    may = next(e for e in entities if e.id == eid)
    assert may.name == "Theresa May"
    assert may.aliases == ("May",)
    assert {m.span.text for m in mentions if m.type == "DATE"} == {"May 22", "May 24, 2017"}


def test_a_name_with_the_next_line_glued_on_ends_where_the_document_names_it() -> None:
    from tui.extract.linking import Found
    from tui.extract.name_repairs import glued_names_cut

    text = "Theresa May spoke. Theresa MayVideo size."
    a = text.index("Theresa May")
    b = text.index("Theresa MayVideo")
    found = [
        Found(a, a + len("Theresa May"), "PERSON", 0.9),
        Found(b, b + len("Theresa MayVideo"), "PERSON", 0.9),
    ]
    out = glued_names_cut(text, found)
    assert [text[f.start : f.end] for f in out] == ["Theresa May", "Theresa May"]
    # the twin: a camel-case name the document never names apart stays whole
    text = "YouTube removed it. McDonald spoke."
    found = [Found(0, 7, "ORG", 0.9), Found(20, 28, "PERSON", 0.9)]
    assert [text[f.start : f.end] for f in glued_names_cut(text, found)] == [
        "YouTube",
        "McDonald",
    ]


def _surnames_found(text: str, people: list[str]) -> list[str]:
    from tui.extract.entities import _surnames_again
    from tui.extract.linking import Found
    from tui.extract.tagger import sentence_tokens

    sents = sentence_tokens(text)
    found = []
    for name in people:
        a = text.index(name)
        found.append(Found(a, a + len(name), "PERSON", 0.9))
    out = _surnames_again(text, sents, [[t.text for t in s] for s in sents], found)
    return [text[f.start : f.end] for f in out if f.source == "surname"]


def test_a_word_after_a_surname_is_no_surname_of_its_own() -> None:
    # "Warhol Polaroids" read as a name: Warhol is Andy Warhol's surname, so this is
    # Warhol's Polaroids, and "Polaroids" alone is not a person
    text = "Andy Warhol took them. The Warhol Polaroids hang here. Polaroids fade."
    assert _surnames_found(text, ["Andy Warhol", "Warhol Polaroids"]) == []


def test_a_surname_after_a_given_name_is_still_found_again() -> None:
    # the twin: a given name before the surname
    text = "Andy Warhol took them. Dennis Hopper posed. Hopper smiled."
    assert _surnames_found(text, ["Andy Warhol", "Dennis Hopper"]) == ["Hopper"]


def _doubtful(text: str, names: list[tuple[str, str, float]]) -> list[str]:
    from tui.extract.doubts import doubtful_names
    from tui.extract.linking import Found

    found, index, types, confidence = [], [], [], []
    for k, (name, typ, conf) in enumerate(names):
        a = text.index(name)
        found.append(Found(a, a + len(name), typ, conf))
        index.append(k)
        types.append(typ)
        confidence.append(conf)
    return sorted(names[e][0] for e in doubtful_names(text, found, index, types, confidence))


def test_an_unknown_one_word_place_the_calibration_doubts_is_not_suggested() -> None:
    text = "the Landscape constituency voted"
    assert _doubtful(text, [("Landscape", "GPE", 0.47)]) == ["Landscape"]
    # a person named in one word, even one the gazetteer knows as a place
    text = "loaded up Gigaloader and Paris"
    names = [("Gigaloader", "PERSON", 0.45), ("Paris", "PERSON", 0.3)]
    assert _doubtful(text, names) == ["Gigaloader", "Paris"]


def test_a_known_or_a_likely_place_is_still_suggested() -> None:
    # the twins: the gazetteer knows Aleppo; the model is sure of Kecskemet; two words
    text = "from Aleppo to Kecskemet and Deir Hafer"
    names = [("Aleppo", "GPE", 0.3), ("Kecskemet", "GPE", 0.8), ("Deir Hafer", "GPE", 0.4)]
    assert _doubtful(text, names) == []
    # and people: sure of Lentini, two words for Ho Wing, bodies are not judged here
    text = "Lentini met Ho Wing at Ruch"
    names = [("Lentini", "PERSON", 0.8), ("Ho Wing", "PERSON", 0.4), ("Ruch", "ORG", 0.3)]
    assert _doubtful(text, names) == []


def test_a_place_the_document_names_is_found_again_where_the_tagger_passed_it_by() -> None:
    # Seen on a Politico story: the headline's "Chelsea explosion" had no place, so the
    # event read "Chelsea" as who set the explosion off.
    text = (
        "Mayor says Chelsea explosion was an act of terror.\n\n"
        "At a press conference in Chelsea, the mayor spoke."
    )
    _, mentions = find_entities(Document(text))
    assert [(m.span.text, m.span.start, m.type) for m in mentions if m.span.text == "Chelsea"] == [
        ("Chelsea", 11, "GPE"),
        ("Chelsea", 77, "GPE"),
    ]


def test_a_name_the_document_also_writes_in_lower_case_is_not_found_by_spelling_alone() -> None:
    # The twin: "Reform" is a party once, and "reform" a common word elsewhere; the
    # sentence-initial "Reform" is not taken for the party.
    text = "Voters backed Reform UK. Reform is hard, and reform takes time."
    sents = sentence_tokens(text)
    party = Found(14, 23, "ORG", 0.9)
    found = names_again(text, sents, [party], frozenset({"reform"}))
    assert found == [party]
    found = names_again(text, sents, [Found(14, 20, "ORG", 0.9)], frozenset())
    assert [(text[f.start : f.end], f.start) for f in found] == [("Reform", 14), ("Reform", 25)]


def _found(text: str) -> list[tuple[str, str, str]]:
    found = find_mentions(text, default_tagger())
    return [(text[f.start : f.end], f.type, f.source) for f in found]


def test_a_known_city_in_capitals_before_a_hyphen_is_a_dateline_place() -> None:
    # Seen on a Washington Post story: "CHARLOTTE - Nearly a week after ..." was read as
    # an organisation, and with the headline's "Charlotte" it outvoted the city's other
    # mentions: Charlotte was ORG all through the story.
    text = "CHARLOTTE - Nearly a week after the shooting, the city remains in limbo."
    assert ("CHARLOTTE", "GPE", "dateline") in _found(text)


def test_a_word_in_capitals_that_is_no_place_is_no_dateline() -> None:
    # The twin: "BREAKING - " opens the paragraph the same way and names no place.
    text = "BREAKING - The mayor of Charlotte resigned on Sunday."
    assert not [f for f in _found(text) if f[2] == "dateline"]
    _, mentions = find_entities(Document(text))
    assert ("Charlotte", "GPE") in [(m.span.text, m.type) for m in mentions]

"""Rules around the tagger: title-case lines, head words, "of" and the tagger's own spans.

Tags are given by hand, so these check the rules, not the trained model.
"""

from __future__ import annotations

from tui.extract.features import is_title_case
from tui.extract.gazetteer import gazetteer
from tui.extract.names import sentence_names
from tui.extract.patterns import patterns


def _split(line: str) -> list[str]:
    """A line as the tokenizer would give it (the test lines are spaced already)."""
    return line.split()


def _names(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    spans = sentence_names(
        words,
        [(t, 0.95) for t in tags],
        gazetteer(),
        patterns(),
        [False] * len(words),
        False,
        frozenset(),
    )
    return [(" ".join(words[s.a : s.b]), s.type) for s in spans]


def test_a_table_row_of_names_is_not_a_title_case_headline() -> None:
    assert not is_title_case(_split("9. Donna Wynd ( New Zealand ) 36.831"))
    assert not is_title_case(_split("At Tunbridge Wells : Nottinghamshire 214 and Kent 108"))


def test_a_title_case_headline_is_still_one() -> None:
    # the twin: a small word inside the line marks a headline
    assert is_title_case(_split("Rebels Seize Airport In Major Offensive Against Government"))
    assert is_title_case(_split("Rebels Launch New Offensive Near Aleppo"))


def test_a_person_whose_surname_is_a_law_word_stays_a_person() -> None:
    words = _split("Flemming , Stuart Law , Glenn McGrath")
    tags = ["O", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER"]
    assert _names(words, tags) == [("Stuart Law", "PERSON"), ("Glenn McGrath", "PERSON")]


def test_a_law_head_word_still_types_a_name_the_tagger_does_not_call_a_person() -> None:
    words = _split("They passed the Patriot Act yesterday")
    tags = ["O", "O", "O", "B-MISC", "I-MISC", "O"]
    assert _names(words, tags) == [("Patriot Act", "LAW")]


def test_an_organisation_does_not_run_over_of_into_a_name_the_tagger_starts() -> None:
    words = _split("Karlsruhe of Germany beat Benetton")
    tags = ["B-ORG", "O", "B-LOC", "O", "B-ORG"]
    assert _names(words, tags) == [("Karlsruhe", "ORG"), ("Germany", "GPE"), ("Benetton", "ORG")]


def test_an_organisation_still_runs_over_of_when_the_tagger_joins_nothing_after() -> None:
    words = _split("the Centre for the Reconciliation of Parties said")
    tags = ["O", "B-ORG", "O", "O", "O", "O", "O", "O"]
    assert _names(words, tags) == [("Centre for the Reconciliation of Parties", "ORG")]


def test_an_adjective_the_tagger_sets_apart_does_not_open_a_name_with_particles() -> None:
    words = _split("attack led by Islamist Hayat Tahrir al-Sham militants .")
    tags = ["O", "O", "O", "B-MISC", "O", "O", "O", "O", "O"]
    assert _names(words, tags) == [("Islamist", "NORP"), ("Hayat Tahrir al-Sham", "ORG")]


def _names_with(
    words: list[str], tags: list[str], blocked: list[bool], lower: frozenset[str]
) -> list[tuple[str, str]]:
    spans = sentence_names(
        words, [(t, 0.95) for t in tags], gazetteer(), patterns(), blocked, False, lower
    )
    return [(" ".join(words[s.a : s.b]), s.type) for s in spans]


def test_a_surname_the_tagger_read_as_a_month_joins_the_given_name() -> None:
    # "May 22" elsewhere in the article makes the tagger leave "May" out
    words = _split("Prime Minister Theresa May promised to review it")
    tags = ["O", "O", "B-PER", "O", "O", "O", "O", "O"]
    got = _names_with(words, tags, [False] * len(words), frozenset({"may", "to", "it"}))
    assert got == [("Theresa May", "PERSON")]
    # a capitalised word the document never writes in lower case, too
    words = _split("the mayor Luca Pastorino received refusals")
    tags = ["O", "O", "B-PER", "O", "O", "O"]
    assert _names_with(words, tags, [False] * 6, frozenset()) == [("Luca Pastorino", "PERSON")]
    # a two-letter surname the document also writes in lower case ("to", "or")
    words = _split("they were defeated by James To of the Democratic Party")
    tags = ["O", "O", "O", "O", "B-PER", "O", "O", "O", "B-ORG", "I-ORG"]
    got = _names_with(words, tags, [False] * len(words), frozenset({"to", "of", "the"}))
    assert got[0] == ("James To", "PERSON")


def test_a_date_or_a_common_word_after_a_given_name_stays_out() -> None:
    words = _split("Theresa May 22 was the day")
    tags = ["B-PER", "O", "O", "O", "O", "O"]
    blocked = [False, True, True, False, False, False]  # "May 22": a date rule's span
    assert _names_with(words, tags, blocked, frozenset()) == [("Theresa", "PERSON")]
    words = _split("asked Ahmed Today it said")  # "today" is written in lower case elsewhere
    tags = ["O", "B-PER", "O", "O", "O"]
    got = _names_with(words, tags, [False] * 5, frozenset({"today", "it"}))
    assert got == [("Ahmed", "PERSON")]


def test_a_hong_kong_style_name_the_tagger_read_as_misc_is_a_person() -> None:
    words = _split("localist camp's Cheng Chung-tai won , and Hui Chi-fung lost")
    tags = ["O", "O", "B-MISC", "I-MISC", "O", "O", "O", "B-PER", "O", "O"]
    assert _names(words, tags) == [("Cheng Chung-tai", "PERSON"), ("Hui Chi-fung", "PERSON")]


def test_english_hyphen_compounds_after_a_capital_are_not_names() -> None:
    words = _split("Leader Pan-democrat voters and Sunday Anti-war rallies and Toronto-based firms")
    tags = ["O"] * len(words)
    assert [n for n in _names(words, tags) if n[1] == "PERSON"] == []


def test_a_name_ending_in_center_or_hospital_is_a_facility() -> None:
    words = _split("shuttles land at the Kennedy Space Center in Florida")
    tags = ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    assert _names(words, tags) == [("Kennedy Space Center", "FAC"), ("Florida", "GPE")]
    words = _split("he was taken to Johns Hopkins Hospital")
    tags = ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]
    assert _names(words, tags) == [("Johns Hopkins Hospital", "FAC")]


def test_a_centre_before_for_still_heads_an_organisation() -> None:
    # the twin: before "for" the same word heads a body's name
    words = _split("the Centre for Humanitarian Dialogue said")
    tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    assert _names(words, tags) == [("Centre for Humanitarian Dialogue", "ORG")]


def test_a_place_before_a_newspaper_word_names_the_paper() -> None:
    words = _split("according to the Toronto Star and the Sydney Morning Herald")
    tags = ["O", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "O", "O"]
    assert _names(words, tags) == [("Toronto Star", "ORG"), ("Sydney Morning Herald", "ORG")]


def test_a_newspaper_word_after_no_place_is_no_paper() -> None:
    # the twin: an award's category is not a newspaper
    words = _split("nominated as Outstanding Guest Star in a Drama Series")
    tags = ["O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "O", "B-MISC", "I-MISC"]
    assert [n for n in _names(words, tags) if n[1] == "ORG"] == []


def test_a_sea_or_desert_word_opening_a_name_makes_no_place() -> None:
    words = _split("activists of Sea Shepherd met the Desert Rose band")
    tags = ["O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O"]
    assert _names(words, tags) == [("Sea Shepherd", "ORG"), ("Desert Rose", "ORG")]


def test_a_lake_mount_or_river_word_opening_a_name_still_makes_a_place() -> None:
    # the twin: these words open natural places' names
    words = _split("boats on Lake Chad and the River Ouse below Mount Hermon")
    tags = ["O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"]
    assert _names(words, tags) == [
        ("Lake Chad", "LOC"),
        ("River Ouse", "LOC"),
        ("Mount Hermon", "LOC"),
    ]


def test_a_title_and_its_of_stay_out_of_the_name_after_them() -> None:
    words = _split(
        "Eastman , Chairman of the Australian Centre for Control of Iodine Disorders , says"
    )
    tags = ["B-PER"] + ["O"] * (len(words) - 1)
    names = _names(words, tags)
    assert ("Australian Centre for Control of Iodine Disorders", "ORG") in names
    assert not any(n.startswith("of ") for n, _ in names)


def test_an_of_inside_a_name_stays() -> None:
    # "of" between the name's words stays part of it; the one after the title does not
    words = _split("the Governor of the Bank of England spoke")
    tags = ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert ("Bank of England", "ORG") in _names(words, tags)


def test_a_fair_or_an_expo_is_an_event_not_its_organiser() -> None:
    words = _split("he was a guest at the Google Science Fair this weekend")
    tags = ["O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert _names(words, tags) == [("Google Science Fair", "EVENT")]


def test_the_organiser_named_alone_stays_an_organisation() -> None:
    # the twin: without the event word the name is the body's
    words = _split("he was a guest of Google Science this weekend")
    tags = ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert _names(words, tags) == [("Google Science", "ORG")]


def test_org_closes_an_organisations_name() -> None:
    words = _split("he left the Sea Org last year")
    tags = ["O", "O", "O", "B-MISC", "I-MISC", "O", "O"]
    assert _names(words, tags) == [("Sea Org", "ORG")]


def test_a_name_without_an_organisation_word_stays_the_taggers() -> None:
    # the twin: the tagger's MISC reading, with no head word, is kept hidden
    words = _split("he left the Sea Shepherd last year")
    tags = ["O", "O", "O", "B-MISC", "I-MISC", "O", "O"]
    assert _names(words, tags) == [("Sea Shepherd", "MISC")]


def test_an_open_is_a_tournament_not_its_place() -> None:
    words = _split("her opening match at the U.S. Open on Tuesday")
    tags = ["O", "O", "O", "O", "O", "B-LOC", "O", "O", "O"]
    assert _names(words, tags) == [("U.S. Open", "EVENT")]


def test_a_place_before_open_in_lower_case_stays_a_place() -> None:
    # the twin: only the capitalised word closes a tournament's name
    words = _split("prices on the U.S. open market rose")
    tags = ["O", "O", "O", "B-LOC", "O", "O", "O"]
    assert _names(words, tags) == [("U.S.", "GPE")]


def test_labour_read_as_a_body_is_the_party() -> None:
    words = _split("She continued : Labour has a plan")
    tags = ["O", "O", "O", "B-ORG", "O", "O", "O"]
    assert _names(words, tags) == [("Labour", "ORG")]


def test_labour_read_as_a_group_word_stays_one() -> None:
    # the twin: the tagger's MISC reading ("a Labour MP") keeps the political group
    words = _split("a Labour MP said")
    tags = ["O", "B-MISC", "O", "O"]
    assert _names(words, tags) == [("Labour", "NORP")]


def test_a_surname_read_as_a_place_before_a_hong_kong_given_name_is_a_person() -> None:
    words = _split("to witness city mayor Hau Lung-bin and others")
    tags = ["O", "O", "O", "O", "B-LOC", "O", "O", "O"]
    assert _names(words, tags) == [("Hau Lung-bin", "PERSON")]


def test_a_place_before_an_english_hyphen_compound_stays_a_place() -> None:
    # the twin: "Anti-war" is no given name
    words = _split("rallies in Taipei Anti-war groups")
    tags = ["O", "O", "B-LOC", "O", "O"]
    assert _names(words, tags) == [("Taipei", "GPE")]


def test_a_misc_name_before_organization_is_the_organisation() -> None:
    words = _split("calling the Scientology organization by phone")
    tags = ["O", "O", "B-MISC", "O", "O", "O"]
    spans = sentence_names(
        words, [(t, 0.95) for t in tags], gazetteer(), patterns(), [False] * 6, False, frozenset()
    )
    assert [(" ".join(words[s.a : s.b]), s.type, s.source) for s in spans] == [
        ("Scientology", "ORG", "context")
    ]


def test_a_misc_name_before_group_or_church_stays_misc() -> None:
    # the twin: "group" and "church" follow faith and nationality words too
    for line in ("the Zorbist group said", "the Zorbist church said"):
        words = _split(line)
        assert _names(words, ["O", "B-MISC", "O", "O"]) == [("Zorbist", "MISC")]


def test_a_particle_before_a_surname_is_part_of_the_name() -> None:
    # Seen on a Politico story: "De Blasio says Chelsea explosion ..." and "de Blasio
    # said" gave the person "Blasio"; the tagger had tagged the surname alone.
    words = _split("De Blasio says the city is safe , and de Blasio left for la Paz")
    tags = ["O", "B-PER", "O", "O", "O", "O", "O", "O", "O", "O", "B-PER", "O", "O", "O", "B-LOC"]
    assert _names(words, tags) == [
        ("De Blasio", "PERSON"),
        ("de Blasio", "PERSON"),
        ("la Paz", "GPE"),
    ]


def test_a_word_that_is_no_particle_before_a_name_stays_out() -> None:
    # The twin: "and", "the", "says" before a name are not taken into it.
    words = _split("Officials say the Blasio plan and Gogh paintings")
    tags = ["O", "O", "O", "B-PER", "O", "O", "B-PER", "O"]
    assert _names(words, tags) == [("Blasio", "PERSON"), ("Gogh", "PERSON")]


def test_a_place_then_a_plural_is_a_team() -> None:
    # the tagger read "Minnesota Vikings" as the state and "Charlotte Panthers" as a person
    words = _split("the Panthers played the Minnesota Vikings and the New York Yankees")
    tags = ["O", "B-ORG", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-PER", "I-PER", "I-PER"]
    assert _names(words, tags)[1:] == [("Minnesota Vikings", "ORG"), ("New York Yankees", "ORG")]


def test_a_place_named_with_a_plural_and_a_person_named_like_a_place_are_no_teams() -> None:
    # the twins: "Springs" ends a city's own name; "Regina" is a given name before a surname
    words = _split("Regina Jacobs moved to Colorado Springs near the Golan Heights")
    tags = ["B-PER", "I-PER", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-LOC", "I-LOC"]
    assert _names(words, tags) == [
        ("Regina Jacobs", "PERSON"),
        ("Colorado Springs", "GPE"),
        ("Golan Heights", "GPE"),
    ]


def test_a_stadium_named_for_a_bank_is_a_facility() -> None:
    words = _split("at Bank of America Stadium")
    assert _names(words, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == [
        ("Bank of America Stadium", "FAC")
    ]


def test_a_company_word_ends_an_organisation_the_tagger_called_a_place() -> None:
    # the NYT column's "Ora Media" was a place; a place before "Media" stays the company's
    words = _split("the chief executive of Ora Media and of Sinclair Holdings")
    tags = ["O", "O", "O", "O", "B-LOC", "I-LOC", "O", "O", "B-ORG", "I-ORG"]
    assert _names(words, tags) == [("Ora Media", "ORG"), ("Sinclair Holdings", "ORG")]


def test_a_company_word_alone_is_no_name() -> None:
    # the twin: the word on its own, lower case or the tagger's O, makes nothing
    words = _split("social media and Media matter")
    assert _names(words, ["O", "O", "O", "O", "O"]) == []


def test_a_given_name_place_then_a_plural_after_the_is_a_team() -> None:
    # "Charlotte" is a given name too; after "the" or a possessive no person is named
    words = _split("the Charlotte Panthers played")
    assert _names(words, ["O", "B-PER", "I-PER", "O"]) == [("Charlotte Panthers", "ORG")]
    words = _split("Charlotte Panthers played")
    assert _names(words, ["B-PER", "I-PER", "O"]) == [("Charlotte Panthers", "PERSON")]


def test_a_team_after_a_leagues_possessive_is_no_member() -> None:
    from tui.extract.pipeline import extract
    from tui.text.document import Document

    text = "The National Football League's Charlotte Panthers played. The party's Regina Ip spoke."
    found = [(m.span.text, m.type) for m in extract(Document(text)).mentions]
    assert ("Charlotte Panthers", "ORG") in found

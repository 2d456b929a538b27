"""How GUM's mentions become name spans, the same for training and for the dev score
(``training/ner_corpora.py``). Made-up sentences: the corpora are not in the tests."""

from __future__ import annotations

from training.ner_corpora import _gum_doc


def _spans(text: str, mentions: list[tuple[str, str]], norp=frozenset()) -> tuple[list, list]:
    """(scored, trained) name spans of ``mentions``: (phrase, GUM type), proper-noun headed."""
    ms = []
    for phrase, typ in mentions:
        start = text.index(phrase)
        ms.append((start, start + len(phrase), typ, True))
    doc = _gum_doc("t", "t", text, ms, norp)
    scored = [(text[s:e], t) for s, e, t in doc.spans]
    trained = [(text[s:e], t) for s, e, t in doc.train_spans]
    return scored, trained


def test_a_person_is_named_by_the_head_before_its_post_modifier() -> None:
    text = (
        "The councillors Alvin Yeung from the Civic Party and pro-Beijing politician"
        " Wong Kwok-hing of FTU met Devocht, who had called, and Tom Molomby, SC."
    )
    scored, _ = _spans(
        text,
        [
            ("councillors Alvin Yeung from the Civic Party", "person"),
            ("pro-Beijing politician Wong Kwok-hing of FTU", "person"),
            ("Devocht, who had called", "person"),
            ("Tom Molomby, SC", "person"),
        ],
    )
    assert scored == [
        ("Alvin Yeung", "PER"),
        ("Wong Kwok-hing", "PER"),
        ("Devocht", "PER"),
        ("Tom Molomby", "PER"),
    ]


def test_a_person_named_after_a_role_word_and_a_possessor() -> None:
    text = (
        "Immigrants campaigner Caitlin Boswell spoke; then group Youngspiration's Baggio"
        " Leung and Undersecretary for Education Mr. Toccafondi."
    )
    scored, _ = _spans(
        text,
        [
            ("Immigrants campaigner Caitlin Boswell", "person"),
            ("group Youngspiration's Baggio Leung", "person"),
            ("Undersecretary for Education Mr. Toccafondi", "person"),
        ],
    )
    assert scored == [("Caitlin Boswell", "PER"), ("Baggio Leung", "PER"), ("Toccafondi", "PER")]


def test_posts_and_bodies_in_person_mentions_are_no_names() -> None:
    text = (
        "Governor of Washington Chris Gregoire, the Afghan Ambassador to the United States,"
        " and Members of the Sea Org."
    )
    scored, _ = _spans(
        text,
        [
            ("Governor of Washington Chris Gregoire", "person"),
            ("Afghan Ambassador to the United States", "person"),
            ("Members of the Sea Org", "person"),
        ],
    )
    assert scored == []


def test_names_nested_in_a_misc_name_are_scored_as_trained() -> None:
    text = "He won the Google Science Fair and met Google staff and Afghans."
    scored, trained = _spans(
        text,
        [
            ("Google Science Fair", "event"),
            ("Google", "organization"),  # the first "Google", inside the event
            ("Google staff", "organization"),
            ("Afghans", "person"),
        ],
        norp=frozenset({"Afghans"}),
    )
    # the event's own name is outermost, so the Google inside it is no name of its own;
    # "Google staff" is cut to its name-like tail... which is none ("staff"): left out
    assert trained == [("Google Science Fair", "MISC"), ("Afghans", "MISC")]
    assert scored == []


def test_a_name_that_is_the_object_of_a_phrase_is_not_the_phrase_name() -> None:
    text = "An insurgency against The Church of Scientology began."
    scored, trained = _spans(
        text,
        [
            ("An insurgency against The Church of Scientology", "abstract"),
            ("The Church of Scientology", "organization"),
        ],
    )
    assert scored == [("Church of Scientology", "ORG")]
    assert trained == [("Church of Scientology", "ORG")]

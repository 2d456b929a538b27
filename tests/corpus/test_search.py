"""Searching a library: free text and every field filter, each with a query that finds nothing."""

from __future__ import annotations

import contextlib

import pytest

from tests.corpus.library import make_library
from tui.corpus.discover import find_articles
from tui.corpus.index import CorpusIndex
from tui.corpus.query import QueryError, parse_query
from tui.corpus.search import search


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    folder = make_library(tmp_path_factory.mktemp("lib") / "news")
    index = CorpusIndex.open(folder)
    index.refresh(find_articles([folder]))
    return index


def found(index: CorpusIndex, query: str) -> set[tuple[str, str]]:
    return {(h.path, h.item) for h in search(index, query).hits}


@pytest.mark.parametrize(
    ("query", "expected", "none"),
    [
        ('source:"Syrian Observatory"', {("aleppo.txt", "c1")}, 'source:"Syrian Army"'),
        ("verdict:false", {("aleppo.txt", "c1")}, "verdict:disputed"),
        ("verdict:verified", {("gaza.md", "c1")}, "verdict:unverifiable"),
        ('type:"Air/drone strike"', {("aleppo.txt", "v1")}, 'type:"Armed clash"'),
        ("place:Aleppo kind:event", {("aleppo.txt", "v1")}, "place:Homs kind:event"),
        ("actor:Russian", {("aleppo.txt", "v1")}, "actor:Turkish"),
        ('cue:said content:"hold the city"', {("aleppo.txt", "c2")}, 'content:"hold the town"'),
        ("note:seizure", {("aleppo.txt", "c1")}, "note:ceasefire"),
    ],
)
def test_each_field_finds_its_item_and_only_it(
    index: CorpusIndex, query: str, expected: set, none: str
) -> None:
    assert found(index, query) == expected
    assert found(index, none) == set()


def test_entity_matches_any_name_of_the_linked_entity(index: CorpusIndex) -> None:
    # c2's source is written "The group" but linked to Hayat Tahrir al-Sham, alias HTS
    assert found(index, "entity:HTS kind:claim") == {("aleppo.txt", "c2")}
    assert ("aleppo.txt", "e1") in found(index, "entity:HTS")
    assert found(index, "entity:Hezbollah") == set()


def test_unreviewed_keeps_what_still_needs_a_review(index: CorpusIndex) -> None:
    pending = found(index, "unreviewed")
    assert {("aleppo.txt", "c2"), ("aleppo.txt", "v1"), ("aleppo.txt", "e2")} <= pending
    assert ("aleppo.txt", "c1") not in pending and ("gaza.md", "c1") not in pending
    assert found(index, "unreviewed kind:claim") == {("aleppo.txt", "c2")}
    assert found(index, "unreviewed source:Officials") == set()


def test_free_text_finds_sentences_and_items_with_their_sentence(index: CorpusIndex) -> None:
    hits = search(index, "Cairo").hits
    assert [(h.path, h.kind, h.item) for h in hits] == [("gaza.md", "text", "")]
    assert hits[0].sentence == "Negotiators will meet again in Cairo."
    assert hits[0].title == "Truce talks stall"
    claim = next(h for h in search(index, '"seized the airport"').hits if h.kind == "claim")
    assert claim.item == "c1" and claim.sentence.startswith("Hayat Tahrir al-Sham fighters seized")
    assert claim.label.startswith("the Syrian Observatory for Human Rights said:")
    assert search(index, "Damascus").hits == ()
    assert {h.path for h in search(index, "quie*").hits} == {"plain.txt"}


def test_limit_says_there_were_more(index: CorpusIndex) -> None:
    result = search(index, "said", limit=2)
    assert len(result.hits) == 2 and result.more
    assert not search(index, "said", limit=100).more


def test_query_text_is_never_fts_syntax(index: CorpusIndex) -> None:
    for query in ('NEAR(a b) OR "', "aleppo AND", "*", 'source:"unclosed', "a:b:c"):
        with contextlib.suppress(QueryError):  # a message for the user; never an SQLite error
            search(index, query)


def test_bad_queries_are_one_line_errors() -> None:
    with pytest.raises(QueryError, match="unknown field 'colour'"):
        parse_query("colour:red")
    with pytest.raises(QueryError, match="kind is one of"):
        parse_query("kind:poem")
    with pytest.raises(QueryError, match="needs a value"):
        parse_query("source:")
    assert parse_query("unreviewed").unreviewed


def test_articles_not_extracted_yet_are_counted_and_said(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = make_library(tmp_path_factory.mktemp("bare") / "news")  # plain.txt: no sidecar
    with CorpusIndex.open(folder) as index:
        index.refresh(find_articles([folder]))
        result = search(index, "Homs")
        assert {h.path for h in result.hits} == {"plain.txt"}  # its text is searched
        assert result.unannotated == 1
        assert result.unannotated_note().startswith("1 article not extracted yet: only its text")
        (folder / "plain.txt").unlink()
        index.refresh(find_articles([folder]))
        result = search(index, "aleppo")
        assert result.hits and result.unannotated == 0 and result.unannotated_note() == ""

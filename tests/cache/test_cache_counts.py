"""An entry's header carries its suggestion counts, read without the body."""

from __future__ import annotations

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import SEED
from tui.cache.counts import CountReader, EntryCounts, read_counts
from tui.cache.extractions import ExtractionCache, TextKey, text_key
from tui.text import Document


def stored(tmp_path) -> tuple[ExtractionCache, Document, TextKey]:
    doc = Document(SEED.read_text(encoding="utf-8"))
    cache = ExtractionCache(tmp_path / "cache")
    assert cache.store(doc, "x1-test", seed_annotations(doc))
    return cache, doc, TextKey(doc.sha256, len(doc.text), doc.title_span)


def test_the_counts_are_the_entrys_suggestions(tmp_path):
    cache, doc, key = stored(tmp_path)
    ann = seed_annotations(doc)
    counts = read_counts(cache, key, "x1-test")
    assert counts == EntryCounts(len(ann.mentions), len(ann.claims), len(ann.events))
    assert counts.suggestions == len(ann.mentions) + len(ann.claims) + len(ann.events) > 0


def test_no_counts_for_another_text_version_or_a_truncated_entry(tmp_path):
    cache, doc, key = stored(tmp_path)
    assert read_counts(cache, key, "x1-other") is None
    assert read_counts(cache, TextKey(key.sha256, key.length + 1, key.title), "x1-test") is None
    (entry,) = (tmp_path / "cache" / "extractions").glob("*.json")
    entry.write_bytes(entry.read_bytes()[:-10])  # killed mid-write by a foreign tool
    assert read_counts(cache, key, "x1-test") is None
    assert cache.load(doc, "x1-test") is None  # the reader refuses it too


def test_the_reader_names_entries_as_the_cache_does(tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    for extractor, codebook_key in (("x1-test", None), ('x1-"odd"', None)):
        read = CountReader(cache, extractor, codebook_key)
        for text in (TextKey("ab" * 32, 10, (0, 4)), TextKey("cd" * 32, 0, None)):
            assert read.name(text) == cache.path_for(text_key(text, extractor, None)).name


def test_a_listed_reader_finds_what_is_there_and_not_a_link_put_in_its_place(tmp_path):
    cache, doc, key = stored(tmp_path)
    assert CountReader(cache, "x1-test")(key) is not None  # listed, then read
    (entry,) = (tmp_path / "cache" / "extractions").glob("*.json")
    real = tmp_path / "elsewhere.json"
    entry.rename(real)
    entry.symlink_to(real)
    assert CountReader(cache, "x1-test")(key) is None

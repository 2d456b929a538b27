"""An entry's header carries its suggestion counts, read without the body."""

from __future__ import annotations

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import SEED
from tui.cache.counts import EntryCounts, read_counts
from tui.cache.extractions import ExtractionCache, TextKey
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

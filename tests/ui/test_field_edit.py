"""Field edits from a selection: values, adding to lists, clearing, bad choices."""

from __future__ import annotations

import pytest

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import SEED
from tui.text import load_document
from tui.ui.field_edit import edited_fields


def test_add_keeps_order_and_set_replaces():
    doc = load_document(SEED)
    ann = seed_annotations(doc)
    event = next(e for e in ann.events if e.id == "v2")  # actors: Russia
    start = doc.text.index("Hayat Tahrir al-Sham")
    added = edited_fields(ann, doc.text, event, "add:actors", start, start + 20)["actors"]
    assert [r.span.text for r in added] == ["Hayat Tahrir al-Sham", "Russia"]  # text order
    assert added[0].entity == "e2"
    again = edited_fields(ann, doc.text, event, "set:actors", start, start + 3)
    assert [r.span.text for r in again["actors"]] == ["Hay"]
    assert edited_fields(ann, doc.text, event, "clear:time", 0, 0) == {"time": ()}
    claim = ann.claims[0]
    assert edited_fields(ann, doc.text, claim, "clear:source", 0, 0) == {"source": None}
    with pytest.raises(ValueError):
        edited_fields(ann, doc.text, claim, "set:actors", 0, 3)  # claims have no actors
    with pytest.raises(ValueError):
        edited_fields(ann, doc.text, claim, "set:cue", 5, 5)  # empty selection

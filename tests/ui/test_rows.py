from dataclasses import replace

from tests.ui.fixtures import seed_annotations
from tui.extract.codebook import default_codebook
from tui.model import Span
from tui.text import load_text
from tui.ui.rows import Index, claim_card, claim_row, event_card, event_row, one_line
from tui.ui.state import EntityTypes


def _seed(seed_text):
    doc = load_text(seed_text.encode("utf-8"))
    return doc, seed_annotations(doc)


def test_rows_name_linked_entities_and_mark_verdicts(seed_text):
    _, ann = _seed(seed_text)
    ix = Index(ann)
    row = claim_row(ix, ann.claims[0])
    assert row[0] == ("·", "badge")  # unreviewed
    assert ("Syrian army", "source") in row  # canonical name, not "The Syrian army"
    text = "".join(piece for piece, _ in event_row(ix, ann.events[0]))
    assert text.startswith("B Non-state actor overtakes territory")
    assert "Hayat Tahrir al-Sham → Syrian army" in text
    assert "killed dozens (≥24)" in text and "per Syrian army" in text


def test_card_lists_every_field(seed_text):
    _, ann = _seed(seed_text)
    claim = next(c for c in ann.claims if c.hedges)
    text = "".join(
        piece
        for piece, _ in claim_card(Index(ann), claim, EntityTypes.from_codebook(default_codebook()))
    )
    for label in ("source", "cue", "content", "kind", "hedges", "verdict"):
        assert label in text


def test_event_card_lists_the_other_mentions(seed_text):
    _, ann = _seed(seed_text)
    event = ann.events[0]
    text = "".join(piece for piece, _ in event_card(Index(ann), event))
    assert "also" not in text
    at = seed_text.index("attack")
    more = replace(event, mentions=(Span.of(seed_text, at, at + 6),))
    text = "".join(piece for piece, _ in event_card(Index(ann), more))
    assert "\nalso    attack" in text
    # the mentions come last: a fixed-height card cuts them before who, where and the toll
    labels = [line.split()[0] for line in text.splitlines() if line[:1].isalpha()]
    assert labels[-1] == "also" and labels.index("actors") < labels.index("also")


def test_one_line_makes_article_text_inert():
    assert one_line("a\x1b[2J\n b\x07") == "a\u241b[2J b\u2407"

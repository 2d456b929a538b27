"""The extraction pipeline: a document in, suggested annotations out."""

from __future__ import annotations

from tui.extract.attribution import find_claims
from tui.extract.codebook import Codebook
from tui.extract.collector import collector_paused
from tui.extract.entities import find_entities
from tui.extract.events import find_events
from tui.model import Annotations
from tui.text.document import Document
from tui.text.segment import forget_tokens


def extract(doc: Document, codebook: Codebook | None = None) -> Annotations:
    """Suggested entities, mentions, claims and events for ``doc``, in document order.

    Each stage assigns its own ids in document order: entities ``e1..``, mentions
    ``m1..``, claims ``c1..``, events ``v1..``. Every item has origin "auto" and
    status "suggested". ``codebook`` codes the events (default: the packaged one).
    """
    # Extraction allocates millions of small objects that die young and form no cycles;
    # the cyclic collector would keep re-scanning the long-lived tagger weights and
    # gazetteers among them (a fifth of the run time on long articles).
    with collector_paused():
        try:
            entities, mentions = find_entities(doc)
            claims = find_claims(doc, entities, mentions)
            events = find_events(doc, entities, mentions, claims, codebook=codebook)
            return Annotations(entities, mentions, claims, events).sorted()
        finally:
            # The stages share the text's tokens through the segmentation cache; kept
            # past extraction they would only hold memory (22 MB for 1 MB of text) and
            # cost every later garbage collection a scan of them.
            forget_tokens(doc.text)

"""Named entities and their links (stub until the extractor lands)."""

from __future__ import annotations

from tui.model import Entity, Mention
from tui.text.document import Document


def find_entities(doc: Document) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Entities (with canonical names) and their mentions in ``doc``."""
    return (), ()

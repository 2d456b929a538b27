"""Claims: who said what (stub until the extractor lands)."""

from __future__ import annotations

from tui.model import Claim, Entity, Mention
from tui.text.document import Document


def find_claims(
    doc: Document, entities: tuple[Entity, ...], mentions: tuple[Mention, ...]
) -> tuple[Claim, ...]:
    """Attributed statements in ``doc``; sources linked to ``entities`` where they can be."""
    return ()

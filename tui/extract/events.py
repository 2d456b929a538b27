"""Events: who did what to whom, where, when (stub until the extractor lands)."""

from __future__ import annotations

from tui.model import Claim, Entity, Event, Mention
from tui.text.document import Document


def find_events(
    doc: Document,
    entities: tuple[Entity, ...],
    mentions: tuple[Mention, ...],
    claims: tuple[Claim, ...],
) -> tuple[Event, ...]:
    """Events in ``doc`` coded with the codebook, linked to the claims that report them."""
    return ()

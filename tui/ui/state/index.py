"""Id lookups for one Annotations value, reused across changes that leave a collection alone."""

from __future__ import annotations

from tui.model import Annotations, Claim, Entity


class Index:
    """Entities and claims by id (``Annotations.entity`` is a linear scan)."""

    def __init__(self, ann: Annotations, previous: Index | None = None) -> None:
        self.ann = ann
        # A verdict changes the claims only: keep the entity lookup it did not touch.
        self.entities: dict[str, Entity] = (
            previous.entities
            if previous is not None and previous.ann.entities is ann.entities
            else {e.id: e for e in ann.entities}
        )
        self.claims: dict[str, Claim] = (
            previous.claims
            if previous is not None and previous.ann.claims is ann.claims
            else {c.id: c for c in ann.claims}
        )

    def entity(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id is not None else None

"""Entity types as the codebook defines them: names, one-letter marks, and roles.

Nothing about entity types is written out in the UI: a type added in a custom
codebook gets its letter (its key, upper-cased, unless the codebook names a
``letter``) and its roles (who can be a claim's source, an event's actor, a place)
from the codebook alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.extract.codebook import Codebook

# Roles a type can play when the reviewer builds a claim or an event by hand.
SOURCE, ACTOR, PLACE = "source", "actor", "place"


@dataclass(frozen=True, slots=True)
class EntityType:
    name: str
    letter: str
    key: str = ""
    description: str = ""
    roles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EntityTypes:
    """The codebook's entity types in its order, looked up by name."""

    types: tuple[EntityType, ...]

    @classmethod
    def from_codebook(cls, codebook: Codebook) -> EntityTypes:
        return cls(
            tuple(
                EntityType(
                    t.name,
                    (t.letter or t.key or t.name[:1]).upper(),
                    t.key,
                    t.description,
                    frozenset(t.roles),
                )
                for t in codebook.entity_types
            )
        )

    def get(self, name: str) -> EntityType | None:
        return next((t for t in self.types if t.name == name), None)

    def letter(self, name: str) -> str:
        """The type's one-letter mark; a type the codebook does not know shows its initial."""
        known = self.get(name)
        return known.letter if known is not None else (name[:1].upper() or "?")

    def with_role(self, role: str) -> tuple[str, ...]:
        return tuple(t.name for t in self.types if role in t.roles)

    def order(self, names: Iterable[str]) -> list[str]:
        """``names`` in codebook order; unknown ones after, alphabetically."""
        rank = {t.name: i for i, t in enumerate(self.types)}
        return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))

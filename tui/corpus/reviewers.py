"""Who reviewed an article, from the marks its sidecar keeps.

Every change a reviewer makes records ``by`` and ``at`` on the item (mention, claim,
event) and every verdict or note on its review, earlier ones in the review's history.
The library lists them per article ("last reviewer and when"); ``agree`` names each
review after its reviewer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tui.model import Annotations, Claim, Entity, Event, Mention


@dataclass(frozen=True, slots=True)
class Reviewer:
    """One person's part in a review."""

    name: str
    items: int  # items they changed, judged or annotated (each counted once)
    first_at: str  # UTC ISO 8601, as recorded; "" when no time was recorded
    last_at: str


def _marks(ann: Annotations) -> Iterator[tuple[str, str, str]]:
    """(item id, by, at) for every mark a reviewer left."""
    made: list[Mention | Claim | Event] = [*ann.mentions, *ann.claims, *ann.events]
    for item in made:
        if item.by:
            yield item.id, item.by, item.at
    judged: list[Claim | Event | Entity] = [*ann.claims, *ann.events, *ann.entities]
    for thing in judged:
        review = thing.review
        if review.by:
            yield thing.id, review.by, review.at
        for old in review.history:
            if old.by:
                yield thing.id, old.by, old.at


def reviewers(ann: Annotations) -> tuple[Reviewer, ...]:
    """Everyone who left a mark, the most recently active first."""
    items: dict[str, set[str]] = {}
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for item_id, by, at in _marks(ann):
        items.setdefault(by, set()).add(item_id)
        if at and (by not in first or at < first[by]):
            first[by] = at
        if at and at > last.get(by, ""):
            last[by] = at
    found = [Reviewer(n, len(ids), first.get(n, ""), last.get(n, "")) for n, ids in items.items()]
    return tuple(sorted(found, key=lambda r: (r.last_at, r.items, r.name), reverse=True))


def last_review(ann: Annotations) -> tuple[str, str] | None:
    """(reviewer, when) of the latest mark, or None for an unreviewed article."""
    found = reviewers(ann)
    return (found[0].name, found[0].last_at) if found else None

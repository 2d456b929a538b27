"""What the reader's review keys look up in its lists: the suggestions on screen (accept
or reject all in view), the mentions near a span (a claim's source, an event's actors),
the next claim without a verdict. Part of :class:`tui.ui.state.reader.ReaderState`,
which supplies the lists declared below. No textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.changes import Item
from tui.model import Claim, Event, Mention


class ReviewLookups:
    """Lookups over the reader's claims, events and mentions, as listed (filters applied)."""

    __slots__ = ()  # the dataclass that mixes this in keeps its slots
    claims: list[Claim]
    events: list[Event]
    mentions: list[Mention]
    only_unreviewed: bool

    def suggested_in_view(self, kind: str, top: int, bottom: int) -> list[Item]:
        """Suggestions of ``kind`` ("entity", "event" or "claim") on screen."""
        if kind == "entity":
            return [
                m
                for m in self.mentions
                if m.status == "suggested" and m.span.start < bottom and m.span.end > top
            ]
        items: Sequence[Claim | Event] = self.events if kind == "event" else self.claims
        return [
            it for it in items if it.status == "suggested" and it.start < bottom and _end(it) > top
        ]

    def nearby_mentions(
        self, start: int, end: int, types: tuple[str, ...] = (), reach: int = 600
    ) -> list[Mention]:
        """Mentions within ``reach`` characters of ``[start, end)``, outside it, closest first,
        one per entity (of ``types`` when given)."""

        def distance(m: Mention) -> int:
            return max(start - m.span.end, m.span.start - end, 0)

        near = [
            m
            for m in self.mentions
            if m.status != "rejected"
            and abs(m.span.start - start) < reach
            and not (start <= m.span.start and m.span.end <= end)
            and (not types or m.type in types)
        ]
        near.sort(key=distance)
        seen: dict[str, Mention] = {}
        for m in near:
            seen.setdefault(m.entity or m.id, m)
        return list(seen.values())

    def next_unreviewed(self, after: int | None) -> int | None:
        """The next claim without a verdict after ``after``, wrapping once."""
        start = -1 if after is None else after
        if self.only_unreviewed:
            start -= 1  # the judged claim has left the list: the next one took its place
        order = [*range(start + 1, len(self.claims)), *range(0, max(start + 1, 0))]
        for i in order:
            claim = self.claims[i]
            if claim.review.verdict is None and claim.status != "rejected":
                return i
        return None


def _end(item: Claim | Event) -> int:
    return item.end if isinstance(item, Claim) else item.trigger.end

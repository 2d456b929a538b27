"""Event words that name participants or categories, not reports: "protesters" where
the protest is reported in other words, "civilian casualties" in a survey of strikes.
Token indices are within one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.extract.triggers import Trigger

if TYPE_CHECKING:
    from tui.extract.event_build import Draft

# Nouns that count the harmed: with no figure of their own ("five casualties") and no
# event in their sentence, they name a category ("civilian casualties caused by drones",
# "the casualty count") far more often than they report harm, where the text reports
# its events in other words (WikiEvents train marks 3 of the 67 found). In a short
# report whose only event word it is ("a grenade was thrown ... Casualties unknown",
# as ACLED's notes write) it stays the report.
TOLL_NOUNS = frozenset({"casualty", "casualties", "fatality", "fatalities"})
TOLL_FIGURE_GAP = 2  # words between a figure and its noun ("20 civilian casualties")


def counted(t: Trigger, figures: list[tuple[int, int, int, int, int | None]]) -> bool:
    return any(b <= t.start and t.start - b <= TOLL_FIGURE_GAP for _, b, *_ in figures)


# Nouns naming a crowd, not an event: with another mention of the crowd's event in the
# article, "protesters" is that event's participant, not one more mention of it
# (WikiEvents train marks 0 of 7 as triggers). Alone, it still reports the protest; in
# the sentence of another event mention it stays too, as evidence for that mention's type
# ("police fired on protesters": excessive force, which ACLED notes need it for), but as
# the incident's participant, not its mention (``event_build._merge``).
CROWDS = frozenset({"protester", "demonstrator", "marcher"})


def without_categories(drafts: list[Draft]) -> list[Draft]:
    """Without crowd nouns that are another event's participants, and without toll
    nouns naming a category where other words report the events (``TOLL_NOUNS``)."""
    if any(d.trigger.kind == "event" for d in drafts):
        drafts = [d for d in drafts if not d.category]
    crowd = [d.trigger.phrase in CROWDS for d in drafts]
    events = {d.sub.event_type for d, c in zip(drafts, crowd, strict=True) if not c}
    with_event = {id(d.parse) for d, c in zip(drafts, crowd, strict=True) if not c}
    return [
        d
        for d, c in zip(drafts, crowd, strict=True)
        if not c or d.sub.event_type not in events or id(d.parse) in with_event
    ]


# "Casualty" before a noun is its modifier: "the worst mass casualty attack", "raising the
# casualty toll to four", "one civilian casualty incident" name the attack, the toll or
# the incident (WikiEvents train marks none of the 5 found). Like a crowd noun, it stays
# with its incident but is no mention of it.
CASUALTY_HEADS = frozenset(
    {
        "attack", "attacks", "toll", "tolls", "incident", "incidents", "count", "counts",
        "figure", "figures", "estimate", "estimates", "rate", "rates", "list", "lists",
        "report", "reports", "number", "numbers", "event", "events", "data",
    }
)  # fmt: skip


def participant(d: Draft) -> bool:
    """Does the draft's word name a participant or modify another noun ("protesters",
    "casualty toll") rather than report the event?"""
    t = d.trigger
    if t.phrase in CROWDS:
        return True
    low = d.parse.view.low
    return low[t.start] == "casualty" and t.end < len(low) and low[t.end] in CASUALTY_HEADS

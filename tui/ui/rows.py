"""Sidebar rows as (text, role) pieces: plain strings from the article, roles for styles.

No markup anywhere: article text reaches the screen only as plain strings passed
through :func:`tui.ui.layout.visible`; the widget turns roles into theme styles.
Meaning never rests on colour: types carry letters, verdicts carry badges.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.model import Claim, Event, Mention, Ref, Span
from tui.ui.layout import one_line
from tui.ui.state.entity_types import EntityTypes
from tui.ui.state.index import Index

NAMES_SHOWN = 6  # names of an event's actors, targets, places shown before '+N more'
Piece = tuple[str, str]  # (text, role); roles: "", "letter", "dim", "badge", "source", "cue"


def ref_name(ix: Index, ref: Ref | None) -> str:
    """An entity's canonical name when the ref is linked, else the quoted words."""
    if ref is None:
        return "(unnamed)"
    entity = ix.entity(ref.entity)
    return one_line(entity.name if entity is not None else ref.span.text)


def verdict_badge(verdict: str | None) -> str:
    """A one-cell mark that reads without colour: ``·`` unreviewed, else the verdict's initial."""
    return verdict[:1].upper() if verdict else "·"


REJECTED_MARK = "✗"  # rejected rows keep their place, greyed and marked (not colour alone)


def _rejected(pieces: list[Piece]) -> list[Piece]:
    return [(REJECTED_MARK, "dim"), (" ", ""), *((text, "dim") for text, _ in pieces)]


def claim_row(ann: Index, claim: Claim) -> list[Piece]:
    content = " … ".join(one_line(span.text) for span in claim.content)
    if claim.status == "rejected":
        return _rejected([(ref_name(ann, claim.source), ""), (" ", ""), (content, "")])
    return [
        (verdict_badge(claim.review.verdict), "badge"),
        (" ", ""),
        (ref_name(ann, claim.source), "source"),
        (" ", ""),
        (one_line(claim.cue.text), "cue"),
        (" ", ""),
        (content, ""),
    ]


def _names(ann: Index, refs: Iterable[Ref], limit: int = NAMES_SHOWN) -> str:
    """The distinct names of ``refs``, the first ``limit`` of them and how many more.

    An incident reported all through a long article can gather thousands of actors;
    naming them all built a row nobody could read, at every key.
    """
    names: dict[str, None] = {}
    more = 0
    for r in refs:
        if len(names) < limit:
            names[ref_name(ann, r)] = None
        else:
            more += 1
    shown = ", ".join(names)
    return f"{shown} +{more} more" if more else shown


def event_source(ix: Index, event: Event) -> str | None:
    """Who reports the event: the source of the claim it is reported in."""
    claim = ix.claims.get(event.claim) if event.claim is not None else None
    return ref_name(ix, claim.source) if claim is not None else None


def type_letter(event_type: str) -> str:
    return event_type[:1].upper() if event_type else "?"


def event_row(ann: Index, event: Event) -> list[Piece]:
    if event.status == "rejected":
        return _rejected([(one_line(event.subtype or event.type or event.trigger.text), "")])
    pieces: list[Piece] = [
        (type_letter(event.type), "letter"),
        (" ", ""),
        (one_line(event.subtype or event.type or event.trigger.text), "cue"),
    ]
    actors, targets = _names(ann, event.actors), _names(ann, event.targets)
    if actors or targets:
        pieces += [(" · ", "dim"), (actors or "?", "source"), (" → ", "dim"), (targets or "?", "")]
    if event.location:
        pieces += [(" · in ", "dim"), (_names(ann, event.location), "")]
    if event.time:
        pieces += [(" · ", "dim"), (_names(ann, event.time), "")]
    if event.fatalities is not None:
        estimate = event.fatalities.estimate
        killed = one_line(event.fatalities.span.text)
        if estimate is not None:
            killed += f" (≥{estimate})"
        pieces += [(" · killed ", "dim"), (killed, "")]
    source = event_source(ann, event)
    if source:
        pieces += [(" · per ", "dim"), (source, "source")]
    return pieces


def _spans_text(spans: Iterable[Span]) -> str:
    return " … ".join(one_line(s.text) for s in spans)


def claim_card(ann: Index, claim: Claim, types: EntityTypes) -> list[Piece]:
    """The current claim in full, one labelled field per line."""
    source_type = ""
    if claim.source is not None and (entity := ann.entity(claim.source.entity)) is not None:
        source_type = f" [{types.letter(entity.type)} {entity.type}]"
    pieces: list[Piece] = [
        ("source  ", "dim"),
        (ref_name(ann, claim.source), "source"),
        (source_type, "dim"),
        ("\n", ""),
        ("cue     ", "dim"),
        (one_line(claim.cue.text), "cue"),
        ("\n", ""),
    ]
    # Review state before the content: a fixed-height card cuts long content, not the verdict.
    verdict = claim.review.verdict
    pieces += [("verdict ", "dim"), (verdict or "not reviewed", "badge" if verdict else "dim")]
    if claim.review.note:
        pieces += [("\nnote    ", "dim"), (one_line(claim.review.note), "")]
    if claim.status != "accepted":
        pieces += [("\nstatus  ", "dim"), (_status(claim.status), "dim")]
    pieces += [
        ("\ncontent ", "dim"),
        (_spans_text(claim.content), "content"),
        ("\n", ""),
        ("kind    ", "dim"),
        (claim.kind, ""),
    ]
    if claim.hedges:
        pieces += [("\nhedges  ", "dim"), (_spans_text(claim.hedges), "")]
    return pieces


def event_card(ann: Index, event: Event) -> list[Piece]:
    """The current event in full, one labelled field per line."""
    pieces: list[Piece] = [
        ("event   ", "dim"),
        (f"{type_letter(event.type)} {event.type}", "letter"),
        ("\n", ""),
        ("subtype ", "dim"),
        (one_line(event.subtype), "cue"),
        ("\n", ""),
        ("trigger ", "dim"),
        (one_line(event.trigger.text), ""),
    ]
    # Review state before the arguments, the incident's other mentions last: a
    # fixed-height card cuts from the bottom, and an incident reported all through a
    # story has lines of mentions ("shooting … shoot … death …") that pushed its
    # targets, place, toll and source off the card.
    if event.review.note:
        pieces += [("\nnote    ", "dim"), (one_line(event.review.note), "")]
    if event.status != "accepted":
        pieces += [("\nstatus  ", "dim"), (_status(event.status), "dim")]
    for label, refs in (
        ("actors  ", event.actors),
        ("targets ", event.targets),
        ("where   ", event.location),
        ("when    ", event.time),
    ):
        if refs:
            pieces += [
                ("\n" + label, "dim"),
                (_names(ann, refs), "source" if label.startswith("act") else ""),
            ]
    if event.fatalities is not None:
        killed = one_line(event.fatalities.span.text)
        if event.fatalities.estimate is not None:
            killed += f" (≥{event.fatalities.estimate})"
        pieces += [("\nkilled  ", "dim"), (killed, "")]
    source = event_source(ann, event)
    if source:
        pieces += [("\nper     ", "dim"), (source, "source")]
    if event.mentions:  # the incident's other mentions ("killed", "the assault")
        others = [s for s in event.trigger_spans if s != event.trigger]
        pieces += [("\nalso    ", "dim"), (_spans_text(others), "")]
    return pieces


def _status(status: str) -> str:
    return f"{REJECTED_MARK} rejected" if status == "rejected" else status


def entity_card(ann: Index, mention: Mention, mentions: int, types: EntityTypes) -> list[Piece]:
    """The current mention's entity: name, type, how often it is mentioned, its note."""
    entity = ann.entity(mention.entity)
    name = one_line(entity.name) if entity else one_line(mention.span.text)
    pieces: list[Piece] = [
        ("entity  ", "dim"),
        (name, "source"),
        ("\n", ""),
        ("type    ", "dim"),
        (f"{types.letter(mention.type)} {mention.type}", "letter"),
        ("\n", ""),
        ("here    ", "dim"),
        (one_line(mention.span.text), "cue"),
        (f"  ({mentions} mention{'s' if mentions != 1 else ''})", "dim"),
    ]
    if entity is not None and entity.aliases:
        pieces += [("\naliases ", "dim"), (", ".join(one_line(a) for a in entity.aliases), "")]
    pieces += [
        ("\nstatus  ", "dim"),
        (_status(mention.status), "dim" if mention.status != "accepted" else ""),
    ]
    if entity is not None and entity.review.note:
        pieces += [("\nnote    ", "dim"), (one_line(entity.review.note), "")]
    return pieces

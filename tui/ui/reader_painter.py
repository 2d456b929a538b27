"""How the reader draws its state: highlights and marks in the article, the sidebar's
card, lists and legend, the status line.

The screen decides (through :class:`tui.ui.state.ReaderState`); the painter only
turns a state and a :class:`tui.ui.state.StateChange` into widget updates, doing as
little as the change needs.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.model import Claim, Event
from tui.text import Document
from tui.ui.article_view import ArticleView
from tui.ui.rows import claim_card, claim_row, entity_card, event_card, event_row
from tui.ui.sidebar import Card, Legend, RowList
from tui.ui.state import ReaderState, StateChange

CLAIM_LAYERS = ("claim-source", "claim-cue", "claim-content", "claim-hedge")


def claim_marks(claim: Claim | None) -> dict[str, list[tuple[int, int]]]:
    """The article's mark layers for the current claim: source, cue, content, hedges."""
    if claim is None:
        return {layer: [] for layer in CLAIM_LAYERS}
    return {
        "claim-source": [(claim.source.span.start, claim.source.span.end)] if claim.source else [],
        "claim-cue": [(claim.cue.start, claim.cue.end)],
        "claim-content": [(s.start, s.end) for s in claim.content],
        "claim-hedge": [(s.start, s.end) for s in claim.hedges],
    }


def event_marks(event: Event | None) -> dict[str, list[tuple[int, int]]]:
    """The article's mark layers for the current event: its trigger and its arguments."""
    if event is None:
        return {"event-trigger": [], "event-arg": []}
    args = [r.span for r in (*event.actors, *event.targets, *event.location, *event.time)]
    if event.fatalities is not None:
        args.append(event.fatalities.span)
    return {
        "event-trigger": [(s.start, s.end) for s in event.trigger_spans],
        "event-arg": [(s.start, s.end) for s in args],
    }


class ReaderPainter:
    """Draws one ReaderState into the reader's widgets."""

    def __init__(self, state: ReaderState, article: ArticleView) -> None:
        self.state = state
        self.article = article
        self.sidebar: dict[str, Static | Card | RowList | Legend] | None = None
        self._status_line = ""
        self._headings: dict[str, str] = {}

    def sidebar_mounted(self, parts: dict[str, Static | Card | RowList | Legend]) -> None:
        """The sidebar's widgets exist now (they are mounted after the first frame)."""
        self.sidebar = parts
        self.lists(claims=True, events=True, legend=True)

    # ------------------------------------------------------------ the article

    def show_text(self, document: Document) -> None:
        self.article.set_document(document)

    def apply(self, change: StateChange) -> None:
        """Repaint what ``change`` changed."""
        state, article = self.state, self.article
        if change.mentions:
            article.set_mentions(state.mentions)
            self.mark_mention()
        elif change.restyled:
            article.restyle_mentions(change.restyled)
        if change.claims:
            self.mark_claim()
        if change.events:
            self.mark_event()
        self.lists(
            claims=change.claims,
            events=change.events,
            legend=change.legend,
            claim_rows=change.claim_rows,
        )

    def mark_claim(self) -> None:
        for layer, spans in claim_marks(self.state.current_claim).items():
            self.article.set_marks(layer, spans)

    def mark_event(self) -> None:
        for layer, spans in event_marks(self.state.current_event).items():
            self.article.set_marks(layer, spans)

    def mark_mention(self) -> None:
        mention = self.state.current_mention
        self.article.set_marks(
            "mention-current", [(mention.span.start, mention.span.end)] if mention else []
        )

    # ------------------------------------------------------------ the sidebar

    def _part(self, name: str) -> Static | Card | RowList | Legend | None:
        return self.sidebar.get(name) if self.sidebar is not None else None

    def lists(
        self,
        *,
        claims: bool = False,
        events: bool = False,
        legend: bool = False,
        claim_rows: tuple[int, ...] | None = None,
    ) -> None:
        """Rebuild the claim and event lists (or repaint changed claim rows), the legend,
        the headings and the card."""
        state = self.state
        claim_list, event_list = self._part("claims"), self._part("events")
        if not isinstance(claim_list, RowList) or not isinstance(event_list, RowList):
            return
        ix = state.index
        shown = state.claims
        if claims and claim_rows is not None:
            claim_list.update_rows(list(claim_rows), lambda i: claim_row(ix, shown[i]))
        elif claims:
            claim_list.set_rows(len(shown), lambda i: claim_row(ix, shown[i]))
        if events:
            listed = state.events
            event_list.set_rows(len(listed), lambda i: event_row(ix, listed[i]))
        self.cursors()
        title = f"Claims ({len(shown)}{' unreviewed' if state.only_unreviewed else ''})"
        progress = state.progress()
        title += f" · {progress.claims_reviewed}/{progress.claims_total} reviewed"
        # One-row headings: no layout pass, so a new count repaints only the heading.
        self._heading("claims-title", title)
        self._heading("events-title", f"Events ({len(state.events)})")
        legend_widget = self._part("legend")
        if legend and isinstance(legend_widget, Legend):
            legend_widget.show(state.legend())
        self.card()

    def cursors(self) -> None:
        claim_list, event_list = self._part("claims"), self._part("events")
        if isinstance(claim_list, RowList):
            index = self.state.claim_index
            claim_list.set_cursor(-1 if index is None else index)
        if isinstance(event_list, RowList):
            index = self.state.event_index
            event_list.set_cursor(-1 if index is None else index)

    def _heading(self, name: str, text: str) -> None:
        heading = self._part(name)
        if isinstance(heading, Static) and self._headings.get(name) != text:
            self._headings[name] = text  # unchanged, it is not repainted (1 ms a key)
            heading.update(Text(text), layout=False)

    def card(self) -> None:
        card, title = self._part("card"), self._part("card-title")
        if not isinstance(card, Card) or not isinstance(title, Static):
            return
        state = self.state
        ix, types = state.index, state.entity_types
        mention = state.current_mention
        if state.card_mode == "entity" and mention is not None:
            self._heading("card-title", "Entity")
            card.show(
                entity_card(ix, mention, state.mentions_of_current_entity(), types),
                "no entity selected",
            )
        elif state.card_mode == "event":
            self._heading("card-title", "Event")
            event = state.current_event
            card.show(
                event_card(ix, event) if event else None,
                "no event selected: ] and [ step through events",
            )
        else:
            self._heading("card-title", "Claim")
            claim = state.current_claim
            card.show(
                claim_card(ix, claim, types) if claim else None,
                "no claim selected: J and K step through claims",
            )

    # ------------------------------------------------------------ the status line

    def status(self, widget: Static, line: str) -> None:
        if line != self._status_line:
            self._status_line = line
            # One row, always: no layout pass, so the status never repaints the panes.
            widget.update(Text(line, no_wrap=True, overflow="ellipsis"), layout=False)

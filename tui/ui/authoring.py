"""Making annotations from a selection: a new mention, a mention's span, a field of a
claim or event, a new claim, a new event (``v``, then ``t`` ``enter`` ``f`` ``C`` ``V``).

Each asks its questions in one picker (a new claim's cue, then its source), so the
keys typed ahead answer them in turn; every change is one undoable session command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import Event, Mention
from tui.text import tokens
from tui.ui.field_edit import edited_fields, fields_of
from tui.ui.pickers import Choice, ChoicePicker, with_keys
from tui.ui.review_flows import ReviewFlows, short
from tui.ui.selection import Selection, trimmed, word_at
from tui.ui.state import ACTOR, PLACE, SOURCE

if TYPE_CHECKING:
    from tui.ui.reader_screen import ReaderScreen

QUOTES = "\"“‘'«"


class Authoring:
    """Selection mode and what it makes, on one reader screen."""

    def __init__(self, screen: ReaderScreen, flows: ReviewFlows) -> None:
        self.screen = screen
        self.flows = flows

    def select(self) -> None:
        """Start a selection: at the search match, the current mention, or the first word."""
        session = self.screen.session
        if session is None:
            self.screen.app.bell()
            return
        state = self.screen.state
        text = session.document.text
        sel: Selection | None
        mention = state.current_mention
        if state.pointer == "match" and state.match_index is not None and state.matches:
            sel = Selection(*state.matches[state.match_index])  # /Nusra, then v
        elif state.card_mode == "entity" and mention is not None:
            sel = Selection(mention.span.start, mention.span.end)
        else:
            sel = word_at(text, self.screen.article.top_offset())
        if sel is None:
            self.flows.nothing("no words to select here")
            return
        self.screen.selection_bar.start(text, sel)

    def new_claim_hint(self) -> None:
        self.flows.nothing("select the claim's words first: v, then w to extend, then C")

    def new_event_hint(self) -> None:
        self.flows.nothing("select the event's trigger word first: v, then V")

    def moved(self, sel: Selection) -> None:
        screen = self.screen
        with screen.app.batch_update():
            screen.article.set_marks("selection", [(sel.start, sel.end)])
            screen.nav.jump_to(sel.start, sel.end, center=False)

    def leave(self) -> None:
        screen = self.screen
        screen.selection_bar.stop()
        screen.article.set_marks("selection", [])
        screen.set_focus(screen.article)  # at once: keys already queued go to the article

    async def run(self, verb: str) -> None:
        """A selection command: "mention", "adjust", "field", "claim" or "event"."""
        bar, session = self.screen.selection_bar, self.flows.writable()
        if bar.selection is None or session is None:
            return
        sel = trimmed(session.document.text, bar.selection)
        if verb == "mention":
            await self._new_mention(sel)
        elif verb == "adjust":
            self._adjust(sel)
        elif verb == "field":
            await self._set_field(sel)
        elif verb == "claim":
            await self._new_claim(sel)
        elif verb == "event":
            await self._new_event(sel)

    def _words(self, sel: Selection) -> str:
        session = self.screen.session
        return short(sel.text(session.document.text)) if session is not None else ""

    async def _new_mention(self, sel: Selection) -> None:
        session = self.screen.session
        assert session is not None
        words = self._words(sel)

        def chosen(kind: object) -> None:
            if not isinstance(kind, str):
                return
            mention = self.flows.command(
                lambda: session.add_mention(sel.start, sel.end, kind), what="new entity"
            )
            if mention is not None:
                self.leave()
                self.screen.nav.show_item(mention.id)
                self.screen.say(f"new {kind} “{words}”")

        await self.screen.app.push_screen(
            ChoicePicker(f"New entity “{words}”: its type", self.flows.type_choices(session)),
            chosen,
        )

    def _adjust(self, sel: Selection) -> None:
        session = self.screen.session
        mention = self.flows.current_mention()
        if session is None or mention is None:
            return
        if self.flows.command(
            lambda: session.adjust_mention(mention.id, sel.start, sel.end), what="adjust"
        ):
            self.leave()
            self.screen.say(f"{mention.id} now “{self._words(sel)}”")

    async def _set_field(self, sel: Selection) -> None:
        """Set one field of the current claim or event (the card's) from the selection."""
        session, state = self.screen.session, self.screen.state
        assert session is not None
        item = state.current_event if state.card_mode == "event" else state.current_claim
        if item is None:
            self.flows.nothing("no claim or event selected: J claims, ] events")
            return
        kind = "event" if isinstance(item, Event) else "claim"
        text = session.document.text

        def chosen(choice: object) -> None:
            if not isinstance(choice, str):
                return
            try:
                fields = edited_fields(session.annotations, text, item, choice, sel.start, sel.end)
            except ValueError as exc:
                self.flows.nothing(str(exc))
                return
            if self.flows.command(lambda: session.edit(item.id, **fields), what="edit"):
                self.leave()
                self.screen.say(f"{kind} {item.id}: {choice.partition(':')[2]} changed")

        await self.screen.app.push_screen(
            ChoicePicker(
                f"Which field of {kind} {item.id} gets “{self._words(sel)}”?",
                with_keys(list(fields_of(item))),
            ),
            chosen,
        )

    def _mention_choices(self, mentions: list[Mention], none_label: str) -> list[Choice]:
        items: list[tuple[str, object]] = [(none_label, ())]
        for m in mentions:
            entity = self.screen.state.index.entity(m.entity)
            name = entity.name if entity else m.span.text
            items.append((f"{short(name)} ({m.type})", ((m.span.start, m.span.end),)))
        return with_keys(items)

    def _near(self, sel: Selection, role: str) -> list[Mention]:
        state = self.screen.state
        return state.nearby_mentions(sel.start, sel.end, state.entity_types.with_role(role))

    async def _new_claim(self, sel: Selection) -> None:
        """Content is the selection; the reviewer picks the cue word and the source."""
        session = self.screen.session
        assert session is not None
        text = session.document.text
        line_start = text.rfind("\n", 0, sel.start) + 1
        line_end = text.find("\n", sel.end)
        line_end = len(text) if line_end < 0 else line_end
        words = [
            t
            for t in tokens(text, line_start, line_end)
            if any(ch.isalpha() for ch in t.text) and not (sel.start <= t.start < sel.end)
        ]
        words.sort(key=lambda t: max(sel.start - t.end, t.start - sel.end, 0))
        if not words:
            self.flows.nothing("no words outside the selection to be the cue")
            return
        cues = with_keys([(t.text, (t.start, t.end)) for t in words])
        sources = self._mention_choices(self._near(sel, SOURCE), "no source named")
        kind = "direct" if text[sel.start] in QUOTES else "indirect"

        def chosen(answers: object) -> None:
            if not isinstance(answers, tuple):
                return
            cue, source = answers
            claim = self.flows.command(
                lambda: session.add_claim(
                    cue, [(sel.start, sel.end)], source[0] if source else None, kind
                ),
                what="new claim",
            )
            if claim is not None:
                self.leave()
                self.screen.nav.show_item(claim.id)
                self.screen.say(f"new claim {claim.id}")

        await self.screen.app.push_screen(
            ChoicePicker(
                "Cue: the word that reports it (said, told, according to)",
                cues,
                ("Source: who says it", sources),
            ),
            chosen,
        )

    async def _new_event(self, sel: Selection) -> None:
        """The selection is the trigger; the reviewer picks the type, then its arguments."""
        session = self.screen.session
        assert session is not None
        subtypes = [
            Choice(s.key, f"{s.name}  ({s.event_type})", s.name) for s in session.codebook.subtypes
        ]
        actors = self._near(sel, ACTOR)

        def chosen(answers: object) -> None:
            if not isinstance(answers, tuple):
                return
            subtype, actor, target, place = answers
            event = self.flows.command(
                lambda: session.add_event(
                    subtype,
                    (sel.start, sel.end),
                    actors=list(actor),
                    targets=list(target),
                    location=list(place),
                ),
                what="new event",
            )
            if event is not None:
                self.leave()
                self.screen.nav.show_item(event.id)
                self.screen.say(f"new event {event.id}")

        await self.screen.app.push_screen(
            ChoicePicker(
                f"Event type of “{self._words(sel)}”",
                subtypes,
                ("Actor: who did it", self._mention_choices(actors, "no actor named")),
                ("Target: to whom", self._mention_choices(actors, "no target named")),
                ("Where", self._mention_choices(self._near(sel, PLACE), "no place named")),
            ),
            chosen,
        )

"""The review keys: verdicts, accept/reject, notes, entity fixes, new claims and events, undo.

A mixin for :class:`tui.ui.reader_screen.ReaderScreen`. Every change goes through
the screen's ``ReviewSession``; the session tells the screen (``subscribe``) and
the screen redraws from the new annotations, so an action here never touches a
widget's contents itself, only says what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tui.changes import Item
from tui.model import Claim, Entity, Event, Mention
from tui.review import ReadOnlyError
from tui.ui.attention import NeedsAttention
from tui.ui.conflict import ConflictPrompt
from tui.ui.field_edit import edited_fields, fields_of
from tui.ui.note_editor import NoteEditor
from tui.ui.pickers import Choice, ChoicePicker, Confirm, FuzzyPicker, with_keys
from tui.ui.rows import one_line
from tui.ui.selection import Selection, trimmed, word_at
from tui.ui.selection_bar import SelectionBar

NEARBY = 600  # characters either side where a new claim's or event's entities are looked for
QUOTES = "\"“‘'«"


def _short(text: str, limit: int = 40) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ReviewActions:
    """Actions bound in :data:`tui.ui.keymap.REVIEW_BINDINGS` and the selection bar's."""

    # ------------------------------------------------------------------ helpers

    def _command(self, run: Callable[[], Any], *, what: str = "") -> Any:
        """Run a session command; explain (rather than crash on) read-only and bad values."""
        if self.session is None:
            self.app.bell()
            return None
        try:
            return run()
        except ReadOnlyError as exc:
            self.app.bell()
            self.notify(f"read-only: {exc}", severity="warning", timeout=5, markup=False)
        except (ValueError, KeyError) as exc:
            self.app.bell()
            message = exc.args[0] if exc.args else str(exc)
            self.notify(
                f"{what or 'cannot do that'}: {message}",
                severity="warning",
                timeout=5,
                markup=False,
            )
        return None

    def _writable(self) -> bool:
        if self.session is None:
            self.app.bell()
            return False
        if self.session.read_only:
            self.app.bell()
            self.notify(
                f"read-only: {self.session.read_only}", severity="warning", timeout=5, markup=False
            )
            return False
        return True

    def current_item(self) -> Item | None:
        """The mention, claim or event the reviewer last moved to (the card shows it)."""
        if self.card_mode == "entity" and self.mention_index is not None:
            return self.mentions[self.mention_index]
        if self.card_mode == "event" and self.current_event is not None:
            return self.current_event
        if self.current_claim is not None:
            return self.current_claim
        return self.current_event

    def _nothing(self, hint: str) -> None:
        self.app.bell()
        self.notify(hint, timeout=3)

    @staticmethod
    def _kind(item: Item) -> str:
        return {Mention: "entity", Claim: "claim", Event: "event", Entity: "entity"}.get(
            type(item), "item"
        )

    # ------------------------------------------------------------------ verdicts

    def action_verdict(self, n: int) -> None:
        claim = self.current_claim
        if claim is None:
            self._nothing("no claim selected: J and K step through claims")
            return
        if not self._writable():
            return
        scale = self.session.codebook.verdicts
        if n > len(scale):
            self._nothing(f"the verdict scale has {len(scale)} steps")
            return
        verdict = scale[n - 1].name if n > 0 else None
        position = self.claim_index
        self._command(lambda: self.session.set_verdict(claim.id, verdict), what="verdict")
        if verdict is not None and self.auto_advance:
            self._advance_unreviewed(position)

    def _advance_unreviewed(self, after: int | None) -> None:
        """Go to the next claim without a verdict (after ``after``, wrapping once)."""
        start = -1 if after is None else after
        if self.only_unreviewed:
            start -= 1  # the judged claim has left the list: the next one took its place
        order = [*range(start + 1, len(self.claims)), *range(0, max(start + 1, 0))]
        for i in order:
            claim = self.claims[i]
            if claim.review.verdict is None and claim.status != "rejected":
                self.select_claim(i)
                return
        self.notify("every claim has a verdict", timeout=3)

    # ------------------------------------------------------------------ suggestions

    def action_accept(self) -> None:
        self._set_status("accept")

    def action_reject(self) -> None:
        self._set_status("reject")

    def _set_status(self, verb: str) -> None:
        item = self.current_item()
        if item is None:
            self._nothing("nothing selected: J claims, ] events, e entities")
            return
        if not self._writable():
            return
        run = self.session.accept if verb == "accept" else self.session.reject
        if self._command(lambda: run(item.id), what=verb) is not None:
            self.message = f"{verb}ed {self._kind(item)} {item.id}"
            self._update_status()

    def _in_view(self, kind: str) -> list[Item]:
        top, bottom = self.article.top_offset(), self.article.bottom_offset()
        if kind == "entity":
            items: Sequence[Item] = self.mentions
        elif kind == "event":
            items = self.events
        else:
            items = self.claims

        def bounds(it: Item) -> tuple[int, int]:
            return (it.span.start, it.span.end) if isinstance(it, Mention) else (it.start, it.end)  # type: ignore[union-attr]

        return [
            it
            for it in items
            if it.status == "suggested" and bounds(it)[0] < bottom and bounds(it)[1] > top  # type: ignore[union-attr]
        ]

    async def action_accept_all(self) -> None:
        if not self._writable():
            return
        kind = self.card_mode if self.card_mode in ("entity", "event") else "claim"
        items = self._in_view(kind)
        if not items:
            self._nothing(f"no {kind} suggestions left on screen")
            return
        ids = [it.id for it in items]
        plural = "entity mentions" if kind == "entity" else f"{kind}s"

        def answer(yes: bool | None) -> None:
            if yes and self._command(lambda: self.session.accept_all(ids), what="accept all"):
                self.message = f"accepted {len(ids)} {plural}"
                self._update_status()

        await self.app.push_screen(
            Confirm(f"Accept all {len(ids)} suggested {plural} on screen? (u undoes it)"), answer
        )

    # ------------------------------------------------------------------ notes

    async def action_note(self) -> None:
        item = self.current_item()
        if item is None:
            self._nothing("nothing selected: J claims, ] events, e entities")
            return
        if not self._writable():
            return
        target: Item = item
        if isinstance(item, Mention):
            entity = self.session.entity(item.entity)
            if entity is None:
                self._nothing("this mention has no entity to note")
                return
            target = entity
            title = f"Note on {entity.type} {_short(entity.name)}"
        elif isinstance(item, Claim):
            title = f"Note on claim {item.id}: {_short(item.cue.text)} {_short(item.content[0].text if item.content else '')}"
        else:
            title = f"Note on event {item.id}: {_short(item.subtype or item.type)}"

        def save(text: str | None) -> None:
            if text is None:
                return
            if self._command(lambda: self.session.set_note(target.id, text), what="note"):
                self.message = f"note saved on {target.id}"
                self._update_status()

        await self.app.push_screen(NoteEditor(title, target.review.note), save)

    # ------------------------------------------------------------------ entity fixes

    def _current_mention(self) -> Mention | None:
        if self.mention_index is None:
            self._nothing("no entity selected: e and E step through entities")
            return None
        return self.mentions[self.mention_index]

    def _type_choices(self) -> list[Choice]:
        return [
            Choice(t.key, f"{t.name}  {t.description}", t.name)
            for t in self.session.codebook.entity_types
        ]

    async def action_retype(self) -> None:
        mention = self._current_mention()
        if mention is None or not self._writable():
            return

        def chosen(kind: object) -> None:
            if isinstance(kind, str) and self._command(
                lambda: self.session.retype(mention.id, kind), what="retype"
            ):
                self.message = f"{_short(mention.span.text)} is now {kind}"
                self._update_status()

        await self.app.push_screen(
            ChoicePicker(
                f"Type of “{_short(mention.span.text)}” (now {mention.type})", self._type_choices()
            ),
            chosen,
        )

    async def action_merge(self) -> None:
        mention = self._current_mention()
        if mention is None or not self._writable():
            return
        others = [e for e in self.session.annotations.entities if e.id != mention.entity]
        choices = [Choice("", f"{e.name}  ({e.type})", e.id) for e in others]
        fixed = []
        if len(self._by_entity.get(mention.entity, [])) > 1:
            fixed.append(Choice("", "⟂ split off: an entity of its own", "__split__"))

        def chosen(value: object) -> None:
            if value == "__split__":
                done = self._command(lambda: self.session.split_mention(mention.id), what="split")
            elif isinstance(value, str):
                done = self._command(
                    lambda: self.session.merge_mention(mention.id, value), what="merge"
                )
            else:
                return
            if done:
                self.message = done.label
                self._update_status()

        await self.app.push_screen(
            FuzzyPicker(f"Merge “{_short(mention.span.text)}” into…", choices, fixed), chosen
        )

    # ------------------------------------------------------------------ selection mode

    def action_select(self) -> None:
        if self.session is None:
            self.app.bell()
            return
        text = self.session.document.text
        if self.pointer == "match" and self.match_index is not None and self.matches:
            # After a search, the match is the reader's cursor: /Nusra, then v.
            sel: Selection | None = Selection(*self.matches[self.match_index])
        elif self.card_mode == "entity" and self.mention_index is not None:
            m = self.mentions[self.mention_index]
            sel = Selection(m.span.start, m.span.end)
        else:
            sel = word_at(text, self.article.top_offset())
        if sel is None:
            self._nothing("no words to select here")
            return
        self.query_one(SelectionBar).start(text, sel)

    def selection_changed(self, sel: Selection | None) -> None:
        with self.app.batch_update():
            self.article.set_marks("selection", [(sel.start, sel.end)] if sel else [])
            if sel is not None:
                self.jump_to(sel.start, sel.end, center=False)

    def leave_selection(self) -> None:
        bar = self.query_one(SelectionBar)
        bar.selection = None
        bar.display = False
        self.article.set_marks("selection", [])
        self.set_focus(self.article)  # at once: keys already queued go to the article

    def _selection(self) -> Selection | None:
        bar = self.query_one(SelectionBar)
        if bar.selection is None or self.session is None:
            return None
        return trimmed(self.session.document.text, bar.selection)

    async def selection_command(self, what: str) -> None:
        sel = self._selection()
        if sel is None or not self._writable():
            return
        if what == "mention":
            await self._new_mention(sel)
        elif what == "adjust":
            mention = self._current_mention()
            if mention is not None and self._command(
                lambda: self.session.adjust_mention(mention.id, sel.start, sel.end), what="adjust"
            ):
                self.leave_selection()
                self.message = f"{mention.id} now “{_short(sel.text(self.session.document.text))}”"
                self._update_status()
        elif what == "field":
            await self._set_field(sel)
        elif what == "claim":
            self.run_worker(self._new_claim(sel), group="review-flow", exclusive=True)
        elif what == "event":
            self.run_worker(self._new_event(sel), group="review-flow", exclusive=True)

    async def _set_field(self, sel: Selection) -> None:
        """Set one field of the current claim or event (the card's) from the selection."""
        item = self.current_event if self.card_mode == "event" else self.current_claim
        if item is None:
            self._nothing("no claim or event selected: J claims, ] events")
            return
        kind = "event" if isinstance(item, Event) else "claim"
        text = self.session.document.text

        def chosen(choice: object) -> None:
            if not isinstance(choice, str):
                return
            try:
                fields = edited_fields(
                    self.session.annotations, text, item, choice, sel.start, sel.end
                )
            except ValueError as exc:
                self._nothing(str(exc))
                return
            if self._command(lambda: self.session.edit(item.id, **fields), what="edit"):
                self.leave_selection()
                self.message = f"{kind} {item.id}: {choice.partition(':')[2]} changed"
                self._update_status()

        words = _short(sel.text(text))
        await self.app.push_screen(
            ChoicePicker(
                f"Which field of {kind} {item.id} gets “{words}”?", with_keys(list(fields_of(item)))
            ),
            chosen,
        )

    async def _new_mention(self, sel: Selection) -> None:
        words = _short(sel.text(self.session.document.text))

        def chosen(kind: object) -> None:
            if not isinstance(kind, str):
                return
            mention = self._command(
                lambda: self.session.add_mention(sel.start, sel.end, kind), what="new entity"
            )
            if mention is not None:
                self.leave_selection()
                self._select_mention_id(mention.id)
                self.message = f"new {kind} “{words}”"
                self._update_status()

        await self.app.push_screen(
            ChoicePicker(f"New entity “{words}”: its type", self._type_choices()), chosen
        )

    def _select_mention_id(self, mention_id: str) -> None:
        index = next((i for i, m in enumerate(self.mentions) if m.id == mention_id), None)
        if index is not None:
            self.select_mention(index)

    def _nearby_mentions(self, sel: Selection, types: tuple[str, ...] = ()) -> list[Mention]:
        """Mentions near the selection (closest first, one per entity), outside it."""

        def distance(m: Mention) -> int:
            return max(sel.start - m.span.end, m.span.start - sel.end, 0)

        near = [
            m
            for m in self.mentions
            if m.status != "rejected"
            and abs(m.span.start - sel.start) < NEARBY
            and not (sel.start <= m.span.start and m.span.end <= sel.end)
            and (not types or m.type in types)
        ]
        near.sort(key=distance)
        seen: dict[str, Mention] = {}
        for m in near:
            seen.setdefault(m.entity or m.id, m)
        return list(seen.values())

    async def _pick(self, title: str, choices: list[Choice]) -> object | None:
        return await self.app.push_screen_wait(ChoicePicker(title, choices))

    def _mention_choices(self, mentions: list[Mention], none_label: str) -> list[Choice]:
        items: list[tuple[str, object]] = [(none_label, ())]
        for m in mentions:
            entity = self.index.entity(m.entity)
            name = entity.name if entity else m.span.text
            items.append((f"{_short(name)} ({m.type})", ((m.span.start, m.span.end),)))
        return with_keys(items)

    async def _new_claim(self, sel: Selection) -> None:
        """Content is the selection; the reviewer picks the cue word and the source."""
        text = self.session.document.text
        line_start = text.rfind("\n", 0, sel.start) + 1
        line_end = text.find("\n", sel.end)
        line_end = len(text) if line_end < 0 else line_end
        from tui.text import tokens

        words = [
            t
            for t in tokens(text, line_start, line_end)
            if any(ch.isalpha() for ch in t.text) and not (sel.start <= t.start < sel.end)
        ]
        words.sort(key=lambda t: max(sel.start - t.end, t.start - sel.end, 0))
        if not words:
            self._nothing("no words outside the selection to be the cue")
            return
        cue = await self._pick(
            "Cue: the word that reports it (said, told, according to)",
            with_keys([(t.text, (t.start, t.end)) for t in words]),
        )
        if cue is None:
            return
        sources = self._nearby_mentions(sel, ("PERSON", "ORG", "GPE", "NORP"))
        source = await self._pick(
            "Source: who says it", self._mention_choices(sources, "no source named")
        )
        if source is None:
            return
        kind = "direct" if text[sel.start] in QUOTES else "indirect"
        claim = self._command(
            lambda: self.session.add_claim(
                cue, [(sel.start, sel.end)], source[0] if source else None, kind
            ),
            what="new claim",
        )
        if claim is not None:
            self.leave_selection()
            index = next((i for i, c in enumerate(self.claims) if c.id == claim.id), None)
            if index is not None:
                self.select_claim(index)
            self.message = f"new claim {claim.id}"
            self._update_status()

    async def _new_event(self, sel: Selection) -> None:
        """The selection is the trigger; the reviewer picks the type, then its arguments."""
        codebook = self.session.codebook
        subtype = await self._pick(
            f"Event type of “{_short(sel.text(self.session.document.text))}”",
            [Choice(s.key, f"{s.name}  ({s.event_type})", s.name) for s in codebook.subtypes],
        )
        if subtype is None:
            return
        actors_near = self._nearby_mentions(sel, ("PERSON", "ORG", "GPE", "NORP"))
        actors = await self._pick(
            "Actor: who did it", self._mention_choices(actors_near, "no actor named")
        )
        if actors is None:
            return
        targets = await self._pick(
            "Target: to whom", self._mention_choices(actors_near, "no target named")
        )
        if targets is None:
            return
        places = self._nearby_mentions(sel, ("GPE", "LOC", "FAC"))
        location = await self._pick("Where", self._mention_choices(places, "no place named"))
        if location is None:
            return
        event = self._command(
            lambda: self.session.add_event(
                subtype,
                (sel.start, sel.end),
                actors=list(actors),
                targets=list(targets),
                location=list(location),
            ),
            what="new event",
        )
        if event is not None:
            self.leave_selection()
            index = next((i for i, e in enumerate(self.events) if e.id == event.id), None)
            if index is not None:
                self.select_event(index)
            self.message = f"new event {event.id}"
            self._update_status()

    def action_new_claim(self) -> None:
        self._nothing("select the claim's words first: v, then w to extend, then C")

    def action_new_event(self) -> None:
        self._nothing("select the event's trigger word first: v, then V")

    # ------------------------------------------------------------------ undo

    def action_undo(self) -> None:
        self._history_step(self.session.undo if self.session else None, "undo", "undone")

    def action_redo(self) -> None:
        self._history_step(self.session.redo if self.session else None, "redo", "redone")

    def _history_step(self, step: Callable[[], str | None] | None, what: str, done: str) -> None:
        """Undo or redo one command and say which (or that there was none)."""
        if not self._writable() or step is None:
            return
        label = self._command(step, what=what)
        self.message = f"{done}: {label}" if label else f"nothing to {what}"
        if not label:
            self.app.bell()
        self.notify(self.message, timeout=3, markup=False)
        self._update_status()

    # ------------------------------------------------------------------ views

    def action_filter_unreviewed(self) -> None:
        self.only_unreviewed = not self.only_unreviewed
        if self.session is not None:
            self._session_changed(force=True)
        self.message = "only unreviewed claims" if self.only_unreviewed else "all claims"
        self._update_status()

    async def action_needs_attention(self) -> None:
        if self.session is None:
            self.app.bell()
            return

        def chosen(item_id: str | None) -> None:
            if item_id is not None:
                self._show_item(item_id)

        await self.app.push_screen(NeedsAttention(self.session.needs_attention()), chosen)

    def _show_item(self, item_id: str) -> None:
        for i, c in enumerate(self.claims):
            if c.id == item_id:
                self.select_claim(i)
                return
        for i, e in enumerate(self.events):
            if e.id == item_id:
                self.select_event(i)
                return
        self._select_mention_id(item_id)

    # ------------------------------------------------------------------ conflicts

    def check_disk(self) -> None:
        """Polled: has another program changed the sidecar? Then ask reload or keep mine."""
        session = self.session
        if session is None or session.read_only or self.conflict_open:
            return
        if session.save_state == "conflict" or session.disk_changed():
            self.conflict_open = True
            where = str(session.sidecar_path) if session.sidecar_path else "the sidecar"
            self.app.push_screen(ConflictPrompt(where), self._resolve_conflict)

    def _resolve_conflict(self, choice: str | None) -> None:
        session = self.session
        self.conflict_open = False
        if session is None:
            return
        if choice == "reload":
            error = session.reload_from_disk()
            if error:
                self.notify(
                    f"could not reload: {error}", severity="error", timeout=10, markup=False
                )
            else:
                self.notify("reloaded the annotations from disk (u undoes it)", timeout=5)
        elif choice == "keep":
            if session.keep_mine():
                self.notify("kept mine: written over the file; theirs is the .bak", timeout=5)
            else:
                self.notify(
                    f"could not write: {session.save_state}",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
        self._update_status()

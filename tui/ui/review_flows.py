"""The review keys: verdicts, accept/reject, notes, entity fixes, undo, filters, conflicts.

Every change goes through the screen's ``ReviewSession``; the session tells the
screen (``subscribe``) and the screen repaints from the new annotations, so a flow
here never touches a widget's contents, only says what happened. Each flow that
opens a modal awaits it being up, so the keys typed after its key land in it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.notifications import SeverityLevel

from tui.changes import Item
from tui.model import Claim, Entity, Event, Mention
from tui.review import ReadOnlyError, ReviewSession
from tui.ui.attention import NeedsAttention
from tui.ui.conflict import ConflictPrompt
from tui.ui.layout import one_line, visible
from tui.ui.note_editor import NoteEditor
from tui.ui.pickers import Choice, ChoicePicker, Confirm, FuzzyPicker

if TYPE_CHECKING:
    from tui.ui.reader_screen import ReaderScreen

T = TypeVar("T")
NOTHING = "nothing selected: J claims, ] events, e entities"


def short(text: str, limit: int = 40) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind_name(item: Item) -> str:
    return "claim" if isinstance(item, Claim) else "event" if isinstance(item, Event) else "entity"


class ReviewFlows:
    """What the review keys do, on one reader screen."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen

    # ------------------------------------------------------------------ helpers

    @property
    def session(self) -> ReviewSession | None:
        return self.screen.session

    def tell(
        self, text: str, *, severity: SeverityLevel = "information", timeout: float = 3
    ) -> None:
        """A notification; words from outside (paths, quotes, errors) shown inert."""
        self.screen.notify(visible(text), severity=severity, timeout=timeout, markup=False)

    def nothing(self, hint: str) -> None:
        self.screen.app.bell()
        self.tell(hint)

    def command(self, run: Callable[[], T], *, what: str = "") -> T | None:
        """Run a session command; explain (rather than crash on) read-only and bad values."""
        try:
            return run()
        except ReadOnlyError as exc:
            self.screen.app.bell()
            self.tell(f"read-only: {exc}", severity="warning", timeout=5)
        except (ValueError, KeyError) as exc:
            self.screen.app.bell()
            message = exc.args[0] if exc.args else str(exc)
            self.screen.notify(
                f"{what or 'cannot do that'}: {message}",
                severity="warning",
                timeout=5,
                markup=False,
            )
        return None

    def writable(self) -> ReviewSession | None:
        """The session, when changes can be made; else a bell and the reason."""
        session = self.session
        if session is None:
            self.screen.app.bell()
            return None
        if session.read_only:
            self.screen.app.bell()
            self.tell(f"read-only: {session.read_only}", severity="warning", timeout=5)
            return None
        return session

    def current_mention(self) -> Mention | None:
        mention = self.screen.state.current_mention
        if mention is None:
            self.nothing("no entity selected: e and E step through entities")
        return mention

    def type_choices(self, session: ReviewSession) -> list[Choice]:
        return [
            Choice(t.key, f"{t.name}  {t.description}", t.name)
            for t in session.codebook.entity_types
        ]

    # ------------------------------------------------------------------ verdicts

    def verdict(self, n: int) -> None:
        state = self.screen.state
        claim = state.current_claim
        if claim is None:
            self.nothing("no claim selected: J and K step through claims")
            return
        session = self.writable()
        if session is None:
            return
        scale = session.codebook.verdicts
        if n > len(scale):
            self.nothing(f"the verdict scale has {len(scale)} steps")
            return
        verdict = scale[n - 1].name if n > 0 else None
        position = state.claim_index
        self.command(lambda: session.set_verdict(claim.id, verdict), what="verdict")
        if verdict is not None and self.screen.auto_advance:
            index = state.next_unreviewed(position)
            if index is None:
                self.tell("every claim has a verdict")
            else:
                self.screen.nav.select_claim(index)

    # ------------------------------------------------------------------ suggestions

    def accept(self) -> None:
        self._set_status("accept")

    def reject(self) -> None:
        self._set_status("reject")

    def _set_status(self, verb: str) -> None:
        item = self.screen.state.current_item()
        if item is None:
            self.nothing(NOTHING)
            return
        session = self.writable()
        if session is None:
            return
        run = session.accept if verb == "accept" else session.reject
        if self.command(lambda: run(item.id), what=verb) is not None:
            self.screen.say(f"{verb}ed {kind_name(item)} {item.id}")

    async def accept_all(self) -> None:
        session = self.writable()
        if session is None:
            return
        state, article = self.screen.state, self.screen.article
        kind = state.card_mode if state.card_mode in ("entity", "event") else "claim"
        items = state.suggested_in_view(kind, article.top_offset(), article.bottom_offset())
        if not items:
            self.nothing(f"no {kind} suggestions left on screen")
            return
        ids = [it.id for it in items]
        plural = "entity mentions" if kind == "entity" else f"{kind}s"

        def answer(yes: bool | None) -> None:
            if yes and self.command(lambda: session.accept_all(ids), what="accept all"):
                self.screen.say(f"accepted {len(ids)} {plural}")

        await self.screen.app.push_screen(
            Confirm(f"Accept all {len(ids)} suggested {plural} on screen? (u undoes it)"), answer
        )

    # ------------------------------------------------------------------ notes

    async def note(self) -> None:
        item = self.screen.state.current_item()
        if item is None:
            self.nothing(NOTHING)
            return
        session = self.writable()
        if session is None:
            return
        target: Claim | Event | Entity
        if isinstance(item, Mention):
            entity = session.entity(item.entity)
            if entity is None:
                self.nothing("this mention has no entity to note")
                return
            target = entity
            title = f"Note on {entity.type} {short(entity.name)}"
        elif isinstance(item, Claim):
            said = short(item.content[0].text) if item.content else ""
            target, title = item, f"Note on claim {item.id}: {short(item.cue.text)} {said}"
        elif isinstance(item, Event):
            target, title = item, f"Note on event {item.id}: {short(item.subtype or item.type)}"
        else:
            target, title = item, f"Note on {item.type} {short(item.name)}"

        def save(text: str | None) -> None:
            if text is not None and (
                self.command(lambda: session.set_note(target.id, text), what="note") is not None
            ):
                self.screen.say(f"note saved on {target.id}")

        await self.screen.app.push_screen(NoteEditor(title, target.review.note), save)

    # ------------------------------------------------------------------ entity fixes

    async def retype(self) -> None:
        mention = self.current_mention()
        session = self.writable() if mention is not None else None
        if mention is None or session is None:
            return

        def chosen(kind: object) -> None:
            if isinstance(kind, str) and (
                self.command(lambda: session.retype(mention.id, kind), what="retype") is not None
            ):
                self.screen.say(f"{short(mention.span.text)} is now {kind}")

        await self.screen.app.push_screen(
            ChoicePicker(
                f"Type of “{short(mention.span.text)}” (now {mention.type})",
                self.type_choices(session),
            ),
            chosen,
        )

    async def merge(self) -> None:
        mention = self.current_mention()
        session = self.writable() if mention is not None else None
        if mention is None or session is None:
            return
        others = [e for e in session.annotations.entities if e.id != mention.entity]
        choices = [Choice("", f"{e.name}  ({e.type})", e.id) for e in others]
        fixed = []
        if len(self.screen.state.by_entity.get(mention.entity, [])) > 1:
            fixed.append(Choice("", "⟂ split off: an entity of its own", "__split__"))

        def chosen(value: object) -> None:
            if value == "__split__":
                done = self.command(lambda: session.split_mention(mention.id), what="split")
            elif isinstance(value, str):
                done = self.command(lambda: session.merge_mention(mention.id, value), what="merge")
            else:
                return
            if done:
                self.screen.say(done.label)

        await self.screen.app.push_screen(
            FuzzyPicker(f"Merge “{short(mention.span.text)}” into…", choices, fixed), chosen
        )

    # ------------------------------------------------------------------ undo

    def undo(self) -> None:
        session = self.writable()
        if session is not None:
            self._history_step(session.undo, "undo", "undone")

    def redo(self) -> None:
        session = self.writable()
        if session is not None:
            self._history_step(session.redo, "redo", "redone")

    def _history_step(self, step: Callable[[], str | None], what: str, done: str) -> None:
        """Undo or redo one command and say which (or that there was none)."""
        label = self.command(step, what=what)
        message = f"{done}: {label}" if label else f"nothing to {what}"
        if not label:
            self.screen.app.bell()
        self.tell(message)
        self.screen.say(message)

    # ------------------------------------------------------------------ views

    def filter_unreviewed(self) -> None:
        state = self.screen.state
        state.only_unreviewed = not state.only_unreviewed
        self.screen.redraw()
        self.screen.say("only unreviewed claims" if state.only_unreviewed else "all claims")

    async def needs_attention(self) -> None:
        session = self.session
        if session is None:
            self.screen.app.bell()
            return

        def chosen(item_id: str | None) -> None:
            if item_id is not None:
                self.screen.nav.show_item(item_id)

        await self.screen.app.push_screen(NeedsAttention(session.needs_attention()), chosen)

    # ------------------------------------------------------------------ conflicts

    def check_disk(self) -> None:
        """Polled: has another program changed the sidecar? Then ask reload or keep mine."""
        session = self.session
        if session is None or session.read_only or self.screen.conflict_open:
            return
        if session.save_state == "conflict" or session.disk_changed():
            self.screen.conflict_open = True
            where = str(session.sidecar_path) if session.sidecar_path else "the sidecar"
            self.screen.app.push_screen(ConflictPrompt(where), self._resolve_conflict)

    def _resolve_conflict(self, choice: str | None) -> None:
        session = self.session
        self.screen.conflict_open = False
        if session is None:
            return
        if choice == "reload":
            error = session.reload_from_disk()
            if error:
                self.tell(f"could not reload: {error}", severity="error", timeout=10)
            else:
                self.tell("reloaded the annotations from disk (u undoes it)", timeout=5)
        elif choice == "keep":
            if session.keep_mine():
                self.tell("kept mine: written over the file; theirs is the .bak", timeout=5)
            else:
                self.tell(f"could not write: {session.save_state}", severity="error", timeout=10)
        self.screen.refresh_status()

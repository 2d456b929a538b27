"""The adjudication screen: the reader on the merged review, with A's and B's versions
of each difference side by side below the article.

J and K step through the differences (the article centres each one; a settled one is
selected in the reader, so every reader key edits it); H takes A's version, L takes
B's. Each take is one command on the merged review's session: undone with u, saved
within a second like any change. How each difference stands is read back from the
merged review after every change (see :class:`AdjudicationState`).
"""

from __future__ import annotations

from textual.app import ComposeResult

from tui.corpus.agreement_diff import Side
from tui.review_adjudicate import Adjudication, reading_hint
from tui.ui.adjudicate.panel import VersionsPanel
from tui.ui.adjudicate.state import AdjudicationState
from tui.ui.keymap import ADJUDICATE_BINDINGS
from tui.ui.reader_screen import ReaderScreen


class AdjudicateScreen(ReaderScreen):
    """Settle two reviews' differences into a merged review (see the module docstring)."""

    BINDINGS = [*ADJUDICATE_BINDINGS]  # merged over the reader's: J/K step through differences

    def __init__(self, adjudication: Adjudication, **reader: object) -> None:
        super().__init__(session=adjudication.session, extraction=None, **reader)  # type: ignore[arg-type]
        self.adjudication = adjudication
        self.adj = AdjudicationState(adjudication.comparison, adjudication.names)
        self.adj.refresh(adjudication.session.annotations)
        self._elsewhere = False  # the reader's current item is not the difference shown

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if widget.id == "status":
                yield VersionsPanel(id="versions")
            yield widget

    def on_mount(self) -> None:
        super().on_mount()
        self.adjudication.session.subscribe(self._merged_changed)
        self.query_one(VersionsPanel).show(self.adj)
        for note in self.adjudication.notes:
            self.review.tell(note, severity="warning", timeout=10)

    # ------------------------------------------------------------------ keys

    def action_difference(self, delta: int) -> None:
        """J/K: the next or previous difference between the two reviews."""
        if not self.adj.step(delta):
            self.app.bell()
            n = len(self.adj.differences)
            self.review.tell("no more differences this way" if n else "the reviews agree")
            return
        self._show_current()

    def action_take(self, side: Side) -> None:
        """H/L: the merged review takes A's (or B's) version of the current difference."""
        if self.adj.index is None:
            self.review.nothing("no difference selected: J and K step through them")
            return
        session = self.review.writable()
        if session is None:
            return
        index = self.adj.index
        done = self.review.command(lambda: session.take_version(self.adj.comparison, index, side))
        if done is None and self.adj.states[index][0] == side:
            self.review.tell(f"the merged review already has {side}'s version")
        self._show_current()
        if self.adj.open_count == 0 and done is not None:
            where = session.sidecar_path
            if where is not None and session.document.path is not None:
                hint = reading_hint(session.document.path, where)
                self.review.tell(f"every difference is settled; {hint}")

    # Reader keys that change the current item: on an open difference the merged review
    # has no item there yet, and the reader's current one is somewhere else.
    EDITS = frozenset({"verdict", "accept", "reject", "note", "retype", "merge"})

    async def action_review(self, name: str, *args: int) -> None:
        if name in self.EDITS and self._elsewhere:
            self.review.nothing(
                "this difference is open: H or L takes a side, then the keys edit it"
            )
            return
        await super().action_review(name, *args)

    def action_step(self, kind: str, delta: int) -> None:
        self._elsewhere = False  # the reviewer chose the item the keys now act on
        super().action_step(kind, delta)

    def action_same_entity(self) -> None:
        self._elsewhere = False
        super().action_same_entity()

    # ------------------------------------------------------------------ drawing

    def _merged_changed(self) -> None:
        if self.session is None:
            return
        was = self.adj.current_state[0]
        self.adj.refresh(self.session.annotations)
        if was != "open" and self.adj.current_state[0] == "open":
            self._elsewhere = True  # a take undone: the merged item the keys edited is gone
        self.query_one(VersionsPanel).show(self.adj)

    def _show_current(self) -> None:
        d = self.adj.current
        if d is None:
            return
        _state, item = self.adj.current_state
        found = item is not None and self.state.index_of(item.id) is not None
        self._elsewhere = not found
        if found:
            self.nav.show_item(item.id)  # type: ignore[union-attr]
        else:
            self.nav.jump_to(d.anchor.start, d.anchor.end)
        self.query_one(VersionsPanel).show(self.adj)

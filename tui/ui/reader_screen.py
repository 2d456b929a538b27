"""The main screen: article pane, sidebar, search bar, status line, footer.

All reading goes through the ``ReviewSession``. Loading and extraction run in
thread workers that never touch widgets: they post messages, handled here.
"""

from __future__ import annotations

import gc
import time
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from tui.extract.codebook import Codebook
from tui.model import Annotations, Claim, Event, Mention
from tui.review import Progress, ReviewSession
from tui.text import Document, LoadError, load_document
from tui.ui.article_view import ArticleView
from tui.ui.key_hints import KeyHints
from tui.ui.keymap import READER_BINDINGS, REVIEW_BINDINGS
from tui.ui.layout import visible
from tui.ui.navigation import first_visible
from tui.ui.reader_actions import ReaderActions, batched
from tui.ui.review_actions import ReviewActions
from tui.ui.rows import (
    Index,
    claim_card,
    claim_row,
    entity_card,
    event_card,
    event_row,
    one_line,
)
from tui.ui.selection_bar import SelectionBar
from tui.ui.sidebar import Card, Legend, RowList, Sidebar

Extractor = Callable[[Document], Annotations]
NARROW = 70  # below this many columns the sidebar folds away (\ brings it back)
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def _bounds(
    items: list[Claim], old: list[Claim], starts: list[int], ends: list[int]
) -> tuple[list[int], list[int], list[int] | None]:
    """Start and end offsets of ``items``, reusing those of unchanged ones, and the
    rows that changed in place (None when the list changed otherwise).

    ``Claim.start`` walks all its spans; on 7,000 claims that was a third of the
    cost of a verdict, though a verdict changes one claim in place.
    """
    if len(items) != len(old) or len(starts) != len(old):
        return [c.start for c in items], [c.end for c in items], None
    starts, ends = list(starts), list(ends)
    changed = []
    for i, (new, was) in enumerate(zip(items, old, strict=True)):
        if new is not was:
            if new.id != was.id:
                return [c.start for c in items], [c.end for c in items], None
            starts[i], ends[i] = new.start, new.end
            changed.append(i)
    return starts, ends, changed


class ReaderScreen(ReviewActions, ReaderActions, Screen):
    """Read one article, step through its claims, events and entities, and review them."""

    BINDINGS = [*READER_BINDINGS, *REVIEW_BINDINGS]
    DISK_POLL = 2.0  # seconds between checks for another program changing the sidecar

    class Loaded(Message):
        def __init__(self, session: ReviewSession) -> None:
            self.session = session
            super().__init__()

    class LoadFailed(Message):
        def __init__(self, reason: str) -> None:
            self.reason = reason
            super().__init__()

    class TextShown(Message):
        """The article's text has been drawn (before highlights, which come with extraction)."""

        def __init__(self) -> None:
            self.at = time.perf_counter()  # when the frame was drawn, not when this is read
            super().__init__()

    class SaveStateChanged(Message):
        """The session's save state changed (possibly on its saver thread)."""

    class Extracted(Message):
        def __init__(self, annotations: Annotations | None, error: str | None = None) -> None:
            self.annotations = annotations
            self.error = error
            super().__init__()

    def __init__(
        self,
        *,
        path: Path | None = None,
        session: ReviewSession | None = None,
        extractor: Extractor | None = None,
        measure: int = 100,
        reviewer: str = "",
        max_bytes: int | None = None,
        notices: tuple[str, ...] = (),
        auto_advance: bool = False,
        codebook: Codebook | None = None,
    ) -> None:
        super().__init__()
        self.auto_advance = auto_advance
        self.codebook = codebook
        self.only_unreviewed = False
        self.pointer = ""  # what v selects: the current "mention" or search "match"
        self.conflict_open = False
        self._reported_error = ""
        self.path = path
        self.session = session
        self.extractor = extractor
        self.measure = measure
        self.reviewer = reviewer
        self.max_bytes = max_bytes
        self.extra_notices = notices
        self.extracting = False
        self._spin = 0
        self.claims: list[Claim] = []
        self.events: list[Event] = []
        self.mentions: list[Mention] = []
        self.claim_index: int | None = None
        self.event_index: int | None = None
        self.mention_index: int | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index: int | None = None
        self.search_text = ""
        self.card_mode = "claim"
        self.sidebar_wanted = True
        self.message = ""  # one transient line for the status (entity, search)
        self._progress_for: Annotations | None = None
        self._progress: Progress | None = None
        self._progress_counts: dict[str, tuple[object, int, int, int]] = {}
        self._status_line = ""
        self._text_posted = False
        self._follow_timer: Timer | None = None
        self._jumping = False
        self.sidebar_ready = False
        self.index = Index(Annotations())
        self._claim_starts: list[int] = []
        self._claim_ends: list[int] = []
        self._seen: Annotations | None = None  # the annotations the views were built from
        self._seen_mentions: tuple[Mention, ...] | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static("", id="banner")
        with Horizontal(id="main"):
            yield ArticleView(measure=self.measure, id="article")
            yield Sidebar(id="sidebar")
        yield SelectionBar(id="selection")
        yield Static("", id="status")
        yield KeyHints(id="hints")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        self.article.follow = self.article_moved
        self.article.focus()
        self.set_interval(0.1, self._tick)
        self.set_interval(self.DISK_POLL, self.check_disk)
        self.query_one("#banner").display = False
        self.query_one(SelectionBar).display = False
        if self.session is not None:
            self._show_session(self.session)
        elif self.path is not None and self._small(self.path):
            # A small article's text goes on screen at once, read in place; the
            # session (sidecar, codebook) follows from a worker after the first
            # frame. Through a worker alone, the thread's round trip and its fight
            # for the GIL with the first frame made the seed 3x slower to appear.
            try:
                document = load_document(self.path, **self._open_args(reviewer=False))
            except LoadError as exc:
                self.app.exit(return_code=2, message=Text(visible(str(exc))))
                return
            self._show_text(document)
            self.article.call_after_refresh(self._load, self.path)
        elif self.path is not None:
            self._load(self.path)

    INLINE_BYTES = 256 * 1024

    def _small(self, path: Path) -> bool:
        try:
            return path.stat().st_size <= self.INLINE_BYTES
        except OSError:
            return False  # let the worker report it, in one line

    def _open_args(self, reviewer: bool = True) -> dict[str, Any]:
        kwargs: dict[str, Any] = (
            {"reviewer": self.reviewer, "codebook": self.codebook} if reviewer else {}
        )
        if self.max_bytes is not None:
            kwargs["max_bytes"] = self.max_bytes
        return kwargs

    def on_resize(self) -> None:
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        # Short terminals get a shorter claim card, so the lists keep some rows.
        self.set_class(self.size.height < 32, "-short")
        sidebar = self.query_one(Sidebar)
        show = self.sidebar_wanted and self.size.width >= NARROW
        if sidebar.display != show:
            sidebar.display = show
            if not show and self.focused is not None and self.focused is not self.article:
                self.article.focus()

    # ------------------------------------------------------------------ background work

    @work(thread=True, exclusive=True, group="load")
    def _load(self, path: Path) -> None:
        try:
            session = ReviewSession.open(path, **self._open_args())
        except LoadError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        self.post_message(self.Loaded(session))

    @work(thread=True, exclusive=True, group="extract")
    def _extract(self, document: Document, extractor: Extractor) -> None:
        try:
            annotations = extractor(document)
        except Exception as exc:  # an extractor bug must not take the reader down
            self.post_message(
                self.Extracted(None, f"extraction failed: {exc.__class__.__name__}: {exc}")
            )
            return
        self.post_message(self.Extracted(annotations))

    def on_reader_screen_loaded(self, message: Loaded) -> None:
        self._show_session(message.session)

    def on_reader_screen_load_failed(self, message: LoadFailed) -> None:
        self.app.exit(return_code=2, message=Text(visible(message.reason)))

    def on_reader_screen_text_shown(self, message: TextShown) -> None:
        started = getattr(self.app, "started", None)
        if started is not None:
            self.log(f"marginalia: text on screen {time.perf_counter() - started:.3f}s after start")

    def on_reader_screen_save_state_changed(self, message: SaveStateChanged) -> None:
        self._update_status()
        state = self.session.save_state if self.session is not None else ""
        if state.startswith("error") and state != self._reported_error:
            # Once per distinct error: the status line keeps showing it.
            self.notify(
                visible(f"could not save: {state[7:]}"), severity="error", timeout=10, markup=False
            )
        self._reported_error = state if state.startswith("error") else ""
        if self.session is not None and self.session.save_state == "conflict":
            self.check_disk()

    def on_unmount(self) -> None:
        self._gone = True  # the session may outlive us (a script, a test): stop listening
        if self.session is not None:
            self.session.close()

    def on_reader_screen_extracted(self, message: Extracted) -> None:
        self.extracting = False
        if message.error:
            self.notify(visible(message.error), severity="error", timeout=10, markup=False)
        elif message.annotations is not None and self.session is not None:
            self.session.apply_extraction(message.annotations)  # subscribers refresh the views
        # Everything long-lived is built now; keep the collector from walking it again
        # (gen-2 collections over a big document cause 15-40 ms frame spikes).
        gc.freeze()
        self._update_status()

    def _show_session(self, session: ReviewSession) -> None:
        self.session = session
        session.subscribe(self._session_changed)
        # Save-state callbacks may come from the session's saver thread; a message
        # is the thread-safe way back onto the app's loop.
        session.subscribe_save_state(lambda _state: self.post_message(self.SaveStateChanged()))
        session.start_autosave()
        self._show_banner(session)
        attention = session.needs_attention()
        if attention:
            self.notify(
                f"{len(attention)} items need attention after the article changed: press !",
                severity="warning",
                timeout=10,
            )
        shown = self.article.document
        if shown is None or shown.sha256 != session.document.sha256:
            self._show_text(session.document)
        else:
            self.article.document = session.document  # same text: keep the layout
        self._session_changed()
        if self.extractor is not None:
            self.extracting = True
        # Extraction starts once the text is on screen: its thread would otherwise
        # compete with the first frame for the interpreter.
        self.article.call_after_refresh(self._start_extraction)
        self._update_status()

    def _show_banner(self, session: ReviewSession) -> None:
        banner = self.query_one("#banner", Static)
        if not session.read_only:
            banner.display = False
            return
        where = session.sidecar_path or "the sidecar"
        banner.update(
            Text(
                visible(
                    f"READ-ONLY: {session.read_only} · nothing will be written to {where};"
                    " fix or move that file and reopen the article to review"
                )
            )
        )
        banner.display = True

    def _show_text(self, document: Document) -> None:
        self.article.set_document(document)
        if not self._text_posted:
            self._text_posted = True
            self.article.call_after_refresh(lambda: self.post_message(self.TextShown()))
            self.article.call_after_refresh(
                lambda: self.run_worker(self._fill_sidebar(), group="sidebar")
            )

    def _start_extraction(self) -> None:
        if self.session is not None and self.session._codebook is None:
            # Parse the codebook now, after the first frame, not on the first verdict key.
            self.session.codebook  # noqa: B018
        if self.extractor is not None and self.session is not None:
            self._extract(self.session.document, self.extractor)
        else:
            gc.freeze()

    @batched
    def _session_changed(self, *, force: bool = False) -> None:
        """The annotations changed: rebuild what changed, keep the current items by id.

        Annotations are immutable and a command replaces only the collections it
        touches, so identity says what to rebuild: a verdict on a 1 MB article
        rebuilds the claim list, not 17,000 mention highlights.
        """
        assert self.session is not None
        if getattr(self, "_gone", False):
            return
        ann = self.session.annotations
        seen: Annotations | None = None if force else self._seen
        self._seen = ann
        claims_changed = seen is None or seen.claims is not ann.claims
        events_changed = seen is None or seen.events is not ann.events
        mentions_changed = seen is None or seen.mentions is not ann.mentions
        entities_changed = seen is None or seen.entities is not ann.entities
        old_claim = self.current_claim.id if self.current_claim else None
        old_event = self.current_event.id if self.current_event else None
        old_mention = (
            self.mentions[self.mention_index].id if self.mention_index is not None else None
        )
        old_claim_index = self.claim_index
        old_claims = self.claims
        claim_rows: list[int] | None = None  # claim rows changed in place, if only those
        sources_same = False
        # Rejected items stay listed, greyed and marked, so a rejection can be seen and undone.
        # Orphaned items keep old offsets that may not match the text: they are only
        # listed in the "needs attention" view (!), never drawn.
        if claims_changed:
            if self.only_unreviewed:
                self.claims = [
                    c
                    for c in ann.claims
                    if c.review.verdict is None
                    and c.status != "rejected"
                    and c.anchor != "orphaned"
                ]
            else:
                self.claims = [c for c in ann.claims if c.anchor != "orphaned"]
            self._claim_starts, self._claim_ends, claim_rows = _bounds(
                self.claims, old_claims, self._claim_starts, self._claim_ends
            )
            if claim_rows is not None and all(
                self.claims[i].source == old_claims[i].source for i in claim_rows
            ):
                sources_same = True  # event rows name their claim's source
            self.claim_index = next(
                (i for i, c in enumerate(self.claims) if c.id == old_claim), None
            )
            if (
                self.claim_index is None
                and old_claim is not None
                and self.only_unreviewed
                and self.claims
            ):
                # The claim just judged left the filtered list: the next one takes its place.
                self.claim_index = min(old_claim_index or 0, len(self.claims) - 1)
        if events_changed:
            self.events = [e for e in ann.events if e.anchor != "orphaned"]
            self._event_starts = [e.start for e in self.events]
            self.event_index = next(
                (i for i, e in enumerate(self.events) if e.id == old_event), None
            )
        if mentions_changed and self._restyle_mentions(ann.mentions):
            mentions_changed = False  # same spans, same entities: only their styles changed
            legend_changed = False  # adjusted in place
        else:
            legend_changed = mentions_changed
        if mentions_changed:
            self.mentions = [m for m in ann.mentions if m.anchor != "orphaned"]
            self._mention_starts = [m.span.start for m in self.mentions]
            self._by_entity: dict[str, list[int]] = {}
            for i, m in enumerate(self.mentions):
                self._by_entity.setdefault(m.entity, []).append(i)
            self.mention_index = next(
                (i for i, m in enumerate(self.mentions) if m.id == old_mention), None
            )
            self.article.set_mentions(self.mentions)
        self._seen_mentions = ann.mentions
        self.index = Index(ann, None if seen is None else self.index)
        if claims_changed:
            self._mark_claim()
        if events_changed:
            self._mark_event()
        if mentions_changed:
            mention = self.mentions[self.mention_index] if self.mention_index is not None else None
            self.article.set_marks(
                "mention-current", [(mention.span.start, mention.span.end)] if mention else []
            )
            if mention is None and self.card_mode == "entity":
                self.card_mode = "claim"
        self._refresh_sidebar(
            claims=claims_changed or entities_changed,
            events=events_changed or entities_changed or (claims_changed and not sources_same),
            legend=legend_changed,
            claim_rows=None if entities_changed else claim_rows,
        )
        self._update_status()

    def _restyle_mentions(self, mentions: tuple[Mention, ...]) -> bool:
        """Take status or type changes of mentions in place; False if more changed.

        Accepting, rejecting or retyping keeps every mention where it was: rebuilding
        the lists and highlights of 25,000 mentions for that cost 70 ms a key.
        """
        if self._seen_mentions is None or len(mentions) != len(self._seen_mentions):
            return False
        changed: list[tuple[int, Mention, Mention]] = []
        for i, (new, old) in enumerate(zip(mentions, self._seen_mentions, strict=True)):
            if new is not old:
                if (
                    new.id != old.id
                    or new.span.start != old.span.start
                    or new.span.end != old.span.end
                    or new.entity != old.entity
                    or new.anchor != old.anchor
                ):
                    return False
                changed.append((i, old, new))
        if len(self.mentions) == len(mentions):
            self.mentions = list(mentions)  # no orphans: the same list, in the same order
        else:
            by_id = {old.id: new for _, old, new in changed}
            self.mentions = [by_id.get(m.id, m) for m in self.mentions]
        self.article.restyle_mentions([new for _, _, new in changed])
        self._seen_mentions = mentions
        self._legend_delta(changed)
        return True

    def _legend_delta(self, changed: list[tuple[int, Mention, Mention]]) -> None:
        """Adjust the legend's counts by the changed mentions (counting 25,000 cost 7 ms)."""
        if not self.sidebar_ready:
            return
        legend = self.query_one(Legend)
        counts = {kind: count for _, kind, count in legend.entries}
        for _, old, new in changed:
            if old.status != "rejected":
                counts[old.type] = counts.get(old.type, 0) - 1
            if new.status != "rejected":
                counts[new.type] = counts.get(new.type, 0) + 1
        if any(c <= 0 for c in counts.values()) or len(counts) != len(legend.entries):
            legend.show(self.index.ann)  # a type appeared or went: recount
            return
        legend.entries = [(letter, kind, counts[kind]) for letter, kind, _ in legend.entries]
        legend.refresh()

    async def _fill_sidebar(self) -> None:
        # The sidebar's widgets are mounted after the text's first frame: they have
        # nothing to show before extraction, and building them first cost a third
        # of the time to first text.
        await self.query_one(Sidebar).fill()
        self.sidebar_ready = True
        with self.app.batch_update():
            self._refresh_sidebar()

    def _refresh_sidebar(
        self,
        *,
        claims: bool = True,
        events: bool = True,
        legend: bool = True,
        claim_rows: list[int] | None = None,
    ) -> None:
        if not self.sidebar_ready:
            return
        ix = self.index
        if claims and claim_rows is not None:
            # A verdict, a note, accept/reject: repaint the changed rows, not the list.
            self.query_one("#claims", RowList).update_rows(
                claim_rows, lambda i: claim_row(ix, self.claims[i])
            )
        elif claims:
            self.query_one("#claims", RowList).set_rows(
                len(self.claims), lambda i: claim_row(ix, self.claims[i])
            )
        if events:
            self.query_one("#events", RowList).set_rows(
                len(self.events), lambda i: event_row(ix, self.events[i])
            )
        self.query_one("#claims", RowList).set_cursor(
            -1 if self.claim_index is None else self.claim_index
        )
        self.query_one("#events", RowList).set_cursor(
            -1 if self.event_index is None else self.event_index
        )
        shown = " unreviewed" if self.only_unreviewed else ""
        title = f"Claims ({len(self.claims)}{shown})"
        if self.session is not None:
            progress = self._current_progress()
            title += f" · {progress.claims_reviewed}/{progress.claims_total} reviewed"
        # One-row headings: no layout pass, so a new count repaints only the heading.
        self.query_one("#claims-title", Static).update(Text(title), layout=False)
        self.query_one("#events-title", Static).update(
            Text(f"Events ({len(self.events)})"), layout=False
        )
        if legend:
            self.query_one(Legend).show(ix.ann)
        self._update_card()

    # ------------------------------------------------------------------ current items

    @property
    def current_claim(self) -> Claim | None:
        return self.claims[self.claim_index] if self.claim_index is not None else None

    @property
    def current_event(self) -> Event | None:
        return self.events[self.event_index] if self.event_index is not None else None

    @batched
    def select_claim(self, index: int | None, *, scroll: bool = True) -> None:
        self.claim_index = index
        self.card_mode = "claim"
        self._mark_claim()
        if self.sidebar_ready:
            self.query_one("#claims", RowList).set_cursor(-1 if index is None else index)
        claim = self.current_claim
        if claim is not None and scroll:
            self.jump_to(claim.start, claim.end)
        self._update_card()
        self._update_status()

    @batched
    def select_event(self, index: int | None, *, scroll: bool = True) -> None:
        self.event_index = index
        self.card_mode = "event"
        self._mark_event()
        if self.sidebar_ready:
            self.query_one("#events", RowList).set_cursor(-1 if index is None else index)
        event = self.current_event
        if event is not None and scroll:
            self.jump_to(event.start, event.trigger.end)
        self._update_card()
        self._update_status()

    @batched
    def select_mention(self, index: int | None, *, scroll: bool = True) -> None:
        self.mention_index = index
        if index is None:
            self.article.set_marks("mention-current", [])
            if self.card_mode == "entity":
                self.card_mode = "claim"
                self._update_card()
            return
        self.card_mode = "entity"
        self.pointer = "mention"
        mention = self.mentions[index]
        self.article.set_marks("mention-current", [(mention.span.start, mention.span.end)])
        if scroll:
            self.jump_to(mention.span.start, mention.span.end, center=False)
        entity = self.index.entity(mention.entity)
        same = self._by_entity.get(mention.entity, [index])
        position = bisect_left(same, index) + 1
        name = one_line(entity.name) if entity else one_line(mention.span.text)
        self.message = (
            f"{name} · {mention.type} · mention {position}/{len(same)} · {mention.status}"
        )
        self._update_card()
        self._update_status()

    def _mark_claim(self) -> None:
        claim = self.current_claim
        article = self.article
        if claim is None:
            for layer in ("claim-source", "claim-cue", "claim-content", "claim-hedge"):
                article.set_marks(layer, [])
            return
        source = [(claim.source.span.start, claim.source.span.end)] if claim.source else []
        article.set_marks("claim-source", source)
        article.set_marks("claim-cue", [(claim.cue.start, claim.cue.end)])
        article.set_marks("claim-content", [(s.start, s.end) for s in claim.content])
        article.set_marks("claim-hedge", [(s.start, s.end) for s in claim.hedges])

    def _mark_event(self) -> None:
        event = self.current_event
        if event is None:
            self.article.set_marks("event-trigger", [])
            self.article.set_marks("event-arg", [])
            return
        self.article.set_marks("event-trigger", [(s.start, s.end) for s in event.trigger_spans])
        args = [r.span for r in (*event.actors, *event.targets, *event.location, *event.time)]
        if event.fatalities is not None:
            args.append(event.fatalities.span)
        self.article.set_marks("event-arg", [(s.start, s.end) for s in args])

    def _update_card(self) -> None:
        if not self.sidebar_ready:
            return
        card = self.query_one(Card)
        title = self.query_one("#card-title", Static)
        ann = self.index
        if self.card_mode == "entity" and self.mention_index is not None:
            title.update(Text("Entity"), layout=False)
            mention = self.mentions[self.mention_index]
            card.show(
                entity_card(ann, mention, len(self._by_entity.get(mention.entity, ()))),
                "no entity selected",
            )
        elif self.card_mode == "event":
            title.update(Text("Event"), layout=False)
            event = self.current_event
            card.show(
                event_card(ann, event) if event else None,
                "no event selected: ] and [ step through events",
            )
        else:
            title.update(Text("Claim"), layout=False)
            claim = self.current_claim
            card.show(
                claim_card(ann, claim) if claim else None,
                "no claim selected: J and K step through claims",
            )

    # ------------------------------------------------------------------ status line

    def _tick(self) -> None:
        if self.extracting or self.session is None:
            self._spin += 1
            self._update_status()

    def _update_status(self) -> None:
        status = self.query_one("#status", Static)
        session = self.session
        if session is None:
            status.update(Text(f"{SPINNER[self._spin % len(SPINNER)]} loading…"))
            return
        progress = self._current_progress()
        parts = [self.article.position()]
        if self.claim_index is not None:
            parts.append(f"claim {self.claim_index + 1}/{len(self.claims)}")
        else:
            parts.append(f"{len(self.claims)} claims")
        if self.card_mode == "event" and self.event_index is not None:
            parts.append(f"event {self.event_index + 1}/{len(self.events)}")
        parts.append(f"{progress.claims_reviewed} reviewed")
        parts.append(f"{progress.suggestions_left} suggestions")
        if self.only_unreviewed:
            parts.append("only unreviewed")
        parts.append(session.save_state)
        if self.extracting:
            parts.append(f"{SPINNER[self._spin % len(SPINNER)]} finding entities, claims, events…")
        if self.matches or self.search_text:
            current = f"{self.match_index + 1}/" if self.match_index is not None else ""
            parts.append(f"match {current}{len(self.matches)} for “{one_line(self.search_text)}”")
        if self.message:
            parts.append(self.message)
        notices = [*self.extra_notices, *session.notices]
        if session.read_only and not any(session.read_only in n for n in notices):
            notices.append(f"read-only: {session.read_only}")
        parts.extend(dict.fromkeys(notices))
        line = visible(" · ".join(parts))  # notices can quote file names: keep them inert
        if line != self._status_line:
            self._status_line = line
            # One row, always: no layout pass, so the status never repaints the panes.
            status.update(Text(line, no_wrap=True, overflow="ellipsis"), layout=False)

    def _current_progress(self) -> Progress:
        """The session's progress, counted per collection and cached by identity.

        ``session.progress`` walks all 40,000 items of a big article (9 ms); a
        verdict changes only the claims, so only they are counted again.
        """
        assert self.session is not None
        ann = self.session.annotations
        if self._progress_for is ann and self._progress is not None:
            return self._progress
        counts = self._progress_counts
        for kind in ("mentions", "claims", "events"):
            items = getattr(ann, kind)
            cached = counts.get(kind)
            if cached is None or cached[0] is not items:
                suggested = sum(1 for it in items if it.status == "suggested")
                live = reviewed = 0
                if kind == "claims":
                    live_claims = [c for c in items if c.status != "rejected"]
                    live = len(live_claims)
                    reviewed = sum(1 for c in live_claims if c.review.verdict is not None)
                counts[kind] = (items, suggested, live, reviewed)
        _, claims_suggested, live, reviewed = counts["claims"]
        suggestions = claims_suggested + counts["mentions"][1] + counts["events"][1]
        self._progress_for, self._progress = ann, Progress(live, reviewed, suggestions)
        return self._progress

    # ------------------------------------------------------------------ following the article

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.article_moved(message.top, message.bottom)

    FOLLOW_DELAY = 0.06  # seconds of stillness before the sidebar catches up

    def jump_to(self, start: int, end: int, *, center: bool = True) -> None:
        """Scroll the article to a span we chose (a claim, an event, a match)."""
        self._jumping = True
        try:
            self.article.show_span(start, end, center=center)
        finally:
            self._jumping = False

    def article_moved(self, top: int, bottom: int) -> None:
        """The view moved: the position now; the sidebar at once after a jump, or
        once scrolling pauses.

        Following every page of a fast scroll would repaint the card and lists each
        time, doubling the cost of each frame; a short pause is not noticed.
        """
        self._update_status()  # the position (Top, 42%, Bot)
        if self._follow_timer is not None:
            self._follow_timer.stop()
            self._follow_timer = None
        if self._jumping:
            self._follow()  # same frame as the jump: nothing left to draw later
        else:
            self._follow_timer = self.set_timer(self.FOLLOW_DELAY, self._follow)

    @batched
    def _follow(self) -> None:
        """Once the current claim (or event) has left the screen, the first one on
        screen becomes current."""
        self._follow_timer = None
        if self.card_mode == "entity":
            return  # the reviewer is on an entity: the card stays with it
        top, bottom = self.article.top_offset(), self.article.bottom_offset()
        claim = self.current_claim
        if claim is None or claim.end <= top or claim.start >= bottom:
            index = (
                first_visible(self._claim_starts, top, bottom, self._claim_ends)
                if self.claims
                else None
            )
            if index is not None and index != self.claim_index:
                self.select_claim(index, scroll=False)
        event = self.current_event
        if event is None or event.start >= bottom or event.trigger.end <= top:
            index = first_visible(self._event_starts, top, bottom) if self.events else None
            if index is not None and index != self.event_index:
                mode = self.card_mode
                self.select_event(index, scroll=False)
                self.card_mode = mode
                self._update_card()

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        offset = message.offset
        for i, m in enumerate(self.mentions):
            if m.span.start <= offset < m.span.end:
                self.select_mention(i, scroll=False)
                break
        for i, c in enumerate(self.claims):
            if c.start <= offset < c.end:
                self.select_claim(i, scroll=False)
                break

    @on(RowList.Chosen, "#claims")
    def _claim_chosen(self, message: RowList.Chosen) -> None:
        self.select_claim(message.index)
        if message.focus_article:
            self.article.focus()

    @on(RowList.Chosen, "#events")
    def _event_chosen(self, message: RowList.Chosen) -> None:
        self.select_event(message.index)
        if message.focus_article:
            self.article.focus()

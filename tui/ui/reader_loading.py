"""Opening an article in the reader: the session, the first frame, the codebook, the
extraction, and the keys typed before the annotations are ready.

The order is chosen for the first frame: a small article and its sidecar are read
in place (the first frame shows the text, and the annotations when the sidecar
holds them all, or the extraction cache has what the extractor found in this very
text before); a big one in a thread. After the first frame the sidebar is
mounted, the codebook parsed in a thread, and, only when the session says the
sidecar is not current, the extraction started (see :mod:`tui.ui.extraction`).
Keys that need the annotations are held until then, with the keys after them, and
replayed in order (:class:`KeyHold`).
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.actions import parse
from textual.widgets import Static

from tui.model import Annotations
from tui.review import ReviewSession
from tui.text import DEFAULT_MAX_BYTES, LoadError
from tui.ui.key_hold import KeyHold
from tui.ui.layout import visible
from tui.ui.reader_messages import (
    AnnotationsReady,
    ArticleOpened,
    ArticleOpenFailed,
    CodebookParsed,
    Extracted,
    SaveStateChanged,
    TextShown,
)
from tui.ui.sidebar import Sidebar
from tui.ui.state import EntityTypes

if TYPE_CHECKING:
    from tui.ui.reader_screen import ReaderScreen


class ReaderLoading:
    """The reader screen's way from a path to final annotations."""

    INLINE_BYTES = 256 * 1024  # smaller articles are opened before the first frame

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen
        self.hold = KeyHold()

    # ------------------------------------------------------------------ opening

    def start(self, path: Path | None, session: ReviewSession | None) -> None:
        screen = self.screen
        if session is not None:
            self.open(self._with_cached(session))
        elif path is not None and self._small(path):
            try:
                opened = self._session(path)
            except LoadError as exc:
                self.failed(str(exc))
                return
            self.open(opened)
        elif path is not None:

            def run() -> None:
                try:
                    opened = self._session(path)
                except LoadError as exc:
                    screen.post_message(ArticleOpenFailed(str(exc)))
                    return
                screen.post_message(ArticleOpened(opened))

            threading.Thread(target=run, name="marginalia-open", daemon=True).start()

    def _small(self, path: Path) -> bool:
        try:
            return path.stat().st_size <= self.INLINE_BYTES
        except OSError:
            return False  # let the thread report it, in one line

    def _session(self, path: Path) -> ReviewSession:
        screen = self.screen
        session = ReviewSession.open(
            path,
            max_bytes=screen.max_bytes or DEFAULT_MAX_BYTES,
            reviewer=screen.reviewer,
            codebook=screen.codebook,
        )
        return self._with_cached(session)

    def _with_cached(self, session: ReviewSession) -> ReviewSession:
        """The session with the suggestions the cache holds for its text merged in, when
        the sidecar is not current: then it needs no extraction, as if the sidecar were.
        Otherwise the extractor is started now, to load while the first frame is drawn."""
        extraction = self.screen.extraction
        if extraction is not None and session.needs_extraction:
            found = extraction.cached(session.document)
            if found is not None:
                session.apply_extraction(found)
            else:
                extraction.warm()
        return session

    def failed(self, reason: str) -> None:
        self.screen.app.exit(return_code=2, message=Text(visible(reason)))

    def open(self, session: ReviewSession) -> None:
        screen = self.screen
        screen.session = session
        session.subscribe(screen.annotations_changed)

        # Save-state callbacks may come from the session's saver thread; a message
        # is the thread-safe way back onto the app's loop.
        def save_state_changed(_state: str) -> None:
            screen.post_message(SaveStateChanged())

        session.subscribe_save_state(save_state_changed)
        session.start_autosave()
        self._banner(session)
        attention = session.needs_attention()
        if attention:
            screen.notify(
                f"{len(attention)} items need attention after the article changed: press !",
                severity="warning",
                timeout=10,
            )
        with screen.app.batch_update():
            screen.painter.show_text(session.document)
            screen.painter.apply(screen.state.update(session.annotations, force=True))
            screen.refresh_status()
        extraction = screen.extraction
        needed = bool(getattr(session, "needs_extraction", True))  # the sidecar may be current
        screen.extracting = needed and extraction is not None
        if extraction is not None and not screen.extracting:
            extraction.cancel()  # nothing to extract: the sidecar or the cache holds it all
        screen.article.call_after_refresh(self._after_first_frame)

    def _banner(self, session: ReviewSession) -> None:
        banner = self.screen.query_one("#banner", Static)
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

    # ------------------------------------------------------------------ after the first frame

    def _after_first_frame(self) -> None:
        screen = self.screen
        self.hold.shown = True
        screen.post_message(TextShown())
        screen.run_worker(self._fill_sidebar(), group="sidebar")
        self._parse_codebook()
        session, extraction = screen.session, screen.extraction
        if screen.extracting and extraction is not None and session is not None:

            def done(ann: Annotations | None, error: str | None) -> None:
                screen.post_message(Extracted(ann, error))

            extraction.start(session.document, done)
        else:
            self.ready()

    def _parse_codebook(self) -> None:
        """The codebook (entity type letters, verdicts) is parsed off the UI thread."""
        screen, session = self.screen, self.screen.session
        if session is None:
            return
        threading.Thread(
            target=lambda: screen.post_message(CodebookParsed(session.codebook)),
            name="marginalia-codebook",
            daemon=True,
        ).start()

    def codebook_parsed(self, message: CodebookParsed) -> None:
        screen = self.screen
        screen.state.entity_types = EntityTypes.from_codebook(message.codebook)
        screen.painter.lists(legend=True)

    async def _fill_sidebar(self) -> None:
        # Mounted after the text's first frame: building the sidebar's widgets first
        # cost a third of the time to first text.
        screen = self.screen
        parts = await screen.query_one(Sidebar).fill()
        with screen.app.batch_update():
            screen.painter.sidebar_mounted(parts)

    def extracted(self, message: Extracted) -> None:
        screen = self.screen
        if not screen.extracting:
            return
        screen.extracting = False
        if message.error:
            screen.notify(visible(message.error), severity="error", timeout=10, markup=False)
        elif message.annotations is not None and screen.session is not None:
            screen.session.apply_extraction(message.annotations)  # the subscriber repaints
        self.ready()

    def ready(self) -> None:
        """The annotations are final: replay the held keys, as if typed now, in order."""
        screen = self.screen
        # Everything long-lived is built now; keep the collector from walking it again
        # (gen-2 collections over a big document cause 15-40 ms frame spikes).
        gc.freeze()
        if screen.focused is None:
            screen.set_focus(screen.article)
        for key in self.hold.release():
            screen.app.post_message(events.Key(key.key, key.character))
        screen.refresh_status()
        screen.post_message(AnnotationsReady())

    # ------------------------------------------------------------------ held keys

    def take(self, event: events.Key) -> bool:
        """Hold ``event`` if it needs the annotations (or follows a held key).

        Called by the app as each key arrives, before it is routed: deciding later
        (when the key reaches the screen) would let a key typed after a held one,
        but live on its own (``n``, tab), run first.
        """
        hold, screen = self.hold, self.screen
        if not hold.open:
            return False
        active = screen.active_bindings.get(event.key)
        action = active.binding.action if active is not None else ""
        if active is not None and active.node is screen.app and not hold.typing:
            return False  # quit and help work at once, unless a held key opens a box
        if not hold.keys:
            if active is None or active.node is not screen:
                return False  # scrolling, the lists: they need only the text
            _, name, params = parse(action)
            if screen.check_action(name, params) is not None:
                return False  # live (True), or a box has the keys (False)
        hold.add(event, action)
        screen.refresh_status()
        return True

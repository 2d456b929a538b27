"""The app in library mode: the library first, the reader on top for one article at a time.

``escape`` (once nothing is left to back out of) or ``q`` in the reader goes back to the
library (as in mutt's pager), ``q`` in the library quits; ``>`` and ``<`` in the reader open the next and previous article of the library.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from textual.screen import Screen

from tui.corpus.cached import CachedSuggestions
from tui.corpus.index import CorpusIndex
from tui.ui.app import MarginaliaApp
from tui.ui.config import load_config
from tui.ui.keymap import APP_BINDINGS, ARTICLE_STEP_BINDINGS
from tui.ui.library.screen import LibraryScreen
from tui.ui.reader_messages import AnnotationsReady, NothingToClear
from tui.ui.reader_screen import ReaderScreen


class LibraryApp(MarginaliaApp):
    """A folder of articles: the library screen, and the reader for each article."""

    BINDINGS = [*APP_BINDINGS, *ARTICLE_STEP_BINDINGS]
    CSS_PATH = "../reader.tcss"  # the reader's (modal boxes, pickers); the library adds its own

    def __init__(
        self, index: CorpusIndex, articles: list[Path], *, jobs: int = 1, **options: Any
    ) -> None:
        super().__init__(None, **options)
        self.index = index
        self.articles = articles
        self.jobs = jobs
        # where each reader should go once its annotations are final (a search result)
        self._targets: dict[Screen, tuple[str | None, int | None]] = {}
        # The cache the readers fill, by the extractor they run: the library lists an
        # article found there as extracted. None when either is off.
        version = self.extraction.version if self.extraction is not None else None
        self.cached = (
            CachedSuggestions(self.extraction_cache, version, self.codebook)
            if self.extraction_cache is not None and version
            else None
        )

    def first_screen(self) -> Screen:
        return LibraryScreen(
            self.index, self.articles, self.open_reader, jobs=self.jobs, cached=self.cached
        )

    def library(self) -> LibraryScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)

    def open_reader(self, path: Path, item: str | None, offset: int | None) -> Screen:
        """A reader on ``path``; once its annotations are final it goes to ``item`` (a claim,
        event or mention id) or, failing that, to ``offset`` (a search hit)."""
        reader = self.reader_screen(path)
        if item is not None or offset is not None:
            self._targets[reader] = (item, offset)
        return reader

    def on_annotations_ready(self, message: AnnotationsReady) -> None:
        stack = self.screen_stack  # empty when the app is closing as the article finishes
        reader = stack[-1] if stack else None
        if not isinstance(reader, ReaderScreen) or self._closing or not reader.is_attached:
            return
        target = self._targets.pop(reader, None)
        if target is None:
            return
        item, offset = target
        if item is not None and reader.state.index_of(item) is not None:
            reader.nav.show_item(item)
            return
        if offset is not None:  # an entity (its first mention) or a word in the text
            mention, _claim = reader.state.at_offset(offset)
            if mention is not None:
                reader.nav.select_mention(mention)
            else:
                reader.nav.jump_to(offset, offset + 1)

    def on_nothing_to_clear(self, message: NothingToClear) -> None:
        """Escape in the reader with nothing left to back out of: back to the library."""
        if isinstance(self.screen, ReaderScreen):
            self.leave_reader()

    def reader_session(self):  # type: ignore[no-untyped-def]
        """The session of the reader on top, if one is open (saved on SIGTERM and exit)."""
        stack = self.screen_stack
        return stack[-1].session if stack and isinstance(stack[-1], ReaderScreen) else None

    def leave_reader(self) -> Path | None:
        """Save and close the reader on top; its row in the library is brought up to date."""
        reader, library = self.screen, self.library()
        if not isinstance(reader, ReaderScreen) or library is None:
            return None
        session = reader.session
        if session is not None:
            session.flush()
        path = reader.path
        self.pop_screen()
        if path is not None:
            library.closed_article(path, session)
        return path

    async def action_quit(self) -> None:
        if isinstance(self.screen, ReaderScreen) and self.library() is not None:
            self.leave_reader()
            return
        self.save_and_exit()

    def action_step_article(self, step: int) -> None:
        library = self.library()
        reader = self.screen
        if library is None or not isinstance(reader, ReaderScreen) or reader.path is None:
            return
        target = library.neighbour(reader.path, step)
        if target is None:
            self.notify("no next article" if step > 0 else "no previous article", timeout=2)
            return
        self.leave_reader()
        library.open_article(target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_article":
            return isinstance(self.screen, ReaderScreen)
        return super().check_action(action, parameters)


def run_library(
    root: Path,
    articles: list[Path],
    *,
    theme: str | None = None,
    config_path: Path | None = None,
    max_bytes: int | None = None,
    auto_advance: bool = False,
    codebook: Any = None,
) -> int:
    """Open the library of the folder ``root`` on ``articles``; the exit code."""
    from tui.corpus.runner import default_jobs

    index = CorpusIndex.open(root)
    app = LibraryApp(
        index,
        articles,
        jobs=default_jobs(),
        theme=theme,
        config=load_config(config_path),
        max_bytes=max_bytes,
        auto_advance=auto_advance,
        codebook=codebook,
    )
    try:
        result = app.run()
    finally:
        index.close()
    session = app.reader_session()
    if session is not None and not session.close():
        where = session.sidecar_path or "the sidecar"
        print(
            f"marginalia: annotations NOT saved to {where}: {session.save_state}", file=sys.stderr
        )
        return 1
    return result or 0

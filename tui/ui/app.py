"""The Marginalia app: a thin shell that loads config and themes and pushes the reader."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Literal

from textual import events
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.screen import Screen

from tui.extract.codebook import Codebook, default_codebook
from tui.review import ReviewSession
from tui.text.visible import escaped
from tui.ui.config import Config, load_config
from tui.ui.extraction import Extraction, Extractor, ProcessExtraction, ThreadExtraction
from tui.ui.help_screen import HelpScreen, live_bindings
from tui.ui.keymap import APP_BINDINGS, ARTICLE_BINDINGS, READER_BINDINGS, REVIEW_BINDINGS
from tui.ui.layout import visible
from tui.ui.reader_screen import ReaderScreen
from tui.ui.resources import seed_article
from tui.ui.themes import DEFAULT_THEME, load_theme_named, load_themes, variable_defaults


def _extraction(
    extractor: Extractor | Literal["default"] | None, codebook: Codebook | None
) -> Extraction | None:
    """How suggestions are found: the shipped extractor in a child process ("default"),
    a function in a thread (tests, scripts), or none."""
    if isinstance(extractor, str):
        return ProcessExtraction(codebook)
    return None if extractor is None else ThreadExtraction(extractor)


class MarginaliaApp(App[int]):
    """Read an article with its entities, claims and events marked."""

    CSS_PATH = "reader.tcss"
    BINDINGS = [*APP_BINDINGS]
    TITLE = "Marginalia"

    def __init__(
        self,
        path: Path | None = None,
        *,
        session: ReviewSession | None = None,
        theme: str | None = None,
        config: Config | None = None,
        extractor: Extractor | Literal["default"] | None = "default",
        extraction: Extraction | None = None,
        max_bytes: int | None = None,
        theme_folders: tuple[Path, ...] | None = None,
        auto_advance: bool = False,
        codebook: Codebook | None = None,
    ) -> None:
        super().__init__()
        self.auto_advance = auto_advance
        self.codebook = codebook
        self.started = time.perf_counter()
        self.config = config if config is not None else Config()
        self.path = path
        self.session = session
        self.extractor = extractor
        self.extraction_cache = self.config.cache.open()  # None: turned off
        # Its child process starts only once the reader knows it must extract.
        self.extraction = self._cached(
            extraction if extraction is not None else _extraction(extractor, codebook)
        )
        self.max_bytes = max_bytes
        notices: list[str] = []
        wanted = theme or self.config.theme or DEFAULT_THEME
        # Only the theme in use is read before the first frame; the others are
        # registered (and bad files reported) once the text is on screen.
        self._theme_folders = theme_folders
        # None until every theme is registered (after the first frame); then the problems.
        self.theme_notices: tuple[str, ...] | None = None
        first = load_theme_named(wanted, theme_folders) or load_theme_named(
            DEFAULT_THEME, theme_folders
        )
        if first is not None:
            self.register_theme(first)
        if self.config.notice:
            notices.append(self.config.notice)
        if wanted in self.available_themes:
            self.theme = wanted
        elif first is not None:
            self.theme = first.name
        self._wanted_theme = wanted
        self.startup_notices = tuple(notices)
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme)

    def reader_screen(
        self, path: Path | None, session: ReviewSession | None = None, notices: tuple[str, ...] = ()
    ) -> ReaderScreen:
        """A reader on ``path`` with this app's settings (the library opens articles with it)."""
        return ReaderScreen(
            path=path,
            session=session,
            extraction=self.new_extraction(),
            measure=self.config.measure,
            reviewer=self.config.reviewer,
            max_bytes=self.max_bytes,
            notices=notices,
            auto_advance=self.auto_advance,
            codebook=self.codebook,
            min_confidence=self.config.min_confidence,
        )

    def new_extraction(self) -> Extraction | None:
        """The extraction for the next reader: the one made at start, then new ones
        (each child process reads one article)."""
        warm, self.extraction = self.extraction, None
        if warm is not None:
            return warm
        return self._cached(_extraction(self.extractor, self.codebook))

    def _cached(self, extraction: Extraction | None) -> Extraction | None:
        """``extraction``, looking in and filling the extraction cache (if it is on)."""
        if extraction is not None:
            extraction.keep_in = self.extraction_cache
        return extraction

    def first_screen(self) -> Screen:
        return self.reader_screen(self.path, self.session, self.startup_notices)

    async def on_event(self, event: events.Event) -> None:
        # A key that needs the article's annotations, typed before they are ready, is
        # held by the reader as it arrives, so keys run in the order they were typed.
        if isinstance(event, events.Key) and not event.is_forwarded:
            screen = self.screen
            if isinstance(screen, ReaderScreen) and screen.opening.take(event):
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        self.push_screen(self.first_screen())
        self._install_signal_handlers()
        for notice in self.startup_notices:
            self.notify(visible(notice), severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._register_all_themes)
        self.log(f"marginalia: mounted {time.perf_counter() - self.started:.3f}s after start")

    def _install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP (logout, closed terminal) save everything, then quit."""
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self.save_and_exit)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or no signals here: quitting still saves

    def reader_session(self) -> ReviewSession | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen.session
        return self.session

    def save_and_exit(self) -> None:
        session = self.reader_session()
        if session is not None:
            session.flush()
        self.exit(return_code=0)

    def _register_all_themes(self) -> None:
        themes = load_themes(self._theme_folders)
        for t in themes.themes:
            if t.name not in self.available_themes:
                self.register_theme(t)
        problems = [themes.notice] if themes.notice else []
        if self._wanted_theme not in self.available_themes:
            problems.append(f"no theme named {self._wanted_theme!r}; using {self.theme}")
        for notice in problems:
            self.notify(visible(notice), severity="warning", timeout=10, markup=False)
        self.theme_notices = tuple(problems)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        focused = self.screen.focused
        name = focused.id if focused is not None and focused.id else "article"
        self.push_screen(HelpScreen(self._named_verdicts(live_bindings(self.screen)), name))

    def _named_verdicts(self, rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        """'Verdict 2' in the help reads 'Verdict: disputed', from the codebook in use."""
        scale = (self.codebook or default_codebook()).verdicts
        out = []
        for keys, description, binding_id in rows:
            if binding_id.startswith("verdict-") and binding_id[8:].isdigit():
                n = int(binding_id[8:])
                if 1 <= n <= len(scale):
                    description = f"Verdict: {scale[n - 1].name}"
            out.append((keys, description, binding_id))
        return out

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReaderScreen):
            return
        # One palette entry per reader action, named like the help screen, so
        # everything the keys do can also be found by name.
        for binding in (*READER_BINDINGS, *REVIEW_BINDINGS):
            yield SystemCommand(
                binding.description,
                f"{binding.id} · {self.get_key_display(binding)}",
                partial(self._run_on, screen, binding.action),
            )
        for binding in ARTICLE_BINDINGS:
            yield SystemCommand(
                binding.description,
                f"{binding.id} · {self.get_key_display(binding)}",
                partial(self._run_on, screen.query_one("#article"), binding.action),
            )
        yield SystemCommand("Help", "help · ? f1: the live keys", self.action_help)

    def _run_on(self, node: DOMNode, action: str) -> None:
        self.call_later(self.run_action, action, node)


def run_reader(
    path: Path | None,
    *,
    theme: str | None = None,
    config_path: Path | None = None,
    max_bytes: int | None = None,
    auto_advance: bool = False,
    codebook: Codebook | None = None,
    extraction: Extraction | None = None,
    sidecar: Path | None = None,
    **_future: object,
) -> int:
    """Open the reader on ``path`` (the bundled seed when None); the exit code.

    ``sidecar``: the annotations' file when it is not the one beside the article.
    """
    config = load_config(config_path)
    session = None
    if sidecar is not None and path is not None:
        extra = {"max_bytes": max_bytes} if max_bytes else {}
        session = ReviewSession.open(
            path, reviewer=config.reviewer, codebook=codebook, sidecar_path=sidecar, **extra
        )
    app = MarginaliaApp(
        path or seed_article(),
        session=session,
        theme=theme,
        config=config,
        max_bytes=max_bytes,
        auto_advance=auto_advance,
        codebook=codebook,
        extraction=extraction,
    )
    result = app.run()
    session = app.reader_session()
    if session is not None and not session.close():  # closed on unmount; again costs nothing
        # Never lose work silently: a failed or refused (conflict) save is said on exit.
        where = session.sidecar_path or "the sidecar"
        print(
            escaped(f"marginalia: annotations NOT saved to {where}: {session.save_state}"),
            file=sys.stderr,
        )
        return 1
    if app.return_code not in (None, 0):
        return app.return_code
    return result or 0

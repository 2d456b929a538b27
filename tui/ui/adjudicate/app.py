"""`marginalia adjudicate`: the app that opens the adjudication screen."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.screen import Screen

from tui.extract.codebook import Codebook
from tui.review_adjudicate import Adjudication, open_adjudication, reading_hint
from tui.text.visible import escaped
from tui.ui.adjudicate.screen import AdjudicateScreen
from tui.ui.app import MarginaliaApp
from tui.ui.config import load_config

HERE = Path(__file__).resolve().parent


class AdjudicateApp(MarginaliaApp):
    """The reader's app, opening an adjudication instead of an article (no extraction:
    the merged review holds only what the reviewers and the adjudicator decided)."""

    # The reader's stylesheet (a path relative to this module would miss it) and ours.
    CSS_PATH = [HERE.parent / "reader.tcss", HERE / "adjudicate.tcss"]  # type: ignore[assignment]

    def __init__(self, adjudication: Adjudication, **app: object) -> None:
        super().__init__(
            adjudication.session.document.path,
            session=adjudication.session,
            extractor=None,
            **app,  # type: ignore[arg-type]
        )
        self.adjudication = adjudication

    def first_screen(self) -> Screen:
        return AdjudicateScreen(
            self.adjudication,
            measure=self.config.measure,
            reviewer=self.config.reviewer,
            notices=self.startup_notices,
            codebook=self.codebook,
        )


def run_adjudicate(
    article: Path,
    a: Path,
    b: Path,
    *,
    out: Path | None = None,
    theme: str | None = None,
    config_path: Path | None = None,
    codebook: Codebook | None = None,
    max_bytes: int | None = None,
) -> int:
    """Open the adjudication (LoadError / InputError before any screen is drawn)."""
    config = load_config(config_path)
    extra = {"max_bytes": max_bytes} if max_bytes else {}
    adjudication = open_adjudication(
        article, a, b, out=out, reviewer=config.reviewer, codebook=codebook, **extra
    )
    app = AdjudicateApp(adjudication, theme=theme, config=config, codebook=codebook)
    code = app.run()
    session = adjudication.session
    where = session.sidecar_path
    if not session.close():
        print(
            escaped(f"marginalia: merged review NOT saved to {where}: {session.save_state}"),
            file=sys.stderr,
        )
        return 1
    if where is not None and where.exists():
        print(escaped(reading_hint(article, where)))
    return code if isinstance(code, int) else 0

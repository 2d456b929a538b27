"""A seed article under review in a temp folder, so the sidecar can be read back."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui.fixtures import seed_annotations
from tui.review import ReviewSession
from tui.ui.app import MarginaliaApp

SEED = Path(__file__).resolve().parents[2] / "seeds" / "aleppo.txt"


def seed_copy(folder: Path) -> Path:
    path = folder / "aleppo.txt"
    shutil.copyfile(SEED, path)
    return path


def review_app(path: Path, **kwargs: object) -> MarginaliaApp:
    """The app on ``path`` with the hand-made annotations as suggestions (no extractor)."""
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    return MarginaliaApp(session=session, extractor=None, **kwargs)  # type: ignore[arg-type]


def status_line(app: MarginaliaApp) -> str:
    return str(app.screen.query_one("#status").render())

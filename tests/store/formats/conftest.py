"""A reviewed copy of the seed article, made once per test run, for every format's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.extract import extract
from tui.model import Annotations
from tui.review import ReviewSession
from tui.store import sidecar_path

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "aleppo.txt"
CLOCK = "2024-12-01T10:00:00Z"


def review_seed(folder: Path) -> Path:
    """The seed in ``folder`` with its sidecar: the extractor's suggestions plus a review."""
    article = folder / "aleppo.txt"
    shutil.copyfile(SEED, article)
    session = ReviewSession.open(article, reviewer="ana")
    session._clock = lambda: CLOCK  # a fixed time: exports compared field by field
    session.apply_extraction(extract(session.document))
    ann = session.annotations
    islamist = next(m for m in ann.mentions if m.span.text == "Islamist")
    hts = next(m for m in ann.mentions if m.span.text == "Hayat Tahrir al-Sham")
    syrian_army = next(m for m in ann.mentions if m.span.text == "Syrian army")
    session.set_verdict("c1", "verified")
    session.set_note("c1", "AP confirms.\nTwo sources.")
    # Claims picked by what they say, not by number: a better extractor may add others.
    claimed = next(c for c in ann.claims if c.cue.text == "claimed")
    savett = [c for c in ann.claims if c.source and c.source.span.text == "Savett"][-1]
    session.set_verdict(claimed.id, "needs context")
    session.set_verdict(savett.id, "false")
    session.reject("c2")
    session.reject(islamist.id)
    session.accept(syrian_army.id)
    session.accept("v1")
    session.set_note(hts.id, "designated a terrorist group")
    assert session.flush()
    return article


@pytest.fixture(scope="session")
def reviewed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return review_seed(tmp_path_factory.mktemp("reviewed")).parent


@pytest.fixture
def reviewed(reviewed_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the reviewed seed and its sidecar (tests may change it)."""
    for name in ("aleppo.txt", "aleppo.txt.marginalia.yaml"):
        shutil.copyfile(reviewed_dir / name, tmp_path / name)
    return tmp_path / "aleppo.txt"


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """The seed with no sidecar, in a folder of its own."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    shutil.copyfile(SEED, folder / "aleppo.txt")
    return folder / "aleppo.txt"


def load(article: Path) -> Annotations:
    from tui.store.formats.source import load_article

    return load_article(article, "all").annotations


def sidecar_bytes(article: Path) -> bytes | None:
    p = sidecar_path(article)
    return p.read_bytes() if p.exists() else None

"""Where the bundled themes and seeds are: package data when installed, the repo root otherwise."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def _package_dir(package: str, fallback: str) -> Path:
    # An installed wheel ships themes/ as tui.themes and seeds/ as tui.seeds; a
    # source checkout (no install, or an editable one) has them at the repo root.
    try:
        folder = resources.files(package)
        path = Path(str(folder))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO_ROOT / fallback


def themes_dir() -> Path:
    """The folder of bundled ``*.yaml`` themes."""
    return _package_dir("tui.themes", "themes")


def seeds_dir() -> Path:
    """The folder of bundled seed articles."""
    return _package_dir("tui.seeds", "seeds")


def seed_article() -> Path:
    """The article ``marginalia`` opens when given no path."""
    return seeds_dir() / "aleppo.txt"

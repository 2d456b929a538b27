"""The bundled seed article `marginalia` opens when given no path, and the user's copy of it."""

from __future__ import annotations

import os
from pathlib import Path


def bundled_seed() -> Path:
    """The seed article shipped with the package (or in the source checkout)."""
    from importlib import resources

    try:
        seed = resources.files("tui.seeds").joinpath("aleppo.txt")
        if seed.is_file():
            return Path(str(seed))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "seeds" / "aleppo.txt"


def seed_working_copy() -> Path:
    """The seed article copied to the user's data folder, so reviewing it writes the
    sidecar there, never into the installed package or the source checkout."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    copy = base / "marginalia" / "seeds" / "aleppo.txt"
    try:
        if not copy.exists():
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(bundled_seed().read_bytes())
        return copy
    except OSError:
        return bundled_seed()  # read-only home: read the packaged copy

"""Is an article's sidecar current: written for this text by this extractor?

A current sidecar is skipped by batch extraction (which makes a batch resumable).
The text is known by its sha256, which the sidecar records. The extractor version is
recorded by the index when a batch extracts an article (until the sidecar records it).
"""

from __future__ import annotations

from tui import __version__
from tui.store.sidecar import Sidecar

# Bump when extraction changes enough that existing suggestions should be refreshed.
EXTRACTOR_VERSION = f"{__version__}+1"


def is_current(stored: Sidecar | None, text_sha256: str, recorded: tuple[str, str] | None) -> bool:
    """``recorded``: (text sha256, extractor version) the index holds for the article."""
    if stored is None or stored.sha256 != text_sha256:
        return False
    if getattr(stored, "extractor", None) == EXTRACTOR_VERSION:  # once sidecars record it
        return True
    return recorded == (text_sha256, EXTRACTOR_VERSION)

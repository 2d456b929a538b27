"""Is an article's sidecar current: written for this text by this extractor?

A current sidecar is skipped by batch extraction (which makes a batch resumable).
The text is known by its sha256, which the sidecar records. The extractor version is
recorded by the index when a batch extracts an article (until the sidecar records it).
"""

from __future__ import annotations

from tui.extract.version import extractor_version
from tui.store.sidecar import Sidecar

# A hash of the extractor's code and data (tui.extract.version): any change refreshes.
EXTRACTOR_VERSION = extractor_version()  # the one the reader records in sidecars too


def is_current(stored: Sidecar | None, text_sha256: str, recorded: tuple[str, str] | None) -> bool:
    """``recorded``: (text sha256, extractor version) the index holds for the article."""
    if stored is None or stored.sha256 != text_sha256:
        return False
    if getattr(stored, "extractor", None) == EXTRACTOR_VERSION:  # once sidecars record it
        return True
    return recorded == (text_sha256, EXTRACTOR_VERSION)

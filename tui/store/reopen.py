"""What a stored sidecar gives a reopened article: its annotations, placed on today's text.

When the text is the one the sidecar was written for (same sha256) the annotations
are used as stored, and the extractor version the file records says whether its
suggestions are current. When the text changed they are re-anchored
(:mod:`tui.store.anchoring`) and their suggestions count as stale: extraction runs
again, and the reviewer is told what moved and what could not be placed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Annotations
from tui.store import anchoring
from tui.store.sidecar import Sidecar


@dataclass(frozen=True, slots=True)
class Placed:
    annotations: Annotations
    report: anchoring.AnchorReport
    notices: tuple[str, ...]
    extracted_by: str | None  # the extractor whose suggestions are current here, if any
    reanchored: bool  # the text changed since the sidecar was written


def place(stored: Sidecar | None, text: str, sha256: str) -> Placed:
    """The stored annotations for the article ``text`` (whose digest is ``sha256``)."""
    if stored is None:
        return Placed(Annotations(), anchoring.AnchorReport(), (), None, False)
    if stored.sha256 == sha256:
        return Placed(stored.annotations, anchoring.AnchorReport(), (), stored.extractor, False)
    ann, report = anchoring.reanchor(stored.annotations, text)
    notice = (
        f"article changed since it was annotated: {len(report.moved)} items moved,"
        f" {len(report.orphaned)} could not be placed (see 'needs attention')"
    )
    return Placed(ann, report, (notice,), None, True)

"""The extraction pipeline: a document in, suggested annotations out."""

from __future__ import annotations

from tui.model import Annotations
from tui.text.document import Document


def extract(doc: Document) -> Annotations:
    """Suggested entities, mentions, claims and events for ``doc``, in document order.

    Ids are assigned in document order: entities ``e1..``, mentions ``m1..``,
    claims ``c1..``, events ``v1..``. Every item has origin "auto" and status
    "suggested".
    """
    return Annotations()

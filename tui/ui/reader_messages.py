"""Messages the reader's background work posts to its screen (thread-safe hops back)."""

from __future__ import annotations

import time

from textual.message import Message

from tui.extract.codebook import Codebook
from tui.model import Annotations
from tui.review import ReviewSession


class ArticleOpened(Message):
    """The session (article and sidecar) is open."""

    def __init__(self, session: ReviewSession) -> None:
        self.session = session
        super().__init__()


class ArticleOpenFailed(Message):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__()


class TextShown(Message):
    """The article's text has been drawn."""

    def __init__(self) -> None:
        self.at = time.perf_counter()  # when the frame was drawn, not when this is read
        super().__init__()


class AnnotationsReady(Message):
    """The annotations are final (none to find, or extraction merged) and drawn."""

    def __init__(self) -> None:
        self.at = time.perf_counter()
        super().__init__()


class NothingToClear(Message):
    """Escape found nothing left to back out of: whoever opened the reader may close it
    (the library goes back to its list)."""


class SaveStateChanged(Message):
    """The session's save state changed (possibly on its saver thread)."""


class CodebookParsed(Message):
    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        super().__init__()


class Extracted(Message):
    """The extractor's suggestions, or a one-line error."""

    def __init__(self, annotations: Annotations | None, error: str | None = None) -> None:
        self.annotations = annotations
        self.error = error
        super().__init__()

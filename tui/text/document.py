"""The loaded article: its text exactly as shown, plus what we know about it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


class LoadError(Exception):
    """An article that cannot be opened; the message is one line for the user."""


def text_sha256(text: str) -> str:
    """Fingerprint of the shown text (what offsets point into), not of the file's bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """An article after decoding, newline normalisation and (for Markdown) rendering."""

    text: str
    path: Path | None = None
    title: str | None = None
    # Offsets of the title / dateline inside ``text`` when they come from it
    # (None when the title came from front matter, or there is none).
    title_span: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None
    meta: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    notices: tuple[str, ...] = ()
    format: str = "text"  # "text" | "markdown"
    sha256: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    def __len__(self) -> int:
        return len(self.text)

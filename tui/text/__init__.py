"""Text layer: loading articles and segmenting them, all with character offsets.

Nothing here imports textual.
"""

from tui.text.document import Document, LoadError
from tui.text.loader import DEFAULT_MAX_BYTES, load_document, load_text
from tui.text.segment import Token, paragraphs, sentences, tokens

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "LoadError",
    "Token",
    "load_document",
    "load_text",
    "paragraphs",
    "sentences",
    "tokens",
]

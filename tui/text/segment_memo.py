"""The segmentations ``tui.text.segment`` and ``tui.text.tokenize`` remember, by text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.text.tokenize import Token

# Every extraction stage splits and tokenizes the same sentences (the tagger, claims,
# events): remembering up to 20,000 results per kind does that work once per document.
# Keys hold the text's id, not the text: an entry also holds the text itself, so that id
# cannot be reused while the entry lives, and a lookup never compares whole texts (an
# equal text in another object, such as a file read twice, simply misses). Results are
# kept as tuples of frozen tokens and copied out, so no caller sees another's changes.
_CACHE_SIZE = 20_000
_Key = tuple[int, int, int]
_SENTENCES: dict[_Key, tuple[str, tuple[tuple[int, int], ...]]] = {}
_TOKENS: dict[_Key, tuple[str, tuple[Token, ...]]] = {}
_PARAGRAPHS: dict[_Key, tuple[str, tuple[tuple[int, int], ...]]] = {}


def remember(cache: dict, key: _Key, text: str, value: tuple) -> tuple:
    if len(cache) >= _CACHE_SIZE:
        # Start afresh (a longer text would evict its own start before reusing it anyway);
        # clear() is one atomic step, safe when the reader tokenizes in another thread.
        cache.clear()
    cache[key] = (text, value)
    return value


def clear_cache() -> None:
    """Forget remembered segmentations (benchmarks time a cold document with this)."""
    _SENTENCES.clear()
    _TOKENS.clear()
    _PARAGRAPHS.clear()


def forget_tokens(text: str) -> None:
    """Forget the remembered tokens of ``text`` (the extractor calls this when it is done
    with a document: 1 MB of text leaves about 22 MB of them). Its sentence spans, small
    and asked for again by the library's index, stay remembered."""
    # a list first: another thread may add entries meanwhile
    for key in [k for k, v in list(_TOKENS.items()) if v[0] is text]:
        _TOKENS.pop(key, None)

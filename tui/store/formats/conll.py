"""CoNLL IOB2 for training taggers: ``token TAG`` per line, a blank line after each sentence.

Each article starts with ``-DOCSTART- O``. Tokens are spaCy's (as in the JSONL export)
so both training files agree; sentences are the reader's own. A mention whose ends
fall inside a token, or that overlaps one already tagged (IOB holds no nesting), is
reported and left out; rejected mentions are never tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from tui.store.formats.source import Article
from tui.store.formats.spacy_tokens import tokenize
from tui.text.segment import sentences


def article_lines(article: Article, warn: Callable[[str], None]) -> list[str]:
    text = article.document.text
    tokens = [t for t in tokenize(text) if not t.text.isspace()]
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    tags = ["O"] * len(tokens)
    mentions = sorted(
        (m for m in article.annotations.mentions if m.status != "rejected"),
        key=lambda m: (m.span.start, -(m.span.end - m.span.start)),
    )
    for m in mentions:
        first, last = starts.get(m.span.start), ends.get(m.span.end)
        where = f"{article.path}: {m.type} {m.span.text!r} [{m.span.start}, {m.span.end})"
        if first is None or last is None:
            warn(f"{where} does not align with the tokens; not tagged")
            continue
        if any(tag != "O" for tag in tags[first : last + 1]):
            warn(f"{where} overlaps a mention already tagged; IOB holds one, not tagged")
            continue
        tags[first] = f"B-{m.type}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{m.type}"
    out = ["-DOCSTART- O", ""]
    bounds = sentences(text)
    i = 0
    for _, end in bounds:
        line_count = len(out)
        while i < len(tokens) and tokens[i].start < end:
            out.append(f"{tokens[i].text} {tags[i]}")
            i += 1
        if len(out) > line_count:
            out.append("")
    if i < len(tokens):  # text after the last sentence (a trailing fragment)
        out.extend(f"{t.text} {tag}" for t, tag in zip(tokens[i:], tags[i:], strict=True))
        out.append("")
    return out


def write(articles: Iterable[Article], out: TextIO, warn: Callable[[str], None]) -> int:
    n = 0
    for article in articles:
        out.write("\n".join(article_lines(article, warn)) + "\n")
        n += 1
    return n

"""Markdown to the readable text a reader shows (offsets point into that text).

markdown-it-py comes with rich, so a real CommonMark parser costs no new dependency.
Headings, paragraphs, list items, quotes and code become paragraphs separated by a
blank line; emphasis and link syntax go, link text stays. List markers are not
put into the text: a "• " glued to a sentence would become part of a claim's
source or content.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark")


def _inline(children: list[Token] | None) -> str:
    out: list[str] = []
    for tok in children or ():
        if tok.type in ("text", "code_inline", "html_inline"):
            out.append(tok.content)
        elif tok.type == "softbreak":
            out.append(" ")
        elif tok.type == "hardbreak":
            out.append("\n")
        elif tok.type == "image":
            out.append(_inline(tok.children) or tok.content)
    return "".join(out)


def render_markdown(source: str) -> str:
    """Plain, readable text of a Markdown document."""
    blocks: list[str] = []
    for tok in _PARSER.parse(source):
        if tok.type == "inline":
            text = _inline(tok.children).strip()
        elif tok.type in ("fence", "code_block", "html_block"):
            text = tok.content.rstrip("\n")
        else:
            continue
        if text.strip():
            blocks.append(text)
    return "\n\n".join(blocks) + ("\n" if blocks else "")

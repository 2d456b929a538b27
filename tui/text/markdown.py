"""Markdown to the readable text a reader shows (offsets point into that text).

markdown-it-py comes with rich, so a real CommonMark parser costs no new dependency.
Headings, paragraphs, list items, quotes and code become paragraphs separated by a
blank line; emphasis and link syntax go, link text stays.
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
    prefix_stack: list[str] = []  # list-item markers waiting for their first paragraph
    ordinals: list[int] = []
    for tok in _PARSER.parse(source):
        t = tok.type
        if t == "ordered_list_open":
            ordinals.append(int(tok.attrs.get("start", 1) or 1))
        elif t == "ordered_list_close":
            ordinals.pop()
        elif t == "bullet_list_open":
            ordinals.append(0)
        elif t == "bullet_list_close":
            ordinals.pop()
        elif t == "list_item_open":
            if ordinals and ordinals[-1]:
                prefix_stack.append(f"{ordinals[-1]}. ")
                ordinals[-1] += 1
            else:
                prefix_stack.append("• ")
        elif t == "list_item_close":
            if prefix_stack:
                prefix_stack.pop()
        elif t == "inline":
            text = _inline(tok.children).strip()
            if not text:
                continue
            if prefix_stack and prefix_stack[-1]:
                text = prefix_stack[-1] + text
                prefix_stack[-1] = ""  # only the item's first paragraph gets the marker
            blocks.append(text)
        elif t in ("fence", "code_block", "html_block"):
            text = tok.content.rstrip("\n")
            if text.strip():
                blocks.append(text)
    return "\n\n".join(blocks) + ("\n" if blocks else "")

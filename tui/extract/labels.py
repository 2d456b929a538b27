"""Speaker labels: attributions made by layout rather than by a verb.

- transcripts and headlines: ``WALLACE: Let's start ...`` / ``Pat Caddell: Voters Worried``
  (a short name, a colon, then what they said, to the end of the paragraph), also inside
  a quotation mark opening the paragraph;
- quotations signed with a dash: ``“Trump scares me.” ― Krystal Correa, 34, Florida``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.cues import Lexicon
from tui.extract.quotes import Quotes

# One to five capitalised words (initials, hyphens and apostrophes allowed) then a colon;
# a transcript quoted whole opens each paragraph with a quotation mark ('"WALLACE: ...').
_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*):[ \t]+(?=\S)")
# Inside a paragraph: one to four capitalised words, a colon, then a quotation mark.
_INLINE = re.compile(r"(?<![\w’'])((?:[A-Z][\w.’'-]*[ \t]){0,3}[A-Z][\w.’'-]*):[ \t]+(?=[“\"])")
# The part of _INLINE every match has: a colon, spaces and a quotation mark. Where it is
# missing _INLINE finds nothing, and looking for it is 40 times cheaper than for _INLINE
# (which tries up to four capitalised words at every capital letter).
_COLON_QUOTE = re.compile(r":[ \t]+[“\"]")
_VERB_REACH = 40  # characters before the name searched for a reporting verb
# Any space but a line break around the dash: web text often has a no-break space there.
_DASH = re.compile(r"[^\S\n]*[―—–-][^\S\n]*(?=[A-Z])")
_NAME = re.compile(r"[A-Z][\w.’'-]*(?:\s(?:[A-Z][\w.’'-]*|de|van|von|al|bin))*")


@dataclass(frozen=True, slots=True)
class Label:
    cue: tuple[int, int]
    source: tuple[int, int]
    content: tuple[tuple[int, int], ...]


def find_labels(
    text: str, paragraphs: list[tuple[int, int]], quotes: Quotes, lex: Lexicon
) -> list[Label]:
    """Speaker labels in ``text``, one per labelled paragraph or signed quotation."""
    out: list[Label] = []
    for start, end in paragraphs:
        m = _LABEL.match(text, start, end)
        if m is not None:
            name = m.group(1)
            words = name.lower().replace("’", "'").split()
            if (
                words
                and words[0].strip(".'") not in lex.label_stops
                and not any(ch.isdigit() for ch in name)
            ):
                c_start, c_end = m.end(), end
                while c_end > c_start and text[c_end - 1].isspace():
                    c_end -= 1
                if m.start(1) > m.start() and text[c_end - 1 : c_end] in ('"', "”"):
                    c_end -= 1  # the mark closing the quoted paragraph is not said
                colon = m.end(1)
                out.append(Label((colon, colon + 1), (m.start(1), m.end(1)), ((c_start, c_end),)))
                continue
        out.extend(_inline(text, start, end, quotes, lex))
        out.extend(_signed(text, start, end, quotes))
    return out


def _inline(text: str, start: int, end: int, quotes: Quotes, lex: Lexicon) -> list[Label]:
    """``... - Jeffrey M. Jones: “...”``: a name, a colon and a quotation inside a
    paragraph (roundups, newsletters), when no reporting verb just before introduces it
    (``explained moderator Nancy Cordes: “...”`` is the verb's claim)."""
    found: list[Label] = []
    if _COLON_QUOTE.search(text, start, end) is None:
        return found  # what every match needs, found in C (most paragraphs have none)
    for m in _INLINE.finditer(text, start, end):
        q = quotes.starting_at(m.end())
        name = m.group(1)
        words = name.lower().replace("’", "'").split()
        if q is None or words[0].strip(".'") in lex.label_stops or any(ch.isdigit() for ch in name):
            continue
        before = text[max(start, m.start(1) - _VERB_REACH) : m.start(1)].split()
        if any(w.strip(",.;") in lex.verbs for w in before):  # lower-case: not a headline
            continue
        colon = m.end(1)
        content = tuple((x.start, x.end) for x in quotes.chain(q))
        found.append(Label((colon, colon + 1), (m.start(1), m.end(1)), content))
    return found


def _signed(text: str, start: int, end: int, quotes: Quotes) -> list[Label]:
    """``“...” ― Name``: a closed quotation followed by a dash and a capitalised name."""
    found: list[Label] = []
    for q in quotes.within(start, end):
        if q.end > end or not q.closed:
            continue
        d = _DASH.match(text, q.end, end)
        if d is None:
            continue
        n = _NAME.match(text, d.end(), end)
        if n is None:
            continue
        dash = text.index(text[d.start() : d.end()].strip(), d.start())
        found.append(Label((dash, dash + 1), (n.start(), n.end()), ((q.start, q.end),)))
    return found

"""Names in a title-case headline, where every word is capitalised: only those the body
or the gazetteer knows are names (used by ``entities.find_mentions``)."""

from __future__ import annotations

from tui.extract.gazetteer import CAPITAL, COUNTRY, REGION, Gazetteer

# One word alone is a name here only when it is a country, a capital or a region ("Old
# Hands Help Russia Navigate U.S. Media": "U.S."); a town's name may be a common word
# ("Surprise", Arizona, in "... Sarah Palin That Will Surprise You"), and a word the body
# capitalises may be one too ("Goes", "Will", "Media" when tried)
STATES = frozenset({COUNTRY, CAPITAL, REGION})


def known_name(words: list[str], title_mid: frozenset[str], gaz: Gazetteer) -> bool:
    """A name in a title-case headline we also know from the body or the gazetteer."""
    if gaz.labels(tuple(words)):
        return True
    return all(w.lower() in title_mid for w in words if w[:1].isupper())


def known_parts(
    words: list[str], a: int, b: int, title_mid: frozenset[str], gaz: Gazetteer
) -> list[tuple[int, int]]:
    """The known names inside a title-case headline's span, longest first from the left
    ("Chris Christie Calls Hillary Clinton" -> "Chris Christie", "Hillary Clinton"); a
    part of one word is a place (see STATES)."""
    if b - a < 2:
        return []
    out = []
    i = a
    while i < b:
        j = next(
            (
                j
                for j in range(b, i, -1)
                if j - i < b - a
                and all(w[:1].isupper() for w in words[i:j])
                and (
                    known_name(words[i:j], title_mid, gaz)
                    if j - i > 1
                    else bool(gaz.labels((words[i],)) & STATES)
                )
            ),
            None,
        )
        if j is None:
            i += 1
        else:
            out.append((i, j))
            i = j
    return out

"""Names in a title-case headline, where every word is capitalised: only those the body
or the gazetteer knows are names (used by ``entities.find_mentions``)."""

from __future__ import annotations

from tui.extract.gazetteer import Gazetteer


def known_name(words: list[str], title_mid: frozenset[str], gaz: Gazetteer) -> bool:
    """A name in a title-case headline we also know from the body or the gazetteer."""
    if gaz.labels(tuple(words)):
        return True
    return all(w.lower() in title_mid for w in words if w[:1].isupper())


def known_parts(
    words: list[str], a: int, b: int, title_mid: frozenset[str], gaz: Gazetteer
) -> list[tuple[int, int]]:
    """The known names inside a title-case headline's span, longest first from the left
    ("Chris Christie Calls Hillary Clinton" -> "Chris Christie", "Hillary Clinton")."""
    if b - a < 3:
        return []
    out = []
    i = a
    while i < b:
        j = next(
            (
                j
                for j in range(b, i, -1)
                if 1 < j - i < b - a
                and all(w[:1].isupper() for w in words[i:j])
                and known_name(words[i:j], title_mid, gaz)
            ),
            None,
        )
        if j is None:
            i += 1
        else:
            out.append((i, j))
            i = j
    return out

"""GUM's CoNLL-U files (``train/gum/dep/*.conllu``) as text plus entity mentions.

The text is rebuilt the way ``eval/ner/gum_news_entities.jsonl`` was made: each
sentence's ``# text`` line, sentences joined by a newline, paragraphs (``# newpar``)
by a blank line. Mentions come from the ``Entity=`` brackets in MISC, with character
offsets into that text, their GUM type, and whether their head (the last word of the
minimal span GUM marks) is a proper noun, as the eval file's ``propn_head`` says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# One bracket of an Entity= field: "(ID-body" opens (")" right after closes it on the same
# word; a body never holds brackets: GUM writes them %28 %29), "ID)" closes.
_BRACKET = re.compile(r"\((\d+)-([^()]*)(\)?)|(\d+)\)")


@dataclass(frozen=True, slots=True)
class GumMention:
    start: int
    end: int
    type: str  # person, place, organization, time, event, abstract, object, ...
    entity: str  # coreference cluster within the document
    identity: str  # Wikipedia title when linked, else ""
    propn_head: bool


@dataclass(frozen=True, slots=True)
class GumDoc:
    doc_id: str
    genre: str
    text: str
    mentions: tuple[GumMention, ...]


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    upos: str
    head: int
    misc: str


def _entity_fields(body: str) -> tuple[str, str, tuple[int, ...]]:
    """(type, identity, minspan) from 'type-infstat-salience-centering-minspan-link[-identity]'.

    minspan: 1-based positions, within the mention, of the words of its minimal span.
    """
    parts = body.split("-", 6)
    identity = parts[6] if len(parts) > 6 else ""
    minspan = tuple(int(x) for x in parts[4].split(",") if x.isdigit()) if len(parts) > 4 else ()
    return parts[0], identity, minspan


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _sentence(lines: list[str], text: str, base: int) -> list[_Tok]:
    """The sentence's words with document offsets (``text`` is its ``# text`` line).

    A multiword token ("daughter's" = daughter + 's) is found in the text as written; its
    words are placed in order inside it (a word spelled otherwise, "wo" in "won't", takes
    what is left).
    """
    toks: list[_Tok] = []
    pos = 0
    mwt_last, mwt_end, sub = -1, -1, -1
    for line in lines:
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            continue  # not a word line, or an empty node
        if "-" in cols[0]:
            mwt_last = int(cols[0].split("-")[1])
            sub = text.index(cols[1], _skip_spaces(text, pos))
            mwt_end = pos = sub + len(cols[1])
            continue
        k, form = int(cols[0]), cols[1]
        if k <= mwt_last:
            found = text.find(form, sub, mwt_end)
            if found < 0:
                s, e = sub, (mwt_end if k == mwt_last else sub)
            else:
                s, e = found, found + len(form)
            sub = e
        else:
            s = text.index(form, _skip_spaces(text, pos))
            e = pos = s + len(form)
        head = int(cols[6]) if cols[6].isdigit() else 0
        toks.append(_Tok(base + s, base + e, cols[3], head, cols[9]))
    return toks


def _mentions(toks: list[_Tok]) -> list[tuple]:
    """(first word, last word, id, type, identity, minspan) of every mention in a document."""
    out: list[tuple] = []
    open_: dict[str, list[tuple]] = {}
    for i, t in enumerate(toks):
        ent = next((f[7:] for f in t.misc.split("|") if f.startswith("Entity=")), None)
        if ent is None:
            continue
        k = 0
        while k < len(ent):
            m = _BRACKET.match(ent, k)
            if m is None:
                raise ValueError(f"unreadable Entity field: {ent}")
            k = m.end()
            if m.group(4) is not None:
                first, *fields = open_[m.group(4)].pop()
                out.append((first, i, m.group(4), *fields))
                continue
            fields = _entity_fields(m.group(2))
            if m.group(3):
                out.append((i, i, m.group(1), *fields))
            else:
                open_.setdefault(m.group(1), []).append((i, *fields))
    return out


def read_conllu(path: Path) -> GumDoc:
    doc_id = path.stem
    parts: list[str] = []
    length = 0
    toks: list[_Tok] = []
    sent_ranges: list[tuple[int, int]] = []  # token index range of each sentence
    lines: list[str] = []
    sent_text = ""
    new_par = False

    def flush() -> None:
        nonlocal length, lines, sent_text, new_par
        if not lines:
            return
        if parts:
            sep = "\n\n" if new_par else "\n"
            parts.append(sep)
            length += len(sep)
        base = length
        parts.append(sent_text)
        length += len(sent_text)
        sent_toks = _sentence(lines, sent_text, base)
        offset = len(toks)
        for t in sent_toks:
            t.head = t.head + offset - 1 if t.head else -1
        sent_ranges.append((offset, offset + len(sent_toks)))
        toks.extend(sent_toks)
        lines = []
        new_par = False

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line:
                flush()
            elif line.startswith("#"):
                if line.startswith("# newpar") and not line.startswith("# newpar_"):
                    new_par = True
                elif line.startswith("# text = "):
                    sent_text = line[len("# text = ") :]
            else:
                lines.append(line)
    flush()
    text = "".join(parts)
    mentions = []
    for first, last, ident, etype, identity, minspan in _mentions(toks):
        # The head is the last word of the minimal span GUM marks (it agrees with the dev
        # file's propn_head on 95% of news mentions; the first word whose syntactic head
        # lies outside the mention agrees on 90%).
        if minspan and first + minspan[-1] - 1 <= last:
            head = first + minspan[-1] - 1
        else:
            inside = range(first, last + 1)
            head = next((k for k in inside if toks[k].head not in inside), last)
        mentions.append(
            GumMention(
                toks[first].start,
                toks[last].end,
                etype,
                ident,
                identity,
                toks[head].upos == "PROPN",
            )
        )
    mentions.sort(key=lambda m: (m.start, -m.end))
    return GumDoc(doc_id, genre(path), text, tuple(mentions))


def genre(path: Path) -> str:
    """ "GUM_news_afghan.conllu" -> "news"."""
    parts = path.stem.split("_")
    return parts[1] if len(parts) >= 3 else ""


def gum_files(folder: Path, skip_genres: frozenset[str] = frozenset()) -> list[Path]:
    """Every ``GUM_*.conllu`` in ``folder``, sorted by name, genres in ``skip_genres`` left out."""
    return [p for p in sorted(folder.glob("GUM_*.conllu")) if genre(p) not in skip_genres]


def read_gum_dir(folder: Path, skip_genres: frozenset[str] = frozenset()) -> list[GumDoc]:
    return [read_conllu(p) for p in gum_files(folder, skip_genres)]

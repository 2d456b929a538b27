"""Searching the library's index: a parsed query in, the matching items out."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.index import CorpusIndex
from tui.corpus.query import Query, parse_query
from tui.text.segment import sentences

DEFAULT_LIMIT = 100
_MARK, _END = "\x02", "\x03"  # around matched words in highlight(); never in article text


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: which article, which item (empty for a match in the text), where."""

    path: str  # relative to the library's folder
    title: str
    kind: str  # "claim" | "event" | "entity" | "text"
    item: str
    start: int  # the item's offset, or the first matching word's in the text
    label: str
    sentence: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[Hit, ...]
    more: bool  # there were more than the limit


def _sentence_at(text: str, offset: int) -> str:
    """The sentence around ``offset``, segmenting only its paragraph (line)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    for s, e in sentences(text, start, end):
        if s <= offset < e:
            return text[s:e]
    return text[start:end].strip()


_DETAILS = (
    "SELECT i.id, a.path, a.title, i.kind, i.item, i.start, i.label, "
    "substr(t.body, i.sent_start + 1, i.sent_end - i.sent_start) "
    "FROM items i JOIN articles a ON a.id = i.article "
    "LEFT JOIN items t ON t.article = i.article AND t.kind = 'text' "
)


def _text_hit(index: CorpusIndex, match: str, row: tuple) -> Hit:
    """A match in an article's text: where its first matching word is, and that sentence."""
    _id, path, title, kind, item, _start, label, _ = row
    found = index.query(
        f"SELECT highlight(fts, 0, '{_MARK}', '{_END}') FROM fts WHERE fts MATCH ? AND rowid = ?",
        (match, _id),
    )
    marked = found[0][0] if found else ""
    offset = max(marked.find(_MARK), 0)
    text = marked.replace(_MARK, "").replace(_END, "")
    return Hit(path, title, kind, item, offset, label, _sentence_at(text, offset))


def search(index: CorpusIndex, query: Query | str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Items matching ``query``, best first (by relevance; without words, by article and
    position). QueryError (a ValueError) for a query that does not parse.

    Two steps, so that only the results shown are ever looked at closely: the ids of
    the best matches (the index ranks them in C), then their details.
    """
    q = parse_query(query) if isinstance(query, str) else query
    if q.empty:
        return SearchResult((), False)
    where: list[str] = []
    params: list[object] = []
    if q.unreviewed:
        where.append("i.reviewed = 0 AND i.kind != 'text'")
    if q.kind is not None:
        where.append("i.kind = ?")
        params.append(q.kind)
    match = q.fts()
    if match:
        filters = "".join(f" AND {w}" for w in where)
        ids = index.query(
            "SELECT fts.rowid FROM fts JOIN items i ON i.id = fts.rowid WHERE fts MATCH ?"
            f"{filters} ORDER BY fts.rank, fts.rowid LIMIT ?",
            [match, *params, limit + 1],
        )
    else:
        ids = index.query(
            "SELECT i.id FROM items i JOIN articles a ON a.id = i.article WHERE "
            + " AND ".join(where)
            + " ORDER BY a.path, i.start LIMIT ?",
            [*params, limit + 1],
        )
    wanted = [r[0] for r in ids[:limit]]
    marks = ",".join("?" * len(wanted))
    details = {r[0]: r for r in index.query(_DETAILS + f"WHERE i.id IN ({marks})", wanted)}
    hits = []
    for item_id in wanted:
        row = details.get(item_id)
        if row is None:
            continue  # refreshed away between the two steps
        hits.append(_text_hit(index, match, row) if row[3] == "text" else Hit(*row[1:]))
    return SearchResult(tuple(hits), len(ids) > limit)

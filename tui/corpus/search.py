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


def _text_hit(row: tuple) -> Hit:
    path, title, kind, item, _start, label, marked = row
    offset = marked.find(_MARK)
    text = marked.replace(_MARK, "").replace(_END, "") if offset >= 0 else marked
    offset = max(offset, 0)
    return Hit(path, title, kind, item, offset, label, _sentence_at(text, offset))


def search(index: CorpusIndex, query: Query | str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Items matching ``query``, best first (by relevance, then article and position).

    QueryError (a ValueError) for a query that does not parse.
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
    sentence = "substr(t.body, i.sent_start + 1, i.sent_end - i.sent_start)"
    joins = (
        "JOIN articles a ON a.id = i.article "
        "LEFT JOIN items t ON t.article = i.article AND t.kind = 'text' "
    )
    match = q.fts()
    if match:
        sql = (
            "SELECT a.path, a.title, i.kind, i.item, i.start, i.label, "
            f"CASE WHEN i.kind = 'text' THEN highlight(fts, 0, '{_MARK}', '{_END}') "
            f"ELSE {sentence} END "
            "FROM fts JOIN items i ON i.id = fts.rowid "
            + joins
            + "WHERE fts MATCH ?"
            + "".join(f" AND {w}" for w in where)
            + " ORDER BY fts.rank, a.path, i.start LIMIT ?"
        )
        params.insert(0, match)
    else:
        sql = (
            f"SELECT a.path, a.title, i.kind, i.item, i.start, i.label, {sentence} "
            "FROM items i "
            + joins
            + "WHERE "
            + " AND ".join(where)
            + " ORDER BY a.path, i.start LIMIT ?"
        )
    rows = index.query(sql, [*params, limit + 1])
    hits = tuple(_text_hit(r) if r[2] == "text" else Hit(*r) for r in rows[:limit])
    return SearchResult(hits, len(rows) > limit)

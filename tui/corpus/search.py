"""Searching the library's index: a parsed query in, the matching items out."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.index import CorpusIndex
from tui.corpus.query import Query, parse_query

DEFAULT_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: which article, which item (empty for a sentence of the text), where."""

    path: str  # relative to the library's folder
    title: str
    kind: str  # "claim" | "event" | "entity" | "text"
    item: str
    start: int
    label: str
    sentence: str


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: tuple[Hit, ...]
    more: bool  # there were more than the limit


_SELECT = (
    "SELECT a.path, a.title, i.kind, i.item, i.start, i.label, "
    "CASE WHEN i.kind = 'text' THEN i.body ELSE i.sentence END "
)


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
    match = q.fts()
    if match:
        sql = (
            _SELECT
            + "FROM fts JOIN items i ON i.id = fts.rowid JOIN articles a ON a.id = i.article "
            "WHERE fts MATCH ?" + "".join(f" AND {w}" for w in where) + " "
            "ORDER BY fts.rank, a.path, i.start LIMIT ?"
        )
        params.insert(0, match)
    else:
        sql = (
            _SELECT + "FROM items i JOIN articles a ON a.id = i.article "
            "WHERE " + " AND ".join(where) + " ORDER BY a.path, i.start LIMIT ?"
        )
    rows = index.query(sql, [*params, limit + 1])
    hits = tuple(Hit(*r) for r in rows[:limit])
    return SearchResult(hits, len(rows) > limit)

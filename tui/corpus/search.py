"""Searching the library's index: a parsed query in, the matching items out."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.index import CorpusIndex
from tui.corpus.query import Query, parse_query
from tui.text.segment import sentences

DEFAULT_LIMIT = 100
KIND_ORDER = ("claim", "event", "entity", "text")
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
    unannotated: int = 0  # articles only their text could match (no sidecar yet)

    def unannotated_note(self) -> str:
        """What a reader of the results should know about the articles not extracted yet."""
        n = self.unannotated
        if not n:
            return ""
        return (
            f"{n:,} article{'s' * (n != 1)} not extracted yet: only {'their' if n != 1 else 'its'}"
            " text was searched (marginalia extract DIR --write)"
        )


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
    """Items matching ``query``: claims first, then events, entities, and the texts, each
    in the order they were indexed. QueryError (a ValueError) for a bad query.

    Every filter is part of the full-text match, so the index stops at the limit
    instead of looking at every match (ranking 40,000 matches took a second). Then only
    the results shown are looked at closely.
    """
    q = parse_query(query) if isinstance(query, str) else query
    if q.empty:
        return SearchResult((), False, index.unannotated())
    wanted: list[int] = []
    for kind in (q.kind,) if q.kind else KIND_ORDER:
        if q.unreviewed and kind == "text":
            continue  # a text is never "unreviewed"
        rows = index.query(
            "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?",
            (q.fts(kind), limit + 1 - len(wanted)),
        )
        wanted.extend(r[0] for r in rows)
        if len(wanted) > limit:
            break
    more = len(wanted) > limit
    wanted = wanted[:limit]
    marks = ",".join("?" * len(wanted))
    details = {r[0]: r for r in index.query(_DETAILS + f"WHERE i.id IN ({marks})", wanted)}
    text_match = q.fts("text")
    hits = []
    for item_id in wanted:
        row = details.get(item_id)
        if row is None:
            continue  # refreshed away between the two steps
        hits.append(_text_hit(index, text_match, row) if row[3] == "text" else Hit(*row[1:]))
    return SearchResult(tuple(hits), more, index.unannotated())

"""The index's tables. Bump SCHEMA_VERSION whenever they or what goes into them change:
an index of another version is thrown away and rebuilt from the sidecars."""

from __future__ import annotations

from tui.corpus.rows import FIELDS

SCHEMA_VERSION = 5

# What a query names (FIELDS), then two columns the search itself filters on, as words,
# so that every filter is an FTS match and a LIMIT stops early: the row's kind (claim,
# event, entity, text) and its state (reviewed, unreviewed).
FTS_COLUMNS = (*FIELDS, "kind", "state")
_COLUMNS = ", ".join(FIELDS)
_FTS = ", ".join(FTS_COLUMNS)
_OLD = ", ".join(f"old.{f}" for f in FTS_COLUMNS)

SUMMARY_COLUMNS = (
    "title",
    "source",
    "date",
    "words",
    "annotated",
    "claims_total",
    "claims_reviewed",
    "events",
    "suggestions",
    "attention",
    "last_by",
    "last_at",
    "error",
)
# What of the text the extraction cache is keyed by (tui.cache.extractions.TextKey), so the
# library can ask the cache about an article without loading it. Facts about the file, the
# same for everyone who opens the folder: never what any one user's cache holds.
TEXT_COLUMNS = ("text_sha256", "text_length", "title_start", "title_end")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    mtime_ns INTEGER, size INTEGER, sha256 TEXT,
    side_mtime_ns INTEGER, side_size INTEGER, side_sha256 TEXT,
    title TEXT NOT NULL, source TEXT, date TEXT, words INTEGER,
    annotated INTEGER, claims_total INTEGER, claims_reviewed INTEGER, events INTEGER,
    suggestions INTEGER, attention INTEGER, last_by TEXT, last_at TEXT, error TEXT,
    text_sha256 TEXT, text_length INTEGER, title_start INTEGER, title_end INTEGER
);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, item TEXT NOT NULL, start INTEGER NOT NULL, state TEXT NOT NULL,
    label TEXT NOT NULL, sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
    {_COLUMNS}
);
-- Which extractor last filled each article's sidecar, for which text: what makes a
-- sidecar "current" for batch extraction (until sidecars record it themselves).
CREATE TABLE IF NOT EXISTS extracted(
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, version TEXT NOT NULL,
    mtime_ns INTEGER, size INTEGER, side_mtime_ns INTEGER, side_size INTEGER
);
CREATE INDEX IF NOT EXISTS items_article ON items(article, kind);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {_FTS}, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS items_removed AFTER DELETE ON items BEGIN
    INSERT INTO fts(fts, rowid, {_FTS}) VALUES ('delete', old.id, {_OLD});
END;
"""

# Rows go into items and fts by two statements with the same ids: three times faster
# than a trigger per row. Removing goes through the trigger (fts needs the old values).
INSERT_ITEM = (
    "INSERT INTO items(id, article, kind, item, start, state, label, sent_start, sent_end, "
    f"{_COLUMNS}) VALUES ({', '.join('?' * (9 + len(FIELDS)))})"
)
INSERT_FTS = f"INSERT INTO fts(rowid, {_FTS}) VALUES ({', '.join('?' * (1 + len(FTS_COLUMNS)))})"
UPSERT_ARTICLE = (
    "INSERT INTO articles(path, mtime_ns, size, sha256, side_mtime_ns, side_size, side_sha256, "
    f"{', '.join((*SUMMARY_COLUMNS, *TEXT_COLUMNS))}) "
    f"VALUES ({', '.join('?' * (7 + len(SUMMARY_COLUMNS) + len(TEXT_COLUMNS)))}) "
    "ON CONFLICT(path) DO UPDATE SET "
    + ", ".join(
        f"{c} = excluded.{c}"
        for c in (
            "mtime_ns",
            "size",
            "sha256",
            "side_mtime_ns",
            "side_size",
            "side_sha256",
            *SUMMARY_COLUMNS,
            *TEXT_COLUMNS,
        )
    )
    + " RETURNING id"
)

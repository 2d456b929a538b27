"""The index's tables. Bump SCHEMA_VERSION whenever they or what goes into them change:
an index of another version is thrown away and rebuilt from the sidecars."""

from __future__ import annotations

from tui.corpus.rows import FIELDS

SCHEMA_VERSION = 1

_COLUMNS = ", ".join(FIELDS)
_NEW = ", ".join(f"new.{f}" for f in FIELDS)
_OLD = ", ".join(f"old.{f}" for f in FIELDS)

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

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER, mtime_ns INTEGER, sha256 TEXT,
    side_size INTEGER, side_mtime_ns INTEGER, side_sha256 TEXT,
    title TEXT NOT NULL, source TEXT, date TEXT, words INTEGER,
    annotated INTEGER, claims_total INTEGER, claims_reviewed INTEGER, events INTEGER,
    suggestions INTEGER, attention INTEGER, last_by TEXT, last_at TEXT, error TEXT
);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, item TEXT NOT NULL, start INTEGER NOT NULL, reviewed INTEGER NOT NULL,
    label TEXT NOT NULL, sentence TEXT NOT NULL,
    {_COLUMNS}
);
-- Which extractor last filled each article's sidecar, for which text: what makes a
-- sidecar "current" for batch extraction (until sidecars record it themselves).
CREATE TABLE IF NOT EXISTS extracted(
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, version TEXT NOT NULL,
    mtime_ns INTEGER, size INTEGER, side_mtime_ns INTEGER, side_size INTEGER
);
CREATE INDEX IF NOT EXISTS items_article ON items(article);
CREATE INDEX IF NOT EXISTS items_pending ON items(reviewed, kind);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    {_COLUMNS}, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS items_added AFTER INSERT ON items BEGIN
    INSERT INTO fts(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
END;
CREATE TRIGGER IF NOT EXISTS items_removed AFTER DELETE ON items BEGIN
    INSERT INTO fts(fts, rowid, {_COLUMNS}) VALUES ('delete', old.id, {_OLD});
END;
"""

INSERT_ITEM = (
    f"INSERT INTO items(article, kind, item, start, reviewed, label, sentence, {_COLUMNS}) "
    f"VALUES ({', '.join('?' * (7 + len(FIELDS)))})"
)
UPSERT_ARTICLE = (
    "INSERT INTO articles(path, size, mtime_ns, sha256, side_size, side_mtime_ns, side_sha256, "
    f"{', '.join(SUMMARY_COLUMNS)}) VALUES ({', '.join('?' * (7 + len(SUMMARY_COLUMNS)))}) "
    "ON CONFLICT(path) DO UPDATE SET "
    + ", ".join(
        f"{c} = excluded.{c}"
        for c in (
            "size",
            "mtime_ns",
            "sha256",
            "side_size",
            "side_mtime_ns",
            "side_sha256",
            *SUMMARY_COLUMNS,
        )
    )
    + " RETURNING id"
)

"""Prodigy / spaCy JSONL: one line per article, entity mentions as token-aligned spans.

Export: ``text``, ``tokens`` ({text, start, end, id, ws} as ``spacy.blank("en")``
makes them, see :mod:`spacy_tokens`), ``spans`` ({start, end, text, label,
token_start, token_end}; ``token_end`` inclusive, as Prodigy counts), ``meta`` (path,
sha256, title) and ``answer`` ("accept"). A span whose ends fall inside a token would
be dropped by spaCy's training: it is reported and kept in ``meta.unaligned_spans``
instead. Rejected mentions are never written as labels.

Import: the line for the article is found by ``meta.sha256``, else by the file name in
``meta.path``, else it is the only line. Offsets are checked against that line's
``text``; labels are mapped through the codebook.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from tui.extract.codebook import Codebook
from tui.model import Mention
from tui.store.formats.incoming import Builder, FormatError, Incoming, unknown_types
from tui.store.formats.names import label_map
from tui.store.formats.source import Article
from tui.store.formats.spacy_tokens import SpacyToken, tokenize


def _token_index(tokens: list[SpacyToken]) -> tuple[dict[int, int], dict[int, int]]:
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    return starts, ends


def article_record(article: Article, warn: Callable[[str], None]) -> dict[str, Any]:
    """The JSONL object for one article."""
    doc = article.document
    tokens = tokenize(doc.text)
    starts, ends = _token_index(tokens)
    spans: list[dict[str, Any]] = []
    unaligned: list[dict[str, Any]] = []
    rejected = 0
    for m in article.annotations.mentions:
        if m.status == "rejected":
            rejected += 1
            continue
        span = _span(m)
        first, last = starts.get(m.span.start), ends.get(m.span.end)
        if first is None or last is None:
            unaligned.append(span)
            warn(
                f"{article.path}: {m.type} {m.span.text!r} [{m.span.start}, {m.span.end}) does"
                " not align with spaCy's tokens; kept in meta.unaligned_spans, not in spans"
            )
            continue
        spans.append({**span, "token_start": first, "token_end": last})
    if rejected:
        warn(f"{article.path}: {rejected} rejected mentions are not written as labels")
    meta: dict[str, Any] = {"path": str(article.path), "sha256": doc.sha256, "title": doc.title}
    if unaligned:
        meta["unaligned_spans"] = unaligned
    return {
        "text": doc.text,
        "tokens": [
            {"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws}
            for i, t in enumerate(tokens)
        ],
        "spans": spans,
        "meta": meta,
        "answer": "accept",
    }


def _span(m: Mention) -> dict[str, Any]:
    return {"start": m.span.start, "end": m.span.end, "text": m.span.text, "label": m.type}


def write(articles: Iterable[Article], out: TextIO, warn: Callable[[str], None]) -> int:
    """One line per article; the number written."""
    n = 0
    for article in articles:
        out.write(json.dumps(article_record(article, warn), ensure_ascii=False) + "\n")
        n += 1
    return n


# ------------------------------------------------------------------ import


def json_lines(path: Path) -> list[tuple[int, Any]]:
    """Every non-blank line of a JSONL file, parsed (FormatError names the bad line)."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FormatError(path, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(path, None, f"cannot read it as UTF-8 text ({exc})") from None
    out = []
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise FormatError(path, n, f"not JSON ({exc.msg}, column {exc.colno})") from None
    if not out:
        raise FormatError(path, None, "empty: no JSON lines")
    return out


def line_for(
    path: Path, lines: list[tuple[int, Any]], article: Path, sha256: str
) -> tuple[int, Any]:
    """The line that holds ``article``: by meta.sha256, else meta.path's name, else the only one."""
    for n, data in lines:
        if not isinstance(data, dict):
            raise FormatError(path, n, "expected a JSON object")
    meta = [(n, d, d.get("meta") if isinstance(d.get("meta"), dict) else {}) for n, d in lines]
    for n, d, m in meta:
        if m.get("sha256") == sha256:
            return n, d
    for n, d, m in meta:
        if isinstance(m.get("path"), str) and Path(m["path"]).name == article.name:
            return n, d
    if len(lines) == 1:
        return lines[0]
    raise FormatError(
        path,
        None,
        f"none of its {len(lines)} lines is for {article.name} (matched by meta.sha256 or"
        " the file name in meta.path)",
    )


def _text(path: Path, n: int, data: dict[str, Any]) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        raise FormatError(path, n, "no 'text' (the text the offsets point into)")
    return text


def read_jsonl(
    path: Path, article: Path, article_text: str, codebook: Codebook, status: str = "suggested"
) -> Incoming:
    """The spans of the line for ``article`` (FormatError on bad input)."""
    from tui.text.document import text_sha256

    n, data = line_for(path, json_lines(path), article, text_sha256(article_text))
    b = Builder(path, _text(path, n, data), status, derive_estimates=True)
    answer = data.get("answer")
    if answer == "ignore":
        b.skip(f"line {n}: answered 'ignore': nothing to import")
        return b.build(str(path))
    span_status = "rejected" if answer == "reject" else None
    spans = data.get("spans", [])
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    extra = meta.get("unaligned_spans", [])
    if not isinstance(spans, list) or not isinstance(extra, list):
        raise FormatError(path, n, "'spans' must be a list")
    labels = label_map(codebook)
    unknown: dict[str, int] = {}
    for s in [*spans, *extra]:
        if not isinstance(s, dict) or "start" not in s or "end" not in s:
            raise FormatError(path, n, f"a span needs start and end: {json.dumps(s)[:60]}")
        label = s.get("label")
        if not isinstance(label, str):
            raise FormatError(path, n, f"span [{s['start']}, {s['end']}) has no label")
        quote = s.get("text") if isinstance(s.get("text"), str) else None
        span = b.span(s["start"], s["end"], quote, n)
        etype = labels.entity_type(label)
        if etype is None:
            unknown[label] = unknown.get(label, 0) + 1
            continue
        b.mention(span, etype, status=span_status)
    for line in unknown_types(unknown, "span"):
        b.skip(f"line {n}: {line}")
    return b.build(str(path))

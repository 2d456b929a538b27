"""Reading W3C Web Annotations for one article into :class:`~tui.store.formats.incoming.Incoming`.

Accepted: one annotation, a list of them, an AnnotationPage, an AnnotationCollection
(pages embedded, or local ``file:`` pages as :mod:`w3c` writes them), or JSONL with one
annotation per line. Annotations whose target is the article (its url, file URI or
file name) are taken; a file about a single other source is taken whole. A W3C file
carries no copy of the text: spans keep their offsets and quote with its context, and
the importer places them on the article as the reader re-anchors a sidecar.
The reading of bodies and ``styleClass`` es mirrors :mod:`w3c`; an annotation this
model cannot hold (another motivation, an unknown type) is reported.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from tui.extract.codebook import Codebook
from tui.model import CLAIM_KINDS, STATUSES, Review, Span
from tui.store.formats.incoming import Builder, FormatError, Incoming, unknown_types
from tui.store.formats.names import label_map

_EVENT_ROLES = {"actor": "actors", "target": "targets", "place": "location", "time": "time"}


def _load(path: Path) -> list[tuple[int | None, dict[str, Any]]]:
    """Every annotation in the file, with its line in a JSONL file."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise FormatError(path, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(path, None, f"cannot read it as UTF-8 text ({exc})") from None
    if not raw.strip():
        raise FormatError(path, None, "empty: no annotations")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as whole:
        out: list[tuple[int | None, dict[str, Any]]] = []
        for n, line in enumerate(raw.split("\n"), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                if n == 1 and whole.lineno > 1:
                    raise FormatError(path, whole.lineno, f"not JSON ({whole.msg})") from None
                raise FormatError(path, n, f"not JSON ({exc.msg}, column {exc.colno})") from None
            out.append((n, _object(path, n, item)))
        return out
    return [(None, a) for a in _annotations(path, data)]


def _object(path: Path, line: int | None, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise FormatError(path, line, "expected a JSON object (an annotation)")
    return item


def _types(item: dict[str, Any]) -> set[str]:
    t = item.get("type", item.get("@type", ()))
    return {t} if isinstance(t, str) else set(t)


def _annotations(path: Path, data: Any, seen: set[str] | None = None) -> list[dict[str, Any]]:
    seen = seen if seen is not None else set()
    if isinstance(data, list):
        return [a for item in data for a in _annotations(path, item, seen)]
    data = _object(path, None, data)
    kinds = _types(data)
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        out = [_object(path, None, a) for a in data.get("items", [])]
        nxt = data.get("next")
        return out + (_follow(path, nxt, seen) if nxt else [])
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        return _follow(path, first, seen) if first else []
    raise FormatError(path, None, "not a W3C annotation, page or collection (no such 'type')")


def _follow(path: Path, ref: Any, seen: set[str]) -> list[dict[str, Any]]:
    """A page given inline, or by a file: IRI (or a name beside ``path``)."""
    if isinstance(ref, dict):
        return _annotations(path, ref, seen)
    iri = str(ref)
    if iri in seen:
        return []
    seen.add(iri)
    parsed = urlparse(iri)
    local = Path(unquote(parsed.path)) if parsed.scheme == "file" else None
    if local is None or not local.is_file():
        local = path.parent / Path(unquote(parsed.path)).name
    if not local.is_file():
        raise FormatError(path, None, f"its page {iri} is not a local file")
    try:
        data = json.loads(local.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormatError(local, None, f"not a readable JSON page ({exc})") from None
    return _annotations(local, data, seen)


def _targets(anno: dict[str, Any]) -> list[dict[str, Any]]:
    t = anno.get("target", [])
    items = t if isinstance(t, list) else [t]
    return [x for x in items if isinstance(x, dict)]


def _source(t: dict[str, Any]) -> str:
    s = t.get("source", "")
    return s.get("id", "") if isinstance(s, dict) else str(s)


def _matches(source: str, article: Path, url: str | None) -> bool:
    if not source:
        return False
    if url and source == url:
        return True
    if source == article.resolve().as_uri():
        return True
    return Path(unquote(urlparse(source).path)).name == article.name


def _bodies(anno: dict[str, Any]) -> list[dict[str, Any]]:
    b = anno.get("body", [])
    return [x for x in (b if isinstance(b, list) else [b]) if isinstance(x, dict)]


def _value(anno: dict[str, Any], purpose: str) -> str | None:
    for b in _bodies(anno):
        if b.get("purpose") == purpose and isinstance(b.get("value"), str):
            return b["value"]
    return None


def read_w3c(
    path: Path,
    article: Path,
    article_text: str,
    codebook: Codebook,
    status: str = "suggested",
    *,
    url: str | None = None,
) -> Incoming:
    """The annotations of ``path`` that target ``article`` (FormatError on bad input)."""
    found = _load(path)
    for_article = [
        (n, a) for n, a in found if any(_matches(_source(t), article, url) for t in _targets(a))
    ]
    if not for_article:
        sources = {_source(t) for _, a in found for t in _targets(a)}
        if len(sources) != 1:
            raise FormatError(
                path, None, f"none of its {len(found)} annotations targets {article.name}"
            )
        for_article = found  # a file about one source only: that source is this article
    b = Builder(path, None, status, derive_estimates=False)
    labels = label_map(codebook)
    unknown: dict[str, int] = {}
    text = article_text

    def span(t: dict[str, Any], n: int | None, anno_id: str) -> Span:
        sels = t.get("selector", [])
        sels = sels if isinstance(sels, list) else [sels]
        quote = next((s for s in sels if _types(s) & {"TextQuoteSelector"}), None)
        pos = next((s for s in sels if _types(s) & {"TextPositionSelector"}), None)
        where = n if n is not None else None
        if quote is None and pos is None:
            raise FormatError(path, where, f"{anno_id}: a target with neither quote nor position")
        exact = quote.get("exact") if quote else None
        if quote is not None and not isinstance(exact, str):
            raise FormatError(path, where, f"{anno_id}: a TextQuoteSelector without 'exact'")
        if pos is not None:
            start, end = pos.get("start"), pos.get("end")
            if exact is None:  # position only: the article's text is the quote
                b.text = text
                try:
                    return b.span(start, end, None, where)
                finally:
                    b.text = None
        else:  # quote only: placed by its quote and context
            start, end = 0, len(exact or "")
        return b.span(
            start,
            end,
            exact,
            where,
            prefix=str(quote.get("prefix", "")) if quote else "",
            suffix=str(quote.get("suffix", "")) if quote else "",
        )

    claims: dict[str, str] = {}
    deferred_events = []
    for n, anno in for_article:
        anno_id = str(anno.get("id", "an annotation"))
        parts: dict[str, list[Span]] = {}
        for t in _targets(anno):
            parts.setdefault(str(t.get("styleClass", "")), []).append(span(t, n, anno_id))
        state = _value(anno, "moderating")
        state = state if state in STATUSES else None
        review = Review(
            _verdict(labels, _value(anno, "assessing")), _value(anno, "commenting") or ""
        )
        if "cue" in parts:
            if not parts.get("content"):
                b.skip(f"{anno_id}: a claim without content; not imported")
                continue
            kind = _value(anno, "classifying") or "indirect"
            c = b.claim(
                parts["cue"][0],
                parts["content"],
                parts.get("source", [None])[0],
                kind=kind if kind in CLAIM_KINDS else "indirect",
                hedges=parts.get("hedge", []),
                status=state,
                review=review,
            )
            claims[anno_id] = c.id
        elif "trigger" in parts:
            deferred_events.append((anno, parts, state, review))
        elif parts.get(""):
            label = _value(anno, "tagging")
            etype = labels.entity_type(label) if label else None
            if etype is None:
                unknown[label or "(none)"] = unknown.get(label or "(none)", 0) + 1
                continue
            group = next(
                (
                    _source(x)
                    for x in _bodies(anno)
                    if x.get("purpose") == "identifying" and _source(x)
                ),
                None,
            )
            estimate = _number(_value(anno, "describing"), "estimate: ")
            m = b.mention(parts[""][0], etype, group=group, status=state, estimate=estimate)
            if review.note and not b.entities[m.entity].review.note:
                b.entities[m.entity] = replace(
                    b.entities[m.entity], review=Review(note=review.note)
                )
    for anno, parts, state, review in deferred_events:
        label = _value(anno, "classifying") or ""
        sub = labels.subtype(label)
        if sub is None:
            unknown[label or "(none)"] = unknown.get(label or "(none)", 0) + 1
            continue
        link = next((_source(x) for x in _bodies(anno) if x.get("purpose") == "linking"), None)
        b.event(
            sub.event_type,
            sub.name,
            parts["trigger"][0],
            {key: parts.get(style, []) for style, key in _EVENT_ROLES.items()},
            fatalities=parts.get("fatalities", [None])[0],
            estimate=_number(_value(anno, "describing"), "fatalities: "),
            claim=claims.get(link) if link else None,
            mentions=parts.get("mention", []),
            status=state,
            review=review,
        )
    for line in unknown_types(unknown, "annotation"):
        b.skip(line)
    return b.build(str(path))


def _verdict(labels: Any, value: str | None) -> str | None:
    return labels.verdict(value) if value else None


def _number(value: str | None, prefix: str) -> int | None:
    if value and value.startswith(prefix) and value[len(prefix) :].strip().isdigit():
        return int(value[len(prefix) :])
    return None

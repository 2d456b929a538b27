"""doccano JSONL, one line per article: sequence labelling, or with ``--relations`` its relation form.

Sequence labelling: ``{"text", "label": [[start, end, TYPE], ...], "meta": {path, sha256}}``
(doccano keeps extra keys as the example's metadata). Relation form: ``entities``
[{id, label, start_offset, end_offset}] and ``relations`` [{id, from_id, to_id, type}]:
mentions keep their types; a claim is its cue (label ``Attribution``) with relations
``source``, ``content`` and ``hedge``; an event is its trigger (label: the sub-event
type) with ``mention``, ``actor``, ``target``, ``place``, ``time``, ``fatalities`` and
``claim``. Role fillers that are not mentions are labelled ``Phrase``, as in brat.
Neither form holds statuses, verdicts or notes; rejected mentions are never labels.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from tui.extract.codebook import Codebook
from tui.model import Annotations, Span
from tui.store.formats.brat_conf import ATTRIBUTION, CONTENT, EVENT_MENTION, HEDGE, PHRASE
from tui.store.formats.incoming import Builder, FormatError, Incoming, unknown_types
from tui.store.formats.jsonl import json_lines, line_for
from tui.store.formats.names import label_map
from tui.store.formats.source import Article

_EVENT_ROLES = (("actor", "actors"), ("target", "targets"), ("place", "location"), ("time", "time"))


def _meta(article: Article) -> dict[str, Any]:
    return {"path": str(article.path), "sha256": article.document.sha256}


def sequence_record(article: Article) -> dict[str, Any]:
    labels = [
        [m.span.start, m.span.end, m.type]
        for m in article.annotations.mentions
        if m.status != "rejected"
    ]
    return {"text": article.document.text, "label": labels, "meta": _meta(article)}


class _Entities:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.by_key: dict[tuple[str, int, int], int] = {}
        self.mention_at: dict[tuple[int, int], int] = {}
        self.relations: list[dict[str, Any]] = []

    def add(self, label: str, span: Span) -> int:
        key = (label, span.start, span.end)
        if key not in self.by_key:
            self.by_key[key] = len(self.items) + 1
            self.items.append(
                {
                    "id": self.by_key[key],
                    "label": label,
                    "start_offset": span.start,
                    "end_offset": span.end,
                }
            )
        return self.by_key[key]

    def filler(self, span: Span) -> int:
        return self.mention_at.get((span.start, span.end)) or self.add(PHRASE, span)

    def relate(self, head: int, tail: int, kind: str) -> None:
        self.relations.append(
            {"id": len(self.relations) + 1, "from_id": head, "to_id": tail, "type": kind}
        )


def relation_record(article: Article) -> dict[str, Any]:
    ann: Annotations = article.annotations
    ents = _Entities()
    for m in ann.mentions:
        if m.status != "rejected":
            ents.mention_at.setdefault((m.span.start, m.span.end), ents.add(m.type, m.span))
    cue_ids: dict[str, int] = {}
    for c in ann.claims:
        cue = ents.add(ATTRIBUTION, c.cue)
        cue_ids[c.id] = cue
        if c.source is not None:
            ents.relate(cue, ents.filler(c.source.span), "source")
        for s in c.content:
            ents.relate(cue, ents.add(CONTENT, s), "content")
        for s in c.hedges:
            ents.relate(cue, ents.add(HEDGE, s), "hedge")
    for ev in ann.events:
        trigger = ents.add(ev.subtype, ev.trigger)
        for s in ev.trigger_spans:
            if (s.start, s.end) != (ev.trigger.start, ev.trigger.end):
                ents.relate(trigger, ents.add(EVENT_MENTION, s), "mention")
        for role, field in _EVENT_ROLES:
            for r in getattr(ev, field):
                ents.relate(trigger, ents.filler(r.span), role)
        if ev.fatalities is not None:
            ents.relate(trigger, ents.filler(ev.fatalities.span), "fatalities")
        if ev.claim in cue_ids:
            ents.relate(trigger, cue_ids[ev.claim], "claim")
    return {
        "text": article.document.text,
        "entities": ents.items,
        "relations": ents.relations,
        "meta": _meta(article),
    }


def write(
    articles: Iterable[Article], out: TextIO, warn: Callable[[str], None], *, relations: bool
) -> int:
    n = 0
    for article in articles:
        rejected = sum(1 for m in article.annotations.mentions if m.status == "rejected")
        if rejected:
            warn(f"{article.path}: {rejected} rejected mentions are not written as labels")
        rec = relation_record(article) if relations else sequence_record(article)
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


# ------------------------------------------------------------------ import


def read_doccano(
    path: Path, article: Path, article_text: str, codebook: Codebook, status: str = "suggested"
) -> Incoming:
    """The line for ``article`` in either doccano form (FormatError on bad input)."""
    from tui.text.document import text_sha256

    n, data = line_for(path, json_lines(path), article, text_sha256(article_text))
    text = data.get("text", data.get("data"))
    if not isinstance(text, str):
        raise FormatError(path, n, "no 'text' (the text the offsets point into)")
    b = Builder(path, text, status, derive_estimates=True)
    if "entities" in data:
        _relations(path, n, data, b, codebook)
    else:
        labels = data.get("label", data.get("labels", []))
        if not isinstance(labels, list):
            raise FormatError(path, n, "'label' must be a list of [start, end, label]")
        unknown: dict[str, int] = {}
        lmap = label_map(codebook)
        for item in labels:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)):
                raise FormatError(path, n, f"a label must be [start, end, label], found {item!r}")
            span = b.span(item[0], item[1], None, n)
            etype = lmap.entity_type(item[2])
            if etype is None:
                unknown[item[2]] = unknown.get(item[2], 0) + 1
                continue
            b.mention(span, etype)
        for line in unknown_types(unknown, "label"):
            b.skip(f"line {n}: {line}")
    return b.build(str(path))


def _relations(path: Path, n: int, data: dict[str, Any], b: Builder, codebook: Codebook) -> None:
    ents = data.get("entities")
    rels = data.get("relations", [])
    if not isinstance(ents, list) or not isinstance(rels, list):
        raise FormatError(path, n, "'entities' and 'relations' must be lists")
    lmap = label_map(codebook)
    spans: dict[Any, tuple[str, Span]] = {}
    for e in ents:
        if not isinstance(e, dict) or not {"id", "label", "start_offset", "end_offset"} <= e.keys():
            raise FormatError(
                path, n, f"an entity needs id, label, start_offset, end_offset: {e!r}"
            )
        spans[e["id"]] = (str(e["label"]), b.span(e["start_offset"], e["end_offset"], None, n))
    by_head: dict[Any, list[tuple[str, Any]]] = {}
    for r in rels:
        if not isinstance(r, dict) or not {"from_id", "to_id", "type"} <= r.keys():
            raise FormatError(path, n, f"a relation needs from_id, to_id and type: {r!r}")
        for end in (r["from_id"], r["to_id"]):
            if end not in spans:
                raise FormatError(
                    path, n, f"relation {r.get('id')} refers to entity {end}, not in the line"
                )
        by_head.setdefault(r["from_id"], []).append((str(r["type"]), r["to_id"]))
    unknown: dict[str, int] = {}
    for _, (label, span) in spans.items():
        etype = lmap.entity_type(label)
        if etype is not None:
            b.mention(span, etype)
        elif (
            label not in (ATTRIBUTION, CONTENT, HEDGE, PHRASE, EVENT_MENTION)
            and lmap.subtype(label) is None
        ):
            unknown[label] = unknown.get(label, 0) + 1
    claim_ids: dict[Any, str] = {}
    for eid, (label, span) in spans.items():
        if label != ATTRIBUTION:
            continue
        roles = _roles(by_head.get(eid, []), spans)
        if roles.get("content"):
            source = roles.get("source", [None])[0]
            c = b.claim(span, roles["content"], source, hedges=roles.get("hedge", []))
            claim_ids[eid] = c.id
    for eid, (label, span) in spans.items():
        sub = lmap.subtype(label)
        if sub is None:
            continue
        heads = by_head.get(eid, [])
        roles = _roles(heads, spans)
        claim = next((claim_ids.get(t) for k, t in heads if k == "claim"), None)
        b.event(
            sub.event_type,
            sub.name,
            span,
            {key: roles.get(role, []) for role, key in _EVENT_ROLES},
            fatalities=roles.get("fatalities", [None])[0],
            claim=claim,
            mentions=roles.get("mention", []),
        )
    for line in unknown_types(unknown, "entity"):
        b.skip(f"line {n}: {line}")


def _roles(
    heads: list[tuple[str, Any]], spans: dict[Any, tuple[str, Span]]
) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {}
    for kind, tail in heads:
        out.setdefault(kind, []).append(spans[tail][1])
    return out

"""W3C Web Annotation (JSON-LD): an AnnotationCollection with one page per article, or JSONL.

Every target is a ``SpecificResource`` on the article (its front-matter url, else its
file URI) with both a ``TextQuoteSelector`` (exact, prefix, suffix) and a
``TextPositionSelector`` (code points, end exclusive). One annotation per item:

- a mention: motivation ``tagging``; bodies: its type (``tagging``), its entity as a
  ``SpecificResource`` (``identifying``), its status (``moderating``); an entity's note
  (``commenting``) on its first mention;
- a claim: motivation ``assessing`` once judged, else ``classifying``; targets: the
  source, cue, content and hedge spans told apart by ``styleClass``; bodies: its kind
  (``classifying``), verdict (``assessing``), note (``commenting``), status (``moderating``);
- an event: motivation ``classifying``; targets: trigger, its other mentions, actors,
  targets, place, time and fatalities by ``styleClass``; bodies: the sub-event type
  (``classifying``), the fatality estimate (``describing``), the claim it is reported
  in (``linking``), verdict, note and status.
``id`` s are ``urn:uuid:`` names derived from the article's url or file name and the
item's id, so they stay the same from one export to the next.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from tui import __version__
from tui.model import Annotations, Claim, Event, Mention, Ref, Span
from tui.store.formats import json_indented
from tui.store.formats.source import Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
LABEL = "Marginalia review export"
_NAMESPACE = uuid.UUID("6f1d7c1e-5b1a-4f0e-9d65-4d9a3c1e7a20")  # Marginalia's, for uuid5 ids
STYLESHEET = {
    "type": "CssStylesheet",
    "value": ".source { font-weight: bold } .cue { text-decoration: underline }"
    " .content { background: #fff3c4 } .hedge { font-style: italic }"
    " .trigger { text-decoration: underline } .mention { text-decoration: underline dotted }"
    " .actor, .target, .place, .time, .fatalities { background: #e8f0fe }",
}


def article_iri(article: Article) -> str:
    return article.document.meta.get("url") or article.path.resolve().as_uri()


def item_iri(article: Article, item_id: str) -> str:
    identity = article.document.meta.get("url") or article.name
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{identity}#{item_id}')}"


def target(source: str, span: Span, style: str | None = None) -> dict[str, Any]:
    t: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": span.text,
                "prefix": span.prefix,
                "suffix": span.suffix,
            },
            {"type": "TextPositionSelector", "start": span.start, "end": span.end},
        ],
    }
    if style is not None:
        t["styleClass"] = style
    return t


def _text(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def _signed(anno: dict[str, Any], by: str, at: str) -> dict[str, Any]:
    if by:
        anno["creator"] = {"type": "Person", "name": by}
    if at:
        anno["modified"] = at
    return anno


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.source = article_iri(article)
        self.ann: Annotations = article.annotations
        self.first_mention: dict[str, str] = {}
        for m in self.ann.mentions:
            self.first_mention.setdefault(m.entity, m.id)

    def base(self, item_id: str, motivation: str) -> dict[str, Any]:
        return {
            "@context": CONTEXT,
            "id": item_iri(self.article, item_id),
            "type": "Annotation",
            "motivation": motivation,
            "generator": {"type": "Software", "name": f"Marginalia {__version__}"},
        }

    def mention(self, m: Mention) -> dict[str, Any]:
        anno = self.base(m.id, "tagging")
        entity = self.ann.entity(m.entity)
        body = [_text(m.type, "tagging")]
        body.append(
            {
                "type": "SpecificResource",
                "purpose": "identifying",
                "source": {
                    "id": item_iri(self.article, m.entity),
                    "label": entity.name if entity else m.span.text,
                },
            }
        )
        if m.estimate is not None:
            body.append(_text(f"estimate: {m.estimate}", "describing"))
        if entity is not None and entity.review.note and self.first_mention[m.entity] == m.id:
            body.append(_text(entity.review.note, "commenting"))
        body.append(_text(m.status, "moderating"))
        anno["body"] = body
        anno["target"] = target(self.source, m.span)
        return _signed(anno, m.by, m.at)

    def _refs(self, refs: tuple[Ref, ...], style: str) -> list[dict[str, Any]]:
        return [target(self.source, r.span, style) for r in refs]

    def _review(self, body: list[dict[str, Any]], item: Claim | Event) -> None:
        if item.review.verdict is not None:
            body.append(_text(item.review.verdict, "assessing"))
        if item.review.note:
            body.append(_text(item.review.note, "commenting"))
        body.append(_text(item.status, "moderating"))

    def claim(self, c: Claim) -> dict[str, Any]:
        anno = self.base(c.id, "assessing" if c.review.verdict is not None else "classifying")
        targets = [target(self.source, c.cue, "cue")]
        if c.source is not None:
            targets.insert(0, target(self.source, c.source.span, "source"))
        targets += [target(self.source, s, "content") for s in c.content]
        targets += [target(self.source, s, "hedge") for s in c.hedges]
        body = [_text(c.kind, "classifying")]
        self._review(body, c)
        anno["body"] = body
        anno["target"] = targets
        anno["stylesheet"] = STYLESHEET
        return _signed(anno, c.by or c.review.by, c.at or c.review.at)

    def event(self, ev: Event) -> dict[str, Any]:
        anno = self.base(ev.id, "classifying")
        targets = [target(self.source, ev.trigger, "trigger")]
        main = (ev.trigger.start, ev.trigger.end)
        targets += [
            target(self.source, s, "mention") for s in ev.trigger_spans if (s.start, s.end) != main
        ]
        targets += self._refs(ev.actors, "actor") + self._refs(ev.targets, "target")
        targets += self._refs(ev.location, "place") + self._refs(ev.time, "time")
        body = [_text(ev.subtype, "classifying")]
        if ev.fatalities is not None:
            targets.append(target(self.source, ev.fatalities.span, "fatalities"))
            if ev.fatalities.estimate is not None:
                body.append(_text(f"fatalities: {ev.fatalities.estimate}", "describing"))
        if ev.claim is not None and any(c.id == ev.claim for c in self.ann.claims):
            body.append(
                {
                    "type": "SpecificResource",
                    "purpose": "linking",
                    "source": item_iri(self.article, ev.claim),
                }
            )
        self._review(body, ev)
        anno["body"] = body
        anno["target"] = targets
        anno["stylesheet"] = STYLESHEET
        return _signed(anno, ev.by or ev.review.by, ev.at or ev.review.at)


def web_annotations(article: Article) -> Iterator[dict[str, Any]]:
    """The article's annotations, each a complete W3C annotation with its @context."""
    b = _Builder(article)
    for m in article.annotations.mentions:
        yield b.mention(m)
    for c in article.annotations.claims:
        yield b.claim(c)
    for ev in article.annotations.events:
        yield b.event(ev)


def write_jsonl(articles: Iterable[Article], out: TextIO, warn: Callable[[str], None]) -> int:
    n = 0
    for article in articles:
        for anno in web_annotations(article):
            out.write(json.dumps(anno, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_folder(articles: Iterable[Article], out: Path, base_url: str | None = None) -> Path:
    """``collection.jsonld`` and one ``page-N.jsonld`` per article in ``out``; the collection."""
    out.mkdir(parents=True, exist_ok=True)
    base = base_url.rstrip("/") + "/" if base_url else out.resolve().as_uri() + "/"
    collection = base + "collection.jsonld"
    total = 0
    pages = 0
    for article in articles:
        pages += 1
        items = []
        for anno in web_annotations(article):
            anno.pop("@context")
            items.append(anno)
        page = {
            "@context": CONTEXT,
            "id": f"{base}page-{pages}.jsonld",
            "type": "AnnotationPage",
            # the collection described, as the model's examples do (its total is only
            # known once every page is written: it is in collection.jsonld)
            "partOf": {"id": collection, "label": LABEL},
            "startIndex": total,
            "items": items,
        }
        if pages > 1:
            page["prev"] = f"{base}page-{pages - 1}.jsonld"
        page["next"] = f"{base}page-{pages + 1}.jsonld"  # removed from the last page below
        (out / f"page-{pages}.jsonld").write_text(json_indented.dumps(page), encoding="utf-8")
        total += len(items)
    if pages:
        last = out / f"page-{pages}.jsonld"
        data = json.loads(last.read_text(encoding="utf-8"))
        data.pop("next")
        last.write_text(json_indented.dumps(data), encoding="utf-8")
    coll: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": LABEL,
        "total": total,
    }
    if pages:
        coll["first"] = f"{base}page-1.jsonld"
        coll["last"] = f"{base}page-{pages}.jsonld"
    path = out / "collection.jsonld"
    path.write_text(json_indented.dumps(coll), encoding="utf-8")
    return path

"""schema.org ClaimReview JSON-LD: one per claim that carries a verdict.

Google's required fields are always there: ``claimReviewed`` (the claim's content),
``reviewRating`` with ``alternateName`` (the verdict's name) and ``url`` (the page of
the review: the publisher's base url, or a template with ``{name}`` and ``{claim}``).
Recommended ones come when known: ``ratingValue``/``bestRating``/``worstRating`` from
the codebook's verdict ratings, ``author`` (the publisher), ``datePublished`` (the
review's date), ``reviewBody`` (the note) and ``itemReviewed``, a ``Claim`` whose
``author`` is the claim's source and whose ``appearance`` is the article (its url and
date from the front matter). The stream is one JSON array; ``--html`` wraps each
review in its own ``<script type="application/ld+json">`` on a readable page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import quote

from tui.extract.codebook import Codebook
from tui.model import Claim
from tui.store.formats import json_indented
from tui.store.formats.source import Article

_PERSON_TYPES = {"PERSON"}


@dataclass(frozen=True, slots=True)
class Publisher:
    url: str  # base url of the published reviews, or a template with {name} and {claim}
    name: str = ""


def review_url(publisher: Publisher, article: Article, claim: Claim) -> str:
    if "{" in publisher.url:
        return publisher.url.format(name=quote(article.stem), claim=claim.id)
    return f"{publisher.url.rstrip('/')}/{quote(article.stem)}#{claim.id}"


def _claim_author(article: Article, claim: Claim) -> dict[str, Any] | None:
    if claim.source is None:
        return None
    entity = article.annotations.entity(claim.source.entity)
    name = entity.name if entity is not None else " ".join(claim.source.span.text.split())
    # schema.org wants a Person or an Organization; a source that is no named person
    # ("a security source", "the ministry") is taken as an organisation.
    kind = "Person" if entity is not None and entity.type in _PERSON_TYPES else "Organization"
    return {"@type": kind, "name": name}


def claim_review(
    article: Article, claim: Claim, codebook: Codebook, publisher: Publisher
) -> dict[str, Any]:
    verdict = claim.review.verdict
    choice = next((v for v in codebook.verdicts if v.name == verdict), None)
    ratings = [v.rating for v in codebook.verdicts if v.rating is not None]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict}
    if choice is not None and choice.rating is not None:
        rating.update(ratingValue=choice.rating, bestRating=max(ratings), worstRating=min(ratings))
    if choice is not None and choice.description:
        rating["ratingExplanation"] = choice.description
    meta = article.document.meta
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if meta.get("url"):
        appearance["url"] = meta["url"]
    appearance["headline"] = article.document.title or article.name
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    author = _claim_author(article, claim)
    if author is not None:
        item["author"] = author
    published = meta.get("published") or meta.get("date")
    if published:
        item["datePublished"] = published
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(publisher, article, claim),
        "claimReviewed": " … ".join(" ".join(s.text.split()) for s in claim.content),
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if publisher.name:
        out["author"] = {"@type": "Organization", "name": publisher.name}
        if "{" not in publisher.url:
            out["author"]["url"] = publisher.url
    if claim.review.at:
        out["datePublished"] = claim.review.at[:10]
    if claim.review.note:
        out["reviewBody"] = claim.review.note
    return out


def reviews(
    articles: Iterable[Article], codebook: Codebook, publisher: Publisher
) -> Iterable[tuple[Article, Claim, dict[str, Any]]]:
    for article in articles:
        for claim in article.annotations.claims:
            if claim.review.verdict is not None and claim.status != "rejected":
                yield article, claim, claim_review(article, claim, codebook, publisher)


def _script(data: dict[str, Any]) -> str:
    # "<" as \u003c: no "</script>" in a note can end the script early.
    body = json_indented.dumps(data, indent=2).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{body}\n</script>\n'


def write(
    articles: Iterable[Article],
    out: TextIO,
    warn: Callable[[str], None],
    *,
    codebook: Codebook,
    publisher: Publisher,
    as_html: bool = False,
) -> int:
    n = 0
    if as_html:
        out.write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            "<title>Claim reviews</title>\n</head>\n<body>\n<h1>Claim reviews</h1>\n"
        )
    else:
        out.write("[")
    for article, claim, data in reviews(articles, codebook, publisher):
        if as_html:
            source = data["itemReviewed"].get("author", {}).get("name", "unnamed source")
            out.write(
                f'<article id="{html.escape(article.stem)}-{claim.id}">\n'
                f"<p><q>{html.escape(data['claimReviewed'])}</q> ({html.escape(source)})</p>\n"
                f"<p>Verdict: <strong>{html.escape(str(claim.review.verdict))}</strong></p>\n"
            )
            if claim.review.note:
                out.write(f"<p>{html.escape(claim.review.note)}</p>\n")
            out.write(_script(data) + "</article>\n")
        else:
            out.write(("," if n else "") + "\n" + json.dumps(data, ensure_ascii=False))
        n += 1
    out.write("</body>\n</html>\n" if as_html else ("\n]\n" if n else "]\n"))
    if n == 0:
        warn("no claim has a verdict: nothing to review")
    return n

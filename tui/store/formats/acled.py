"""ACLED CSV: one row per incident (event), ACLED's 31 columns in ACLED's order.

Filled from the review, blank where the article does not tell (ACLED's own columns
stay honest): event_date from the event's time ("on Wednesday", "29 November") or
else the article's date (time_precision 1 for a day the text gives, 2 for the
article's date, 3 for a month); actors from the event's actors and targets, their
inter codes from the words in tui/data/acled_actors.yaml; place, coordinates,
country, ISO code and geo_precision from the gazetteer (:mod:`geo`); source from the
claim the event is reported in, else the article's front matter; notes the sentence;
fatalities counted once per casualty span even when two events share it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

import yaml

from tui.model import Annotations, Event, Ref
from tui.store.formats import geo
from tui.store.formats.source import Article
from tui.text.segment import sentences

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

_POLITICAL = "Political violence"
DISORDER = {
    "Battles": _POLITICAL,
    "Explosions/Remote violence": _POLITICAL,
    "Violence against civilians": _POLITICAL,
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUBTYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": _POLITICAL,
}
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}  # fmt: skip
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}(?!\w)", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_date(text: str, reported: date | None) -> tuple[date, int] | None:
    """The date ``text`` gives and its ACLED time_precision, or None."""
    low = text.lower()
    try:
        if m := _ISO.search(text):
            return date(int(m[1]), int(m[2]), int(m[3])), 1
        if m := _DAY_MONTH_YEAR.search(text):
            return date(int(m[3]), _MONTHS[m[2].lower()[:3]], int(m[1])), 1
        if m := _MONTH_DAY.search(text):
            year = int(m[3]) if m[3] else reported.year if reported else None
            if year is not None:
                return date(year, _month(m[1]), int(m[2])), 1
        if (m := _DAY_MONTH.search(text)) and reported is not None:
            return date(reported.year, _month(m[2]), int(m[1])), 1
        if m := _MONTH_YEAR.search(text):
            return date(int(m[2]), _month(m[1]), 1), 3
    except ValueError:
        return None  # "31 February"
    if reported is not None:
        if "yesterday" in low:
            return reported - timedelta(days=1), 1
        if "today" in low or "tonight" in low or "this morning" in low:
            return reported, 1
        for i, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b{name}\b", low):
                back = (reported.weekday() - i) % 7  # the last such day, on or before the report
                return reported - timedelta(days=back), 1
    return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3] if name.lower()[:4] != "sept" else "sep"]


def article_date(article: Article) -> date | None:
    for key in ("date", "published"):
        value = article.document.meta.get(key)
        if value:
            parsed = parse_date(value, None)
            if parsed is not None:
                return parsed[0]
    return None


@lru_cache(maxsize=1)
def _inter_words() -> tuple[tuple[int, re.Pattern[str]], ...]:
    raw = yaml.safe_load(
        resources.files("tui.data").joinpath("acled_actors.yaml").read_text(encoding="utf-8")
    )
    out = []
    for code, words in raw["inter"].items():
        alternatives = "|".join(re.escape(str(w).lower()) for w in words)
        out.append((int(code), re.compile(rf"\b(?:{alternatives})\b")))
    return tuple(out)


def inter_code(phrase: str, is_country: bool) -> int | None:
    low = phrase.lower()
    for code, pattern in _inter_words():
        if pattern.search(low):
            return code
    return 1 if is_country else None


def _name(ref: Ref, ann: Annotations) -> str:
    entity = ann.entity(ref.entity)
    return entity.name if entity is not None else " ".join(ref.span.text.split())


class _Rows:
    """Rows for one article: fatality spans already counted, the article's places."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.ann = article.annotations
        self.counted: set[tuple[int, int]] = set()
        self.reported = article_date(article)
        text = article.document.text
        self.sentences = sentences(text)
        places = [m.span.text for m in self.ann.mentions if m.type in ("GPE", "LOC")]
        self.countries = geo.countries_named(places)

    def sentence(self, offset: int) -> str:
        text = self.article.document.text
        for start, end in self.sentences:
            if start <= offset < end:
                return " ".join(text[start:end].split())
        return ""

    def actor(self, refs: tuple[Ref, ...]) -> tuple[str, str, int | None]:
        if not refs:
            return "", "", None
        names = [_name(r, self.ann) for r in refs]
        first = refs[0]
        code = inter_code(f"{first.span.text} {names[0]}", geo.countries_named(names[:1]) != set())
        return names[0], "; ".join(dict.fromkeys(names[1:])), code

    def place(self, ev: Event) -> geo.Place | None:
        found = None
        for ref in ev.location:
            for name in (_name(ref, self.ann), ref.span.text):
                place = geo.resolve(name, self.countries)
                if place is not None and (found is None or found.precision is None):
                    found = place
                if place is not None:
                    break
            if found is not None and found.precision is not None:
                break
        return found

    def when(self, ev: Event) -> tuple[date | None, int | None]:
        for ref in ev.time:
            parsed = parse_date(ref.span.text, self.reported)
            if parsed is not None:
                return parsed
        return (self.reported, 2) if self.reported is not None else (None, None)

    def source(self, ev: Event) -> str:
        claim = next((c for c in self.ann.claims if c.id == ev.claim), None)
        if claim is not None and claim.source is not None:
            return _name(claim.source, self.ann)
        meta = self.article.document.meta
        return meta.get("source", "") or meta.get("author", "")

    def fatalities(self, ev: Event) -> int:
        fat = ev.fatalities
        if fat is None or fat.estimate is None:
            return 0
        key = (fat.span.start, fat.span.end)
        if key in self.counted:
            return 0  # the same casualty figure already counted for another event
        self.counted.add(key)
        return fat.estimate

    def row(self, ev: Event) -> dict[str, Any]:
        when, precision = self.when(ev)
        actor1, assoc1, inter1 = self.actor(ev.actors)
        actor2, assoc2, inter2 = self.actor(ev.targets)
        place = self.place(ev)
        # ACLED's interaction: both actor types, the lower first; one alone is followed by 0
        codes = sorted(c for c in (inter1, inter2) if c is not None)
        interaction = (
            "".join(map(str, codes)) if len(codes) == 2 else f"{codes[0]}0" if codes else ""
        )
        stamp = ev.at or ev.review.at
        return {
            "event_id_cnty": f"{(place.iso3 if place else '') or 'XXX'}-"
            f"{self.article.document.sha256[:8]}-{ev.id}",
            "event_date": when.isoformat() if when else "",
            "year": when.year if when else "",
            "time_precision": precision or "",
            "disorder_type": DISORDER_BY_SUBTYPE.get(ev.subtype, DISORDER.get(ev.type, "")),
            "event_type": ev.type,
            "sub_event_type": ev.subtype,
            "actor1": actor1,
            "assoc_actor_1": assoc1,
            "inter1": inter1 or "",
            "actor2": actor2,
            "assoc_actor_2": assoc2,
            "inter2": inter2 or "",
            "interaction": interaction,
            "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
            "iso": place.iso if place and place.iso is not None else "",
            "region": "",
            "country": place.country if place else "",
            "admin1": place.admin1 if place else "",
            "admin2": "",
            "admin3": "",
            "location": place.location if place else "",
            "latitude": place.latitude if place and place.latitude is not None else "",
            "longitude": place.longitude if place and place.longitude is not None else "",
            "geo_precision": place.precision if place and place.precision else "",
            "source": self.source(ev),
            "source_scale": "",
            "notes": self.sentence(ev.trigger.start),
            "fatalities": self.fatalities(ev),
            "tags": "",
            "timestamp": _epoch(stamp),
        }


def _epoch(stamp: str) -> int | str:
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp())


def write(articles: Iterable[Article], out: TextIO, warn: Callable[[str], None]) -> int:
    """The header, then one row per event of each article; the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in articles:
        rows = _Rows(article)
        if article.annotations.events and rows.reported is None:
            warn(f"{article.path}: no date in its front matter; events without one have no date")
        for ev in article.annotations.events:
            writer.writerow(rows.row(ev))
            n += 1
    return n

"""Hand-made annotations for the seed article, independent of the extractor."""

from __future__ import annotations

from tui.model import Annotations, Claim, Entity, Event, Fatalities, Mention, Ref, Span
from tui.text import Document


def span(doc: Document, quote: str, after: int = 0) -> Span:
    start = doc.text.index(quote, after)
    return Span.of(doc.text, start, start + len(quote))


def seed_annotations(doc: Document) -> Annotations:
    """Entities, claims and an event for seeds/aleppo.txt, placed by quoting the text."""
    t = doc.text
    ents = [
        Entity("e1", "Syrian army", "ORG"),
        Entity("e2", "Hayat Tahrir al-Sham", "ORG", aliases=("HTS", "Nusra Front")),
        Entity("e3", "Aleppo", "GPE"),
        Entity("e4", "Bashar al-Assad", "PERSON", aliases=("Assad",)),
        Entity("e5", "Sean Savett", "PERSON", aliases=("Savett",)),
        Entity("e6", "Russia", "GPE"),
        Entity("e7", "dozens", "QUANTITY"),
    ]
    mentions: list[Mention] = []

    def mention(entity: str, kind: str, quote: str) -> None:
        pos = 0
        while (pos := t.find(quote, pos)) >= 0:
            mentions.append(
                Mention(f"m{len(mentions) + 1}", Span.of(t, pos, pos + len(quote)), kind, entity)
            )
            pos += len(quote)

    mention("e1", "ORG", "Syrian army")
    mention("e2", "ORG", "Hayat Tahrir al-Sham")
    mention("e2", "ORG", "HTS")
    mention("e3", "GPE", "Aleppo")
    mention("e4", "PERSON", "Bashar al-Assad")
    mention("e5", "PERSON", "Sean Savett")
    mention("e6", "GPE", "Russia")
    mention("e7", "QUANTITY", "dozens")
    savett_later = t.index("Savett said")
    mentions.append(Mention("m900", Span.of(t, savett_later, savett_later + 6), "PERSON", "e5"))
    claims = [
        Claim(
            "c1",
            cue=span(doc, "said"),
            content=(span(doc, "dozens of its soldiers had been killed"),),
            source=Ref(span(doc, "The Syrian army"), "e1"),
        ),
        Claim(
            "c2",
            cue=span(doc, "according to"),
            content=(span(doc, "The rebels also took control of Aleppo airport"),),
            source=Ref(span(doc, "their operations room and a security source"), None),
            kind="according-to",
        ),
        Claim(
            "c3",
            cue=span(doc, "said", t.index("NSC spokesperson")),
            content=(span(doc, "Syria’s refusal to engage in a political process"),),
            source=Ref(span(doc, "NSC spokesperson Sean Savett"), "e5"),
        ),
        Claim(
            "c4",
            cue=span(doc, "claimed"),
            content=(span(doc, "about 300 rebel fighters had been killed"),),
            source=Ref(span(doc, "It", t.index("It claimed")), None),
            hedges=(span(doc, "claimed"),),
        ),
    ]
    events = [
        Event(
            "v1",
            "Battles",
            "Non-state actor overtakes territory",
            trigger=span(doc, "swept into"),
            actors=(Ref(span(doc, "Hayat Tahrir al-Sham"), "e2"),),
            targets=(Ref(span(doc, "Syrian army"), "e1"),),
            location=(Ref(span(doc, "Aleppo"), "e3"),),
            fatalities=Fatalities(span(doc, "dozens"), 24),
            claim="c1",
        ),
        Event(
            "v2",
            "Explosions/Remote violence",
            "Air/drone strike",
            trigger=span(doc, "strikes"),
            actors=(Ref(span(doc, "Russia"), "e6"),),
            claim="c4",
        ),
    ]
    return Annotations(tuple(ents), tuple(mentions), tuple(claims), tuple(events)).sorted()

"""A tiny library for corpus tests: two articles with hand-made sidecars (no extractor)."""

from __future__ import annotations

from pathlib import Path

from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Review, Span
from tui.store import sidecar
from tui.text import load_document

ALEPPO = (
    "Rebels take Aleppo airport\n"
    "ALEPPO, Syria (Reuters) - Hayat Tahrir al-Sham fighters seized the airport on Monday, "
    "the Syrian Observatory for Human Rights said. The group said its forces would hold the "
    "city.\n"
    "Russian air strikes hit Aleppo later, killing 12 people.\n"
)
GAZA = (
    "---\ntitle: Truce talks stall\nsource: Example Wire\npublished: 2024-11-28T09:00:00Z\n---\n"
    "Officials in Gaza said the talks had failed. Negotiators will meet again in Cairo.\n"
)


def at(text: str, quote: str, after: int = 0) -> Span:
    start = text.index(quote, after)
    return Span.of(text, start, start + len(quote))


def aleppo_annotations(text: str) -> Annotations:
    hts = Entity("e1", "Hayat Tahrir al-Sham", "ORG", aliases=("HTS",))
    sohr = Entity("e2", "Syrian Observatory for Human Rights", "ORG")
    aleppo = Entity("e3", "Aleppo", "GPE")
    mentions = (
        Mention("m1", at(text, "Hayat Tahrir al-Sham"), "ORG", "e1", status="accepted"),
        Mention("m2", at(text, "Syrian Observatory for Human Rights"), "ORG", "e2"),
        Mention("m3", at(text, "The group"), "ORG", "e1"),
        Mention("m4", at(text, "Aleppo", text.index("hit")), "GPE", "e3"),
    )
    c1 = Claim(
        "c1",
        cue=at(text, "said"),
        content=(at(text, "Hayat Tahrir al-Sham fighters seized the airport on Monday"),),
        source=Ref(at(text, "the Syrian Observatory for Human Rights"), "e2"),
        status="accepted",
        review=Review("false", "no seizure that day", "ana", "2024-11-30T10:00:00Z"),
    )
    c2 = Claim(
        "c2",
        cue=at(text, "said", text.index("The group")),
        content=(at(text, "its forces would hold the city"),),
        source=Ref(at(text, "The group"), "e1"),
    )
    v1 = Event(
        "v1",
        "Explosions/Remote violence",
        "Air/drone strike",
        trigger=at(text, "air strikes"),
        actors=(Ref(at(text, "Russian")),),
        location=(Ref(at(text, "Aleppo", text.index("hit")), "e3"),),
    )
    return Annotations((hts, sohr, aleppo), mentions, (c1, c2), (v1,)).sorted()


def gaza_annotations(text: str) -> Annotations:
    gaza = Entity("e1", "Gaza", "GPE")
    c1 = Claim(
        "c1",
        cue=at(text, "said"),
        content=(at(text, "the talks had failed"),),
        source=Ref(at(text, "Officials in Gaza")),
        status="accepted",
        review=Review("verified", "", "ben", "2024-11-29T08:00:00Z"),
    )
    mentions = (Mention("m1", at(text, "Gaza"), "GPE", "e1", status="accepted"),)
    return Annotations((gaza,), mentions, (c1,), ())


def write_article(folder: Path, name: str, raw: str, build=None) -> Path:
    """The article, and (with ``build``) its sidecar made from hand-made annotations."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw, encoding="utf-8")
    if build is not None:
        doc = load_document(path)
        sidecar.save(
            sidecar.sidecar_path(path),
            build(doc.text),
            sha256=doc.sha256,
            length=len(doc.text),
            name=name,
        )
    return path


def make_library(folder: Path) -> Path:
    """news/aleppo.txt (with sidecar), news/gaza.md (with sidecar), news/plain.txt (none)."""
    write_article(folder, "aleppo.txt", ALEPPO, aleppo_annotations)
    write_article(folder, "gaza.md", GAZA, gaza_annotations)
    write_article(folder, "plain.txt", "A quiet day in Homs. Nothing was reported.\n")
    return folder

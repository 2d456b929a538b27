"""A place (where, or what was hit) written as a common noun ("through the city") is linked to the place the
article named: the sidebar and the ACLED export name it; the span stays what was written."""

import csv
import io
from pathlib import Path

import pytest

from tui.cli import main
from tui.extract.pipeline import extract
from tui.model import Annotations, Ref
from tui.review import ReviewSession
from tui.text.document import Document


def named(ann: Annotations, ref: Ref) -> str | None:
    entity = ann.entity(ref.entity)
    return entity.name if entity is not None else None


def places(text: str) -> list[tuple[str, str | None]]:
    ann = extract(Document(text))
    return [(r.span.text, named(ann, r)) for e in ann.events for r in (*e.location, *e.targets)]


def test_the_city_is_the_city_the_story_named() -> None:
    text = (
        "Police shot a man in Charlotte on Tuesday.\n\n"
        "Hundreds of demonstrators gathered in the city on Sunday night.\n"
    )
    assert ("city", "Charlotte") in places(text)


def test_a_city_is_a_new_one() -> None:
    # the twin: "a city" points at no place named before
    text = (
        "Police shot a man in Charlotte on Tuesday.\n\n"
        "Hundreds of demonstrators gathered in a city on Sunday night.\n"
    )
    assert ("city", "Charlotte") not in places(text)
    assert ("city", None) in places(text)


def test_the_city_of_its_own_paragraph_beats_the_story_city() -> None:
    text = (
        "Fighting went on in Aleppo. Aleppo was shelled again. Aleppo is divided.\n\n"
        "Later, jets flew over Idlib and bombed the city, killing nine people.\n"
    )
    found = dict(places(text))
    assert found.get("city") == "Idlib"


def test_the_country_is_a_country_not_a_city() -> None:
    text = (
        "Syria has been at war since 2011. Officials met in Damascus.\n\n"
        "Gunmen attacked a checkpoint in the country on Monday.\n"
    )
    assert ("country", "Syria") in places(text)


def test_no_place_of_the_right_kind_leaves_it_unlinked() -> None:
    # "the capital" with only a city named that is no capital
    text = "Protests spread in Aleppo.\n\nGunmen attacked a checkpoint in the capital on Monday.\n"
    assert ("capital", None) in places(text)


def test_the_acled_row_names_the_city(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "report.md"
    article.write_text(
        "---\ntitle: Protests\ndate: 2016-09-25\n---\n"
        "Police shot a man in Charlotte on Tuesday.\n\n"
        "Hundreds of demonstrators gathered in the city on Sunday night.\n",
        encoding="utf-8",
    )
    session = ReviewSession.open(article)
    session.apply_extraction(extract(session.document))
    for ev in session.annotations.events:
        session.accept(ev.id)
    assert session.flush()
    assert main(["export", str(article), "--format", "acled"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    protest = next(r for r in table if r["event_type"] == "Protests")
    assert protest["location"] == "Charlotte"
    assert protest["country"] == "United States"


def test_the_dateline_city_beats_a_neighbourhood_named_twice() -> None:
    # the Charlotte story: "Uptown" (a neighbourhood the gazetteer lists as a city) twice,
    # Charlotte only in the dateline before "the city"
    text = (
        "CHARLOTTE - Police shot a man here last week.\n\n"
        "Shops in Uptown were shut on Sunday. The Uptown area was quiet.\n\n"
        "Demonstrators gathered in the city on Sunday night.\n"
    )
    assert ("city", "CHARLOTTE") in places(text)  # named as written: only the dateline names it


def test_a_neighbourhood_named_twice_beats_a_city_named_once_without_a_dateline() -> None:
    # the twin: with no dateline, the count decides
    text = (
        "Police shot a man in Charlotte last week.\n\n"
        "Shops in Uptown were shut on Sunday. The Uptown area was quiet.\n\n"
        "Demonstrators gathered in the city on Sunday night.\n"
    )
    assert ("city", "Uptown") in places(text)

"""ACLED CSV: 31 columns in ACLED's order, one row per incident, honest blanks."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests.store.formats.conftest import load
from tui.cli import main
from tui.store.formats.acled import COLUMNS, inter_code, parse_date

ACLED_ORDER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def rows(article: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["export", str(article), "--format", "acled"]) == 0
    out = capsys.readouterr().out
    reader = csv.DictReader(io.StringIO(out))
    assert reader.fieldnames == ACLED_ORDER
    return list(reader)


def test_columns_are_acleds() -> None:
    assert list(COLUMNS) == ACLED_ORDER and len(COLUMNS) == 31


def test_seed_rows_field_by_field(reviewed: Path, capsys) -> None:
    table = rows(reviewed, capsys)
    events = [e for e in load(reviewed).events if e.status != "rejected"]
    assert len(table) == len(events)  # one row per incident
    first = table[0]
    assert first["event_id_cnty"].startswith("SYR-") and first["event_id_cnty"].endswith("-v1")
    assert (first["event_type"], first["sub_event_type"]) == ("Battles", "Armed clash")
    assert first["disorder_type"] == "Political violence"
    assert first["actor1"] == "Hayat Tahrir al-Sham" and first["inter1"] == "2"
    assert first["actor2"] == "dozens of its soldiers" and first["inter2"] == "1"
    assert first["interaction"] == "12"
    assert (first["country"], first["iso"], first["location"]) == ("Syria", "760", "Aleppo")
    assert (first["latitude"], first["longitude"], first["geo_precision"]) == (
        "36.2012",
        "37.1612",
        "1",
    )
    assert first["source"] == "Syrian army"
    assert first["notes"].startswith("The Syrian army said dozens of its soldiers")
    assert first["fatalities"] == "24"
    # the seed has no front matter: no date is made up
    assert first["event_date"] == first["year"] == first["time_precision"] == ""
    # "killed" and "a major attack" are one incident: one row, "dozens" counted once
    shared = [
        r for r in table if r["notes"] == first["notes"] and r["sub_event_type"] == "Armed clash"
    ]
    assert [r["fatalities"] for r in shared] == ["24"]
    assert sum(int(r["fatalities"]) for r in table) == 24 + 300


def test_dates_from_front_matter_and_time(tmp_path: Path, capsys) -> None:
    article = tmp_path / "report.md"
    article.write_text(
        "---\ntitle: Strikes\ndate: 2024-11-29\nsource: Example Wire\n---\n"
        "Warplanes struck rebel positions in Idlib on Wednesday, killing 12 fighters.\n\n"
        "Rebels attacked an army post near Aleppo.\n",
        encoding="utf-8",
    )
    from tui.extract import extract
    from tui.review import ReviewSession

    session = ReviewSession.open(article)
    session.apply_extraction(extract(session.document))
    for ev in session.annotations.events:
        session.accept(ev.id)
    assert session.flush()
    table = rows(article, capsys)
    by_place = {r["location"]: r for r in reversed(table)}  # each place's first row
    idlib = by_place["Idlib"]
    assert (idlib["event_date"], idlib["year"], idlib["time_precision"]) == (
        "2024-11-27",
        "2024",
        "1",
    )
    assert idlib["source"] == "Example Wire"
    assert sum(int(r["fatalities"]) for r in table if r["location"] == "Idlib") == 12
    aleppo = by_place["Aleppo"]
    assert (aleppo["event_date"], aleppo["time_precision"]) == ("2024-11-29", "2")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Wednesday", (date(2024, 11, 27), 1)),
        ("29 November 2024", (date(2024, 11, 29), 1)),
        ("Nov. 3", (date(2024, 11, 3), 1)),
        ("in March 2023", (date(2023, 3, 1), 3)),
        ("yesterday", (date(2024, 11, 28), 1)),
        ("years ago", None),
        ("31 February 2024", None),
    ],
)
def test_parse_date(text: str, expected: tuple | None) -> None:
    assert parse_date(text, date(2024, 11, 29)) == expected


def test_inter_codes() -> None:
    assert inter_code("the Syrian army", False) == 1
    assert inter_code("Islamist rebels", False) == 2
    assert inter_code("civilians", False) == 7
    assert inter_code("Israel", True) == 1
    assert inter_code("a group", False) is None

"""Entity links: the coreference links among the mentions both reviewers marked."""

import json
from pathlib import Path

import pytest

from tests.corpus.test_agreement import at
from tests.corpus.test_agreement_cli import agree, put
from tui.corpus.agreement import compare_pair, counted
from tui.corpus.agreement_links import links
from tui.model import Annotations, Entity, Mention


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "500")  # one table row per line


# Five mentions; "Rebels", "they" and "Aleppo" are linked differently below.
SPANS = ("Rebels", "they", "Aleppo", "army", "soldiers")


def linked(*clusters: tuple[str, ...], types: dict[str, str] | None = None) -> Annotations:
    """A review whose entities are ``clusters`` of the quoted mentions."""
    entities, mentions = [], []
    for n, cluster in enumerate(clusters, 1):
        entities.append(Entity(f"e{n}", cluster[0], "ORG"))
        for quote in cluster:
            kind = (types or {}).get(quote, "ORG")
            mentions.append(Mention(f"m{len(mentions) + 1}", at(quote), kind, f"e{n}"))
    mentions.sort(key=lambda m: m.span.start)
    return Annotations(tuple(entities), tuple(mentions))


def test_identical_links_agree_fully() -> None:
    a = linked(("Rebels", "they"), ("Aleppo",), ("army", "soldiers"))
    got = links(a.mentions, a.mentions)
    assert (got.both, got.first, got.second, got.shared) == (2, 2, 2, 5)


def test_links_counted_by_hand() -> None:
    # A: {Rebels, they, Aleppo} {army, soldiers} -> links R-t R-A t-A a-s = 4
    # B: {Rebels, they} {Aleppo} {army, soldiers} -> links R-t a-s = 2 (ids differ from A's)
    # both: R-t, a-s = 2; F1 = 2*2 / (4+2) = 0.667
    a = linked(("Rebels", "they", "Aleppo"), ("army", "soldiers"))
    b = linked(("army", "soldiers"), ("Aleppo",), ("Rebels", "they"))
    got = links(a.mentions, b.mentions)
    assert (got.both, got.first, got.second) == (2, 4, 2)
    pair = compare_pair(counted(a), counted(b))
    assert round(pair.links.f1, 3) == 0.667  # type: ignore[arg-type]


def test_only_mentions_both_marked_count_whatever_their_type() -> None:
    a = linked(("Rebels", "they", "Aleppo"), types={"they": "NORP"})
    b = linked(("Rebels", "they"))  # B did not mark Aleppo: A's links to it are not compared
    got = links(a.mentions, b.mentions)
    assert (got.both, got.first, got.second, got.shared) == (1, 1, 1, 2)


def test_no_links_at_all_is_undefined_not_perfect() -> None:
    a = linked(("Rebels",), ("they",))
    pair = compare_pair(counted(a), counted(a))
    assert pair.links.f1 is None
    assert compare_pair(counted(linked(("Rebels", "they"))), counted(a)).links.f1 == 0.0


def test_agree_shows_link_agreement(tmp_path: Path, capsys) -> None:
    put(tmp_path / "a", linked(("Rebels", "they", "Aleppo"), ("army", "soldiers")))
    put(tmp_path / "b", linked(("Rebels", "they"), ("Aleppo",), ("army", "soldiers")))
    code, out, err = agree(capsys, tmp_path / "a", tmp_path / "b")
    assert code == 0, err
    row = next(line for line in out.splitlines() if line.startswith("entity links"))
    assert [c.strip() for c in row.split("│")[1:]] == ["4", "2", "2", "F1 0.667"]
    code, out, _ = agree(capsys, tmp_path / "a", tmp_path / "b", "--format", "json")
    entities = json.loads(out)["overall"]["entities"]
    assert entities["link_f1"] == 0.6667
    assert entities["links"] == {"A": 4, "B": 2, "both": 2}


def test_a_sidecar_under_another_name_is_a_review(tmp_path: Path, capsys) -> None:
    """A merged review written with adjudicate --out compares like any review."""
    put(tmp_path / "a", linked(("Rebels", "they")))
    b = put(tmp_path / "b", linked(("Rebels",), ("they",)))
    merged = tmp_path / "merged.yaml"
    (b.parent / (b.name + ".marginalia.yaml")).rename(merged)
    code, out, err = agree(capsys, tmp_path / "a", merged, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["overall"]["articles"] == 1 and data["not_compared"] == []
    assert data["articles"][0]["name"] == "story.txt"
    assert data["overall"]["entities"]["links"] == {"A": 1, "B": 0, "both": 0}

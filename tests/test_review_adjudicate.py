"""Opening an adjudication: the two reviews found for the article, the merged review resumed."""

from dataclasses import replace
from pathlib import Path

import pytest

from tests.corpus.test_agreement import TEXT
from tests.corpus.test_agreement_cli import put
from tests.corpus.test_agreement_settle import two_reviews
from tui.corpus.agreement_diff import settled
from tui.corpus.agreement_inputs import InputError
from tui.review_adjudicate import open_adjudication, reading_hint
from tui.store import read, save, sidecar_path


@pytest.fixture
def reviews(tmp_path: Path) -> tuple[Path, Path, Path]:
    a, b = two_reviews()
    a = replace(a, claims=tuple(replace(c, review=replace(c.review, by="alice")) for c in a.claims))
    b = replace(b, claims=tuple(replace(c, review=replace(c.review, by="bob")) for c in b.claims))
    put(tmp_path / "alice", a)
    put(tmp_path / "bob", b)
    article = tmp_path / "desk" / "story.txt"
    article.parent.mkdir()
    article.write_text(TEXT, encoding="utf-8")
    return article, tmp_path / "alice", tmp_path / "bob"


def test_open_compare_settle_and_resume(reviews: tuple[Path, Path, Path]) -> None:
    article, a, b = reviews
    adj = open_adjudication(article, a, b, reviewer="judge")
    assert adj.names == ("alice", "bob")
    assert len(adj.comparison.differences) == 5
    assert adj.session.sidecar_path == sidecar_path(article)
    adj.session.take_version(adj.comparison, 0, "B")
    assert adj.session.flush()
    again = open_adjudication(article, a / "story.txt.marginalia.yaml", b, reviewer="judge")
    assert [s for s, _ in settled(again.comparison, again.session.annotations)] == [
        "B",
        "open",
        "open",
        "open",
        "open",
    ]


def test_out_elsewhere_and_an_edited_copy_reanchored(
    reviews: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    article, a, b = reviews
    article.write_text("Update: one line on top.\n\n" + TEXT, encoding="utf-8")
    out = tmp_path / "merged.yaml"
    adj = open_adjudication(article, a, b, out=out)
    assert len(adj.notes) == 2 and "re-anchored" in adj.notes[0]
    assert len(adj.comparison.differences) == 5
    adj.session.take_version(adj.comparison, 1, "A")
    assert adj.session.flush() and read(out) is not None
    assert not sidecar_path(article).exists()


def test_reviews_that_are_not_of_this_article(reviews, tmp_path: Path) -> None:
    article, a, _ = reviews
    other = tmp_path / "other"
    put(other, two_reviews()[0], text="Something else.\n", name="else.txt")
    with pytest.raises(InputError, match="no review of story.txt"):
        open_adjudication(article, a, other)


def test_a_file_that_is_not_a_sidecar_is_never_the_merged_one(reviews, tmp_path: Path) -> None:
    article, a, b = reviews
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a Marginalia sidecar"):
        open_adjudication(article, a, b, out=notes)
    assert notes.read_text(encoding="utf-8") == "my own notes\n"


@pytest.mark.parametrize(("b_extractor", "merged_extractor"), [("x 1.0", "x 1.0"), ("x 2.0", None)])
def test_merged_review_keeps_the_extractor_both_reviews_share(
    reviews: tuple[Path, Path, Path], b_extractor: str, merged_extractor: str | None
) -> None:
    """So the reader opens the merged review as current, with no fresh suggestions slipped
    in after the adjudication; reviews of different extractor versions record none."""
    article, a, b = reviews
    for folder, version in ((a, "x 1.0"), (b, b_extractor)):
        side = sidecar_path(folder / "story.txt")
        stored = read(side)
        assert stored is not None
        save(
            side, stored.annotations, sha256=stored.sha256, length=stored.length, extractor=version
        )
    adj = open_adjudication(article, a, b)
    adj.session.take_version(adj.comparison, 0, "B")
    assert adj.session.flush()
    merged = read(sidecar_path(article))
    assert merged is not None and merged.extractor == merged_extractor


def test_reading_hint_names_the_sidecar_only_when_it_is_not_beside_the_article() -> None:
    article = Path("desk/my story.txt")
    assert reading_hint(article, sidecar_path(article)).endswith(
        "read it with: marginalia 'desk/my story.txt'"
    )
    assert reading_hint(article, Path("m.yaml")) == (
        "the merged review is m.yaml; read it with: marginalia 'desk/my story.txt' --sidecar m.yaml"
    )

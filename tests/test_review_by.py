"""Every reviewer change records who made it and when, in the sidecar; the library reads it."""

from pathlib import Path

import pytest

from tests.test_review import TEXT, annotations
from tui.corpus.reviewers import last_review, reviewers
from tui.model import Annotations, Claim, Review, ReviewChange
from tui.review import ReviewSession
from tui.store import read, save, sidecar_path
from tui.text.document import text_sha256

T1, T2 = "2025-01-02T10:00:00Z", "2025-01-03T09:30:00Z"


def open_as(article: Path, name: str, when: str) -> ReviewSession:
    s = ReviewSession.open(article, reviewer=name)
    s._clock = lambda: when  # a fixed clock: the test checks the recorded time
    return s


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    save(sidecar_path(path), annotations(), sha256=text_sha256(TEXT), length=len(TEXT))
    return path


def test_accept_reject_retype_edit_and_new_items_record_who_and_when(article: Path) -> None:
    s = open_as(article, "ana", T1)
    s.accept("m1")
    s.reject("c2")
    s.retype("m3", "GPE")
    s.edit("v1", subtype="Armed clash", claim=None)
    m = s.add_mention(TEXT.index("Savett"), TEXT.index("Savett") + 6, "PERSON")
    assert m.by == "ana" and m.at == T1  # what add_mention returns is what is kept
    assert s.flush()
    stored = read(sidecar_path(article)).annotations
    marks = {it.id: (it.by, it.at) for it in (*stored.mentions, *stored.claims, *stored.events)}
    for item_id in ("m1", "c2", "m3", "v1", m.id):
        assert marks[item_id] == ("ana", T1), item_id
    # Untouched suggestions stay unmarked: the machine's, not a reviewer's.
    assert marks["m2"] == ("", "") and marks["c1"] == ("", "")


def test_undo_takes_the_mark_back_with_the_change(article: Path) -> None:
    s = open_as(article, "ana", T1)
    s.accept("m1")
    s.undo()
    m1 = s.item("m1")
    assert (m1.status, m1.by, m1.at) == ("suggested", "", "")


def test_a_second_reviewer_takes_over_the_mark_and_the_verdict_history_keeps_both(
    article: Path,
) -> None:
    first = open_as(article, "ana", T1)
    first.set_verdict("c1", "verified")
    assert first.flush()
    second = open_as(article, "ben", T2)
    second.set_verdict("c1", "disputed")
    c1 = second.claim("c1")
    assert (c1.by, c1.at, c1.review.by) == ("ben", T2, "ben")
    assert [(h.verdict, h.by) for h in c1.review.history] == [("verified", "ana")]
    # The library's view of the same sidecar: both reviewers, the latest first.
    found = reviewers(second.annotations)
    assert [(r.name, r.items, r.first_at, r.last_at) for r in found] == [
        ("ben", 1, T2, T2),
        ("ana", 1, T1, T1),
    ]
    assert last_review(second.annotations) == ("ben", T2)


def test_an_unreviewed_article_has_no_reviewer() -> None:
    assert reviewers(annotations()) == ()
    assert last_review(Annotations()) is None


def test_review_marks_alone_name_the_reviewer() -> None:
    ann = annotations()
    old = ann.claims[0]
    judged = Claim(
        old.id,
        old.cue,
        old.content,
        old.source,
        review=Review("false", "", "cy", T2, (ReviewChange("verified", "", "ana", T1),)),
    )
    ann = Annotations(ann.entities, ann.mentions, (judged, *ann.claims[1:]), ann.events)
    assert [r.name for r in reviewers(ann)] == ["cy", "ana"]

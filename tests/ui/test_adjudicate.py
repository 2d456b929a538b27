"""The adjudication screen on the seed: three disagreements settled into a merged sidecar,
which the reader then opens."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy
from tests.waiting import wait_until_async
from tui import cli
from tui.model import Annotations, Review
from tui.review import ReviewSession
from tui.review_adjudicate import open_adjudication
from tui.store import read, save, sidecar_path
from tui.text import load_document
from tui.ui.adjudicate.app import AdjudicateApp
from tui.ui.app import MarginaliaApp
from tui.ui.card import Card
from tui.ui.config import Config


def judged(ann: Annotations, who: str, verdicts: list[str | None]) -> Annotations:
    claims = tuple(
        replace(c, status="accepted", review=Review(v, "", who, "2025-01-01T00:00:00Z"))
        for c, v in zip(ann.claims, verdicts, strict=True)
    )
    return replace(ann, claims=claims)


def reviews(tmp_path: Path) -> Path:
    """The seed reviewed by alice and by bob, disagreeing three times; its desk copy."""
    desk = seed_copy(_mkdir(tmp_path / "desk"))
    doc = load_document(desk)
    base = seed_annotations(doc)
    alice = judged(base, "alice", ["verified", "verified", "false", None])
    bob = judged(base, "bob", ["verified", "disputed", "false", None])  # 1: c2's verdict
    # 2: bob types "Bashar al-Assad" as an organisation; 3: bob rejects the "dozens" mention.
    bob = replace(
        bob,
        mentions=tuple(
            replace(m, type="ORG")
            if m.span.text == "Bashar al-Assad"
            else replace(m, status="rejected")
            if m.span.text == "dozens"
            else m
            for m in bob.mentions
        ),
    )
    for who, ann in (("alice", alice), ("bob", bob)):
        article = seed_copy(_mkdir(tmp_path / who))
        save(sidecar_path(article), ann, sha256=doc.sha256, length=len(doc.text))
    return desk


def _mkdir(p: Path) -> Path:
    p.mkdir(parents=True, exist_ok=True)
    return p


async def shown(
    app: AdjudicateApp, ready: Callable[[tuple[str, str, str, str]], bool], what: str
) -> tuple[str, str, str, str]:
    """The panel once ``ready`` holds of it (title and columns are laid out apart)."""
    await wait_until_async(lambda: ready(versions(app)), what, seen=lambda: repr(versions(app)))
    return versions(app)


def versions(app: AdjudicateApp) -> tuple[str, str, str, str]:
    """The panel's title and its three columns, as they are on screen."""
    q = app.screen.query_one

    def shown(w: Widget) -> str:
        strips = w.render_lines(Region(0, 0, w.size.width, w.size.height))
        return "\n".join(s.text.rstrip() for s in strips).strip()

    return tuple(  # type: ignore[return-value]
        shown(q(f"#{w}")) for w in ("versions-title", "version-a", "version-b", "version-merged")
    )


async def test_three_disagreements_settled_into_the_merged_sidecar(tmp_path: Path) -> None:
    desk = reviews(tmp_path)
    adj = open_adjudication(desk, tmp_path / "alice", tmp_path / "bob", reviewer="judge")
    assert [d.differs for d in adj.comparison.differences] == [
        ("presence",),  # "dozens": bob rejected it
        ("type",),  # Bashar al-Assad
        ("verdict",),  # c2
    ]
    app = AdjudicateApp(adj, config=Config())
    async with app.run_test(size=(150, 48)) as pilot:
        await pilot.pause()
        title, *_ = versions(app)
        assert title == "3 differences · 3 of 3 open · J/K step through them"
        await pilot.press("J")
        # the columns are laid out after the title changes: under load a read between
        # the two saw the new title over the old, empty columns
        title, a, b, merged = await shown(
            app,
            lambda v: "“dozens”" in v[1] and "≠ rejected (not there)" in v[2],
            "difference 1 in both columns",
        )
        assert title.startswith("difference 1/3 · mention “dozens” · presence · open")
        assert "open: not decided yet" in merged
        await pilot.press("L")  # bob: dozens is not an entity
        await pilot.press("J", "L")  # bob's type for Assad
        await pilot.press("J")
        title, a, b, _ = await shown(
            app, lambda v: "≠ verdict: verified" in v[1], "difference 3 in column A"
        )
        assert "claim “according to” · verdict · open" in title
        assert "≠ verdict: verified" in a and "≠ verdict: disputed" in b
        await pilot.press("H")  # alice's verdict
        title, *_, merged = await shown(
            app, lambda v: "verdict: verified" in v[3], "the merged column after H"
        )
        assert "took A · 0 of 3 open" in title
        # Every step undoable: u takes the last one back, ctrl+r puts it again.
        await pilot.press("u")
        assert "1 of 3 open" in versions(app)[0]
        await pilot.press("ctrl+r")
        assert "0 of 3 open" in versions(app)[0]
        await pilot.press("J")  # past the last one: stays
        assert versions(app)[0].startswith("difference 3/3")
        await pilot.press("q")
    merged = read(sidecar_path(desk)).annotations
    by_text = {m.span.text: m for m in merged.mentions}
    assert by_text["dozens"].status == "rejected" and by_text["dozens"].by == "judge"
    assert by_text["Bashar al-Assad"].type == "ORG"
    c2 = next(c for c in merged.claims if c.cue.text == "according to")
    assert (c2.review.verdict, c2.review.by, c2.by) == ("verified", "alice", "judge")
    # The reader opens the merged review as it opens any: the decisions are there.
    session = ReviewSession.open(desk)
    reader = MarginaliaApp(session=session, extractor=None, config=Config())
    async with reader.run_test(size=(150, 48)) as pilot:
        await pilot.pause()
        assert reader.reader_session().annotations == merged.sorted()
        await pilot.press("q")


async def test_nothing_taken_before_a_difference_is_chosen(tmp_path: Path) -> None:
    desk = reviews(tmp_path)
    adj = open_adjudication(desk, tmp_path / "alice", tmp_path / "bob")
    app = AdjudicateApp(adj, config=Config())
    async with app.run_test(size=(150, 48)) as pilot:
        await pilot.pause()
        await pilot.press("H")
        assert "3 of 3 open" in versions(app)[0]
        await pilot.press("q")
    assert not sidecar_path(desk).exists()  # nothing decided: nothing written


class _NoExtraction:
    """Stands in for the extractor's child process: it finds nothing new."""

    version = None
    keep_in = None

    def __init__(self, *_: object) -> None:
        self.cancelled = False

    def cached(self, document: object) -> None:
        return None

    def warm(self) -> None:
        pass

    def start(self, document: object, done: Callable[[object, object], None]) -> None:
        done(None, None)

    def cancel(self) -> None:
        self.cancelled = True


async def test_merged_review_written_with_out_opens_in_the_reader_with_sidecar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = reviews(tmp_path)
    out = tmp_path / "merged.yaml"
    adj = open_adjudication(desk, tmp_path / "alice", tmp_path / "bob", out=out, reviewer="judge")
    app = AdjudicateApp(adj, config=Config())
    async with app.run_test(size=(150, 48)) as pilot:
        await pilot.pause()
        await pilot.press("J", "H", "J", "H", "J", "L")  # alice's mentions, bob's verdict
        said = [n.message for n in app._notifications]
        hint = f"read it with: marginalia {desk} --sidecar {out}"
        assert any("every difference is settled" in m and hint in m for m in said), said
        await pilot.press("q")
    assert out.is_file() and not sidecar_path(desk).exists()  # the desk's own is untouched

    # `marginalia ARTICLE --sidecar FILE`, as typed: the reader on the merged review.
    opened: list[MarginaliaApp] = []
    monkeypatch.setattr("tui.ui.extraction.ProcessExtraction", _NoExtraction)
    monkeypatch.setattr(MarginaliaApp, "run", lambda self, **_: opened.append(self) or 0)
    assert cli.main([str(desk), "--sidecar", str(out)]) == 0
    reader = opened[0]
    async with reader.run_test(size=(150, 48)) as pilot:
        await wait_until_async(lambda: reader.reader_session(), "the reader opened")
        session = reader.reader_session()
        assert session.sidecar_path == out
        await pilot.press("J", "J")  # the second claim: the one they disagreed on
        card = reader.screen.query_one("#card", Card).text()
        assert "according to" in card and "disputed" in card, card
        taken = next(c for c in session.annotations.claims if c.cue.text == "according to")
        assert (taken.review.verdict, taken.review.by) == ("disputed", "bob")
        await pilot.press("1")  # a change made in the reader goes to the merged file
        await pilot.press("q")
    merged = read(out).annotations
    assert next(c for c in merged.claims if c.id == taken.id).review.verdict == "verified"
    assert {m.span.text: m.type for m in merged.mentions}["Bashar al-Assad"] == "PERSON"
    assert not sidecar_path(desk).exists()


def test_sidecar_option_wants_one_article_and_a_place_to_write(tmp_path: Path, capsys) -> None:
    desk = seed_copy(_mkdir(tmp_path / "desk"))
    for argv, said in (
        ([str(tmp_path / "desk"), "--sidecar", "x.yaml"], "goes with one article"),
        ([str(desk), "--sidecar", str(tmp_path)], "a folder"),
        ([str(desk), "--sidecar", str(tmp_path / "nowhere" / "m.yaml")], "no such folder"),
    ):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert said in err and err.count("\n") == 1, err


async def test_edit_keys_wait_until_a_side_is_taken(tmp_path: Path) -> None:
    """On an open difference the reader's current claim is another one: a verdict key
    must not land there. Once a side is taken, the keys edit the merged item."""
    desk = reviews(tmp_path)
    adj = open_adjudication(desk, tmp_path / "alice", tmp_path / "bob", reviewer="judge")
    app = AdjudicateApp(adj, config=Config())
    async with app.run_test(size=(150, 48)) as pilot:
        await pilot.pause()
        before = adj.session.annotations
        await pilot.press("J", "J", "J", "2")  # c2's verdict, open: refused
        said = [n.message for n in app._notifications]
        assert any("this difference is open: H or L takes a side" in m for m in said), said
        assert adj.session.annotations == before  # nothing judged anywhere
        await pilot.press("H", "u", "2")  # taken, undone: open again, refused again
        assert adj.session.annotations == before
        await pilot.press("H", "2")  # alice's claim, then the adjudicator's own verdict
        title, *_, merged = versions(app)
        assert "took B" in title and "verdict: disputed" in merged
        c2 = next(c for c in adj.session.annotations.claims if c.cue.text == "according to")
        assert (c2.cue.text, c2.review.verdict, c2.review.by) == (
            "according to",
            "disputed",
            "judge",
        )
        await pilot.press("q")

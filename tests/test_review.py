"""ReviewSession: every command, its undo and redo, saving, conflicts, read-only."""

import time
from pathlib import Path

import pytest

from tests.waiting import wait_until
from tui.model import Annotations, Claim, Entity, Event, Mention, Ref, Span
from tui.review import ReadOnlyError, ReviewSession
from tui.store import read, sidecar_path

TEXT = (
    "The Syrian army said dozens of its soldiers had been killed in Aleppo. "
    "Rebels said they took the airport. Savett said the US was not involved.\n"
)


def at(needle: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(needle, i + 1)
    return Span.of(TEXT, i, i + len(needle))


def annotations() -> Annotations:
    entities = (
        Entity("e1", "Syrian army", "ORG"),
        Entity("e2", "Aleppo", "GPE"),
        Entity("e3", "US", "ORG"),
    )
    mentions = (
        Mention("m1", at("Syrian army"), "ORG", "e1"),
        Mention("m2", at("Aleppo"), "GPE", "e2"),
        Mention("m3", at("US"), "ORG", "e3"),
    )
    claims = (
        Claim(
            "c1",
            at("said"),
            (at("dozens of its soldiers had been killed in Aleppo"),),
            Ref(at("Syrian army"), "e1"),
        ),
        Claim("c2", at("said", 1), (at("they took the airport"),), Ref(at("Rebels"), None)),
        Claim("c3", at("said", 2), (at("the US was not involved"),), Ref(at("Savett"), None)),
    )
    events = (Event("v1", "Battles", "Armed clash", at("killed"), claim="c1"),)
    return Annotations(entities, mentions, claims, events)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def session(article: Path) -> ReviewSession:
    s = ReviewSession.open(article, reviewer="ana")
    s._clock = lambda: "2026-11-25T12:00:00Z"  # noqa: SLF001 - a fixed clock for exact asserts
    s.apply_extraction(annotations())
    return s


def test_fresh_suggestions_do_not_write_a_file(session: ReviewSession, article: Path) -> None:
    assert session.save_state == "saved"
    assert session.flush()
    assert not sidecar_path(article).exists()
    assert session.progress.claims_total == 3 and session.progress.suggestions_left == 7


def test_verdict_records_who_when_and_history(session: ReviewSession) -> None:
    session.set_verdict("c1", "disputed")
    session.set_verdict("c1", "verified")
    c1 = session.claim("c1")
    assert c1.review.verdict == "verified" and c1.review.by == "ana"
    assert c1.review.at == "2026-11-25T12:00:00Z"
    assert [h.verdict for h in c1.review.history] == ["disputed"]
    assert c1.status == "accepted"
    assert session.progress.claims_reviewed == 1
    session.set_verdict("c1", None)
    assert session.claim("c1").review.verdict is None
    with pytest.raises(ValueError, match="unknown verdict"):
        session.set_verdict("c1", "probably")
    with pytest.raises(KeyError):
        session.set_verdict("m1", "verified")


def test_every_command_undoes_and_redoes(session: ReviewSession) -> None:
    original = session.annotations
    steps = [
        lambda: session.set_verdict("c2", "false"),
        lambda: session.set_note("c2", "Rebels often overstate."),
        lambda: session.set_note("m1", "army = SAA"),
        lambda: session.accept("m1"),
        lambda: session.reject("v1"),
        lambda: session.accept_all(["m2", "m3", "c3"]),
        lambda: session.retype("m3", "GPE"),
        lambda: session.add_mention(TEXT.index("Savett"), TEXT.index("Savett") + 6, "PERSON"),
        lambda: session.add_mention(TEXT.index("Rebels"), TEXT.index("Rebels") + 6, "ORG"),
        lambda: session.adjust_mention(
            "m1", TEXT.index("Syrian army"), TEXT.index("Syrian army") + 6
        ),
        lambda: session.merge_mention("m2", "e1"),
        lambda: session.split_mention("m2"),
        lambda: session.add_claim(
            (TEXT.index("took"), TEXT.index("took") + 4), [(0, 10)], None, "indirect"
        ),
        lambda: session.add_event(
            "Armed clash",
            (TEXT.index("took"), TEXT.index("took") + 4),
            actors=[(TEXT.index("Rebels"), TEXT.index("Rebels") + 6)],
        ),
        lambda: session.edit("c3", kind="direct"),
    ]
    states = [session.annotations]
    for step in steps:
        step()
        assert session.annotations != states[-1], step
        states.append(session.annotations)
    for expected in reversed(states[:-1]):
        assert session.undo() is not None
        assert session.annotations == expected
    assert session.annotations == original
    assert session.undo() is None
    for expected in states[1:]:
        assert session.redo() is not None
        assert session.annotations == expected
    assert session.redo() is None


def test_entity_corrections(session: ReviewSession) -> None:
    session.retype("m3", "GPE")
    assert session.entity("e3").type == "GPE"
    assert session.item("m3").type == "GPE" and session.item("m3").status == "accepted"
    m = session.add_mention(TEXT.index("Savett"), TEXT.index("Savett") + 6, "PERSON")
    assert m.origin == "user" and m.span.text == "Savett"
    assert session.entity(m.entity).name == "Savett"
    with pytest.raises(ValueError, match="already marked"):
        session.add_mention(m.span.start, m.span.end, "PERSON")
    session.merge_mention("m2", "e1")  # Aleppo into Syrian army: e2 has no mentions left
    assert session.item("m2").entity == "e1" and session.entity("e2") is None
    assert "Aleppo" in session.entity("e1").aliases
    session.split_mention("m2")
    assert session.item("m2").entity not in ("e1", "e2")
    with pytest.raises(ValueError, match="unknown entity type"):
        session.retype("m1", "ANIMAL")


def test_rejected_stay_rejected_after_reextraction(session: ReviewSession) -> None:
    session.reject("m3")
    session.reject("c2")
    session.apply_extraction(annotations())
    assert [m.id for m in session.annotations.mentions if m.span.text == "US"] == ["m3"]
    assert session.item("m3").status == "rejected"
    assert len(session.annotations.claims) == 3


def test_changes_are_saved_and_read_back(session: ReviewSession, article: Path) -> None:
    session.set_verdict("c1", "verified")
    session.set_note("c1", "Matches the ministry's own statement.")
    assert session.save_state == "unsaved"
    assert session.flush()
    assert session.save_state == "saved"
    stored = read(sidecar_path(article)).annotations
    c1 = next(c for c in stored.claims if c.id == "c1")
    assert c1.review.verdict == "verified" and c1.review.note.startswith("Matches")
    assert len(stored.mentions) == 3  # the suggestions came along with the first change
    again = ReviewSession.open(article)
    assert again.claim("c1").review.verdict == "verified"


def test_autosave_within_a_second(session: ReviewSession, article: Path) -> None:
    session.start_autosave()
    session.set_verdict("c3", "unverifiable")
    # The debounce is under a second; the bound is generous so a loaded machine cannot fail it.
    wait_until(
        lambda: session.save_state == "saved", "the autosave", seen=lambda: session.save_state
    )
    assert read(sidecar_path(article)).annotations.claims[2].review.verdict == "unverifiable"
    session.close()


def test_external_change_is_a_conflict_not_an_overwrite(
    session: ReviewSession, article: Path
) -> None:
    session.set_verdict("c1", "verified")
    session.flush()
    side = sidecar_path(article)
    theirs = side.read_text().replace("verdict: verified", "verdict: 'false'")
    time.sleep(0.01)
    side.write_text(theirs + "# edited elsewhere\n")
    assert session.disk_changed()
    session.set_note("c1", "mine")
    assert not session.flush()
    assert session.save_state == "conflict"
    assert side.read_text().endswith("# edited elsewhere\n")  # theirs untouched
    assert session.reload_from_disk() is None
    assert session.claim("c1").review.verdict == "false"
    assert session.save_state == "saved"
    session.undo()  # the reload itself can be undone
    assert session.claim("c1").review.note == "mine"


def test_keep_mine_keeps_theirs_as_backup(session: ReviewSession, article: Path) -> None:
    session.set_verdict("c1", "verified")
    session.flush()
    side = sidecar_path(article)
    side.write_text(side.read_text() + "# theirs\n")
    session.set_verdict("c2", "false")
    assert not session.flush()
    assert session.keep_mine()
    assert side.with_name(side.name + ".bak").read_text().endswith("# theirs\n")
    assert read(side).annotations.claims[1].review.verdict == "false"


def test_corrupt_sidecar_opens_read_only_and_is_never_overwritten(article: Path) -> None:
    side = sidecar_path(article)
    side.write_text("marginalia: 1\nentities: [oops\n")
    session = ReviewSession.open(article)
    assert session.read_only is not None
    assert str(side) in session.read_only and ":3" in session.read_only
    assert session.save_state == "read-only"
    with pytest.raises(ReadOnlyError):
        session.set_verdict("c1", "verified")
    session.flush()
    session.close()
    assert side.read_text() == "marginalia: 1\nentities: [oops\n"


def test_edited_article_reanchors_and_lists_what_needs_attention(
    session: ReviewSession, article: Path
) -> None:
    session.set_verdict("c1", "verified")
    session.flush()
    article.write_text(
        "UPDATED. " + TEXT.replace("took the airport", "seized the base"), encoding="utf-8"
    )
    again = ReviewSession.open(article)
    assert again.claim("c1").review.verdict == "verified"
    assert again.claim("c1").anchor == "moved"
    assert again.claim("c2").anchor == "orphaned"
    assert {it.id for it in again.needs_attention()} >= {"c1", "c2"}
    assert any("article changed" in n for n in again.notices)


def test_reopening_an_edited_article_writes_the_reanchored_sidecar_at_once(
    session: ReviewSession, article: Path
) -> None:
    session.set_verdict("c1", "verified")
    session.close()
    before = read(sidecar_path(article))
    new_text = "UPDATED. " + TEXT
    article.write_text(new_text, encoding="utf-8")
    again = ReviewSession.open(article)
    assert again.save_state == "saved"
    again.close()  # quit straight away: nothing else done
    on_disk = read(sidecar_path(article))
    assert on_disk.sha256 == again.document.sha256 != before.sha256
    c1 = next(c for c in on_disk.annotations.claims if c.id == "c1")
    assert c1.anchor == "moved" and c1.review.verdict == "verified"
    assert new_text[c1.cue.start : c1.cue.end] == "said"
    # the version before re-anchoring is kept
    backup = sidecar_path(article).with_name(sidecar_path(article).name + ".bak")
    assert read(backup).sha256 == before.sha256
    # its twin: reopening the unchanged article writes nothing
    stamp = sidecar_path(article).stat().st_mtime_ns
    ReviewSession.open(article).close()
    assert sidecar_path(article).stat().st_mtime_ns == stamp


def test_opening_removes_what_an_interrupted_save_left(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from tui.store import leftovers

    side = sidecar_path(article)
    left = side.with_name(f".{side.name}.k1lled00.tmp")
    left.write_text("half a save")
    ReviewSession.open(article)
    assert left.exists()  # a moment old: perhaps a save under way in another process
    later = time.time() + leftovers.STALE_AFTER + 1
    monkeypatch.setattr(leftovers.time, "time", lambda: later)
    ReviewSession.open(article)
    assert not left.exists()


def test_a_current_sidecar_needs_no_extraction(session: ReviewSession, article: Path) -> None:
    from tui.extract.version import extractor_version

    assert session.needs_extraction is False  # the fixture merged this extractor's suggestions
    session.set_verdict("c1", "verified")
    session.close()
    assert read(sidecar_path(article)).extractor == extractor_version()
    again = ReviewSession.open(article)
    assert again.needs_extraction is False  # same text, same extractor: final as stored
    # the text changed: suggestions are stale
    article.write_text("UPDATED. " + TEXT, encoding="utf-8")
    assert ReviewSession.open(article).needs_extraction is True


def test_a_sidecar_from_another_extractor_is_refreshed_and_then_current(
    session: ReviewSession, article: Path
) -> None:
    session.set_verdict("c1", "verified")
    session.close()
    side = sidecar_path(article)
    text = side.read_text(encoding="utf-8")
    side.write_text(text.replace("\nextractor: ", "\nextractor: x0-older"), encoding="utf-8")
    old = ReviewSession.open(article)
    assert old.needs_extraction is True
    old.apply_extraction(annotations())
    assert old.needs_extraction is False and old.dirty  # recorded in the existing file
    old.close()
    assert ReviewSession.open(article).needs_extraction is False
    # a file without the key (written before it existed) loads, and is simply not current
    side.write_text(
        "".join(line for line in text.splitlines(True) if not line.startswith("extractor:")),
        encoding="utf-8",
    )
    plain = ReviewSession.open(article)
    assert plain.read_only is None and plain.claim("c1").review.verdict == "verified"
    assert plain.needs_extraction is True


def test_our_own_save_in_progress_is_not_a_change_on_disk(
    session: ReviewSession, article: Path
) -> None:
    # A UI polls disk_changed() from its own thread while the saver thread writes:
    # the half-recorded write must not look like another program's edit.
    import threading

    from tui.store import sidecar

    writing, release = threading.Event(), threading.Event()
    real_save = sidecar.save

    def slow_save(*args, **kwargs):
        real_save(*args, **kwargs)
        writing.set()
        release.wait(2)

    session.set_verdict("c1", "verified")
    sidecar.save = slow_save
    try:
        saver = threading.Thread(target=session.save)
        saver.start()
        assert writing.wait(2)
        assert not session.disk_changed()  # the file is new, but it is ours
        release.set()
        saver.join(2)
    finally:
        sidecar.save = real_save
    assert not session.disk_changed()
    assert session.save_state == "saved"

"""Opening: annotations in the first frame when the sidecar is current, suggestions below
the configured confidence hidden, entity types from the codebook, a child extractor
that can be abandoned."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy, status_line
from tests.waiting import wait_until, wait_until_async
from tui.extract.codebook import parse_codebook
from tui.model import Annotations, Entity, Mention, Span
from tui.review import ReviewSession
from tui.text import Document
from tui.ui.app import MarginaliaApp
from tui.ui.article_view import ArticleView
from tui.ui.config import Config
from tui.ui.extraction import ProcessExtraction
from tui.ui.reader_messages import TextShown
from tui.ui.sidebar import Legend


def never_called(document: Document) -> Annotations:
    raise AssertionError("the extractor ran, though the sidecar was current")


async def test_a_current_sidecar_is_drawn_in_the_first_frame_without_extraction(tmp_path):
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c1", "verified")  # something to save: the sidecar is written
    session.close()
    reopened = ReviewSession.open(path, reviewer="tester")
    assert reopened.needs_extraction is False  # same text, same extractor: the file is final
    seen: list[int] = []

    def hook(message: object) -> None:
        if isinstance(message, TextShown) and not seen:
            seen.append(len(app.screen.query_one(ArticleView)._mentions.starts))

    app = MarginaliaApp(session=reopened, extractor=never_called)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await wait_until_async(lambda: seen, "the first frame")
        assert seen[0] == len(reopened.annotations.mentions) > 0  # highlights at once
        assert app.screen.ready and not app.screen.extracting
        await pilot.press("J")
        assert app.screen.state.current_claim.id == "c1"


async def test_a_stale_sidecar_is_extracted_again(tmp_path):
    """The twin: when the session asks for extraction, it runs and is merged."""
    path = seed_copy(tmp_path)
    calls: list[int] = []

    def extractor(document: Document) -> Annotations:
        calls.append(1)
        return seed_annotations(document)

    session = ReviewSession.open(path, reviewer="tester")
    assert session.needs_extraction is True  # no sidecar yet
    app = MarginaliaApp(session=session, extractor=extractor)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until_async(lambda: app.screen.ready, "the extraction")
        await pilot.pause()
        assert calls == [1] and len(app.screen.state.claims) == 4


def _low_confidence(ann: Annotations) -> Annotations:
    mentions = tuple(
        replace(m, confidence=0.3) if m.span.text == "Aleppo" else m for m in ann.mentions
    )
    return replace(ann, mentions=mentions)


async def test_min_confidence_from_the_config_hides_unsure_suggestions(tmp_path):
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(_low_confidence(seed_annotations(session.document)))
    app = MarginaliaApp(session=session, extractor=None, config=Config(min_confidence=0.5))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        shown = {m.span.text for m in screen.state.mentions}
        assert "Aleppo" not in shown and "Russia" in shown
        drawn = screen.query_one(ArticleView)._mentions
        text = session.document.text
        assert all(text[s:e] != "Aleppo" for s, e in zip(drawn.starts, drawn.ends, strict=True))
        assert "confidence ≥ 0.5" in status_line(app)


async def test_without_min_confidence_every_suggestion_shows(tmp_path):
    """The twin: the same annotations, no threshold, Aleppo highlighted."""
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(_low_confidence(seed_annotations(session.document)))
    app = MarginaliaApp(session=session, extractor=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Aleppo" in {m.span.text for m in app.screen.state.mentions}
        assert "confidence" not in status_line(app)


CUSTOM = """
event_types: [{name: Battles, key: b, subtypes: [{name: Armed clash, key: c}]}]
verdicts: [{name: verified, key: '1'}, {name: wrong, key: '2'}]
entity_types:
  - {name: PERSON, key: p, roles: [source, actor]}
  - {name: WEAPON, key: k, roles: [actor], description: Arms and munitions}
"""


async def test_a_type_from_a_custom_codebook_shows_with_its_letter(tmp_path):
    codebook = parse_codebook(CUSTOM, "custom.yaml")
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester", codebook=codebook)
    ann = seed_annotations(session.document)
    text = session.document.text
    start = text.index("missile")
    gun = Mention("m500", Span.of(text, start, start + 7), "WEAPON", "e500")
    ann = replace(
        ann,
        entities=(*ann.entities, Entity("e500", "missile", "WEAPON")),
        mentions=(*ann.mentions, gun),
    )
    session.apply_extraction(ann.sorted())
    app = MarginaliaApp(session=session, extractor=None, codebook=codebook)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until_async(
            lambda: "weapon" in str(app.screen.query_one(Legend).render()), "the legend"
        )
        legend = str(app.screen.query_one(Legend).render())
        assert " K  weapon 1" in legend and "?" not in legend
        await pilot.pause()


def test_the_child_extractor_is_killed_when_abandoned():
    sleeper = ProcessExtraction(argv=[sys.executable, "-c", "import time; time.sleep(60)"])
    done: list[object] = []
    sleeper.start(Document("Some text."), lambda ann, error: done.append((ann, error)))
    assert sleeper._proc.poll() is None  # working
    sleeper.cancel()
    wait_until(lambda: sleeper._proc.poll() is not None, "the child to end")
    assert done == []  # an abandoned extraction reports nothing


def test_the_child_extractor_finds_the_seeds_annotations(seed_path: Path, tmp_path: Path):
    """The twin: left alone, the child process extracts and answers in batches; then it
    keeps them in the extraction cache."""
    from tui.cache.extractions import ExtractionCache
    from tui.extract.version import extractor_version
    from tui.text import load_document

    child = ProcessExtraction()
    child.keep_in = cache = ExtractionCache(tmp_path / "cache")
    document = load_document(seed_path)
    done: list[tuple[object, object]] = []
    child.start(document, lambda ann, error: done.append((ann, error)))
    wait_until(lambda: done, "the child's annotations", timeout=50)
    ann, error = done[0]
    assert error is None and isinstance(ann, Annotations)
    assert ann.claims and ann.mentions and ann.events
    wait_until(lambda: cache.load(document, extractor_version()), "the cache entry")
    assert cache.load(document, extractor_version()) == ann
    assert child.cached(document) == ann  # as the next reader will ask for it


# The real child (child_main: answer, then write the cache entry) with a stand-in
# extractor, and the entry's writing held until the test creates the file argv[1].
HELD_CHILD = """
import sys, time
from pathlib import Path
import tui.extract
from tests.ui.fixtures import seed_annotations
from tui.cache.extractions import ExtractionCache
from tui.model import Annotations
from tui.ui import extraction

go = Path(sys.argv[1])
tui.extract.extract = lambda doc, *_: seed_annotations(doc) if "Savett" in doc.text else Annotations()
store = ExtractionCache.store

def held(self, *args, **kwargs):
    deadline = time.monotonic() + 30
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return store(self, *args, **kwargs)

ExtractionCache.store = held
sys.exit(extraction.child_main())
"""


def test_a_quit_after_the_results_arrive_lets_the_child_write_the_cache_entry(
    seed_path: Path, tmp_path: Path
):
    """The reader quits while the child is still writing the entry: the child is not
    killed (the entry is not lost), and ends on its own."""
    from tui.cache.extractions import ExtractionCache
    from tui.text import load_document

    go = tmp_path / "go"
    child = ProcessExtraction(argv=[sys.executable, "-c", HELD_CHILD, str(go)])
    child.version = "x1-test"
    child.keep_in = cache = ExtractionCache(tmp_path / "cache")
    document = load_document(seed_path)
    done: list[tuple[object, object]] = []
    child.start(document, lambda ann, error: done.append((ann, error)))
    wait_until(lambda: done, "the child's annotations")
    assert done[0] == (seed_annotations(document), None)
    child.cancel()  # the reader quits: the child is held before writing the entry
    assert cache.load(document, "x1-test") is None
    go.touch()
    proc = child._proc
    assert proc is not None
    wait_until(lambda: proc.poll() is not None, "the child to end")
    assert proc.returncode == 0  # not killed
    assert cache.load(document, "x1-test") == seed_annotations(document)

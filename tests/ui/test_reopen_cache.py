"""Reopening an article nobody reviewed: the extractor's suggestions come from the cache,
in the first frame, without extracting again; anything that changes them extracts."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.ui.fixtures import seed_annotations
from tests.ui.review_helpers import seed_copy
from tests.waiting import wait_until, wait_until_async
from tui.cache.extractions import CacheSettings, ExtractionCache
from tui.extract.version import extractor_version
from tui.model import Annotations
from tui.review import ReviewSession
from tui.store.sidecar import sidecar_path
from tui.text import Document
from tui.ui.app import MarginaliaApp
from tui.ui.article_view import ArticleView
from tui.ui.config import Config
from tui.ui.extraction import ProcessExtraction, ThreadExtraction
from tui.ui.reader_messages import TextShown


class Counting:
    """An extractor that counts its runs (the hand-made annotations as its output)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, document: Document) -> Annotations:
        self.calls += 1
        return seed_annotations(document)


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("**/*.json"))


async def open_once(
    path: Path, extractor: Counting, version: str = "x1-test", config: Config | None = None
) -> int:
    """Open ``path`` in the reader until its annotations are final; the highlights the
    first frame showed."""
    config = config or Config(cache=CacheSettings(folder=path.parent / "cache"))
    seen: list[int] = []

    def hook(message: object) -> None:
        if isinstance(message, TextShown) and not seen:
            seen.append(len(app.screen.query_one(ArticleView)._mentions.starts))

    extraction = ThreadExtraction(extractor, version=version)
    app = MarginaliaApp(path, extraction=extraction, config=config)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await wait_until_async(lambda: app.screen.ready, "the annotations")
        await pilot.pause()
        assert len(app.screen.state.claims) == 4  # the suggestions, however they came
        await pilot.press("q")
    return seen[0] if seen else -1


def cached_seed(tmp_path: Path) -> tuple[Path, Counting]:
    """The seed in ``tmp_path`` with the cache holding its suggestions (as a first open
    leaves it: see the first test), and an extractor not run yet."""
    path = seed_copy(tmp_path)
    doc = Document(path.read_text(encoding="utf-8"))
    assert ExtractionCache(tmp_path / "cache").store(doc, "x1-test", seed_annotations(doc))
    return path, Counting()


async def test_a_second_open_shows_the_suggestions_at_once_without_extracting(tmp_path):
    path = seed_copy(tmp_path)
    extractor = Counting()
    assert await open_once(path, extractor) == 0  # the first: extracted after the text
    assert extractor.calls == 1
    wait_until(lambda: entries(tmp_path), "the cache entry")  # written after the reader has it
    assert not sidecar_path(path).exists()  # only looked at: nothing beside the article
    highlights = await open_once(path, extractor)
    assert extractor.calls == 1  # not run again
    assert highlights == len(seed_annotations(Document(path.read_text())).mentions)
    assert not sidecar_path(path).exists()


async def test_a_changed_text_is_extracted_again(tmp_path):
    path, extractor = cached_seed(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "\nAn update.\n", encoding="utf-8")
    highlights = await open_once(path, extractor)
    assert extractor.calls == 1 and highlights == 0  # nothing to show before extracting


async def test_a_corrupt_entry_is_extracted_again_and_mended(tmp_path):
    path, extractor = cached_seed(tmp_path)
    (entry,) = entries(tmp_path)
    whole = entry.stat().st_size
    entry.write_bytes(entry.read_bytes()[:-100])  # truncated, as by a full disk
    assert await open_once(path, extractor) == 0
    assert extractor.calls == 1
    wait_until(lambda: entry.stat().st_size == whole, "the entry written again")
    assert await open_once(path, extractor) > 0  # the twin: mended, read again
    assert extractor.calls == 1


async def test_another_extractor_version_extracts_again(tmp_path):
    path, extractor = cached_seed(tmp_path)
    assert await open_once(path, extractor, version="x1-other") == 0
    assert extractor.calls == 1
    assert await open_once(path, extractor, version="x1-test") > 0  # the twin
    assert extractor.calls == 1


async def test_with_the_cache_off_every_open_extracts_and_nothing_is_kept(tmp_path):
    path = seed_copy(tmp_path)
    extractor = Counting()
    off = Config(cache=CacheSettings(enabled=False, folder=tmp_path / "cache"))
    await open_once(path, extractor, config=off)
    assert await open_once(path, extractor, config=off) == 0
    assert extractor.calls == 2 and not (tmp_path / "cache").exists()


async def test_a_current_sidecar_wins_over_the_cache(tmp_path):
    """Reviewed work is the sidecar's; the cache is never consulted for a current one."""
    path, extractor = cached_seed(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c1", "verified")
    session.close()
    for entry in entries(tmp_path):
        entry.write_bytes(b"junk")  # would be a miss, and extraction, if it were read
    assert await open_once(path, extractor) > 0
    assert extractor.calls == 0
    reopened = ReviewSession.open(path, reviewer="tester")
    assert reopened.claim("c1").review.verdict == "verified"


def test_the_config_turns_the_cache_off_and_reports_a_bad_setting():
    from tui.ui.config import parse_config

    off = parse_config({"cache": False})
    assert off.cache.enabled is False and off.notice is None
    assert off.cache.open() is None
    bad = parse_config({"cache": {"max_mb": "lots"}})
    assert bad.cache == CacheSettings() and "max_mb" in (bad.notice or "")
    assert parse_config({}).cache.open() is not None  # the twin: on by default


# A child that answers at once, without loading any model (an error is an answer).
ANSWERING = [
    sys.executable,
    "-c",
    "import pickle, sys; pickle.load(sys.stdin.buffer);"
    " pickle.dump('extraction failed: a stand-in', sys.stdout.buffer)",
]


async def open_with_a_child(path: Path, cache: Path) -> ProcessExtraction:
    """Open ``path`` with a child-process extractor until the annotations are final."""
    extraction = ProcessExtraction(argv=ANSWERING)
    app = MarginaliaApp(
        path, extraction=extraction, config=Config(cache=CacheSettings(folder=cache))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until_async(lambda: app.screen.ready, "the annotations")
        await pilot.press("q")
    return extraction


async def test_a_cache_hit_starts_no_extractor_process(tmp_path):
    """Loading the models would only take the other core from the reader."""
    path = seed_copy(tmp_path)
    doc = Document(path.read_text(encoding="utf-8"))
    assert ExtractionCache(tmp_path / "cache").store(
        doc, extractor_version(), seed_annotations(doc)
    )
    assert not (await open_with_a_child(path, tmp_path / "cache")).started
    (tmp_path / "other").mkdir()
    other = seed_copy(tmp_path / "other")  # the twin: the same text edited is a miss
    other.write_text(other.read_text(encoding="utf-8") + "\nAn update.\n", encoding="utf-8")
    assert (await open_with_a_child(other, tmp_path / "cache")).started


async def test_a_current_sidecar_starts_no_extractor_process(tmp_path):
    path = seed_copy(tmp_path)
    session = ReviewSession.open(path, reviewer="tester")
    session.apply_extraction(seed_annotations(session.document))
    session.set_verdict("c1", "verified")
    session.close()
    assert not (await open_with_a_child(path, tmp_path / "cache")).started

"""The extraction cache: what it gives back is exactly what was stored, for that text,
extractor and codebook only; anything damaged or foreign is a miss, never an error."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.ui.fixtures import seed_annotations
from tui.cache.extractions import (
    CacheSettings,
    ExtractionCache,
    entry_key,
    extract_cached,
    parse_settings,
    settings_in_file,
)
from tui.extract.codebook import default_codebook
from tui.model import Review
from tui.text import Document, load_document

ROOT = Path(__file__).resolve().parents[2]
V1 = "x1-test-one"


@pytest.fixture
def doc() -> Document:
    return load_document(ROOT / "seeds" / "aleppo.txt")


@pytest.fixture
def cache(tmp_path: Path) -> ExtractionCache:
    return ExtractionCache(tmp_path / "cache")


def entry(cache: ExtractionCache) -> Path:
    (path,) = cache.entries.glob("*.json")
    return path


def test_what_is_stored_comes_back_equal(cache, doc):
    ann = seed_annotations(doc)
    assert cache.load(doc, V1) is None  # nothing yet
    assert cache.store(doc, V1, ann)
    assert cache.load(doc, V1) == ann
    assert len(entry(cache).stem) == 64  # named by a hash, nothing of the article's name


def test_another_text_extractor_or_codebook_finds_nothing(cache, doc):
    ann = seed_annotations(doc)
    cache.store(doc, V1, ann)
    edited = Document(doc.text.replace("Aleppo", "Alepo", 1))
    assert cache.load(edited, V1) is None
    assert cache.load(doc, "x1-test-two") is None
    other = replace(default_codebook(), verdicts=default_codebook().verdicts[:2])
    assert cache.load(doc, V1, other) is None
    titled = Document(doc.text, title_span=(0, 10))  # the title changes what is found
    assert cache.load(titled, V1) is None
    # The positive twins: the same codebook read from another file, the same text again.
    cache.store(doc, V1, ann, other)
    assert cache.load(doc, V1, replace(other, source="elsewhere.yaml")) == ann
    assert cache.load(Document(doc.text), V1) == ann


def _damaged(path: Path, how: str) -> None:
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    if how == "truncated":
        path.write_bytes(data[: len(data) - 40])
    elif how == "a changed byte":
        path.write_bytes(head + b"\n" + body.replace(b'"e1"', b'"e9"', 1))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "not JSON":
        path.write_bytes(b"\x00\xffgarbage\n" * 50)
    elif how == "another format":
        header = json.loads(head)
        header["marginalia-extraction-cache"] = 99
        path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    elif how == "a foreign body with a good checksum":
        import hashlib

        foreign = json.dumps(
            {
                "entities": [["e1", "X", "ORG", []]],
                "mentions": [["m1", 0, 10**9, "ORG", "e1", 0.5, None]],
                "claims": [],
                "events": [],
            }
        ).encode()
        header = json.loads(head)
        header.update(bytes=len(foreign), sha256=hashlib.sha256(foreign).hexdigest())
        path.write_bytes(json.dumps(header).encode() + b"\n" + foreign)
    elif how == "deeply nested":
        path.write_bytes(head + b"\n" + b"[" * 100_000)


DAMAGE = (
    "truncated",
    "a changed byte",
    "empty",
    "not JSON",
    "another format",
    "a foreign body with a good checksum",
    "deeply nested",
)


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_entry_is_a_miss_and_a_new_store_mends_it(cache, doc, how):
    ann = seed_annotations(doc)
    cache.store(doc, V1, ann)
    _damaged(entry(cache), how)
    assert cache.load(doc, V1) is None
    assert cache.store(doc, V1, ann) and cache.load(doc, V1) == ann


def test_a_fifo_or_a_link_in_place_of_an_entry_is_refused_at_once(cache, doc, tmp_path):
    ann = seed_annotations(doc)
    cache.store(doc, V1, ann)
    path = entry(cache)
    real = tmp_path / "real.json"
    path.rename(real)
    path.symlink_to(real)
    assert cache.load(doc, V1) is None  # even pointing at a good entry: not ours to follow
    path.unlink()
    os.mkfifo(path)
    started = time.monotonic()
    assert cache.load(doc, V1) is None
    assert time.monotonic() - started < 5  # no writer will ever come: never wait for one
    path.unlink()
    real.rename(path)
    assert cache.load(doc, V1) == ann  # the twin: the same file, in place, is read


def test_only_untouched_suggestions_are_cached(cache, doc):
    ann = seed_annotations(doc)
    judged = replace(ann, claims=(replace(ann.claims[0], review=Review("verified")),))
    accepted = replace(ann, mentions=(replace(ann.mentions[0], status="accepted"),))
    elsewhere = Document(doc.text.replace("Aleppo", "ALEPPO"))  # spans quote another text
    assert not cache.store(doc, V1, judged)
    assert not cache.store(doc, V1, accepted)
    assert not cache.store(elsewhere, V1, ann)
    assert not cache.entries.exists() or not any(cache.entries.iterdir())
    assert cache.store(doc, V1, ann)  # the twin


def test_pruning_removes_the_least_recently_used_past_the_limit(tmp_path, doc):
    probe = ExtractionCache(tmp_path / "probe")
    probe.store(doc, V1, seed_annotations(doc))
    size = entry(probe).stat().st_size
    cache = ExtractionCache(tmp_path / "cache", max_bytes=int(size * 2.5))  # room for two
    ann = seed_annotations(doc)
    for n, version in enumerate(("x1-a", "x1-b")):
        cache.store(doc, version, ann)
        past = time.time() - 100 + n
        os.utime(cache.path_for(entry_key(doc, version, None)), (past, past))
    assert cache.load(doc, "x1-a") == ann  # used now: b is the least recently used
    cache.store(doc, "x1-c", ann)  # a third does not fit
    assert cache.load(doc, "x1-b") is None
    assert cache.load(doc, "x1-a") == ann and cache.load(doc, "x1-c") == ann
    assert len(list(cache.entries.glob("*.json"))) == 2


def test_pruning_sweeps_the_temporary_files_of_killed_writes_only(cache, doc):
    cache.store(doc, V1, seed_annotations(doc))
    name = entry(cache).name
    old = cache.entries / f".{name}.abcd1234.tmp"
    young = cache.entries / f".{name}.efgh5678.tmp"
    mine = cache.entries / "notes.txt"  # not the cache's: never touched
    for path in (old, young, mine):
        path.write_bytes(b"partial")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    os.utime(mine, (time.time() - 3600, time.time() - 3600))
    cache.prune()
    assert not old.exists()
    assert young.exists() and mine.exists()  # may be being written; not ours


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, doc):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = ExtractionCache(blocked)
    assert cache.store(doc, V1, seed_annotations(doc)) is False
    assert cache.load(doc, V1) is None


def test_settings_from_the_config_and_the_environment(tmp_path, monkeypatch):
    assert parse_settings(None) == (CacheSettings(), ())
    assert parse_settings(False) == (CacheSettings(enabled=False), ())
    assert CacheSettings(enabled=False).open() is None
    settings, problems = parse_settings({"dir": str(tmp_path / "c"), "max_mb": 5})
    assert problems == () and settings.max_mb == 5
    cache = settings.open()
    assert cache is not None and cache.folder == tmp_path / "c" and cache.max_bytes == 5 << 20
    monkeypatch.setenv("MARGINALIA_CACHE_DIR", str(tmp_path / "env"))
    assert settings.open().folder == tmp_path / "env"  # the environment wins
    monkeypatch.delenv("MARGINALIA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert CacheSettings().open().folder == tmp_path / "xdg" / "marginalia"
    bad, problems = parse_settings({"enabled": "no", "max_mb": 0, "dri": "x", "dir": "rel"})
    assert bad == CacheSettings() and len(problems) == 4
    assert parse_settings({"dir": "~/c"})[0].folder == Path.home() / "c"
    assert parse_settings("off")[1]  # neither false nor a mapping
    config = tmp_path / "config.yaml"
    config.write_text("theme: light\ncache:\n  enabled: false\n")
    assert settings_in_file(config) == (CacheSettings(enabled=False), ())
    assert settings_in_file(tmp_path / "none.yaml") == (CacheSettings(), ())


def test_extract_cached_extracts_once(cache, doc, monkeypatch):
    calls: list[str] = []

    def extract(document: Document, codebook: object = None) -> object:
        calls.append(document.sha256)
        return seed_annotations(document)

    monkeypatch.setattr("tui.extract.pipeline.extract", extract)
    first = extract_cached(doc, None, cache)
    assert extract_cached(doc, None, cache) == first and len(calls) == 1
    assert extract_cached(doc, None, cache, reuse=False) == first and len(calls) == 2
    assert extract_cached(doc, None, None) == first and len(calls) == 3  # no cache: extracted


def test_a_write_that_fails_halfway_leaves_the_old_entry_and_no_temporary_file(
    cache, doc, monkeypatch
):
    ann = seed_annotations(doc)
    cache.store(doc, V1, ann)

    def killed(src: object, dst: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(os, "replace", killed)
    fewer = replace(ann, claims=ann.claims[:1], events=())
    assert cache.store(doc, V1, fewer) is False
    monkeypatch.undo()
    assert [p.name for p in cache.entries.iterdir()] == [entry(cache).name]  # no leftovers
    assert cache.load(doc, V1) == ann  # the entry as it was
    assert cache.store(doc, V1, fewer) and cache.load(doc, V1) == fewer  # the twin

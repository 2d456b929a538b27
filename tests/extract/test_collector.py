"""The garbage collector pauses while a document is extracted, and only then."""

from __future__ import annotations

import gc
import threading

import pytest

from tui.extract import extract
from tui.extract.collector import collector_paused
from tui.text import Document, segment


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_on_again_after_even_on_an_exception(collector_on) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a bug in a stage")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_resumes_when_the_last_of_overlapping_pauses_ends(collector_on) -> None:
    first_in, second_done = threading.Event(), threading.Event()
    seen = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            assert second_done.wait(10)
            seen.append(gc.isenabled())  # the other thread's end did not resume it

    t = threading.Thread(target=first)
    t.start()
    assert first_in.wait(10)
    with collector_paused():
        pass
    second_done.set()
    t.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_extraction_leaves_no_cyclic_garbage_and_restores_the_collector(
    collector_on, seed_text: str
) -> None:
    # Paused, the collector frees no cycles while an article is extracted: if a stage
    # began making them, a long batch would hold them until the collector next runs.
    gc.collect()
    ann = extract(Document(seed_text))
    assert gc.isenabled()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert gc.collect() == 0, [type(o).__name__ for o in gc.garbage[:10]]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert ann.mentions  # a positive twin: the extraction did find things


def test_extraction_forgets_the_tokens_it_remembered(seed_text: str) -> None:
    doc = Document(seed_text)
    segment.tokens(doc.text, 0, 40)  # what the stages remember while they share them
    assert any(v[0] is doc.text for v in segment._TOKENS.values())
    ann = extract(doc)
    assert ann.entities
    assert not any(v[0] is doc.text for v in segment._TOKENS.values())
    # sentence spans stay remembered (the library's index asks for them again)
    assert any(v[0] is doc.text for v in segment._PARAGRAPHS.values())

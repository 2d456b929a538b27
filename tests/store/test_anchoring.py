"""Re-anchoring annotations after the article's text changed."""

from hypothesis import given
from hypothesis import strategies as st

from tui.model import Annotations, Claim, Entity, Mention, Ref, Span
from tui.store import reanchor, reanchor_span

TEXT = (
    "The Syrian army said dozens of its soldiers had been killed. Rebels took Aleppo airport. "
    "Later the Syrian army said it would return to Aleppo.\n"
)


def at(needle: str, text: str = TEXT, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return Span.of(text, i, i + len(needle))


def test_unchanged_text_keeps_offsets() -> None:
    s = at("Aleppo airport")
    assert reanchor_span(s, TEXT) == (s, "ok")


def test_insert_before_moves_span() -> None:
    new = "UPDATE: " + TEXT
    s, state = reanchor_span(at("Aleppo airport"), new)
    assert state == "moved"
    assert new[s.start : s.end] == "Aleppo airport"
    assert s.start == TEXT.index("Aleppo airport") + len("UPDATE: ")


def test_repeated_quote_picks_the_one_with_matching_context() -> None:
    second = at("Syrian army", nth=1)  # "Later the Syrian army said it would..."
    new = "Breaking. " + TEXT.replace("Rebels took", "Insurgents seized")
    s, state = reanchor_span(second, new)
    assert state == "moved"
    assert new[s.start - 10 : s.start] == "Later the "


def test_deleted_quote_is_orphaned_and_kept() -> None:
    s = at("Aleppo airport")
    new = TEXT.replace("Aleppo airport", "the base")
    got, state = reanchor_span(s, new)
    assert state == "orphaned"
    assert got == s  # old offsets and quote kept for the reviewer to place


def test_edit_inside_span_orphans_it_but_not_its_neighbours() -> None:
    ann = Annotations(
        (Entity("e1", "Syrian army", "ORG"), Entity("e2", "Aleppo airport", "FAC")),
        (
            Mention("m1", at("Syrian army"), "ORG", "e1"),
            Mention("m2", at("Aleppo airport"), "FAC", "e2"),
        ),
        (
            Claim(
                "c1",
                at("said"),
                (at("dozens of its soldiers had been killed"),),
                Ref(at("Syrian army"), "e1"),
            ),
        ),
    )
    new = TEXT.replace("Aleppo airport", "Aleppo's airport").replace("soldiers", "troops")
    got, report = reanchor(ann, new)
    assert report.orphaned == ("m2", "c1")
    assert report.moved == ()
    by_id = {m.id: m for m in got.mentions}
    assert by_id["m1"].anchor == "ok" and by_id["m2"].anchor == "orphaned"
    assert got.claims[0].anchor == "orphaned"
    assert len(got.mentions) == 2 and len(got.claims) == 1  # nothing dropped


@given(
    st.sampled_from(["Syrian army", "dozens", "Aleppo airport", "killed", "return"]),
    st.text(min_size=1, max_size=30),
    st.sampled_from(["before", "after", "inside"]),
    st.booleans(),
)
def test_edits_before_after_inside(needle: str, insert: str, where: str, delete: bool) -> None:
    span = at(needle)
    if where == "before":
        pos = span.start // 2
    elif where == "after":
        pos = span.end + (len(TEXT) - span.end) // 2
    else:
        pos = span.start + len(span.text) // 2
    if delete:
        new = TEXT[:pos] + TEXT[pos + min(3, len(TEXT) - pos) :]
    else:
        new = TEXT[:pos] + insert + TEXT[pos:]
    got, state = reanchor_span(span, new)
    if state == "orphaned":
        assert needle not in new
        assert got == span
    else:
        assert new[got.start : got.end] == needle
        if where != "inside" and not delete and needle not in insert:
            # the edit did not touch the quote: it is found where it went
            expected = span.start + (len(insert) if where == "before" else 0)
            assert got.start == expected

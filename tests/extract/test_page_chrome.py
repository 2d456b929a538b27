"""A scraped page's link lists ("Similar questions", "Related") give no claims, while the
article's own short paragraphs and its headline do. The text is written for the tests,
laid out as a news page saved as text."""

from __future__ import annotations

from tests.extract.test_attribution import claims_of
from tui.extract.page_chrome import chrome_spans

BODY = (
    "Ukraine says Russian drones hit power grid\n\n"
    "KYIV, Ukraine - Ukraine's energy ministry said Russian drones struck power facilities "
    "in three regions overnight, leaving thousands of homes without electricity.\n\n"
    "Officials in Kharkiv said repairs would take several days.\n\n"
)
LISTS = (
    "Similar questions\n"
    "What did Russia say about the strikes?\n"
    "How many homes lost power?\n\n"
    "Related\n"
    "Russia says it shot down Ukrainian drones\n"
    "Zelenskyy asks allies for more air defense\n"
)


def _cues(text: str) -> list[str]:
    return [c.cue.text for c in claims_of(text)]


def test_link_lists_give_no_claims_and_no_sources() -> None:
    claims = claims_of(BODY + LISTS)
    assert [c.content[0].text for c in claims] == [
        "Russian drones hit power grid",
        "Russian drones struck power facilities in three regions overnight",
        "repairs would take several days",
    ]
    sources = {c.source.span.text for c in claims if c.source}
    assert not any("Similar" in s or "Related" in s or s == "Russia" for s in sources)


def test_the_same_lines_as_sentences_of_the_body_give_claims() -> None:
    # The positive twin: with full stops the lines are the article's sentences.
    text = BODY + "Russia says it shot down Ukrainian drones.\nZelenskyy said allies must help.\n"
    cues = _cues(text)
    assert cues.count("says") == 2 and cues.count("said") == 3


def test_a_title_over_a_byline_and_date_is_no_list() -> None:
    text = (
        "Mayor says bridge will reopen\nBy Jane Roe\nDecember 1 2026\n\n"
        "The mayor said on Monday that the bridge would reopen next week after repairs.\n"
    )
    assert chrome_spans(text) == []
    assert "says" in _cues(text)


def test_chrome_spans_cover_heading_and_items() -> None:
    text = BODY + LISTS
    lines = [text[s:e] for s, e in chrome_spans(text)]
    assert lines[0] == "Similar questions" and lines[-1].startswith("Zelenskyy asks")
    assert len(lines) == 6

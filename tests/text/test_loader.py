"""Loading articles: decoding, newline normalisation, front matter, Markdown, titles."""

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.text import LoadError, load_document, load_text


def test_seed_loads_exactly(seed_path: Path, seed_text: str) -> None:
    doc = load_document(seed_path)
    assert doc.text == seed_text
    assert doc.encoding == "utf-8"
    assert doc.notices == ()
    assert doc.title is None  # the first line is a full sentence, not a headline
    assert len(doc.sha256) == 64


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Café “quoted”\n".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Café “quoted”\n".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Café “quoted”\n".encode("utf-16-be"), "utf-16"),
        ("Café “quoted”\n".encode(), "utf-8"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    doc = load_text(data)
    assert doc.text == "Café “quoted”\n"
    assert doc.encoding == encoding
    assert doc.notices == ()


def test_cp1252_fallback_says_so() -> None:
    doc = load_text("Caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"))
    assert doc.text == "Café “quoted”\n"
    assert doc.encoding == "cp1252"
    assert doc.notices == ("not UTF-8: decoded as cp1252",)


def test_newlines_normalised_and_nothing_else() -> None:
    doc = load_text(b"One\r\nTwo\rThree\n  four\t\xe2\x80\x94 five  \n")
    assert doc.text == "One\nTwo\nThree\n  four\t— five  \n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"abc\x00def", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (b"bad \x81\x8d\x8f\x90", "cannot decode"),
    ],
)
def test_bad_input_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        load_text(data)


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load_document(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="is a folder"):
        load_document(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    with pytest.raises(LoadError, match="too large"):
        load_document(big, max_bytes=1000)
    assert load_document(big, max_bytes=5000).text.startswith("word")


def test_headline_and_dateline() -> None:
    doc = load_text(
        b"Rebels seize Aleppo in surprise offensive\n\n"
        b"ALEPPO, Syria (Reuters) - The Syrian army said on Saturday dozens died.\n"
    )
    assert doc.title == "Rebels seize Aleppo in surprise offensive"
    assert doc.title_span == (0, len(doc.title))
    assert doc.dateline is not None
    s, e = doc.dateline
    assert doc.text[s:e] == "ALEPPO, Syria (Reuters) - "


def test_markdown_front_matter_and_rendering() -> None:
    source = (
        "---\ntitle: Rebels take Aleppo\nsource: Reuters\nurl: https://example.com/a\n"
        "published: 2024-11-30\nauthor: A. Writer\n---\n"
        "# Heading here\n\nThe *army* said [dozens](http://x) died.\n\n- first point\n- second\n"
    )
    doc = load_text(source.encode(), markdown=True)
    assert doc.title == "Rebels take Aleppo"
    assert doc.meta["source"] == "Reuters"
    assert doc.meta["published"] == "2024-11-30"
    assert doc.meta["author"] == "A. Writer"
    assert doc.format == "markdown"
    assert doc.text == "Heading here\n\nThe army said dozens died.\n\nfirst point\n\nsecond\n"
    assert doc.title_span is None  # the heading is not the front matter's title


def test_markdown_heading_repeating_the_title_is_the_title() -> None:
    source = (
        "---\ntitle: Rebels take Aleppo\n---\n# Rebels take Aleppo\n\nBEIRUT — The army said so.\n"
    )
    doc = load_text(source.encode(), markdown=True)
    assert doc.text.startswith("Rebels take Aleppo\n\n")
    assert doc.title_span == (0, len("Rebels take Aleppo"))
    assert doc.dateline is not None and doc.text[doc.dateline[0] : doc.dateline[1]] == "BEIRUT — "


def test_markdown_bad_front_matter() -> None:
    with pytest.raises(LoadError, match="front matter"):
        load_text(b"---\ntitle: [unclosed\n---\nText.\n", markdown=True)
    with pytest.raises(LoadError, match="front matter"):
        load_text(b"---\n- a list\n---\nText.\n", markdown=True)


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_unicode_round_trips_utf8(text: str) -> None:
    try:
        doc = load_text(text.encode("utf-8"))
    except LoadError as exc:
        assert "binary" in str(exc) or "empty" in str(exc)
        return
    expected = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    assert doc.text == expected

"""ClaimReview: Google's required fields on every review, the recommended ones when known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.formats.conftest import load
from tui.cli import main


def export(article: Path, capsys, *extra: str) -> str:
    code = main(["export", str(article), "--format", "claimreview", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_seed_reviews_field_by_field(reviewed: Path, capsys, tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "publisher:\n  name: Desk Check\n  url: https://checks.example.org/reviews\n",
        encoding="utf-8",
    )
    data = json.loads(export(reviewed, capsys, "--config", str(config)))
    judged = [c.id for c in load(reviewed).claims if c.review.verdict]
    assert len(judged) == 3  # c1, the "claimed" one and Savett's second (conftest)
    assert [d["url"].rsplit("#", 1)[1] for d in data] == judged  # judged claims only
    for d in data:  # Google's required properties
        assert (
            d["@type"] == "ClaimReview" and d["claimReviewed"] and d["url"].startswith("https://")
        )
        assert d["reviewRating"]["@type"] == "Rating" and d["reviewRating"]["alternateName"]
    c1 = data[0]
    assert c1["url"] == "https://checks.example.org/reviews/aleppo#c1"
    assert c1["claimReviewed"].startswith("dozens of its soldiers had been killed")
    assert c1["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "verified",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "The claim matches the evidence.",
    }
    assert c1["author"] == {
        "@type": "Organization",
        "name": "Desk Check",
        "url": "https://checks.example.org/reviews",
    }
    assert c1["datePublished"] == "2024-12-01"
    assert c1["reviewBody"] == "AP confirms.\nTwo sources."
    assert c1["itemReviewed"]["@type"] == "Claim"
    assert c1["itemReviewed"]["author"] == {"@type": "Organization", "name": "Syrian army"}
    assert c1["itemReviewed"]["appearance"] == {"@type": "CreativeWork", "headline": "aleppo.txt"}
    savett = data[2]
    assert savett["itemReviewed"]["author"] == {"@type": "Person", "name": "Sean Savett"}
    assert savett["reviewRating"]["alternateName"] == "false"


def test_html_page_is_inert(reviewed: Path, capsys) -> None:
    from tui.review import ReviewSession

    session = ReviewSession.open(reviewed)
    session.set_note("c1", "</script><script>alert(1)</script>")
    assert session.flush()
    page = export(reviewed, capsys, "--html", "--url", "https://x.org/{name}/{claim}")
    assert page.count('<script type="application/ld+json">') == 3
    assert "<script>alert" not in page
    assert "&lt;/script&gt;" in page and "\\u003c/script>" in page
    assert '"url": "https://x.org/aleppo/c1"' in page


def test_no_url_is_one_line_exit_2(reviewed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(reviewed), "--format", "claimreview"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "claimreview needs the url" in err[0]

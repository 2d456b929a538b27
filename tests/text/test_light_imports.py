"""Extraction needs no YAML parser: the packaged word lists come from their JSON cache
(tui/data/__init__.py), so importing PyYAML (tens of milliseconds at every start) is left
to what reads YAML a user wrote (front matter, a codebook of their own, sidecars)."""

from __future__ import annotations

import pytest

import tui.extract.codebook as codebook
import tui.text.loader as loader
from tui.extract.codebook import CodebookError, parse_codebook
from tui.text import LoadError, load_text


@pytest.mark.parametrize("module", [loader, codebook])
def test_modules_on_the_extraction_path_do_not_import_yaml_when_loaded(module) -> None:
    assert "yaml" not in vars(module)


def test_front_matter_and_codebook_yaml_are_still_parsed_and_their_errors_reported() -> None:
    doc = load_text(b"---\ntitle: Aleppo falls\n---\nRebels took the city.\n", markdown=True)
    assert doc.meta["title"] == "Aleppo falls"
    with pytest.raises(LoadError, match="front matter is not valid YAML"):
        load_text(b"---\ntitle: [unclosed\n---\nText.\n", markdown=True)
    with pytest.raises(CodebookError, match=r"^mine\.yaml: line \d+: "):
        parse_codebook("event_types: [unclosed\n", "mine.yaml")
    with pytest.raises(CodebookError, match=r"^mine\.yaml: "):
        parse_codebook("event_types: 3\nverdicts: []\nentity_types: []", "mine.yaml")
